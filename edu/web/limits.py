"""Rate limits (Flask-Limiter), in Redis when REDIS_URL is set so every
worker shares them.

Keys are chosen so a whole school behind one NAT address is not blocked:
sign-in counts per account, answers per learner, joins per class code.

Codes people type (/join, /join/continue) are counted only when wrong
(`wrong_guess`), per browser (small) and per address (generous). A browser
that spent its own budget may try no code at all, right or wrong, until its
window passes (`browser_wait`), so it cannot go on testing codes; the
address ceiling refuses only wrong codes, so one pupil's typos, or someone
guessing from the same address, never lock out the rest of the school.
Joins per class code count only students who joined, so a browser posting
a class's code over and over costs the class nothing. All counters go through Flask-Limiter's strategy and storage, so
memory and Redis behave alike.
"""
from __future__ import annotations

import math
import time

from flask import current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits import RateLimitItem, parse_many

from .learner import learner_key
from ..services.accounts import normalize_email
from ..services.codes import normalize

limiter = Limiter(key_func=get_remote_address)


def by_email() -> str:
    return "signin:" + normalize_email(request.form.get("email", ""))


def by_learner() -> str:
    return "answers:" + learner_key()


def limit(name: str):
    """The limit string comes from config (RATELIMIT_<NAME>), so tests and
    deployments can tune it without touching code."""
    return lambda: current_app.config[f"RATELIMIT_{name.upper()}"]


def _items(name: str) -> list[RateLimitItem]:
    return parse_many(current_app.config[f"RATELIMIT_{name.upper()}"])


def _spent(name: str, key: str) -> int:
    """Seconds until this counter has room again; 0 when it has room now."""
    strategy = limiter.limiter
    resets = [strategy.get_window_stats(item, name, key).reset_time
              for item in _items(name) if not strategy.test(item, name, key)]
    return max(1, math.ceil(max(resets) - time.time())) if resets else 0


def _count(name: str, key: str) -> None:
    for item in _items(name):
        limiter.limiter.hit(item, name, key)


def wrong_guess() -> int:
    """Call once a typed code turned out wrong. Counts it against this browser
    and this address; the seconds to wait when either budget was already
    spent (answer 429), else 0 (answer 400)."""
    counters = [("guess_browser", learner_key()), ("guess", get_remote_address())]
    wait = max(_spent(name, key) for name, key in counters)
    if not wait:
        for name, key in counters:
            _count(name, key)
    return wait


def browser_wait() -> int:
    """Seconds before this browser may try a code again, after its own wrong
    codes spent its budget; 0 when it may try now."""
    return _spent("guess_browser", learner_key())


def join_wait(code: str) -> int:
    """Seconds before this class code takes another student (0: now)."""
    return _spent("join", normalize(code))


def count_join(code: str) -> None:
    _count("join", normalize(code))
