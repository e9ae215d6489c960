"""What a learner did: quiz attempts with their answers, lessons read.

A learner is a random key in a browser's session cookie; nothing else about
them is kept here.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import utcnow


class QuizAttempt(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    learner_key: str = Field(index=True, max_length=64)
    quiz_slug: str = Field(index=True, max_length=100)
    started_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None
    score: float | None = None
    max_score: int


class QuizAnswer(SQLModel, table=True):
    """One answer per question per attempt: the unique constraint is what
    makes a double submit count once."""

    __table_args__ = (UniqueConstraint("attempt_id", "question_id"),)

    id: int | None = Field(default=None, primary_key=True)
    attempt_id: int = Field(foreign_key="quizattempt.id", index=True)
    question_id: str = Field(max_length=100)
    # Chosen ids, comma-separated: sorted for sets, in the student's order for ordering questions.
    choice: str = Field(max_length=1000)
    is_correct: bool
    score: float
    confidence: int | None = None  # "how sure are you?" in percent, when asked
    answered_at: datetime = Field(default_factory=utcnow)

    @property
    def chosen(self) -> tuple[str, ...]:
        return tuple(self.choice.split(",")) if self.choice else ()

    @property
    def chosen_ids(self) -> frozenset[str]:
        return frozenset(self.chosen)


class LessonProgress(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("learner_key", "lesson_slug"),)

    id: int | None = Field(default=None, primary_key=True)
    learner_key: str = Field(index=True, max_length=64)
    lesson_slug: str = Field(max_length=100)
    opened_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None
