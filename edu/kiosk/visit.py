"""The kiosk's own screens: attract, language, one question at a time with
its clues revealed, the result, and back to attract.

Every screen is a server-rendered page that works without JavaScript. With
it (static/kiosk.js), htmx swaps one screen for the next without adding to
the browser's history, and the idle warning and the reset run on the
screen: at the reset the whole document is replaced, so nothing of one
visitor (answers, form state, scroll, focus, history) is there for the next.
No kiosk screen links outside /kiosk: an address the visitor may want goes
on a QR code for their own phone.
"""
from __future__ import annotations

from datetime import datetime

from flask import Blueprint, current_app, g, redirect, render_template, request, session, url_for
from flask_babel import gettext
from flask_wtf.csrf import CSRFError

from ..content.models import LANGUAGES
from ..models import utcnow
from ..services import attempts, kiosk_devices, kiosk_plays
from ..services.errors import AnswerRejected, ServiceError
from ..web.content import current_library
from ..web.db import commit_before_rendering, get_session
from ..web.extensions import htmx
from ..web.forms import EmptyForm
from ..web.messages import message_for
from .links import keep_inside
from .words import screen_words
from .device import (LANGUAGE, PLAY, WARNED, current_kiosk, delete_other_cookies, end_visit, forget_visitor,
                     keep_credential, speak_visit_language)

bp = Blueprint("kiosk", __name__, url_prefix="/kiosk")
SCREEN_ID = "kiosk-screen"
OPEN_ENDPOINTS = frozenset({"kiosk.setup"})  # reached before the device has a credential


def now() -> datetime:
    """The server's time (tests freeze it)."""
    return utcnow()


@bp.before_request
def _device():
    if request.endpoint in OPEN_ENDPOINTS:
        return None
    kiosk = current_kiosk()
    if kiosk is None:
        return render_template("kiosk/visit/not_set_up.html"), 403, {"Cache-Control": "no-store"}
    speak_visit_language(kiosk)
    return None


bp.context_processor(screen_words)


@bp.after_request
def _stay_inside(response):
    if response.mimetype == "text/html" and not response.direct_passthrough:
        response.set_data(keep_inside(response.get_data(as_text=True), current_library().help,
                                      gettext("QR code: %(address)s")))
    return response


def _screen(name: str, status: int = 200, **context):
    """One screen: alone for htmx (swapped into #kiosk-screen), else in the whole page."""
    page = "kiosk/visit/_screen.html" if htmx and htmx.target == SCREEN_ID else "kiosk/visit/page.html"
    body = render_template(page, screen=name, kiosk=current_kiosk(), screen_id=SCREEN_ID,
                           still_there_seconds=kiosk_plays.STILL_THERE_SECONDS, **context)
    return body, status, {"Cache-Control": "no-store", "Vary": "HX-Request, HX-Target"}


def _visit():
    return kiosk_plays.visit(get_session(), current_library(), current_kiosk(), session.get(PLAY))


def _attract(status: int = 200, message: str | None = None):
    return _screen("attract", status, message=message, board=kiosk_plays.day_board(get_session(), current_kiosk(), now()))


def _fresh_start(status: int = 200, message: str | None = None):
    """The attract screen for the next visitor: everything of the last one forgotten
    before the screen is drawn (its form token is the new visitor's)."""
    forget_visitor()
    speak_visit_language(current_kiosk())
    response = current_app.make_response(_attract(status, message))
    delete_other_cookies(response)
    return response


def _ended():
    """An answer or a choice for a visit that is over (reset meanwhile, or from an old page)."""
    return _attract(400, gettext("That visit has ended. Touch the screen to start a new one."))


def _question(current, status: int = 200, *, question=None, error: str | None = None, submitted=None):
    return _screen("question", status, current=current, quiz=current.quiz,
                   question=question or current.next_question, number=current.number,
                   shown=attempts.shown(current.attempt, current_app.secret_key), error=error, submitted=submitted)


def _result(current, status: int = 200, message: str | None = None):
    db = get_session()
    return _screen("result", status, current=current, message=message, refused=status >= 400,
                   tips=kiosk_plays.take_away_tips(current_library(), current),
                   nicknames=[] if current.play.nickname else kiosk_plays.nickname_choices(current),
                   board=kiosk_plays.day_board(db, current.kiosk, now()))


def _warning_ran_out() -> bool:
    """Without JavaScript the "still there?" page refreshes back here once its
    time is up: a warning nobody answered ends the visit."""
    warned = session.get(WARNED)
    return warned is not None and now().timestamp() - warned >= kiosk_plays.STILL_THERE_SECONDS


