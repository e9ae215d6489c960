"""Certificates: issued to every participant who submitted an attempt in a
round whose results are published, checked by anyone with the code.

Nothing is stored: the code names the participant with a keyed check
(codes.certificate_code), so a code that verifies was issued by this server,
and one that does not says nothing about which codes would.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from ..content import Library
from ..models import Contest, ContestRound, Participant, QuizAttempt, School
from . import codes, contest_attempts, rounds


@dataclass(frozen=True)
class Certificate:
    code: str
    participant: Participant
    school: School
    round_: ContestRound
    contest: Contest
    attempt: QuizAttempt

    @property
    def percent(self) -> float:
        return 100 * (self.attempt.score or 0) / self.attempt.max_score if self.attempt.max_score else 0.0


def for_participant(db: Session, library: Library, secret: str, participant: Participant,
                    now: datetime) -> Certificate | None:
    """The participant's certificate, once their round's results are out and their attempt is in."""
    round_ = db.get(ContestRound, participant.round_id)
    if round_ is None or not rounds.published(round_, now):
        return None
    taking = contest_attempts.taking(db, library, round_, participant, now)
    if taking is None or not taking.finished:
        return None
    return Certificate(codes.certificate_code(secret, participant.id), participant,
                       db.get(School, participant.school_id), round_, db.get(Contest, round_.contest_id),
                       taking.attempt)


def lookup(db: Session, library: Library, secret: str, code: str, now: datetime) -> Certificate | None:
    participant_id = codes.certificate_participant(secret, code)
    participant = db.get(Participant, participant_id) if participant_id is not None else None
    return for_participant(db, library, secret, participant, now) if participant else None
