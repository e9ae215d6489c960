"""A school's code sheets for a round: who is on which sheet.

A class enrolled from a teacher's class has the sheet of that class (only its
teacher sees it); students entered from a list or with the round's public
code are grouped by the class name they gave. Only confirmed participants
are on a sheet: a code is handed over once a teacher vouched for the student.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from ..models import ContestRound, Participant
from . import collation


def _sorted(participants) -> list[Participant]:
    return sorted(participants, key=lambda p: (collation.sort_key(p.display_name), p.id))


def class_sheet(db: Session, round_: ContestRound, class_id: int) -> list[Participant]:
    """The confirmed participants enrolled from one class."""
    return _sorted(db.exec(select(Participant).where(
        Participant.round_id == round_.id, Participant.class_id == class_id,
        col(Participant.confirmed_at).is_not(None))).all())


def group_sheet(db: Session, round_: ContestRound, school_id: int, class_name: str) -> list[Participant]:
    """The confirmed participants of one school and class name who came from
    a list or the public code (not from a class: those have class_sheet)."""
    return _sorted(db.exec(select(Participant).where(
        Participant.round_id == round_.id, Participant.school_id == school_id, Participant.class_name == class_name,
        col(Participant.class_id).is_(None), col(Participant.confirmed_at).is_not(None))).all())


@dataclass(frozen=True)
class Group:
    class_id: int | None
    class_name: str
    count: int


def groups_of(db: Session, round_: ContestRound, school_id: int, class_ids: set[int]) -> list[Group]:
    """The school's confirmed participants by sheet: one per class of
    `class_ids` (the teacher's own), one per class name for the rest."""
    counts: dict[tuple[int | None, str], int] = {}
    for participant in db.exec(select(Participant).where(
            Participant.round_id == round_.id, Participant.school_id == school_id,
            col(Participant.confirmed_at).is_not(None))).all():
        if participant.class_id is None or participant.class_id in class_ids:
            key = (participant.class_id, participant.class_name)
            counts[key] = counts.get(key, 0) + 1
    return sorted((Group(class_id, name, count) for (class_id, name), count in counts.items()),
                  key=lambda g: (collation.sort_key(g.class_name), g.class_id or 0))
