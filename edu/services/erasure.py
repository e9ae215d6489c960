"""Deleting children's data for good: a student with everything keyed by
their learner key, or a whole class with its students and assignments.

Everything a learner did is keyed by their learner key (attempts, answers,
lesson progress, contest entries and draws), so deleting by key leaves
nothing behind. The caller's
one transaction makes each deletion all or nothing.
"""
from __future__ import annotations

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from ..models import (Assignment, Classroom, ContestDraw, LessonProgress, Participant, QuizAnswer, QuizAttempt,
                      Student)


def _erase_learners(db: Session, keys: list[str]) -> None:
    if not keys:
        return
    attempts = select(QuizAttempt.id).where(col(QuizAttempt.learner_key).in_(keys))
    db.execute(delete(QuizAnswer).where(col(QuizAnswer.attempt_id).in_(attempts)))
    db.execute(delete(ContestDraw).where(col(ContestDraw.attempt_id).in_(attempts)))
    db.execute(delete(Participant).where(col(Participant.learner_key).in_(keys)))
    db.execute(delete(QuizAttempt).where(col(QuizAttempt.learner_key).in_(keys)))
    db.execute(delete(LessonProgress).where(col(LessonProgress.learner_key).in_(keys)))
    db.execute(delete(Student).where(col(Student.learner_key).in_(keys)))


def delete_students(db: Session, classroom: Classroom, student_ids: list[int]) -> list[str]:
    """Delete these students of this class (ids of other classes are ignored)
    and all their work; the names deleted, for the message that follows."""
    students = db.exec(select(Student).where(Student.class_id == classroom.id, col(Student.id).in_(student_ids))).all()
    _erase_learners(db, [s.learner_key for s in students])
    return sorted(s.display_name for s in students)


def delete_class(db: Session, classroom: Classroom) -> None:
    """The class, its assignments, its students and all their work."""
    keys = list(db.exec(select(Student.learner_key).where(Student.class_id == classroom.id)).all())
    _erase_learners(db, keys)
    # Entries made from the class stay with their round (the contest's results
    # need them) unless they were the class's students, erased above.
    db.execute(update(Participant).where(Participant.class_id == classroom.id).values(class_id=None))
    db.execute(delete(Assignment).where(Assignment.class_id == classroom.id))
    db.execute(delete(Classroom).where(Classroom.id == classroom.id))
