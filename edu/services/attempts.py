"""Quiz attempts: start, answer one question at a time, finish, resume.

Answering is the hottest path on a contest day, so its statements are built
once at import (building a select costs about as much as running it) and an
answer is inserted first and checked after: the unique constraint on
(attempt, question), not a read before the write, is what makes a double
submit count once. Nothing here commits: the request's one transaction
is committed by the web layer once the action is complete.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import bindparam, func
from sqlmodel import Session, col, select

from ..content import Quiz
from ..models import QuizAnswer, QuizAttempt, utcnow
from .answers import CONFIDENCE_LEVELS, read_answer
from .errors import AnswerRejected
from .scoring import score_answer
from .sql import insert_once

_LATEST = (select(QuizAttempt)
           .where(QuizAttempt.learner_key == bindparam("learner"), QuizAttempt.quiz_slug == bindparam("quiz"))
           .order_by(col(QuizAttempt.id).desc()).limit(1))
_LATEST_FINISHED = _LATEST.where(col(QuizAttempt.finished_at).is_not(None))
_ANSWERS = select(QuizAnswer).where(QuizAnswer.attempt_id == bindparam("attempt"))
_ANSWER = _ANSWERS.where(QuizAnswer.question_id == bindparam("question"))
_ANSWERED_IDS = select(QuizAnswer.question_id).where(QuizAnswer.attempt_id == bindparam("attempt"))
# Only answers to questions the quiz still has: content may change mid-attempt.
_TALLY = (select(func.count(), func.coalesce(func.sum(QuizAnswer.score), 0))
          .where(QuizAnswer.attempt_id == bindparam("attempt"),
                 col(QuizAnswer.question_id).in_(bindparam("questions", expanding=True))))


def latest_attempt(db: Session, learner: str, quiz: Quiz) -> QuizAttempt | None:
    return db.exec(_LATEST, params={"learner": learner, "quiz": quiz.slug}).first()


def latest_finished_attempt(db: Session, learner: str, quiz: Quiz) -> QuizAttempt | None:
    return db.exec(_LATEST_FINISHED, params={"learner": learner, "quiz": quiz.slug}).first()


def open_attempt(db: Session, learner: str, quiz: Quiz) -> QuizAttempt | None:
    attempt = latest_attempt(db, learner, quiz)
    return attempt if attempt and attempt.finished_at is None else None


def start_attempt(db: Session, learner: str, quiz: Quiz, restart: bool = False) -> QuizAttempt:
    """Resume the open attempt unless the student asked to start over."""
    attempt = open_attempt(db, learner, quiz)
    if attempt and not restart:
        return attempt
    attempt = QuizAttempt(learner_key=learner, quiz_slug=quiz.slug, max_score=len(quiz.questions))
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


def record_answer(db: Session, learner: str, quiz: Quiz, question_id: str, form: Mapping) -> tuple[QuizAttempt, QuizAnswer]:
    """Score and store one answer; finish the attempt after the last one.

    Sending the same answer again (a reload, a double click) returns the
    stored answer and counts nothing twice.
    """
    attempt = latest_attempt(db, learner, quiz)
    if attempt is None:
        raise AnswerRejected("attempt.not_started")
    question = quiz.question(question_id)
    if question is None:
        raise AnswerRejected("attempt.unknown_question")
    submitted = read_answer(question, form)

    if attempt.finished_at is not None:
        stored = _stored_answer(db, attempt, question_id)
        if stored and stored.choice == submitted.encoded:
            return attempt, stored
        raise AnswerRejected("attempt.finished")

    mark = score_answer(question, submitted.chosen)
    answer = QuizAnswer(attempt_id=attempt.id, question_id=question_id, choice=submitted.encoded,
                        is_correct=mark.correct, score=mark.score,
                        confidence=submitted.confidence if quiz.asks_confidence(question) else None)
    answer.id = insert_once(db, QuizAnswer, answer.model_dump(exclude={"id"}), unique=("attempt_id", "question_id"))
    if answer.id is None:
        # Answered before: a reload, a double click or a concurrent request. The first answer stands.
        stored = _stored_answer(db, attempt, question_id)
        if stored.choice != answer.choice:
            raise AnswerRejected("attempt.already_answered")
        return attempt, stored

    answered, score = db.exec(_TALLY, params={"attempt": attempt.id, "questions": quiz.question_ids}).one()
    if answered == len(quiz.questions):
        attempt.finished_at = utcnow()
        attempt.score = score
        db.add(attempt)
    return attempt, answer


@dataclass(frozen=True)
class ReviewedQuestion:
    question: object
    answer: QuizAnswer | None


def review(quiz: Quiz, answers: dict[str, QuizAnswer]) -> list[ReviewedQuestion]:
    return [ReviewedQuestion(q, answers.get(q.id)) for q in quiz.questions]


def lessons_to_review(quiz: Quiz, answers: dict[str, QuizAnswer]) -> tuple[list[str], list[str]]:
    """(lessons behind the questions got wrong, the quiz's other related lessons)."""
    missed: list[str] = []
    for question in quiz.questions:
        answer = answers.get(question.id)
        if question.review_lesson and answer and not answer.is_correct and question.review_lesson not in missed:
            missed.append(question.review_lesson)
    related = [slug for slug in quiz.related_lessons if slug not in missed]
    return missed, related


@dataclass(frozen=True)
class ConfidenceRow:
    level: int
    answered: int
    right: int

    @property
    def share(self) -> float:
        return self.right / self.answered


def confidence_summary(answers: dict[str, QuizAnswer]) -> list[ConfidenceRow]:
    """How often the student was right at each "how sure are you?" level."""
    rows = []
    for level in CONFIDENCE_LEVELS:
        rated = [a for a in answers.values() if a.confidence == level]
        if rated:
            rows.append(ConfidenceRow(level, len(rated), sum(a.is_correct for a in rated)))
    return rows


def unsure_count(answers: dict[str, QuizAnswer]) -> int:
    return sum(a.choice == "unsure" for a in answers.values())
