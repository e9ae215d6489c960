"""Lesson progress: opened when a lesson page is read, finished on request.

Only a student's reading is kept (what their teacher's grid shows): a
visitor who has not joined a class leaves no row behind.
"""
from __future__ import annotations

from sqlalchemy import bindparam
from sqlmodel import Session, select

from ..models import LessonProgress, Student, utcnow
from .sql import insert_once

# Built once: it runs on every lesson page view.
_STUDENT = select(Student.id).where(Student.learner_key == bindparam("learner")).limit(1)
_PROGRESS = select(LessonProgress).where(LessonProgress.learner_key == bindparam("learner"),
                                         LessonProgress.lesson_slug == bindparam("lesson"))


def _progress(db: Session, learner_key: str, slug: str) -> LessonProgress | None:
    return db.exec(_PROGRESS, params={"learner": learner_key, "lesson": slug}).first()


def is_student(db: Session, learner_key: str | None) -> bool:
    return learner_key is not None and db.exec(_STUDENT, params={"learner": learner_key}).first() is not None


def lesson_opened(db: Session, learner_key: str | None, slug: str) -> LessonProgress | None:
    """The student's progress on this lesson, recorded on first opening; None
    (and nothing stored) for a visitor who is not a student."""
    if not is_student(db, learner_key):
        return None
    progress = _progress(db, learner_key, slug)
    if progress is None:  # opened in two tabs at once: one row all the same
        insert_once(db, LessonProgress, LessonProgress(learner_key=learner_key, lesson_slug=slug).model_dump(exclude={"id"}),
                    unique=("learner_key", "lesson_slug"))
        progress = _progress(db, learner_key, slug)
    return progress


def lesson_finished(db: Session, learner_key: str | None, slug: str) -> LessonProgress | None:
    progress = lesson_opened(db, learner_key, slug)
    if progress is not None and progress.finished_at is None:
        progress.finished_at = utcnow()
        db.add(progress)
    return progress


def lesson_status(db: Session, learner_key: str, slug: str) -> LessonProgress | None:
    return _progress(db, learner_key, slug)
