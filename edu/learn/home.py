"""Home page and health check."""
from flask import Blueprint, jsonify, render_template
from sqlalchemy import text

from ..web.content import current_library
from ..web.db import get_session
from ..web.i18n import current_language

bp = Blueprint("main", __name__)


@bp.get("/")
def home():
    library = current_library()
    lang = current_language()
    return render_template("learn/home.html", lessons=library.sorted_lessons(lang)[:4],
                           quizzes=library.sorted_quizzes(lang)[:4])


@bp.get("/healthz")
def healthz():
    """200 when the database answers and content is loaded: for load balancers and kiosk watchdogs."""
    checks = {}
    try:
        get_session().exec(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception:  # any driver error means "not healthy", whatever its class
        checks["database"] = "unavailable"
    try:
        library = current_library()
        checks["content"] = "ok" if library.lessons and library.quizzes else "empty"
    except Exception:
        checks["content"] = "invalid"
    healthy = all(value == "ok" for value in checks.values())
    return jsonify(status="ok" if healthy else "unhealthy", **checks), 200 if healthy else 503
