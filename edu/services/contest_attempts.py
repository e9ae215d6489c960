"""Taking part in a contest round: one timed attempt per participant.

The server's clock is the only clock. An attempt's deadline (its time limit,
or the round's close if sooner) is fixed when it starts and stored with the
questions it drew (ContestDraw); every action compares `now` with it, and
the page's countdown only shows what is left. An attempt past its deadline
is submitted as it stands the first time anything looks at it: the student
coming back, the results, a teacher's report: so it is submitted "at
time-up" even when the student never returns.

Answers are saved when chosen and may be changed until the attempt is
submitted; nothing about right or wrong leaves this module before results
are published (see rounds.published).
"""
from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from ..content import Library, Quiz
from ..content.base import LangText
from ..content.questions import AnswerRejected
from ..models import Contest, ContestDraw, ContestRound, Participant, QuizAnswer, QuizAttempt, as_utc
from . import attempts, contests, draws, rounds
from .attempts import Context
from .errors import ServiceError
from .sql import insert_once


class ContestRefused(ServiceError):
    """An action a participant cannot take now; `status` is the HTTP answer."""

    def __init__(self, code: str, status: int = 400, **params):
        super().__init__(code, **params)
        self.status = status


def context(round_: ContestRound) -> Context:
    return Context("contest", round_.id)


@dataclass
class Taking:
    """A participant's attempt as the pages show it."""

    attempt: QuizAttempt
    draw: ContestDraw
    quiz: Quiz  # the questions drawn, in their order, named by reference
    answers: dict[str, QuizAnswer]

    @property
    def finished(self) -> bool:
        return self.attempt.finished_at is not None

    def seconds_left(self, now: datetime) -> int:
        return max(0, int((as_utc(self.draw.deadline) - now).total_seconds()))

    @property
    def unanswered(self) -> list[int]:
        """Numbers (from 1) of the questions with no saved answer."""
        return [n for n, q in enumerate(self.quiz.questions, start=1) if q.id not in self.answers]


def participant_for(db: Session, round_: ContestRound, learner_key: str | None) -> Participant | None:
    if not learner_key:
        return None
    return db.exec(select(Participant).where(Participant.round_id == round_.id,
                                             Participant.learner_key == learner_key)).first()


def _round_quiz(library: Library, round_: ContestRound, draw: ContestDraw) -> Quiz:
    title = LangText(vi=round_.name_vi, en=round_.name_en)
    return draws.as_quiz(library, f"round-{round_.id}", title, json.loads(draw.questions))


def _attempt_and_draw(db: Session, participant: Participant) -> tuple[QuizAttempt, ContestDraw] | None:
    row = db.exec(select(QuizAttempt, ContestDraw).join(ContestDraw, ContestDraw.attempt_id == QuizAttempt.id)
                  .where(ContestDraw.participant_id == participant.id)).first()
    return tuple(row) if row else None


def _answers(db: Session, attempt: QuizAttempt) -> dict[str, QuizAnswer]:
    return {a.question_id: a for a in db.exec(select(QuizAnswer).where(QuizAnswer.attempt_id == attempt.id))}


def _finish(db: Session, attempt: QuizAttempt, draw: ContestDraw, at: datetime) -> None:
    """Submit: the score is what the saved answers to the drawn questions are worth."""
    drawn = json.loads(draw.questions)
    attempt.score = sum(a.score for a in _answers(db, attempt).values() if a.question_id in drawn)
    attempt.finished_at = min(at, as_utc(draw.deadline))
    db.add(attempt)


def taking(db: Session, library: Library, round_: ContestRound, participant: Participant,
           now: datetime) -> Taking | None:
    """The participant's attempt, submitted first if its time is up; None before they start."""
    found = _attempt_and_draw(db, participant)
    if found is None:
        return None
    attempt, draw = found
    if attempt.finished_at is None and now >= as_utc(draw.deadline):
        _finish(db, attempt, draw, now)
    return Taking(attempt, draw, _round_quiz(library, round_, draw), _answers(db, attempt))


