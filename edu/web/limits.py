"""Rate limits (Flask-Limiter), in Redis when REDIS_URL is set so every
worker shares them.

Keys are chosen so a whole school behind one NAT address is not blocked:
sign-in counts per account, answers per learner, joins per class code. Only
guessing (wrong codes) is counted per address, and generously.
"""
from flask import current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from .learner import learner_key
from ..services.accounts import normalize_email
from ..services.codes import normalize

limiter = Limiter(key_func=get_remote_address)


def by_email() -> str:
    return "signin:" + normalize_email(request.form.get("email", ""))


def by_join_code() -> str:
    return "join:" + normalize(request.form.get("code", ""))


def by_learner() -> str:
    return "answers:" + learner_key()


def failed(response) -> bool:
    """Count only refused attempts: typing the right code costs nothing."""
    return response.status_code == 400


def limit(name: str):
    """The limit string comes from config (RATELIMIT_<NAME>), so tests and
    deployments can tune it without touching code."""
    return lambda: current_app.config[f"RATELIMIT_{name.upper()}"]
