"""A contest round's clock: whether it is open, when an attempt's time is
up, whether results are out. Every function takes `now` (UTC), so tests and
the web layer decide what time it is."""
from __future__ import annotations

from datetime import datetime, timedelta

from ..models import ContestRound, as_utc

UPCOMING, OPEN, CLOSED = "upcoming", "open", "closed"


def status(round_: ContestRound, now: datetime) -> str:
    if now < as_utc(round_.opens_at):
        return UPCOMING
    return OPEN if now < as_utc(round_.closes_at) else CLOSED


def deadline_for(round_: ContestRound, started: datetime) -> datetime:
    """When an attempt begun at `started` ends: its time limit, or the round's
    close if that comes first. The server's clock is the only clock: a
    browser's countdown only shows it."""
    return min(as_utc(started) + timedelta(minutes=round_.time_limit_minutes), as_utc(round_.closes_at))


def published(round_: ContestRound, now: datetime) -> bool:
    """Results are out: published by hand, or the round closed and publishes at close."""
    if round_.published_at is not None:
        return True
    return round_.publish == "at_close" and status(round_, now) == CLOSED
