"""Two entries of the same student (a pupil who lost their code joined again
as "Minh Anh"): the teacher folds one into the other.

The kept entry gets everything of both: every attempt of the other is
re-keyed to the kept learner key (which one counts follows the class's
attempt rule; none is dropped), lesson progress is merged keeping the
earlier opened and finished times, and the other student row goes, so its
personal code stops working. The caller's one transaction makes it all or
nothing.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from ..models import LessonProgress, QuizAnswer, QuizAttempt, Student, as_utc
from .errors import ClassError


@dataclass(frozen=True)
class Holdings:
    """What one entry has, for the confirmation page."""

    student: Student
    attempts: int
    answers: int
    lessons: int


def holdings(db: Session, student: Student) -> Holdings:
    key = student.learner_key
    attempts = db.exec(select(func.count()).select_from(QuizAttempt).where(QuizAttempt.learner_key == key)).one()
    answers = db.exec(select(func.count()).select_from(QuizAnswer).join(QuizAttempt, col(QuizAnswer.attempt_id) == QuizAttempt.id)
                      .where(QuizAttempt.learner_key == key)).one()
    lessons = db.exec(select(func.count()).select_from(LessonProgress).where(LessonProgress.learner_key == key)).one()
    return Holdings(student, attempts, answers, lessons)


def _earlier(first, second):
    present = [moment for moment in (first, second) if moment is not None]
    return min(present, key=as_utc) if present else None


def merge_students(db: Session, keep: Student, other: Student) -> None:
    """Fold `other` into `keep` (two students of one class, checked by the caller)."""
    if keep.id == other.id:
        raise ClassError("class.merge_same")
    if keep.class_id != other.class_id:
        raise ValueError("students of different classes")
    kept_progress = {p.lesson_slug: p for p in
                     db.exec(select(LessonProgress).where(LessonProgress.learner_key == keep.learner_key)).all()}
    for progress in db.exec(select(LessonProgress).where(LessonProgress.learner_key == other.learner_key)).all():
        kept = kept_progress.get(progress.lesson_slug)
        if kept is None:
            continue  # re-keyed below
        kept.opened_at = _earlier(kept.opened_at, progress.opened_at)
        kept.finished_at = _earlier(kept.finished_at, progress.finished_at)
        db.add(kept)
        db.delete(progress)
    db.flush()  # the duplicates are gone before the rest take the kept key (one row per lesson)
    db.execute(update(LessonProgress).where(LessonProgress.learner_key == other.learner_key)
               .values(learner_key=keep.learner_key))
    db.execute(update(QuizAttempt).where(QuizAttempt.learner_key == other.learner_key)
               .values(learner_key=keep.learner_key))
    db.delete(other)
    db.flush()
