"""Quiz attempts: start, answer one question at a time, finish, resume.

Every attempt belongs to a context (practice, a class's homework, later a
contest round, a kiosk play or a live game), so the same quiz taken for two
purposes never shares a "latest attempt".

Answering is the hottest path on a contest day, so its statements are built
once at import (building a select costs about as much as running it) and an
answer is inserted first and checked after: the unique constraint on
(attempt, question), not a read before the write, is what makes a double
submit count once. Nothing here commits: the request's one transaction is
committed by the web layer once the action is complete.
"""
from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import bindparam, func
from sqlmodel import Session, col, select

from ..content import Quiz
from ..content.questions import AnswerRejected, Shown, read_confidence
from ..models import QuizAnswer, QuizAttempt, utcnow
from .sql import insert_once


@dataclass(frozen=True)
class Context:
    """What an attempt is for: ("practice", 0), ("class", class id), ..."""

    kind: str
    id: int = 0

    @property
    def params(self) -> dict:
        return {"context": self.kind, "context_id": self.id}


PRACTICE = Context("practice")


def class_context(class_id: int) -> Context:
    return Context("class", class_id)


_LATEST = (select(QuizAttempt)
           .where(QuizAttempt.learner_key == bindparam("learner"), QuizAttempt.quiz_slug == bindparam("quiz"),
                  QuizAttempt.context == bindparam("context"), QuizAttempt.context_id == bindparam("context_id"))
           .order_by(col(QuizAttempt.id).desc()).limit(1))
_LATEST_FINISHED = _LATEST.where(col(QuizAttempt.finished_at).is_not(None))
_ANSWERS = select(QuizAnswer).where(QuizAnswer.attempt_id == bindparam("attempt"))
_ANSWER = _ANSWERS.where(QuizAnswer.question_id == bindparam("question"))
_ANSWERED_IDS = select(QuizAnswer.question_id).where(QuizAnswer.attempt_id == bindparam("attempt"))
# Only answers to questions the quiz still has: content may change mid-attempt.
_TALLY = (select(func.count(), func.coalesce(func.sum(QuizAnswer.score), 0))
          .where(QuizAnswer.attempt_id == bindparam("attempt"),
                 col(QuizAnswer.question_id).in_(bindparam("questions", expanding=True))))


def latest_attempt(db: Session, learner: str, quiz: Quiz, context: Context) -> QuizAttempt | None:
    return db.exec(_LATEST, params={"learner": learner, "quiz": quiz.slug, **context.params}).first()


def latest_finished_attempt(db: Session, learner: str, quiz: Quiz, context: Context) -> QuizAttempt | None:
    return db.exec(_LATEST_FINISHED, params={"learner": learner, "quiz": quiz.slug, **context.params}).first()


def open_attempt(db: Session, learner: str, quiz: Quiz, context: Context) -> QuizAttempt | None:
    attempt = latest_attempt(db, learner, quiz, context)
    return attempt if attempt and attempt.finished_at is None else None


def start_attempt(db: Session, learner: str, quiz: Quiz, context: Context, restart: bool = False) -> QuizAttempt:
    """Resume the open attempt unless the student asked to start over. A new
    attempt draws the seed that fixes the order of its options."""
    attempt = open_attempt(db, learner, quiz, context)
    if attempt and not restart:
        return attempt
    attempt = QuizAttempt(learner_key=learner, quiz_slug=quiz.slug, context=context.kind, context_id=context.id,
                          seed=secrets.randbelow(2**31), quiz_version=quiz.fingerprint, max_score=len(quiz.questions))
    db.add(attempt)
    db.flush()  # the id, for the redirect that follows
    return attempt


def answers_by_question(db: Session, attempt: QuizAttempt) -> dict[str, QuizAnswer]:
    return {row.question_id: row for row in db.exec(_ANSWERS, params={"attempt": attempt.id})}


def answered_question_ids(db: Session, attempt: QuizAttempt) -> set[str]:
    return set(db.exec(_ANSWERED_IDS, params={"attempt": attempt.id}))


def next_question(quiz: Quiz, answered):
    """The first question whose id is not in `answered` (ids or answers by id)."""
    return next((q for q in quiz.questions if q.id not in answered), None)


def _stored_answer(db: Session, attempt: QuizAttempt, question_id: str) -> QuizAnswer | None:
    return db.exec(_ANSWER, params={"attempt": attempt.id, "question": question_id}).first()


def shown(attempt: QuizAttempt, key: str) -> Shown:
    """How this attempt's page shows the quiz; `key` is the app's secret."""
    return Shown(attempt.seed, key)


@dataclass(frozen=True)
class Recorded:
    attempt: QuizAttempt
    question: object
    answer: QuizAnswer


def record_answer(db: Session, learner: str, quiz: Quiz, context: Context, form: Mapping, key: str) -> Recorded:
    """Score and store one answer; finish the attempt after the last one.

    The form names its question and choices as the page did (see Shown).
    Sending the same answer again (a reload, a double click) returns the
    stored answer and counts nothing twice.
    """
    attempt = latest_attempt(db, learner, quiz, context)
    if attempt is None:
        raise AnswerRejected("attempt.not_started")
    seen = shown(attempt, key)
    question = quiz.question_named(form.get("question", ""), seen)
    if question is None:
        raise AnswerRejected("attempt.unknown_question")
    question_id = question.id
    chosen = question.read(form, seen)
    confidence = read_confidence(form) if quiz.asks_confidence(question) else None
    encoded = ",".join(chosen)

    if attempt.finished_at is not None:
        stored = _stored_answer(db, attempt, question_id)
        if stored and stored.choice == encoded:
            return Recorded(attempt, question, stored)
        raise AnswerRejected("attempt.finished")

    mark = question.score(chosen)
    answer = QuizAnswer(attempt_id=attempt.id, question_id=question_id, choice=encoded,
                        is_correct=mark.correct, score=mark.score, confidence=confidence)
    answer.id = insert_once(db, QuizAnswer, answer.model_dump(exclude={"id"}), unique=("attempt_id", "question_id"))
    if answer.id is None:
        # Answered before: a reload, a double click or a concurrent request. The first answer stands.
        stored = _stored_answer(db, attempt, question_id)
        if stored.choice != answer.choice:
            raise AnswerRejected("attempt.already_answered")
        return Recorded(attempt, question, stored)

    answered, score = db.exec(_TALLY, params={"attempt": attempt.id, "questions": quiz.question_ids}).one()
    if answered == len(quiz.questions):
        attempt.finished_at = utcnow()
        attempt.score = score
        db.add(attempt)
    return Recorded(attempt, question, answer)
