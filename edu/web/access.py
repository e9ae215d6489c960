"""Who may do what: the signed-in staff member, their role's permissions,
and the objects they own.

Everything a person may not see answers 404, as if it did not exist: a
teacher probing class numbers learns nothing about other teachers' classes.
"""
from __future__ import annotations

import time
from functools import wraps

from flask import abort, current_app, session, url_for
from flask_login import current_user, login_required, login_user

from ..models import Classroom, User
from ..services import classes
from .db import get_session
from .extensions import login_manager

# Roles are a name on the account; what a role may do is decided here alone.
# An organiser also teaches: a school's contest is often run by one of its
# teachers. Kiosk staff (a campaign's volunteers) run kiosks and nothing else.
PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": frozenset({"teach", "manage_staff", "organise", "run_kiosks"}),
    "organiser": frozenset({"teach", "organise"}),
    "teacher": frozenset({"teach"}),
    "kiosk_staff": frozenset({"run_kiosks"}),
}


# What a staff session carries besides Flask-Login's user id: the account's
# session version when it began, and when it was last used.
VERSION, SEEN = "staff_version", "staff_seen"
SEEN_EVERY = 5 * 60  # seconds: refresh the last-seen time at most this often, not on every request
FLASK_LOGIN_KEYS = ("_user_id", "_fresh", "_id", "_remember")


def start_staff_session(user: User) -> None:
    """Sign `user` in on a fresh session: nothing of whoever used this browser
    before (a pupil's learner key, an old sign-in) stays behind."""
    session.clear()
    login_user(user)
    session[VERSION], session[SEEN] = user.session_version, int(time.time())


def _end_staff_session() -> None:
    for key in (*FLASK_LOGIN_KEYS, VERSION, SEEN):
        session.pop(key, None)


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """The signed-in account, unless this session has ended: signed out or
    password changed elsewhere (an older version), the account disabled, or
    idle longer than STAFF_IDLE_HOURS."""
    user = get_session().get(User, int(user_id)) if user_id.isdigit() else None
    now, seen = int(time.time()), session.get(SEEN, 0)
    if (user is None or not user.is_active or session.get(VERSION) != user.session_version
            or now - seen > current_app.config["STAFF_IDLE_HOURS"] * 3600):
        _end_staff_session()
        return None
    if now - seen > SEEN_EVERY:
        session[SEEN] = now
    return user


def can(user, permission: str) -> bool:
    return bool(user and user.is_authenticated) and permission in PERMISSIONS.get(user.role, frozenset())


def home_for(user) -> str:
    """Where a staff member starts: their classes, or for kiosk staff, who
    teach no class, their kiosks."""
    return url_for("classes.index") if can(user, "teach") else url_for("kiosks.index")


def require(permission: str):
    """Signed in (else the sign-in page) and allowed (else 404)."""
    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not can(current_user, permission):
                abort(404)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def owned_class(class_id: int) -> Classroom:
    """The teacher's own class, or 404: another teacher's class does not exist for them."""
    return classes.class_of(get_session(), current_user, class_id) or abort(404)
