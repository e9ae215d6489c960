"""Which school a teacher teaches at, as an organiser confirmed it.

Anyone who signs up may pick any school at /my-school, so a pick is only a
claim. A teacher acts for a school (sees the students who named it and
confirms or rejects them, enters classes and lists in its rounds: children's
names either way) only once an organiser or an admin has confirmed the claim,
themselves included: nobody's own pick is confirmed by itself. Choosing
another school, or none, withdraws the confirmation (schools.set_school).
Every confirmation and refusal is in the audit log.
"""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from ..models import School, User
from .accounts import audit
from .schools import SchoolError, set_school


def is_confirmed(teacher: User) -> bool:
    return teacher.school_id is not None and teacher.school_confirmed_at is not None


def confirmed_school(db: Session, teacher: User) -> School | None:
    """The school the teacher may act for; None until an organiser confirmed it."""
    return db.get(School, teacher.school_id) if is_confirmed(teacher) else None


def waiting(db: Session) -> list[tuple[User, School]]:
    """Teachers whose school waits for confirmation, who asked first first.
    A turned-off account waits for nobody: it cannot sign in."""
    query = (select(User, School).join(School, col(School.id) == User.school_id)
             .where(col(User.school_confirmed_at).is_(None), col(User.disabled_at).is_(None))
             .order_by(User.school_chosen_at, User.id))
    return [(teacher, school) for teacher, school in db.exec(query).all()]


def waiting_teacher(db: Session, teacher_id: int) -> tuple[User, School]:
    """A teacher whose school waits, with that school; anyone else is refused."""
    teacher = db.get(User, teacher_id)
    if teacher is None or teacher.disabled_at is not None or teacher.school_id is None or is_confirmed(teacher):
        raise SchoolError("school.not_waiting")
    return teacher, db.get(School, teacher.school_id)


def _said(teacher: User, school: School) -> str:
    return f"{teacher.email}: {school.name}, {school.province} (school {school.id})"


def confirm(db: Session, organiser: User, teacher_id: int, now: datetime) -> tuple[User, School]:
    teacher, school = waiting_teacher(db, teacher_id)
    teacher.school_confirmed_at, teacher.school_confirmed_by = now, organiser.id
    db.add(teacher)
    audit(db, organiser, "school.confirm", _said(teacher, school))
    return teacher, school


def refuse(db: Session, organiser: User, teacher_id: int) -> tuple[User, School]:
    """Not a teacher of that school: the claim goes, and they may choose again."""
    teacher, school = waiting_teacher(db, teacher_id)
    audit(db, organiser, "school.refuse", _said(teacher, school))
    set_school(db, teacher, None)
    return teacher, school
