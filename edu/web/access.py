"""Who may do what: the signed-in staff member, their role's permissions,
and the objects they own.

Everything a person may not see answers 404, as if it did not exist: a
teacher probing class numbers learns nothing about other teachers' classes.
"""
from __future__ import annotations

from functools import wraps

from flask import abort
from flask_login import current_user, login_required

from ..models import Classroom, User
from ..services import classes
from .db import get_session
from .extensions import login_manager

# Roles are a name on the account; what a role may do is decided here alone.
# Contest organisers and kiosk staff join this map with their own wings.
PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": frozenset({"teach", "manage_staff"}),
    "teacher": frozenset({"teach"}),
}


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    return get_session().get(User, int(user_id)) if user_id.isdigit() else None


def can(user, permission: str) -> bool:
    return bool(user and user.is_authenticated) and permission in PERMISSIONS.get(user.role, frozenset())


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
