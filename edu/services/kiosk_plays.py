"""A visitor's play at a kiosk: drawn, answered, finished, put on the day's board.

A play draws its questions afresh from the kiosk's pool (its quiz, or the
recognition items of every quiz), so the next visitor does not meet the same
five. Nobody at a kiosk is supervised and anyone may walk up, so the pool
leaves out questions for a teacher to talk through and questions with a
minimum age. Answers go through services/attempts.py like every other
attempt, in the context ("kiosk", kiosk id).
"""
from __future__ import annotations

import json
import random
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlmodel import Session, col, select

from ..content import Library, Quiz
from ..content.base import LangText
from ..content.tips import Tip
from ..models import Kiosk, KioskPlay, QuizAnswer, QuizAttempt, as_utc
from . import attempts, draws
from .attempts import Context
from .contests import VIET_NAM, viet_nam_to_utc
from .errors import ServiceError

RECOGNITION_FAMILIES = frozenset({"verdict", "red_flags", "which_is_real"})  # "is this a scam?" on a mockup
# A play nobody touched for this long is over, whatever the screen did: the
# server's backstop for a screen that could not reset itself (no JavaScript,
# a network drop at the wrong moment). Longer than any idle timeout and warning.
ABANDONED_AFTER = timedelta(minutes=15)
STILL_THERE_SECONDS = 30  # "Are you still there?" waits this long (WCAG 2.2.1 asks for at least 20)
BOARD_SIZE = 5
# Nicknames for the day's board are picked, never typed: two harmless words.
ADJECTIVES = ("brave", "bright", "calm", "clever", "gentle", "happy", "kind", "quick", "quiet", "steady", "sunny", "wise")
ANIMALS = ("buffalo", "crane", "dolphin", "elephant", "kitten", "otter", "panda", "parrot", "rabbit", "squirrel",
           "tiger", "turtle")
NICKNAME_CHOICES = 4


class KioskPlayError(ServiceError):
    """A play that cannot start or a choice it cannot take."""


def _suits_anyone(question) -> bool:
    return not question.sensitivity and not question.min_age


def pool(library: Library, quiz_slug: str) -> list[str]:
    """References ("quiz/question") a play at this kiosk may draw, in a stable order."""
    if quiz_slug:
        quiz = library.quizzes.get(quiz_slug)
        return [draws.ref(quiz, q) for q in quiz.questions if _suits_anyone(q)] if quiz else []
    return [draws.ref(quiz, q) for quiz in library.authored_quizzes()
            for q in quiz.questions if q.family in RECOGNITION_FAMILIES and _suits_anyone(q)]


def context(kiosk: Kiosk) -> Context:
    return Context("kiosk", kiosk.id)


@dataclass
class Visit:
    """A play as the kiosk's screens show it."""

    kiosk: Kiosk
    play: KioskPlay
    attempt: QuizAttempt
    quiz: Quiz  # the drawn questions, named by reference
    answers: dict[str, QuizAnswer]

    @property
    def finished(self) -> bool:
        return self.attempt.finished_at is not None

    @property
    def next_question(self):
        return attempts.next_question(self.quiz, self.answers)

    @property
    def number(self) -> int:
        """The number (from 1) of the next question."""
        return len(self.answers) + 1

    def last_activity(self) -> datetime:
        return max([as_utc(self.play.started_at)] + [as_utc(a.answered_at) for a in self.answers.values()])

    def abandoned(self, now: datetime) -> bool:
        return now - self.last_activity() > ABANDONED_AFTER


def _quiz(library: Library, kiosk: Kiosk, references: list[str]) -> Quiz:
    return draws.as_quiz(library, f"kiosk-{kiosk.id}", LangText(vi=kiosk.name, en=kiosk.name), references)


