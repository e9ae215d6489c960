"""Classes, what is assigned to them, and the students who joined them."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import utcnow


class Classroom(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    teacher_id: int = Field(foreign_key="user.id", index=True)
    name: str = Field(max_length=100)
    school: str = Field(default="", max_length=150)
    school_id: int | None = Field(default=None, foreign_key="school.id")  # the school record, for contests
    grade: str = Field(default="", max_length=30)
    language: str = Field(default="vi", max_length=2)
    join_code: str = Field(index=True, unique=True, max_length=16)
    results_released: bool = True  # False: students see results only once the teacher releases them
    joining_open: bool = True  # False: the code is refused until the teacher reopens joining
    # Which finished attempt counts in every report: "first" (assessments), "best" or "latest".
    attempt_rule: str = Field(default="first", max_length=10)
    created_at: datetime = Field(default_factory=utcnow)
    archived_at: datetime | None = None


class Assignment(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("class_id", "kind", "slug"),)

    id: int | None = Field(default=None, primary_key=True)
    class_id: int = Field(foreign_key="classroom.id", index=True)
    kind: str = Field(max_length=10)  # "lesson" or "quiz"
    slug: str = Field(max_length=100)
    due_on: date | None = None
    retakes: bool = True  # False: a student who finished this homework cannot start it again
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
