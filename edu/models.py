"""Database tables. Anonymous for now: an attempt belongs to a browser
session's random learner key, and nothing else about the learner is kept."""
from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def as_utc(moment: datetime) -> datetime:
    """SQLite hands datetimes back without a zone; they were stored as UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


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


# --- People and classes --------------------------------------------------------

ROLES = ("admin", "teacher")  # contest organisers and kiosk staff will join this list


class User(SQLModel, table=True):
    """A staff account. Students never get one: they join a class with a code."""

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(index=True, unique=True, max_length=254)
    password_hash: str = Field(max_length=255)
    role: str = Field(default="teacher", max_length=20)
    created_at: datetime = Field(default_factory=utcnow)
    failed_signins: int = 0
    locked_until: datetime | None = None

    # Flask-Login's user protocol
    @property
    def is_active(self) -> bool:
        return True

    @property
    def is_anonymous(self) -> bool:
        return False

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def get_id(self) -> str:
        return str(self.id)


class Invite(SQLModel, table=True):
    """A one-time sign-up link, made by an admin when open sign-up is off."""

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(index=True, unique=True, max_length=64)
    role: str = Field(default="teacher", max_length=20)
    created_by: int = Field(foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: datetime | None = None


class Classroom(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    teacher_id: int = Field(foreign_key="user.id", index=True)
    name: str = Field(max_length=100)
    school: str = Field(default="", max_length=150)
    grade: str = Field(default="", max_length=30)
    language: str = Field(default="vi", max_length=2)
    join_code: str = Field(index=True, unique=True, max_length=16)
    results_released: bool = True  # False: students see results only once the teacher releases them
    created_at: datetime = Field(default_factory=utcnow)
    archived_at: datetime | None = None


class Assignment(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("class_id", "kind", "slug"),)

    id: int | None = Field(default=None, primary_key=True)
    class_id: int = Field(foreign_key="classroom.id", index=True)
    kind: str = Field(max_length=10)  # "lesson" or "quiz"
    slug: str = Field(max_length=100)
    due_on: date | None = None
    created_at: datetime = Field(default_factory=utcnow)


class Student(SQLModel, table=True):
    """A display name in one class, and nothing else about the child.

    `learner_key` is what their browser session carries, so attempts and
    lesson progress made before or after joining belong to them.
    """

    id: int | None = Field(default=None, primary_key=True)
    class_id: int = Field(foreign_key="classroom.id", index=True)
    display_name: str = Field(max_length=40)
    learner_key: str = Field(index=True, unique=True, max_length=64)
    reentry_hash: str = Field(index=True, unique=True, max_length=64)
    joined_at: datetime = Field(default_factory=utcnow)


class LessonProgress(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("learner_key", "lesson_slug"),)

    id: int | None = Field(default=None, primary_key=True)
    learner_key: str = Field(index=True, max_length=64)
    lesson_slug: str = Field(max_length=100)
    opened_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None


class AuditEvent(SQLModel, table=True):
    """What an admin did, when: kept for accountability, never shown to students."""

    id: int | None = Field(default=None, primary_key=True)
    actor_id: int | None = Field(default=None, foreign_key="user.id")  # None: the command line
    action: str = Field(max_length=50)
    detail: str = Field(default="", max_length=500)
    at: datetime = Field(default_factory=utcnow, index=True)