def start_play(db: Session, library: Library, kiosk: Kiosk, language: str, now: datetime) -> KioskPlay:
    """A new visitor's play, its questions drawn from the pool."""
    references = pool(library, kiosk.quiz_slug)
    if not references:
        raise KioskPlayError("kiosk.empty_pool")
    seed = secrets.randbelow(2**31)
    chosen = random.Random(f"{seed}/kiosk").sample(references, min(kiosk.question_count, len(references)))
    attempt = QuizAttempt(learner_key=secrets.token_urlsafe(18), quiz_slug=f"kiosk-{kiosk.id}", context="kiosk",
                          context_id=kiosk.id, seed=seed, max_score=len(chosen), started_at=now)
    db.add(attempt)
    db.flush()
    play = KioskPlay(kiosk_id=kiosk.id, attempt_id=attempt.id, language=language, questions=json.dumps(chosen),
                     started_at=now)
    db.add(play)
    db.flush()
    return play


def visit(db: Session, library: Library, kiosk: Kiosk, play_id: int | None) -> Visit | None:
    """The play this screen is in, if it is this kiosk's."""
    play = db.get(KioskPlay, play_id) if play_id else None
    if play is None or play.kiosk_id != kiosk.id:
        return None
    attempt = db.get(QuizAttempt, play.attempt_id)
    return Visit(kiosk, play, attempt, _quiz(library, kiosk, json.loads(play.questions)),
                 attempts.answers_by_question(db, attempt))


def answer(db: Session, current: Visit, form: Mapping, key: str) -> attempts.Recorded:
    recorded = attempts.record_answer(db, current.attempt.learner_key, current.quiz, context(current.kiosk), form, key)
    current.answers[recorded.answer.question_id] = recorded.answer
    return recorded


def take_away_tips(library: Library, current: Visit) -> list[Tip]:
    """Three tips, first for the topics of what the visitor missed."""
    def topic(reference: str) -> str:
        return library.quizzes[reference.partition("/")[0]].topic

    seen = [topic(q.id) for q in current.quiz.questions]
    missed = [topic(ref) for ref, a in current.answers.items() if not a.is_correct and ref.partition("/")[0] in library.quizzes]
    return library.tips.for_topics(list(dict.fromkeys(missed)), list(dict.fromkeys(seen)))


# --- the day's board -------------------------------------------------------------------

def nickname_choices(current: Visit) -> list[str]:
    """The few nicknames this visitor is offered ("adjective/animal"), the same on every reload."""
    rng = random.Random(f"{current.attempt.seed}/nickname")
    return [f"{a}/{b}" for a, b in zip(rng.sample(ADJECTIVES, NICKNAME_CHOICES), rng.sample(ANIMALS, NICKNAME_CHOICES))]


def choose_nickname(db: Session, current: Visit, nickname: str) -> None:
    if not current.finished:
        raise KioskPlayError("kiosk.nickname_too_early")
    if nickname not in nickname_choices(current):
        raise KioskPlayError("kiosk.nickname_unknown")
    current.play.nickname = nickname
    db.add(current.play)


@dataclass(frozen=True)
class BoardLine:
    nickname: str
    score: float
    max_score: int


def day_board(db: Session, kiosk: Kiosk, now: datetime) -> list[BoardLine]:
    """Today's best finished plays with a nickname (a Viet Nam day), best first."""
    today = as_utc(now).astimezone(VIET_NAM).date()
    rows = db.exec(select(KioskPlay.nickname, QuizAttempt.score, QuizAttempt.max_score)
                   .join(QuizAttempt, QuizAttempt.id == KioskPlay.attempt_id)
                   .where(KioskPlay.kiosk_id == kiosk.id, KioskPlay.nickname != "",
                          KioskPlay.started_at >= viet_nam_to_utc(today, time(0)),
                          col(QuizAttempt.finished_at).is_not(None))
                   .order_by(col(QuizAttempt.score).desc(), col(QuizAttempt.finished_at))
                   .limit(BOARD_SIZE))
    return [BoardLine(*row) for row in rows]
