"""The anonymous learner: a random key in the signed session cookie.

No name, no account: it is only what ties a browser to its own attempts.
"""
import secrets

from flask import session


def learner_key() -> str:
    if "learner" not in session:
        session["learner"] = secrets.token_urlsafe(18)
        session.permanent = True
    return session["learner"]
