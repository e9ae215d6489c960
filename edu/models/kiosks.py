"""Exhibition kiosks: a touch screen that runs a short quiz all day with
nobody at it, and the plays its visitors leave behind.

A kiosk belongs to the staff member who made it. The device holds a kiosk
credential (a random token in a cookie; only its hash is kept here), set up
once from a one-time link. A play keeps the kiosk, the time, the language,
the items drawn and (through its attempt) the answers: nothing about the
visitor but an optional nickname picked from harmless words.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel

from .base import utcnow


class Kiosk(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    owner_id: int = Field(foreign_key="user.id", index=True)
    name: str = Field(max_length=80)
    place: str = Field(default="", max_length=120)
    starts_on: date
    ends_on: date
    language: str = Field(default="vi", max_length=2)  # the attract screen's first language
    quiz_slug: str = Field(default="", max_length=100)  # "": a mix drawn from recognition items of every quiz
    question_count: int = 6  # per play, 5 to 10
    idle_seconds: int = 60  # without a touch, then "Are you still there?"
    # Attract-screen prompts, one per line, shown in turn (both languages).
    attract_vi: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    attract_en: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    created_at: datetime = Field(default_factory=utcnow)
    # The one-time set-up link (hashed) and when it stops working.
    setup_hash: str | None = Field(default=None, index=True, unique=True, max_length=64)
    setup_expires_at: datetime | None = None
    # The credential of the device set up from that link (hashed); None: no device, or revoked.
    device_hash: str | None = Field(default=None, index=True, unique=True, max_length=64)
    paired_at: datetime | None = None
    last_seen_at: datetime | None = None  # the device's last contact


class KioskPlay(SQLModel, table=True):
    """One visitor's go: its answers are QuizAnswer rows of `attempt_id`
    (context "kiosk", the kiosk's id), named "quiz/question" as in a contest."""

    __table_args__ = (Index("ix_kioskplay_kiosk_started", "kiosk_id", "started_at"),)

    id: int | None = Field(default=None, primary_key=True)
    kiosk_id: int = Field(foreign_key="kiosk.id")
    attempt_id: int = Field(foreign_key="quizattempt.id", unique=True)
    language: str = Field(max_length=2)
    questions: str = Field(sa_column=Column(Text, nullable=False))  # "quiz/question" refs, JSON, in the order shown
    nickname: str = Field(default="", max_length=40)  # word ids "adjective/animal", or "" (most plays)
    started_at: datetime = Field(default_factory=utcnow)
