"""Homework given once: a class's assignment may forbid retakes
(Assignment.retakes), and then a student who finished it cannot start again.
Practice is never limited."""
from __future__ import annotations

from sqlmodel import Session, select

from ..content import Quiz
from ..models import Assignment
from .attempts import Context, latest_finished_attempt, open_attempt
from .errors import ServiceError


def retakes_allowed(db: Session, context: Context, quiz_slug: str) -> bool:
    if context.kind != "class":
        return True
    retakes = db.exec(select(Assignment.retakes).where(Assignment.class_id == context.id, Assignment.kind == "quiz",
                                                       Assignment.slug == quiz_slug)).first()
    return retakes is not False  # no assignment (any more): nothing forbids it


def may_start(db: Session, learner: str, quiz: Quiz, context: Context, restart: bool) -> bool:
    """Whether starting (or starting over) is allowed: with retakes off, a
    finished attempt means no new one; resuming the open one is always fine."""
    if retakes_allowed(db, context, quiz.slug) or latest_finished_attempt(db, learner, quiz, context) is None:
        return True
    return not restart and open_attempt(db, learner, quiz, context) is not None


def check_start(db: Session, learner: str, quiz: Quiz, context: Context, restart: bool) -> None:
    """Refuses before anything is written."""
    if not may_start(db, learner, quiz, context, restart):
        raise ServiceError("attempt.no_retakes")