@bp.get("/")
def home():
    current = _visit()
    if current is None and WARNED not in session:
        return _attract()
    if current is None or current.abandoned(now()) or _warning_ran_out():
        return _fresh_start()
    return _result(current) if current.finished else _question(current)


@bp.get("/language")
def language():
    return _screen("language", form=EmptyForm())


@bp.post("/play")
def play():
    chosen = request.form.get("language")
    if chosen not in LANGUAGES:
        return _screen("language", 400, form=EmptyForm(), error=gettext("Choose a language to start."))
    end_visit()  # whatever a walk-away left, this is a new visitor
    try:
        started = kiosk_plays.start_play(get_session(), current_library(), current_kiosk(), chosen, now())
    except ServiceError as refused:
        return _attract(503, message_for(refused))
    session[PLAY], session[LANGUAGE] = started.id, chosen
    speak_visit_language(current_kiosk())
    return _question(_visit())


@bp.post("/answer")
def answer():
    current = _visit()
    if current is None:
        return _ended()
    try:
        recorded = kiosk_plays.answer(get_session(), current, request.form, current_app.secret_key)
    except AnswerRejected as rejected:
        message = message_for(rejected)
        question = current.quiz.question_named(request.form.get("question", ""),
                                               attempts.shown(current.attempt, current_app.secret_key))
        if rejected.retry and question is not None:
            return _question(current, 400, question=question, error=message, submitted=request.form)
        return _result(current, 400, message) if current.finished else _question(current, 400, error=message)
    commit_before_rendering()
    return _screen("feedback", current=current, quiz=current.quiz, question=recorded.question, answer=recorded.answer,
                   number=current.quiz.questions.index(recorded.question) + 1,
                   shown=attempts.shown(current.attempt, current_app.secret_key))


@bp.post("/nickname")
def nickname():
    current = _visit()
    if current is None:
        return _ended()
    try:
        kiosk_plays.choose_nickname(get_session(), current, request.form.get("nickname", ""))
    except ServiceError as refused:
        if not current.finished:
            return _question(current, 400, error=message_for(refused))
        return _result(current, 400, message_for(refused))
    return _result(current, message=gettext("You are on today's board."))


@bp.post("/reset")
def reset():
    """The end of a visit: "Finish", or nobody answered "Are you still there?".
    From kiosk.js (a fetch) an empty answer, the screen then reloads itself;
    without JavaScript, back to the attract screen."""
    forget_visitor()
    response = current_app.make_response(("", 204) if request.headers.get("X-Kiosk-Reset") else
                                          redirect(url_for(".home"), 303))
    delete_other_cookies(response)
    return response


@bp.get("/still-there")
def still_there():
    """Without JavaScript: the screen refreshes here after the idle time."""
    if _visit() is None:
        return redirect(url_for(".home"), 303)
    session[WARNED] = now().timestamp()
    return _screen("still_there", form=EmptyForm())


@bp.post("/continue")
def keep_going():
    session.pop(WARNED, None)
    return redirect(url_for(".home"), 303)


@bp.get("/ping")
def ping():
    """For the reconnecting screen: the server is back, and the device still a kiosk."""
    return "", 204, {"Cache-Control": "no-store"}


@bp.route("/setup/<token>", methods=["GET", "POST"])
def setup(token: str):
    """Staff open the one-time link on the device; a button (not the GET, which
    link previews also make) sets it up and clears everything else it held."""
    db = get_session()
    try:
        kiosk = kiosk_devices.kiosk_for_setup(db, token, now())
    except ServiceError as refused:
        return render_template("kiosk/visit/setup.html", error=message_for(refused)), 404, {"Cache-Control": "no-store"}
    form = EmptyForm()
    if not form.validate_on_submit():
        return render_template("kiosk/visit/setup.html", kiosk=kiosk, form=form), 200, {"Cache-Control": "no-store"}
    kiosk, credential = kiosk_devices.set_up_device(db, token, now())
    forget_visitor()
    response = redirect(url_for(".home"), 303)
    delete_other_cookies(response)
    keep_credential(response, credential)
    return response


@bp.errorhandler(CSRFError)
def _expired(_error):
    g.kiosk = current_kiosk()
    if g.kiosk is None:
        return render_template("kiosk/visit/not_set_up.html"), 403
    return _attract(400, gettext("That screen had expired. Touch the screen to start again."))