def start(db: Session, library: Library, round_: ContestRound, participant: Participant, contest: Contest,
          now: datetime) -> Taking:
    """Begin the participant's one attempt, or return it if it exists (a
    second device, a double click): never a second draw."""
    existing = taking(db, library, round_, participant, now)
    if existing is not None:
        return existing
    if participant.confirmed_at is None:
        raise ContestRefused("contest.not_confirmed", 403)
    state = rounds.status(round_, now)
    if state != rounds.OPEN:
        raise ContestRefused("contest.not_open" if state == rounds.UPCOMING else "contest.closed", 403)
    seed = secrets.randbelow(2**31)
    drawn = draws.draw_for(library, draws.Draw.from_json(round_.draw), seed, contests.youngest_age(contest))
    try:
        with db.begin_nested():  # two devices starting at once: the unique participant_id keeps one
            attempt = QuizAttempt(learner_key=participant.learner_key, quiz_slug=f"round-{round_.id}",
                                  seed=seed, quiz_version=draws.fingerprint(round_.draw), max_score=len(drawn),
                                  started_at=now, **context(round_).params)
            db.add(attempt)
            db.flush()
            db.add(ContestDraw(attempt_id=attempt.id, participant_id=participant.id, questions=json.dumps(drawn),
                               deadline=rounds.deadline_for(round_, now)))
            db.flush()
    except IntegrityError:
        pass
    return taking(db, library, round_, participant, now)


def _open_taking(db, library, round_, participant, now) -> Taking:
    current = taking(db, library, round_, participant, now)
    if current is None:
        raise ContestRefused("contest.not_started")
    if current.finished:
        raise ContestRefused("contest.time_up" if current.seconds_left(now) == 0 else "contest.submitted")
    return current


def save_answer(db: Session, library: Library, round_: ContestRound, participant: Participant, form: Mapping,
                secret: str, now: datetime) -> tuple[Taking, int]:
    """Store (or change) one answer; the taking and the question's number.
    A question outside this participant's draw is refused, and so is anything
    after submission or after the deadline: nothing is stored then."""
    current = _open_taking(db, library, round_, participant, now)
    shown = attempts.shown(current.attempt, secret)
    question = current.quiz.question_named(form.get("question", ""), shown)
    if question is None:
        raise AnswerRejected("contest.not_in_draw")
    chosen = question.read(form, shown)
    mark = question.score(chosen)
    values = {"attempt_id": current.attempt.id, "question_id": question.id, "choice": ",".join(chosen),
              "is_correct": mark.correct, "score": mark.score, "answered_at": now}
    if insert_once(db, QuizAnswer, values, unique=("attempt_id", "question_id")) is None:
        db.execute(update(QuizAnswer).where(QuizAnswer.attempt_id == current.attempt.id,
                                            QuizAnswer.question_id == question.id).values(**values))
    db.expire_all()
    return taking(db, library, round_, participant, now), current.quiz.questions.index(question) + 1


def submit(db: Session, library: Library, round_: ContestRound, participant: Participant, now: datetime) -> Taking:
    current = _open_taking(db, library, round_, participant, now)
    _finish(db, current.attempt, current.draw, now)
    return current


def finalise_expired(db: Session, round_: ContestRound, library: Library, now: datetime) -> int:
    """Submit every attempt of the round whose time is up (students who never
    came back); how many. Results and reports call this before they read."""
    rows = db.exec(select(QuizAttempt, ContestDraw).join(ContestDraw, ContestDraw.attempt_id == QuizAttempt.id)
                   .where(QuizAttempt.context == "contest", QuizAttempt.context_id == round_.id,
                          col(QuizAttempt.finished_at).is_(None), col(ContestDraw.deadline) <= now)).all()
    for attempt, draw in rows:
        _finish(db, attempt, draw, now)
    return len(rows)
