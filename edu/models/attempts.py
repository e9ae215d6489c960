"""What a learner did: quiz attempts with their answers, lessons read.

A learner is a random key in a browser's session cookie; nothing else about
them is kept here.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import utcnow


class QuizAttempt(SQLModel, table=True):
    """One go at a quiz, in one context.

    The context says what the attempt was for, so the same quiz taken as
    practice, as homework for a class, in a contest round, on a kiosk or in
    a live game never shares a "latest attempt": `context` is "practice",
    "class" (context_id: the class), and later "contest", "kiosk", "live"
    (context_id 0 where a context needs no id).
    `seed` fixes the order options are shown in; `quiz_version` is the
    quiz's fingerprint when the attempt began.
    """

    __table_args__ = (Index("ix_quizattempt_lookup", "learner_key", "quiz_slug", "context", "context_id"),)

    id: int | None = Field(default=None, primary_key=True)
    learner_key: str = Field(index=True, max_length=64)
    quiz_slug: str = Field(index=True, max_length=100)
    context: str = Field(default="practice", max_length=20)
    context_id: int = 0  # 0 where the context needs no id (practice)
    seed: int = 0
    quiz_version: str = Field(default="", max_length=16)
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
    question_id: str = Field(max_length=201)  # a contest draws across quizzes: "quiz/question"
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
