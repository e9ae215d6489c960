"""The class grid's "Contest rounds" columns: each student's status in each
round the class has students in, and their score once results are published
(see round_reports.py for what a teacher may see before that)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from sqlmodel import Session, col, select

from ..content import Library
from ..models import ContestDraw, Participant, QuizAttempt, as_utc
from . import contest_attempts
from .round_reports import (IN_PROGRESS, ITS_ATTEMPT, NOT_ENTERED, NOT_STARTED, SUBMITTED, RoundInfo, class_rounds,
                            percent)


class RoundCell(NamedTuple):
    status: str
    score: float | None = None  # % of the attempt, once results are published


NOT_ENTERED_CELL = RoundCell(NOT_ENTERED)


@dataclass
class RoundColumns:
    rounds: list[RoundInfo]
    cells: dict[str, list[RoundCell]]  # by learner key, one per round

    def row(self, learner_key: str) -> list[RoundCell]:
        return self.cells.get(learner_key) or [NOT_ENTERED_CELL] * len(self.rounds)


def _class_attempts(db: Session, class_id: int) -> list:
    """One query for every round: each of the class's participants with their
    attempt's state (nothing where they have not started)."""
    return list(db.connection().execute(
        select(Participant.round_id, Participant.learner_key, ContestDraw.deadline,
               col(QuizAttempt.id).is_not(None).label("started"),
               col(QuizAttempt.finished_at).is_not(None).label("finished"), QuizAttempt.score, QuizAttempt.max_score)
        .select_from(Participant)
        .outerjoin(ContestDraw, ContestDraw.participant_id == Participant.id)
        .outerjoin(QuizAttempt, ITS_ATTEMPT)
        .where(Participant.class_id == class_id)).all())


def grid_columns(db: Session, library: Library, class_id: int, now: datetime) -> RoundColumns:
    """Each student's status in each of the class's rounds, and their score
    once it is published. Attempts past their time are submitted first (and
    read again), which happens only when some are."""
    rows = _class_attempts(db, class_id)
    if not rows:
        return RoundColumns([], {})
    infos = class_rounds(db, class_id, now)
    expired = {r.round_id for r in rows if r.started and not r.finished and as_utc(r.deadline) <= now}
    if expired:
        for info in infos:
            if info.id in expired:
                contest_attempts.finalise_expired(db, info.round_, library, now)
        db.flush()
        rows = _class_attempts(db, class_id)
    position = {info.id: n for n, info in enumerate(infos)}
    published = [info.published for info in infos]
    cells: dict[str, list[RoundCell]] = {}
    for row in rows:
        cell_row = cells.setdefault(row.learner_key, [NOT_ENTERED_CELL] * len(infos))
        n = position[row.round_id]
        if not row.started:
            cell_row[n] = RoundCell(NOT_STARTED)
        elif not row.finished:
            cell_row[n] = RoundCell(IN_PROGRESS)
        else:
            cell_row[n] = RoundCell(SUBMITTED, percent(row.score, row.max_score) if published[n] else None)
    return RoundColumns(infos, cells)
