"""A participant's round: the intro, one question at a time with the time
left, answers saved as they are chosen, a summary before the final submit,
and the result once published.

Every page works without JavaScript: a question's buttons save and move on.
With it, an answer is saved the moment it is chosen (htmx posts the form on
change) and a countdown shows the server's time left. The server decides
everything: a page after the deadline finds the attempt submitted.
"""
from __future__ import annotations

from datetime import datetime

from flask import Blueprint, abort, current_app, g, redirect, render_template, request, url_for
from flask_babel import gettext
from werkzeug.datastructures import MultiDict

from ..models import Contest, ContestRound, utcnow
from ..services import attempts, certificates, contest_attempts, rounds
from ..services.contest_attempts import ContestRefused
from ..services.errors import AnswerRejected
from ..web.content import current_library
from ..web.db import commit_before_rendering, get_session
from ..web.errors import htmx_error
from ..web.extensions import htmx
from ..web.forms import EmptyForm
from ..web.learner import existing_learner_key
from ..web.limits import by_learner, limit, limiter
from ..web.messages import message_for

bp = Blueprint("contest", __name__, url_prefix="/contest/rounds")
SAVE_STATUS = "answer-saved"  # htmx's target: the line that says the answer is saved


def now() -> datetime:
    """The server's time: the only clock a round is judged by (tests freeze it)."""
    return utcnow()


def _round_and_participant(round_id: int):
    """The round and this browser's participant in it; a round no one can
    see is 404, and someone not entered gets a page saying how to enter (403)."""
    db = get_session()
    round_ = db.get(ContestRound, round_id) or abort(404)
    participant = contest_attempts.participant_for(db, round_, existing_learner_key())
    if participant is None:
        abort(403)
    return round_, participant


def _refused(error: ContestRefused | AnswerRejected, round_id: int):
    message = message_for(error)
    status = getattr(error, "status", 400)
    if htmx and htmx.target == SAVE_STATUS:
        return htmx_error(message, status, (url_for(".round", round_id=round_id), gettext("Back to the round")))
    return render_template("contest/take/refused.html", message=message, round_id=round_id), status


def _taking(round_, participant):
    return contest_attempts.taking(get_session(), current_library(), round_, participant, now())


@bp.errorhandler(403)
def not_entered(_error):
    return render_template("contest/take/not_entered.html"), 403


@bp.get("/<int:round_id>")
def round(round_id: int):
    round_, participant = _round_and_participant(round_id)
    taking = _taking(round_, participant)
    if taking is not None and not taking.finished:
        first_open = (taking.unanswered or [1])[0]
        return redirect(url_for(".question", round_id=round_id, number=first_open), 303)
    moment = now()
    db = get_session()
    certificate = certificates.for_participant(db, current_library(), current_app.secret_key, participant, moment)
    return render_template("contest/take/round.html", round_=round_, contest=db.get(Contest, round_.contest_id),
                           participant=participant, taking=taking, status=rounds.status(round_, moment),
                           published=rounds.published(round_, moment), form=EmptyForm(),
                           certificate_url=certificate and url_for("certificates.show", code=certificate.code),
                           ), {"Cache-Control": "no-store"}


@bp.post("/<int:round_id>/start")
def start(round_id: int):
    round_, participant = _round_and_participant(round_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    contest = get_session().get(Contest, round_.contest_id)
    try:
        contest_attempts.start(get_session(), current_library(), round_, participant, contest, now())
    except ContestRefused as refused:
        return _refused(refused, round_id)
    return redirect(url_for(".question", round_id=round_id, number=1), 303)


def _question_page(round_, taking, number: int, *, status: int = 200, error: str | None = None,
                   submitted: MultiDict | None = None):
    question = taking.quiz.questions[number - 1]
    shown = attempts.shown(taking.attempt, current_app.secret_key)
    saved = taking.answers.get(question.id)
    if submitted is None and saved is not None:
        submitted = MultiDict(question.form_data(saved.chosen, shown))
    return render_template("contest/take/question.html", round_=round_, taking=taking, quiz=taking.quiz,
                           question=question, number=number, shown=shown, submitted=submitted, error=error,
                           saved=saved, seconds_left=taking.seconds_left(now())), status, {"Cache-Control": "no-store"}


def _open_taking(round_id: int, number: int | None = None):
    """(round, taking), or the response instead: the round page when there is
    nothing to answer (not started, submitted, time up)."""
    round_, participant = _round_and_participant(round_id)
    taking = _taking(round_, participant)
    if taking is None or taking.finished:
        return None, redirect(url_for(".round", round_id=round_id), 303)
    if number is not None and not 1 <= number <= len(taking.quiz.questions):
        abort(404)
    return (round_, participant, taking), None


@bp.get("/<int:round_id>/q/<int:number>")
def question(round_id: int, number: int):
    found, instead = _open_taking(round_id, number)
    if instead:
        return instead
    round_, _, taking = found
    return _question_page(round_, taking, number)


MOVES = {"previous": -1, "next": 1, "stay": 0, "summary": 0}


@bp.post("/<int:round_id>/q/<int:number>")
@limiter.limit(limit("answers"), key_func=by_learner)
def save(round_id: int, number: int):
    """Save the answer (with htmx: on every change, the saved line back; without:
    from the buttons, then the next page). Moving on without an answer is allowed."""
    round_, participant = _round_and_participant(round_id)
    g.page_url = url_for(".question", round_id=round_id, number=number)
    move = request.form.get("go", "stay")
    panel = bool(htmx) and htmx.target == SAVE_STATUS
    try:
        taking, number = contest_attempts.save_answer(get_session(), current_library(), round_, participant,
                                                      request.form, current_app.secret_key, now())
    except ContestRefused as refused:
        return _refused(refused, round_id)
    except AnswerRejected as rejected:
        taking = _taking(round_, participant)
        if not 1 <= number <= len(taking.quiz.questions):
            abort(404)
        moving_on = rejected.retry and move != "stay" and not panel  # nothing chosen: just go
        if not moving_on:
            if rejected.retry and not panel:
                return _question_page(round_, taking, number, status=400, error=message_for(rejected),
                                      submitted=request.form)
            return _refused(rejected, round_id)
    commit_before_rendering()
    if panel:
        return render_template("contest/take/_saved.html", taking=taking, number=number), {"Cache-Control": "no-store"}
    target = number + MOVES.get(move, 0)
    if move == "summary" or target > len(taking.quiz.questions):
        return redirect(url_for(".summary", round_id=round_id), 303)
    return redirect(url_for(".question", round_id=round_id, number=max(target, 1)), 303)


@bp.get("/<int:round_id>/summary")
def summary(round_id: int):
    found, instead = _open_taking(round_id)
    if instead:
        return instead
    round_, _, taking = found
    return render_template("contest/take/summary.html", round_=round_, taking=taking, form=EmptyForm(),
                           seconds_left=taking.seconds_left(now())), {"Cache-Control": "no-store"}


@bp.post("/<int:round_id>/submit")
def submit(round_id: int):
    round_, participant = _round_and_participant(round_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        contest_attempts.submit(get_session(), current_library(), round_, participant, now())
    except ContestRefused as refused:
        return _refused(refused, round_id)
    return redirect(url_for(".round", round_id=round_id), 303)
