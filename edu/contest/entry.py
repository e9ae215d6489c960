"""Students enter a contest round: with their personal contest code (from the
teacher's sheet or its QR code), on any device; or, not enrolled by a teacher,
with the round's public code, their school, grade, class and name, and then
wait for a teacher of that school to confirm.

No account, no email, no password. Codes typed here count against the same
per-browser wrong-guess budget as class codes (web/limits.py), so a browser
cannot go on testing codes.
"""
from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext

from ..models import Contest, ContestRound, utcnow
from ..services import enrolment, provinces
from ..services.errors import ClassError
from ..services.enrolment import EnrolmentError
from ..web.contest_forms_enrol import EnterForm, PublicJoinForm
from ..web.db import get_session
from ..web.forms import form_status, prompted
from ..web.learner import use_learner_key
from ..web.limits import browser_wait, wrong_guess
from ..web.messages import message_for

bp = Blueprint("contest_entry", __name__, url_prefix="/contest")
JOINED = "contest_joined"  # in the session until the "wait for your teacher" page has shown the code once


def _round_url(round_id: int) -> str:
    return url_for("contest.round", round_id=round_id)


def _too_many_wrong() -> str:
    return gettext("Too many wrong codes. Check the code with your teacher, then try again in a few minutes.")


def _refused(template: str, error: str, wait: int = 0, **context):
    """The page again with what went wrong: 400, or 429 with Retry-After when the guess budget is spent."""
    headers = {"Retry-After": str(wait)} if wait else {}
    return render_template(template, error=error, **context), 429 if wait else 400, headers


@bp.route("/enter", methods=["GET", "POST"])
def enter():
    """A personal code: this browser becomes that participant, and goes to the round."""
    form = EnterForm(code=request.args.get("code", ""))
    page = "contest/entry/enter.html"
    if not form.validate_on_submit():
        return render_template(page, form=form, error=None), form_status()
    if wait := browser_wait():
        return _refused(page, _too_many_wrong(), wait, form=form)
    participant = enrolment.participant_by_code(get_session(), current_app.secret_key, form.code.data)
    if participant is None:
        wait = wrong_guess()
        return _refused(page, _too_many_wrong() if wait else gettext(
            "That code does not match any contest entry. Check it with your teacher."), wait, form=form)
    use_learner_key(participant.learner_key)
    return redirect(_round_url(participant.round_id), 303)


@bp.route("/join", methods=["GET", "POST"])
def join():
    """Three steps on one page, each a plain form: the round's public code,
    then (for a round open to everyone) the province, then school, grade,
    class and name. The first two are GET forms, so no JavaScript is needed
    to narrow the list of schools."""
    db = get_session()
    posted = request.method == "POST"
    source = request.form if posted else request.args
    code, province = source.get("code", "").strip(), source.get("province", "").strip()
    page = "contest/entry/join.html"
    context = {"code": code, "province": province, "provinces": [p.name for p in provinces.provinces()]}
    if not code:
        return render_template(page, round_=None, form=None, error=None, **context), 400 if posted else 200
    if wait := browser_wait():
        return _refused(page, _too_many_wrong(), wait, round_=None, form=None, **context)
    round_ = enrolment.round_by_public_code(db, code)
    if round_ is None:
        wait = wrong_guess()
        return _refused(page, _too_many_wrong() if wait else gettext(
            "No contest round has this code. Check it with your teacher."), wait, round_=None, form=None, **context)
    contest = db.get(Contest, round_.contest_id)
    form = PublicJoinForm(code=code, province=province)
    schools = enrolment.schools_in_scope(db, round_, province) if round_.scope != "everyone" or province else []
    form.school.choices = prompted(gettext("Choose your school"), [(s.id, s.name) for s in schools])
    form.grade.choices = prompted(gettext("Choose your grade"),
                                  [(grade, grade) for grade in enrolment.eligible_grades(contest)])
    error = None
    if posted and form.validate_on_submit():
        try:
            joined = enrolment.join_with_public_code(db, current_app.secret_key, round_, form.school.data,
                                                     form.grade.data, form.class_name.data, form.display_name.data,
                                                     utcnow())
        except (EnrolmentError, ClassError) as refused:
            error = message_for(refused)
        else:
            use_learner_key(joined.participant.learner_key)  # a new key: nothing done here before is theirs
            session[JOINED] = {"round": round_.id, "code": joined.code}
            return redirect(url_for(".joined"), 303)
    return render_template(page, round_=round_, contest=contest, form=form, schools=schools, error=error,
                           **context), 400 if posted else 200


@bp.get("/joined")
def joined():
    """Waiting for a teacher to confirm: the personal code, shown once, to go
    on on another device."""
    entry = session.pop(JOINED, None)
    round_ = get_session().get(ContestRound, entry["round"]) if entry else None
    if round_ is None:
        return redirect(url_for(".enter"))
    return render_template("contest/entry/joined.html", round_=round_, code=entry["code"],
                           round_url=_round_url(round_.id))
