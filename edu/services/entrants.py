"""Entrants who came with a round's public code and wait for a teacher of
their school: listed, confirmed or rejected, only by that school's teachers."""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from ..models import ContestRound, Participant
from . import rounds
from .enrolment import EnrolmentError


def pending_for(db: Session, school_id: int) -> list[tuple[Participant, ContestRound]]:
    query = (select(Participant, ContestRound).join(ContestRound, col(ContestRound.id) == Participant.round_id)
             .where(Participant.school_id == school_id, col(Participant.confirmed_at).is_(None))
             .order_by(Participant.created_at, Participant.id))
    return [(participant, round_) for participant, round_ in db.exec(query).all()]


def pending_of(db: Session, school_id: int, participant_id: int) -> Participant | None:
    """An entrant waiting for a teacher of `school_id`; anyone else's is not found."""
    participant = db.get(Participant, participant_id)
    return participant if participant and participant.school_id == school_id and participant.confirmed_at is None \
        else None


def confirm(db: Session, participant: Participant, teacher_id: int, now: datetime) -> None:
    if rounds.status(db.get(ContestRound, participant.round_id), now) == rounds.CLOSED:
        raise EnrolmentError("enrol.closed")
    participant.confirmed_at, participant.confirmed_by = now, teacher_id
    db.add(participant)


def reject(db: Session, participant: Participant) -> None:
    """Not a student of this school, or a prank: the entry goes, with its code."""
    db.delete(participant)
