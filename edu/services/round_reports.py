"""Contest rounds in a teacher's class reports: the class's own students in
each round, kept apart from practice and homework.

A class's students in a round are its Participant rows with `class_id` set
(enrolled from the class; their learner key is the Student's). Entrants from
a CSV list or the public code belong to no class and never appear here.
Every participant drew different questions, so a round is read through each
attempt's draw (ContestDraw), never through a quiz's question list.

Until results are published (rounds.published) a teacher sees who has not
started, who is answering and who has submitted, and nothing else: no score,
mark or item statistic is even computed, so none can reach a page early.
Reports are GETs, but an attempt whose time is up is submitted before it is
read (contest_attempts.finalise_expired), so "in progress" never lingers.
"""
from __future__ import annotations

import json
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import and_
from sqlmodel import Session, col, select

from ..content import Library, Quiz
from ..content.base import LangText
from ..models import Contest, ContestDraw, ContestRound, Participant, QuizAnswer, QuizAttempt, Student, as_utc
from . import collation, contest_attempts, draws, rounds
from .contest_attempts import Taking
from .reports import ChoiceCount, _choice_counts, answers_of
from .statistics import MIN_ATTEMPTS_FOR_ITEM_ANALYSIS, score_histogram

NOT_ENTERED, NOT_STARTED, IN_PROGRESS, SUBMITTED = "not_entered", "not_started", "in_progress", "submitted"
STATUSES = (NOT_STARTED, IN_PROGRESS, SUBMITTED)  # of a participant, in the order a report lists them
CONTEST = "contest"  # QuizAttempt.context of every round's attempts (contest_attempts.context)


@dataclass(frozen=True)
class RoundInfo:
    """A round with its contest, and what a teacher may see of it now."""

    round_: ContestRound
    contest: Contest
    published: bool

    @property
    def id(self) -> int:
        return self.round_.id

    def title(self, lang: str) -> str:
        return f"{getattr(self.contest, f'title_{lang}')}: {getattr(self.round_, f'name_{lang}')}"


def percent(score: float | None, max_score: int | None) -> float:
    return 100 * (score or 0) / max_score if max_score else 0.0


def class_rounds(db: Session, class_id: int, now: datetime) -> list[RoundInfo]:
    """The rounds the class has students in, oldest first (what the reports' nav links)."""
    in_class = select(Participant.round_id).where(Participant.class_id == class_id)
    rows = db.exec(select(ContestRound, Contest).join(Contest, Contest.id == ContestRound.contest_id)
                   .where(col(ContestRound.id).in_(in_class)).order_by(ContestRound.opens_at, ContestRound.id)).all()
    return [RoundInfo(round_, contest, rounds.published(round_, now)) for round_, contest in rows]


def round_of_class(db: Session, class_id: int, round_id: int, now: datetime) -> RoundInfo | None:
    """The round, if the class has students in it; None (a 404) otherwise."""
    return next((info for info in class_rounds(db, class_id, now) if info.id == round_id), None)


# A participant's attempt is read as the round's, never as homework or practice.
ITS_ATTEMPT = and_(QuizAttempt.id == ContestDraw.attempt_id, QuizAttempt.context == CONTEST,
                    QuizAttempt.context_id == Participant.round_id)


def status_of(attempt: QuizAttempt | None) -> str:
    if attempt is None:
        return NOT_STARTED
    return SUBMITTED if attempt.finished_at is not None else IN_PROGRESS


# --- one round ---------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    participant: Participant
    status: str
    score: float | None = None  # points, once published
    max_score: int | None = None
    minutes: float | None = None

    @property
    def percent(self) -> float | None:
        return None if self.score is None else percent(self.score, self.max_score)


@dataclass
class Item:
    """One question drawn by some of the class: facility among those who drew it."""

    question: object  # as drawn: named by its reference
    source: Quiz
    drawn: int
    answered: int
    facility: float | None
    choices: list[ChoiceCount]

    @property
    def enough(self) -> bool:
        return self.drawn >= MIN_ATTEMPTS_FOR_ITEM_ANALYSIS


@dataclass(frozen=True)
class TopicRow:
    topic: str
    questions: int  # different questions drawn
    answers: int  # questions drawn, over every submitted attempt
    facility: float | None  # % right


@dataclass
class Results:
    """What a published round shows; never built before."""

    quiz: Quiz  # every question the class drew, once, as the round's pages name them
    mean: float | None
    median: float | None
    histogram: list[int]
    items: list[Item]
    topics: list[TopicRow]


@dataclass
class RoundReport:
    info: RoundInfo
    state: str  # rounds.UPCOMING, OPEN or CLOSED
    entries: list[Entry]
    results: Results | None = None
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def not_started(self) -> list[Entry]:
        return [e for e in self.entries if e.status == NOT_STARTED]


@dataclass(frozen=True)
class _Submitted:
    """A submitted attempt: what it drew and what it answered."""

    refs: list[str]
    answers: dict[str, QuizAnswer]

    def mark(self, ref: str) -> float:
        answer = self.answers.get(ref)
        return answer.score if answer else 0.0


def _submitted(db: Session, pairs: list[tuple[QuizAttempt, ContestDraw]]) -> list[_Submitted]:
    answers = answers_of(db, [attempt.id for attempt, _ in pairs])
    return [_Submitted(json.loads(draw.questions), answers[attempt.id]) for attempt, draw in pairs]


