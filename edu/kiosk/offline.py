"""The kiosk's way through a server restart or a network drop: a small
service worker that keeps a bilingual "reconnecting" screen, and serves it
instead of the browser's error page when a kiosk page cannot be fetched.
The screen (and kiosk.js on every kiosk page) asks the server until it
answers, then carries on. Neither needs the kiosk credential: they hold
nothing about a kiosk or a visitor."""
from __future__ import annotations

import hashlib

from flask import Blueprint, render_template, url_for

bp = Blueprint("kiosk_offline", __name__, url_prefix="/kiosk")
CACHED_ASSETS = ("site.css", "kiosk.css", "kiosk.js", "shield.svg")


@bp.get("/sw.js")
def worker():
    assets = [url_for("static", filename=name) for name in CACHED_ASSETS]
    offline = url_for(".offline")
    # Asset addresses are fingerprinted: a new file is a new cache, and the old one goes.
    version = hashlib.sha256(" ".join([offline, *assets]).encode()).hexdigest()[:12]
    body = render_template("kiosk/visit/worker.js", offline=offline, assets=assets, version=version)
    return body, 200, {"Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache"}


@bp.get("/offline")
def offline():
    return render_template("kiosk/visit/offline.html"), 200, {"Cache-Control": "no-cache"}
