"""A round's results as its organiser reads them, publishing them, and
bringing an earlier round's qualifiers into a later one.

The order is CTFd's: score (highest first), then the time the score took
(shortest first), then who entered first (the participant's id), so no two
people share a place and the same results always give the same order.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ..content import Library
from ..models import ContestRound, Participant, QuizAttempt, School, as_utc
from . import codes, collation, rounds
from .enrolment import identity, in_scope
from .contests import ContestError, attempts_query

SUBMITTED, IN_PROGRESS, NOT_STARTED, UNCONFIRMED = "submitted", "in_progress", "not_started", "unconfirmed"
_UNRANKED_ORDER = {IN_PROGRESS: 0, NOT_STARTED: 1, UNCONFIRMED: 2}


@dataclass(frozen=True)
class Standing:
    """One participant's place in a round. Only a submitted attempt has a
    score, a time and a rank."""

    participant: Participant
    status: str
    score: float | None = None
    max_score: int | None = None
    time_taken: timedelta | None = None
    rank: int | None = None

    @property
    def fraction(self) -> float | None:
        """The score as a fraction of the most it could be (0 to 1)."""
        if self.score is None:
            return None
        return self.score / self.max_score if self.max_score else 0.0

    def reaches(self, least_percent: int) -> bool:
        return self.score is not None and self.score * 100 >= least_percent * (self.max_score or 0) - 1e-9


def finalise(db: Session, library: Library, round_: ContestRound, now: datetime) -> None:
    """Submit every attempt whose time is up (a student who never came back),
    so standings, publishing and qualifying count them as they ended."""
    from .contest_attempts import finalise_expired  # the taking-part service; imported here to keep layers apart

    finalise_expired(db, round_, library, now)


def standings(db: Session, round_: ContestRound) -> list[Standing]:
    """Everyone in the round: the ranked (submitted) first, in rank order,
    then those still answering, those not started and those waiting for their
    school to confirm them, by name."""
    attempts: dict[str, QuizAttempt] = {}
    for attempt in db.exec(attempts_query(round_).order_by(QuizAttempt.started_at, QuizAttempt.id)).all():
        attempts.setdefault(attempt.learner_key, attempt)  # one attempt each; the first counts
    ranked, unranked = [], []
    for participant in db.exec(select(Participant).where(Participant.round_id == round_.id)).all():
        attempt = attempts.get(participant.learner_key)
        if attempt is None:
            unranked.append(Standing(participant, UNCONFIRMED if participant.confirmed_at is None else NOT_STARTED))
        elif attempt.finished_at is None:
            unranked.append(Standing(participant, IN_PROGRESS))
        else:
            taken = as_utc(attempt.finished_at) - as_utc(attempt.started_at)
            ranked.append(Standing(participant, SUBMITTED, attempt.score or 0.0, attempt.max_score, taken))
    ranked.sort(key=lambda s: (-round(s.score, 6), s.time_taken, s.participant.id))
    unranked.sort(key=lambda s: (_UNRANKED_ORDER[s.status], collation.sort_key(s.participant.display_name),
                                 s.participant.id))
    return [replace(s, rank=place) for place, s in enumerate(ranked, 1)] + unranked


def publish(db: Session, library: Library, round_: ContestRound, now: datetime) -> None:
    """Publish a closed round's results by hand, after submitting the attempts
    whose time ran out. Publishing twice changes nothing."""
    if round_.publish != "manual":
        raise ContestError("round.publishes_at_close")
    if rounds.status(round_, now) != rounds.CLOSED:
        raise ContestError("round.not_closed")
    if round_.published_at is None:
        finalise(db, library, round_, now)
        round_.published_at = now


def qualifiers(db: Session, round_: ContestRound) -> list[Standing]:
    """Who qualified from the earlier round for `round_`: the top K of each
    school by the ranking, those at or above the least percentage, or, with
    both rules, those who meet both; and whose school is in `round_`'s scope."""
    earlier = db.get(ContestRound, round_.qualify_round_id)
    places: dict[int, int] = defaultdict(int)
    chosen = []
    for standing in standings(db, earlier):
        if standing.rank is None:
            break
        school_id = standing.participant.school_id
        places[school_id] += 1
        if round_.qualify_top_k is not None and places[school_id] > round_.qualify_top_k:
            continue
        if round_.qualify_min_percent is not None and not standing.reaches(round_.qualify_min_percent):
            continue
        if in_scope(round_, db.get(School, school_id)):
            chosen.append(standing)
    return chosen


def can_bring_in(db: Session, round_: ContestRound, now: datetime) -> bool:
    """A round entered by qualification, whose earlier round's results are out."""
    return round_.entry == "qualified" and rounds.published(db.get(ContestRound, round_.qualify_round_id), now)


def bring_in_qualifiers(db: Session, library: Library, secret: str, round_: ContestRound, now: datetime) -> int:
    """Enter the earlier round's qualifiers into `round_`, as confirmed
    participants with the same learner key (a class student's device needs no
    new code), and return how many were added. Someone already in the round
    is not added again, so running it twice adds nobody twice."""
    if round_.entry != "qualified":
        raise ContestError("round.not_by_qualification")
    if not can_bring_in(db, round_, now):
        raise ContestError("round.earlier_not_published")
    finalise(db, library, db.get(ContestRound, round_.qualify_round_id), now)
    present = db.exec(select(Participant.learner_key, Participant.identity)
                      .where(Participant.round_id == round_.id)).all()
    keys, identities = {key for key, _ in present}, {known for _, known in present}
    added = 0
    for standing in qualifiers(db, round_):
        earlier = standing.participant
        if earlier.learner_key in keys:
            continue
        code = codes.contest_code(secret, round_.id, earlier.learner_key)
        participant = Participant(
            round_id=round_.id, learner_key=earlier.learner_key, display_name=earlier.display_name,
            school_id=earlier.school_id, grade=earlier.grade, class_name=earlier.class_name, class_id=earlier.class_id,
            identity=identity(earlier.school_id, earlier.grade, earlier.class_name, earlier.display_name),
            code_hash=codes.digest(secret, code), confirmed_at=now)
        if participant.identity in identities:
            continue
        try:
            with db.begin_nested():  # the unique constraints decide against a second click running alongside
                db.add(participant)
        except IntegrityError:
            continue
        keys.add(participant.learner_key)
        identities.add(participant.identity)
        added += 1
    return added