def _rows_of_round(db: Session, round_: ContestRound, class_id: int) -> list:
    return db.exec(select(Participant, QuizAttempt, ContestDraw).select_from(Participant)
                   .outerjoin(ContestDraw, ContestDraw.participant_id == Participant.id)
                   .outerjoin(QuizAttempt, ITS_ATTEMPT)
                   .where(Participant.round_id == round_.id, Participant.class_id == class_id)).all()


def _entry(participant: Participant, attempt: QuizAttempt | None, published: bool) -> Entry:
    status = status_of(attempt)
    if status != SUBMITTED or not published:
        return Entry(participant, status)
    minutes = (as_utc(attempt.finished_at) - as_utc(attempt.started_at)).total_seconds() / 60
    return Entry(participant, status, attempt.score or 0.0, attempt.max_score, minutes)


def round_report(db: Session, library: Library, info: RoundInfo, class_id: int, now: datetime) -> RoundReport:
    """The class's students in one round, by status then name; with scores,
    histogram, questions and topics once the results are published."""
    contest_attempts.finalise_expired(db, info.round_, library, now)
    rows = _rows_of_round(db, info.round_, class_id)
    entries = sorted((_entry(p, a, info.published) for p, a, _ in rows),
                     key=lambda e: (STATUSES.index(e.status), collation.sort_key(e.participant.display_name)))
    report = RoundReport(info, rounds.status(info.round_, now), entries,
                         counts={s: sum(e.status == s for e in entries) for s in STATUSES})
    if info.published:
        done = _submitted(db, [(a, d) for _, a, d in rows if status_of(a) == SUBMITTED])
        percents = [e.percent for e in entries if e.percent is not None]
        report.results = Results(
            quiz=_drawn_quiz(library, info, done),
            mean=statistics.fmean(percents) if percents else None,
            median=statistics.median(percents) if percents else None,
            histogram=score_histogram(percents), items=_items(library, info, done), topics=_topics(library, done))
    return report


def _drawn_quiz(library: Library, info: RoundInfo, done: list[_Submitted]) -> Quiz:
    refs = sorted({ref for attempt in done for ref in attempt.refs})
    title = LangText(vi=info.round_.name_vi, en=info.round_.name_en)
    return draws.as_quiz(library, f"round-{info.id}", title, refs)


def _items(library: Library, info: RoundInfo, done: list[_Submitted]) -> list[Item]:
    """Every question the class drew, hardest first; those drawn by too few to judge last."""
    items = []
    for question in _drawn_quiz(library, info, done).questions:
        drew = [attempt for attempt in done if question.id in attempt.refs]
        given = [attempt.answers[question.id] for attempt in drew if question.id in attempt.answers]
        facility = 100 * statistics.fmean(attempt.mark(question.id) for attempt in drew)
        source = library.quizzes[question.id.partition("/")[0]]
        items.append(Item(question, source, len(drew), len(given), facility, _choice_counts(question, given)))
    return sorted(items, key=lambda item: (not item.enough, item.facility))


def _topics(library: Library, done: list[_Submitted]) -> list[TopicRow]:
    """Right answers by the topic of each question's own quiz, weakest first."""
    marks: dict[str, list[float]] = defaultdict(list)
    questions: dict[str, set[str]] = defaultdict(set)
    for attempt in done:
        for ref in attempt.refs:
            if draws.resolve(library, ref) is not None:  # a question the bank has since lost counts nowhere
                topic = library.quizzes[ref.partition("/")[0]].topic
                marks[topic].append(attempt.mark(ref))
                questions[topic].add(ref)
    rows = [TopicRow(topic, len(questions[topic]), len(values), 100 * statistics.fmean(values))
            for topic, values in marks.items()]
    return sorted(rows, key=lambda row: row.facility)


def class_topics(db: Session, library: Library, class_id: int, now: datetime) -> tuple[int, list[TopicRow]]:
    """The topics page's "In contest rounds": over every published round the
    class has students in; how many rounds, and the rows."""
    published = [info for info in class_rounds(db, class_id, now) if info.published]
    done: list[_Submitted] = []
    for info in published:
        contest_attempts.finalise_expired(db, info.round_, library, now)
        rows = _rows_of_round(db, info.round_, class_id)
        done += _submitted(db, [(a, d) for _, a, d in rows if status_of(a) == SUBMITTED])
    return len(published), _topics(library, done)


# --- one student -------------------------------------------------------------------

@dataclass(frozen=True)
class StudentRound:
    info: RoundInfo
    status: str
    taking: Taking | None = None  # the attempt with its answers, once results are published


def student_rounds(db: Session, library: Library, student: Student, now: datetime) -> list[StudentRound]:
    """The rounds the student took part in from their class, oldest first."""
    infos = {info.id: info for info in class_rounds(db, student.class_id, now)}
    found = []
    for participant in db.exec(select(Participant).where(Participant.class_id == student.class_id,
                                                         Participant.learner_key == student.learner_key)).all():
        info = infos[participant.round_id]
        taking = contest_attempts.taking(db, library, info.round_, participant, now)
        status = status_of(taking.attempt if taking else None)
        found.append(StudentRound(info, status, taking if info.published and status == SUBMITTED else None))
    order = list(infos)
    return sorted(found, key=lambda s: order.index(s.info.id))
