"""Contests: schools, contests and their rounds, who takes part, and what each
participant was drawn.

A contest ("Students with Information Security") has rounds: a school round,
then a provincial one, then a final. Times are stored in UTC and shown in
Asia/Ho_Chi_Minh. A participant is one student in one round: a display name,
a school, a grade and a class, nothing more about the child.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import utcnow


class School(SQLModel, table=True):
    """A school, under the provincial unit in force (see services/provinces.py)."""

    __table_args__ = (UniqueConstraint("province", "commune", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=150)
    province: str = Field(index=True, max_length=60)
    commune: str = Field(default="", max_length=80)
    level: str = Field(default="", max_length=20)  # "primary", "lower-secondary", "upper-secondary", "multi-level"
    created_at: datetime = Field(default_factory=utcnow)


class Contest(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    organiser_id: int = Field(foreign_key="user.id", index=True)
    title_vi: str = Field(max_length=150)
    title_en: str = Field(max_length=150)
    rules_vi: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    rules_en: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    grades: str = Field(default="", max_length=40)  # eligible grades, comma-separated: "6,7,8,9"
    created_at: datetime = Field(default_factory=utcnow)


class ContestRound(SQLModel, table=True):
    """One round of a contest: its window, time limit, draw, scope, who may
    enter and when results are published."""

    id: int | None = Field(default=None, primary_key=True)
    contest_id: int = Field(foreign_key="contest.id", index=True)
    position: int = 1
    name_vi: str = Field(max_length=100)
    name_en: str = Field(max_length=100)
    opens_at: datetime
    closes_at: datetime
    time_limit_minutes: int
    # The question draw as JSON (services/draws.py): N per topic and difficulty, or a fixed list.
    draw: str = Field(sa_column=Column(Text, nullable=False))
    scope: str = Field(default="everyone", max_length=10)  # "school", "province", "everyone"
    scope_school_id: int | None = Field(default=None, foreign_key="school.id")
    scope_province: str = Field(default="", max_length=60)
    entry: str = Field(default="eligible", max_length=10)  # "eligible" or "qualified"
    qualify_round_id: int | None = Field(default=None, foreign_key="contestround.id")
    qualify_top_k: int | None = None  # per school
    qualify_min_percent: int | None = None
    publish: str = Field(default="at_close", max_length=10)  # "at_close" or "manual"
    published_at: datetime | None = None
    public_code: str = Field(index=True, unique=True, max_length=16)
    created_at: datetime = Field(default_factory=utcnow)


class Participant(SQLModel, table=True):
    """One student in one round. `identity` (school, grade, class and name,
    normalised) is unique per round, so the same student cannot enter twice;
    `learner_key` is what the student's browser carries once they entered
    their personal code, on any device."""

    __table_args__ = (UniqueConstraint("round_id", "identity"), UniqueConstraint("round_id", "learner_key"))

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="contestround.id", index=True)
    learner_key: str = Field(max_length=64)
    display_name: str = Field(max_length=40)
    school_id: int = Field(foreign_key="school.id", index=True)
    grade: str = Field(max_length=10)
    class_name: str = Field(default="", max_length=30)
    class_id: int | None = Field(default=None, foreign_key="classroom.id", index=True)  # enrolled from a class
    identity: str = Field(max_length=250)
    code_hash: str = Field(index=True, unique=True, max_length=64)  # the personal contest code, hashed
    confirmed_at: datetime | None = None  # None: entered with the public code, waiting for the school's teacher
    confirmed_by: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)


class ContestDraw(SQLModel, table=True):
    """What one participant's attempt was drawn, and when its time is up.
    Kept with the attempt, so editing a round after it opened changes no
    draw already made."""

    attempt_id: int = Field(primary_key=True, foreign_key="quizattempt.id")
    participant_id: int = Field(foreign_key="participant.id", unique=True)
    questions: str = Field(sa_column=Column(Text, nullable=False))  # "quiz/question" refs, in the order shown
    deadline: datetime
