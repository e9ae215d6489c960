"""The question bank: every authored question, named across the bank by a
reference "quiz/question" and grouped by topic and difficulty, so a contest
round, a kiosk play or a practice set can draw from it.

A draw becomes a quiz (`as_quiz`), so the question templates, scoring and
result pages that serve every quiz serve it too.
"""
from __future__ import annotations

import random
from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

from .base import LangText
from .models import Quiz

if TYPE_CHECKING:
    from .loader import Library


class Pick(Protocol):
    """How many questions of one topic and difficulty a draw takes."""

    topic: str
    difficulty: int
    count: int


def ref(quiz: Quiz, question) -> str:
    return f"{quiz.slug}/{question.id}"


def resolve(library: Library, reference: str):
    """The question a reference names, or None when the bank no longer has it."""
    slug, _, question_id = reference.partition("/")
    quiz = library.quizzes.get(slug)
    return quiz.question(question_id) if quiz else None


def bank(library: Library, youngest_age: int | None = None) -> dict[tuple[str, int], list[str]]:
    """References by (topic, difficulty), in a stable order. Questions for a
    teacher to talk through never go to an unsupervised draw, nor questions
    above the youngest eligible learner's age."""
    pool: dict[tuple[str, int], list[str]] = {}
    for quiz in library.authored_quizzes():
        for question in quiz.questions:
            if question.sensitivity or (youngest_age and (question.min_age or 0) > youngest_age):
                continue
            pool.setdefault((quiz.topic, question.difficulty), []).append(ref(quiz, question))
    return pool


def shortfalls(pool: dict[tuple[str, int], list[str]], picks: Iterable[Pick]) -> list[tuple[int, Pick, int]]:
    """(position, pick, questions the bank has) for each pick it cannot fill."""
    return [(i, pick, len(pool.get((pick.topic, pick.difficulty), ())))
            for i, pick in enumerate(picks) if pick.count > len(pool.get((pick.topic, pick.difficulty), ()))]


def sample(pool: dict[tuple[str, int], list[str]], picks: Iterable[Pick], seed: str) -> list[str]:
    """The picks drawn from the pool, then shuffled: the same for the same seed."""
    rng = random.Random(seed)
    chosen = [r for pick in picks for r in rng.sample(pool[(pick.topic, pick.difficulty)], pick.count)]
    rng.shuffle(chosen)
    return chosen


def as_quiz(library: Library, slug: str, title: LangText, references: list[str], **fields) -> Quiz:
    """A draw as a quiz. Each question is named by its reference: ids are
    unique within a quiz, not across the bank. A question the bank has since
    lost is left out (and scores nothing). `fields` set the quiz's own
    (summary, topic, audience, ...) where the defaults do not fit."""
    questions = []
    for reference in references:
        question = resolve(library, reference)
        if question is not None:
            update = {"id": reference}
            if getattr(question, "wording", False) is None:  # a verdict says scam/safe or okay/not by its quiz's topic
                update["wording"] = "scam" if library.quizzes[reference.partition("/")[0]].topic == "scams" else "abuse"
            questions.append(question.model_copy(update=update))
    values = dict(slug=slug, title=title, summary=title, topic="scams", audience=["teachers"], order=0,
                  related_lessons=[], ask_confidence=False)
    return Quiz.model_construct(**(values | fields | {"questions": questions}))


PRACTICE_TOPIC = "mixed"  # a practice set spans topics; never an author's topic, so no filter offers it
PRACTICE_ORDER = 1000  # after every authored quiz in the list


def practice_sets(library: Library, practice) -> list[Quiz]:
    """The contest practice sets (pathways.ContestPractice) drawn from the
    authored quizzes; the caller has checked the bank can fill every pick."""
    pool = bank(library, practice.youngest_age)
    return [as_quiz(library, slug, _numbered(practice.title, number), sample(pool, practice.picks, slug),
                    summary=practice.intro, topic=PRACTICE_TOPIC, audience=practice.audience,
                    order=PRACTICE_ORDER + number)
            for number, slug in enumerate(practice.slugs(), 1)]


def _numbered(title: LangText, number: int) -> LangText:
    return LangText(vi=title.vi.replace("{number}", str(number)), en=title.en.replace("{number}", str(number)))
