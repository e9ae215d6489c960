"""What campaign staff learn from their kiosks: plays per kiosk and per day,
how many visitors finished, their average score, and for each item the share
who recognised it (answered it right), overall and by language, the items
visitors miss most first.

A kiosk makes thousands of plays and each play five to ten answers, so the
database does the counting: each table is one GROUP BY query whose rows are
groups (a kiosk; a kiosk's day; an item in a language), never plays or
answers one by one. Figures are kept as sums (`Figures`), so a total over
kiosks is the sum of their rows and an average is taken only at the end.

Days are Viet Nam days, worked out in SQL as well: PostgreSQL converts the
stored UTC time with the zone itself; SQLite has no zone database, so there
the time is moved by Viet Nam's offset, +7 hours all year (no daylight
saving since 1975), which gives the same day. Date filters are Viet Nam
dates too, turned into UTC bounds so the (kiosk, started_at) index serves.

An answer counts even when its visitor walked away before the end: the item
was seen and judged. Completion and the average score are about plays.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta

from sqlalchemy import Date, case, func
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session, col, select

from ..content import Library
from ..models import Kiosk, KioskPlay, QuizAnswer, QuizAttempt
from . import draws
from .contests import VIET_NAM, viet_nam_to_utc

LANGUAGES = ("vi", "en")  # a play's language: the item table's columns
SQLITE_SHIFT = "+7 hours"  # Viet Nam's offset from UTC, the same all year


class viet_nam_day(FunctionElement):
    """The Viet Nam calendar day of a stored UTC time, as SQL."""

    type = Date()
    name = "viet_nam_day"
    inherit_cache = True


@compiles(viet_nam_day, "postgresql")
def _day_on_postgresql(element, compiler, **kw) -> str:
    return f"CAST(({compiler.process(element.clauses, **kw)}) AT TIME ZONE '{VIET_NAM.key}' AS DATE)"


@compiles(viet_nam_day, "sqlite")
def _day_on_sqlite(element, compiler, **kw) -> str:
    return f"date({compiler.process(element.clauses, **kw)}, '{SQLITE_SHIFT}')"


@dataclass(frozen=True)
class Figures:
    """Plays, the finished ones and their scores in percent, summed."""

    plays: int = 0
    completed: int = 0
    percent_total: float = 0.0

    @property
    def completion(self) -> float | None:
        """Percent of plays finished; None without plays."""
        return 100 * self.completed / self.plays if self.plays else None

    @property
    def average(self) -> float | None:
        """Mean score of the finished plays, in percent; None when none finished."""
        return self.percent_total / self.completed if self.completed else None

    def __add__(self, other: Figures) -> Figures:
        return Figures(self.plays + other.plays, self.completed + other.completed,
                       self.percent_total + other.percent_total)


@dataclass(frozen=True)
class Share:
    """How often an item was answered, and how often recognised."""

    answered: int = 0
    recognised: int = 0

    @property
    def percent(self) -> float | None:
        return 100 * self.recognised / self.answered if self.answered else None

    def __add__(self, other: Share) -> Share:
        return Share(self.answered + other.answered, self.recognised + other.recognised)


@dataclass(frozen=True)
class KioskRow:
    kiosk: Kiosk
    figures: Figures


@dataclass(frozen=True)
class DayRow:
    day: date  # in Viet Nam
    kiosk: Kiosk
    figures: Figures


@dataclass(frozen=True)
class ItemRow:
    """One item as played: `question` (and its `quiz`) is None when the
    content no longer has it; pages then show the reference."""

    ref: str
    quiz: object
    question: object
    overall: Share
    by_language: dict[str, Share] = field(default_factory=dict)

    def language(self, lang: str) -> Share:
        return self.by_language.get(lang, Share())


@dataclass(frozen=True)
class Scope:
    """Which plays count: those of `kiosks` started from `since` to `until`
    (Viet Nam dates, both included; None: no bound)."""

    kiosks: tuple[Kiosk, ...]
    since: date | None = None
    until: date | None = None
    one: Kiosk | None = None  # the kiosk chosen, when the staff member chose one


@dataclass(frozen=True)
class KioskStats:
    scope: Scope
    kiosks: list[KioskRow]  # every kiosk in scope, also those without plays
    days: list[DayRow]  # by day, then in the kiosks' order
    items: list[ItemRow]  # lowest share recognised first

    @property
    def total(self) -> Figures:
        return sum((row.figures for row in self.kiosks), Figures())


def scope(kiosks: list[Kiosk], kiosk_id: int | None = None, since: date | None = None,
          until: date | None = None) -> Scope | None:
    """The plays to count among the staff member's own `kiosks`; None when
    `kiosk_id` is not one of them (someone else's kiosk does not exist here)."""
    if kiosk_id is None:
        return Scope(tuple(kiosks), since, until)
    chosen = next((kiosk for kiosk in kiosks if kiosk.id == kiosk_id), None)
    return Scope((chosen,), since, until, chosen) if chosen else None


def _in_scope(chosen: Scope) -> list:
    conditions = [col(KioskPlay.kiosk_id).in_([kiosk.id for kiosk in chosen.kiosks])]
    if chosen.since:
        conditions.append(KioskPlay.started_at >= viet_nam_to_utc(chosen.since, time()))
    if chosen.until:
        conditions.append(KioskPlay.started_at < viet_nam_to_utc(chosen.until + timedelta(days=1), time()))
    return conditions


_FIGURES = (
    func.count(KioskPlay.id),
    func.count(QuizAttempt.finished_at),
    func.sum(case((col(QuizAttempt.finished_at).is_not(None),
                   100.0 * func.coalesce(QuizAttempt.score, 0) / func.nullif(QuizAttempt.max_score, 0)))),
)


def _figures(plays, completed, percent_total) -> Figures:
    return Figures(int(plays), int(completed), float(percent_total or 0))


def _grouped(db: Session, chosen: Scope, *keys) -> list:
    """(keys..., plays, completed, percent total) per group of the scope's plays."""
    statement = (select(*keys, *_FIGURES).select_from(KioskPlay)
                 .join(QuizAttempt, col(QuizAttempt.id) == KioskPlay.attempt_id)
                 .where(*_in_scope(chosen)).group_by(*keys))
    return db.exec(statement).all()


def _items(db: Session, library: Library, chosen: Scope) -> list[ItemRow]:
    statement = (select(QuizAnswer.question_id, KioskPlay.language, func.count(QuizAnswer.id),
                        func.sum(case((col(QuizAnswer.is_correct), 1), else_=0)))
                 .select_from(QuizAnswer).join(KioskPlay, col(KioskPlay.attempt_id) == QuizAnswer.attempt_id)
                 .where(*_in_scope(chosen)).group_by(QuizAnswer.question_id, KioskPlay.language))
    shares: dict[str, dict[str, Share]] = {}
    for ref, lang, answered, recognised in db.exec(statement).all():
        shares.setdefault(ref, {})[lang] = Share(int(answered), int(recognised or 0))
    rows = []
    for ref, by_language in shares.items():
        question = draws.resolve(library, ref)
        quiz = library.quizzes.get(ref.partition("/")[0]) if question is not None else None
        rows.append(ItemRow(ref, quiz, question, sum(by_language.values(), Share()), by_language))
    # Missed most first; among equals the item more visitors met, then a stable order.
    return sorted(rows, key=lambda row: (row.overall.percent, -row.overall.answered, row.ref))


def kiosk_stats(db: Session, library: Library, chosen: Scope) -> KioskStats:
    """The three tables for the scope (see the module's docstring)."""
    if not chosen.kiosks:
        return KioskStats(chosen, [], [], [])
    per_kiosk = {kiosk_id: _figures(*rest) for kiosk_id, *rest in _grouped(db, chosen, KioskPlay.kiosk_id)}
    order = {kiosk.id: n for n, kiosk in enumerate(chosen.kiosks)}
    by_id = {kiosk.id: kiosk for kiosk in chosen.kiosks}
    day = viet_nam_day(KioskPlay.started_at)
    days = [DayRow(on, by_id[kiosk_id], _figures(*rest))
            for on, kiosk_id, *rest in _grouped(db, chosen, day, KioskPlay.kiosk_id)]
    return KioskStats(
        scope=chosen,
        kiosks=[KioskRow(kiosk, per_kiosk.get(kiosk.id, Figures())) for kiosk in chosen.kiosks],
        days=sorted(days, key=lambda row: (row.day, order[row.kiosk.id])),
        items=_items(db, library, chosen),
    )
