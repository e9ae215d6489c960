"""Staff accounts, invites and the audit log. Students are not people here:
they are a display name in a class (see classes.py)."""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from .base import utcnow

ROLES = ("admin", "teacher", "organiser", "kiosk_staff")


class User(SQLModel, table=True):
    """A staff account. Students never get one: they join a class with a code."""

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(index=True, unique=True, max_length=254)
    password_hash: str = Field(max_length=255)
    role: str = Field(default="teacher", max_length=20)
    created_at: datetime = Field(default_factory=utcnow)
    failed_signins: int = 0
    locked_until: datetime | None = None
    # Raised to end every session of this account at once (sign-out
    # everywhere, a password change); a session carries the version it began with.
    session_version: int = 0
    disabled_at: datetime | None = None  # set by an admin: no sign-in, no session
    school_id: int | None = Field(default=None, foreign_key="school.id")  # a teacher's school: confirms its contest entrants
    # A chosen school is only a claim until an organiser confirms it; until
    # then the teacher acts for no school (services/school_teachers.py).
    # Choosing another school, or none, clears all three.
    school_chosen_at: datetime | None = None
    school_confirmed_at: datetime | None = None
    school_confirmed_by: int | None = Field(default=None, foreign_key="user.id")  # the organiser or admin

    # Flask-Login's user protocol
    @property
    def is_active(self) -> bool:
        return self.disabled_at is None

    @property
    def is_anonymous(self) -> bool:
        return False

    @property
    def is_authenticated(self) -> bool:
        return True

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


class AuditEvent(SQLModel, table=True):
    """What an admin did, when: kept for accountability, never shown to students."""

    id: int | None = Field(default=None, primary_key=True)
    actor_id: int | None = Field(default=None, foreign_key="user.id")  # None: the command line
    action: str = Field(max_length=50)
    detail: str = Field(default="", max_length=500)
    at: datetime = Field(default_factory=utcnow, index=True)
