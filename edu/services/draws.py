"""Which questions a contest participant gets: drawn from the quiz bank by
topic and difficulty, or a fixed list, then shuffled, from the seed kept
with their attempt.

A question is named across the whole bank by a reference, "quiz/question".
A round stores its draw as JSON:

    {"kind": "bank", "picks": [{"topic": "scams", "difficulty": 1, "count": 3}, ...]}
    {"kind": "fixed", "questions": ["scam-recognition/lucky-draw-email", ...]}

The questions a participant drew are stored with their attempt
(ContestDraw), so editing the round later changes no draw already made.
"""
from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass

from ..content import Library, Quiz
from ..content.base import LangText
from .errors import ServiceError

MAX_QUESTIONS = 100


class DrawError(ServiceError):
    """A draw that cannot be made from the bank: a code and the numbers its message needs."""


@dataclass(frozen=True)
class Pick:
    topic: str
    difficulty: int
    count: int


@dataclass(frozen=True)
class Draw:
    """A round's draw: `picks` (from the bank) or `fixed` (references)."""

    picks: tuple[Pick, ...] = ()
    fixed: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        return len(self.fixed) if self.fixed else sum(p.count for p in self.picks)

    def to_json(self) -> str:
        if self.fixed:
            return json.dumps({"kind": "fixed", "questions": list(self.fixed)})
        return json.dumps({"kind": "bank", "picks": [p.__dict__ for p in self.picks]})

    @classmethod
    def from_json(cls, text: str) -> Draw:
        data = json.loads(text)
        if data["kind"] == "fixed":
            return cls(fixed=tuple(data["questions"]))
        return cls(picks=tuple(Pick(p["topic"], int(p["difficulty"]), int(p["count"])) for p in data["picks"]))


def fingerprint(draw_json: str) -> str:
    """The round's draw as it was when an attempt began, kept with the attempt."""
    return hashlib.sha256(draw_json.encode()).hexdigest()[:16]


def ref(quiz: Quiz, question) -> str:
    return f"{quiz.slug}/{question.id}"


def resolve(library: Library, reference: str):
    """The question a reference names, or None when the bank no longer has it."""
    slug, _, question_id = reference.partition("/")
    quiz = library.quizzes.get(slug)
    return quiz.question(question_id) if quiz else None


def bank(library: Library, youngest_age: int | None = None) -> dict[tuple[str, int], list[str]]:
    """References by (topic, difficulty), in a stable order. Questions for a
    teacher to talk through never go to an unsupervised contest, nor questions
    above the youngest eligible student's age."""
    pool: dict[tuple[str, int], list[str]] = {}
    for slug in sorted(library.quizzes):
        quiz = library.quizzes[slug]
        for question in quiz.questions:
            if question.sensitivity or (youngest_age and (question.min_age or 0) > youngest_age):
                continue
            pool.setdefault((quiz.topic, question.difficulty), []).append(ref(quiz, question))
    return pool


def check(library: Library, draw: Draw, youngest_age: int | None = None) -> None:
    """Refuse a draw the bank cannot satisfy, before a round is saved."""
    if not 1 <= draw.size <= MAX_QUESTIONS:
        raise DrawError("draw.size", most=MAX_QUESTIONS)
    if draw.fixed:
        unknown = [r for r in draw.fixed if resolve(library, r) is None]
        if unknown:
            raise DrawError("draw.unknown_question", question=unknown[0])
        if len(set(draw.fixed)) != len(draw.fixed):
            raise DrawError("draw.repeated_question")
        return
    pool = bank(library, youngest_age)
    for pick in draw.picks:
        have = len(pool.get((pick.topic, pick.difficulty), ()))
        if pick.count > have:
            raise DrawError("draw.too_few", topic=pick.topic, difficulty=pick.difficulty, want=pick.count, have=have)


def draw_for(library: Library, draw: Draw, seed: int, youngest_age: int | None = None) -> list[str]:
    """One participant's questions, in the order they are shown: the same
    for the same seed, different from their neighbour's."""
    rng = random.Random(f"{seed}/draw")
    if draw.fixed:
        chosen = list(draw.fixed)
    else:
        pool = bank(library, youngest_age)
        chosen = [r for pick in draw.picks for r in rng.sample(pool[(pick.topic, pick.difficulty)], pick.count)]
    rng.shuffle(chosen)
    return chosen


def as_quiz(library: Library, slug: str, title: LangText, references: list[str]) -> Quiz:
    """A participant's draw as a quiz, so the question templates, scoring and
    result pages that serve every quiz serve it too. Each question is named by
    its reference: ids are unique within a quiz, not across the bank. A
    question the bank has since lost is left out (and scores nothing)."""
    questions = []
    for reference in references:
        question = resolve(library, reference)
        if question is not None:
            update = {"id": reference}
            if getattr(question, "wording", False) is None:  # a verdict says scam/safe or okay/not by its quiz's topic
                update["wording"] = "scam" if library.quizzes[reference.partition("/")[0]].topic == "scams" else "abuse"
            questions.append(question.model_copy(update=update))
    return Quiz.model_construct(slug=slug, title=title, summary=title, topic="scams", audience=["teachers"],
                                order=0, related_lessons=[], ask_confidence=False, questions=questions)
