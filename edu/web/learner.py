"""The learner: a random key in the signed session cookie.

No name, no account: it is only what ties a browser to its own attempts. A
student who joins a class gets a new key (what was done anonymously in the
browser before is not theirs); one who continues on another device takes
their key into that browser.
"""
import secrets

from flask import session


def learner_key() -> str:
    if "learner" not in session:
        session["learner"] = secrets.token_urlsafe(18)
        session.permanent = True
    return session["learner"]


def existing_learner_key() -> str | None:
    """The key if this browser has one; reading a page never makes one."""
    return session.get("learner")


def use_learner_key(key: str | None) -> None:
    """Switch this browser to another student (`key`), or with None to a fresh
    anonymous learner. Everything else in the session goes: nothing of the
    previous person may stay behind on a shared computer."""
    session.clear()
    if key:
        session["learner"] = key
        session.permanent = True


def learner_age() -> int | None:
    """The lower end of the age band this browser's learner chose for practice
    (see Quiz.for_learner): a band, never a birth date, and only in the cookie."""
    return session.get("age_band")


def set_learner_age(band: int) -> None:
    session["age_band"] = band
