"""What a kiosk device carries between screens, and how a visit is wiped.

The device keeps one long-lived cookie, its kiosk credential, sent only to
/kiosk pages. Everything about the visitor in front of it (the play, the
language they chose) lives in the ordinary session and goes at the reset,
with every other cookie: the next visitor starts from nothing.
"""
from __future__ import annotations

from flask import current_app, g, request, session
from flask_babel import refresh

from ..models import Kiosk, utcnow
from ..services import kiosk_devices
from ..web.db import get_session

CREDENTIAL = "kiosk_device"
CREDENTIAL_PATH = "/kiosk"
CREDENTIAL_MAX_AGE = 400 * 24 * 3600  # the longest a browser keeps a cookie (RFC 6265bis)
PLAY, LANGUAGE, WARNED = "kiosk_play", "kiosk_lang", "kiosk_warned"


def current_kiosk() -> Kiosk | None:
    """The kiosk this device was set up as (None: not set up, or revoked)."""
    if "kiosk" not in g:
        g.kiosk = kiosk_devices.kiosk_for_device(get_session(), request.cookies.get(CREDENTIAL), utcnow())
    return g.kiosk


def speak_visit_language(kiosk: Kiosk) -> None:
    """Screens speak the visitor's chosen language, else the kiosk's own,
    never a language cookie a passer-by's browser might have left."""
    g.lang = session.get(LANGUAGE) or kiosk.language
    refresh()


def keep_credential(response, credential: str) -> None:
    response.set_cookie(CREDENTIAL, credential, max_age=CREDENTIAL_MAX_AGE, path=CREDENTIAL_PATH,
                        httponly=True, samesite="Strict", secure=current_app.config.get("HTTPS", False))


def end_visit() -> None:
    for key in (PLAY, LANGUAGE, WARNED):
        session.pop(key, None)


def forget_visitor() -> None:
    """The whole session: no play, no language, no staff sign-in, no learner key."""
    session.clear()


def delete_other_cookies(response) -> None:
    """Every cookie the browser sent but the kiosk credential and the session
    (which deletes itself once empty, or carries only a fresh form token)."""
    session_cookie = current_app.config["SESSION_COOKIE_NAME"]
    for name in request.cookies:
        if name not in (CREDENTIAL, session_cookie):
            response.delete_cookie(name)
