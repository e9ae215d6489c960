"""Teachers enter their students in contest rounds: the rounds open to their
school, enrolling a class or a list of names, printable code sheets, and the
entrants who came with a round's public code, to confirm or reject.

A teacher's school (User.school_id) decides everything here, once an
organiser has confirmed it (services/school_teachers.py): before that the
teacher acts for no school, and every page that would show or change its
entrants answers 403 saying why. Rounds outside its scope, another school's
entrants and another teacher's classes answer 404, as if they did not exist.
"""
from __future__ import annotations

import segno
from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext, ngettext
from flask_login import current_user
from markupsafe import Markup

from ..content.models import LANGUAGES
from ..models import Classroom, Contest, ContestRound, School, utcnow
from ..services import classes, code_sheets, enrolment, entrants, rounds, school_teachers
from ..services.enrolment import EnrolmentError, ListRefused
from ..web.access import owned_class, require
from ..web.contest_forms_enrol import EnrolClassForm, EnrolListForm
from ..web.db import get_session
from ..web.forms import EmptyForm, prompted
from ..web.i18n import current_language, speaking
from ..web.links import external_url
from ..web.messages import message_for

bp = Blueprint("enrol", __name__, url_prefix="/contests")


@bp.before_request
@require("teach")
def _teachers_only():
    """Every page here is a teacher's."""


def _chosen_school() -> School | None:
    return get_session().get(School, current_user.school_id) if current_user.school_id else None


def _school() -> School:
    """The school the teacher acts for: 404 with none chosen, 403 until an organiser confirmed it."""
    if current_user.school_id is None:
        abort(404)
    return school_teachers.confirmed_school(get_session(), current_user) or abort(403)


@bp.errorhandler(403)
def _unconfirmed(_error):
    """Nothing of the school's is shown or changed: the teacher reads why, and what to do."""
    return render_template("contest/enrol/unconfirmed.html", school=_chosen_school()), 403


def _round(round_id: int) -> tuple[ContestRound, School]:
    """A round that takes students of the teacher's school, and that school; else 404."""
    school = _school()
    round_ = get_session().get(ContestRound, round_id)
    if round_ is None or not enrolment.in_scope(round_, school):
        abort(404)
    return round_, school


@bp.get("/")
def index():
    school, db = _chosen_school(), get_session()
    confirmed = school_teachers.is_confirmed(current_user)
    return render_template("contest/enrol/index.html", school=school, confirmed=confirmed,
                           rounds=enrolment.rounds_open_to(db, school, utcnow()) if confirmed else [],
                           pending=len(entrants.pending_for(db, school.id)) if confirmed else 0)


def _class_form(class_id: int, grades=()) -> EnrolClassForm:
    """One form per class on the round page, prefixed so each grade field has its own id."""
    form = EnrolClassForm(prefix=f"class{class_id}")
    form.grade.choices = grades
    return form


def _round_page(round_: ContestRound, school: School, *, error: str | None = None, problems=(),
                list_form: EnrolListForm | None = None, status: int = 200):
    db = get_session()
    g.page_url = url_for(".round", round_id=round_.id)  # the language switch never re-sends a form
    contest = db.get(Contest, round_.contest_id)
    own = classes.classes_of(db, current_user)
    grades = prompted(gettext("Choose a grade"), [(grade, grade) for grade in enrolment.eligible_grades(contest)])
    grade_forms = {c.id: _class_form(c.id, grades) for c in own if not c.grade}
    try:
        enrolment.check_open(round_, school, utcnow())
        closed_reason = None
    except EnrolmentError as refused:
        closed_reason = message_for(refused)
    return render_template(
        "contest/enrol/round.html", round_=round_, contest=contest, school=school, classes=own,
        grade_forms=grade_forms, list_form=list_form or EnrolListForm(), error=error, problems=problems,
        closed_reason=closed_reason, status=rounds.status(round_, utcnow()),
        groups=code_sheets.groups_of(db, round_, school.id, {c.id for c in own}),
        pending=[p for p, r in entrants.pending_for(db, school.id) if r.id == round_.id],
        join_url=external_url("contest_entry.join"),
    ), status


@bp.get("/rounds/<int:round_id>")
def round(round_id: int):
    return _round_page(*_round(round_id))


@bp.post("/rounds/<int:round_id>/classes/<int:class_id>")
def enrol_class(round_id: int, class_id: int):
    """The class's students are entered as students of the teacher's confirmed
    school: the school a class is linked to is only a label, confirmed by nobody."""
    round_, school = _round(round_id)
    classroom = owned_class(class_id)
    db = get_session()
    form = _class_form(class_id)  # the service checks the grade against the contest's
    try:
        enrolled = enrolment.enrol_class(db, current_app.secret_key, round_, classroom, school,
                                         form.grade.data or "", current_user.id, utcnow())
    except EnrolmentError as refused:
        return _round_page(round_, school, error=f"{classroom.name}: {message_for(refused)}", status=400)
    if enrolled.added:
        flash(ngettext("%(num)s student of %(name)s entered.", "%(num)s students of %(name)s entered.",
                       len(enrolled.added), name=classroom.name), "success")
    if enrolled.skipped:
        flash(gettext("Already entered, so skipped: %(names)s.", names=", ".join(enrolled.skipped)), "info")
    if not enrolled.added and not enrolled.skipped:
        flash(gettext("%(name)s has no students yet.", name=classroom.name), "info")
    return redirect(url_for(".round", round_id=round_id), 303)


@bp.post("/rounds/<int:round_id>/list")
def enrol_list(round_id: int):
    round_, school = _round(round_id)
    form = EnrolListForm()
    if not form.validate_on_submit():
        return _round_page(round_, school, list_form=form, status=400)
    try:
        text = enrolment.decode_list(form.names.data.read())
        added = enrolment.enrol_list(get_session(), current_app.secret_key, round_, school, text, current_user.id,
                                     utcnow())
    except ListRefused as refused:
        problems = [(p.line, message_for(p.error)) for p in refused.problems]
        return _round_page(round_, school, error=message_for(refused), problems=problems, status=400)
    except EnrolmentError as refused:
        return _round_page(round_, school, error=message_for(refused), status=400)
    flash(ngettext("%(num)s student entered from the list.", "%(num)s students entered from the list.", len(added)),
          "success")
    return redirect(url_for(".round", round_id=round_id), 303)


def _sheet(round_: ContestRound, participants, title: str, lang: str):
    """One card per participant: name, class, round, personal code and a QR
    code that opens the entry page with the code filled in."""
    if not participants:
        abort(404)
    asked = request.args.get("lang")
    secret = current_app.secret_key
    with speaking(asked if asked in LANGUAGES else lang):
        title_qr = gettext("QR code to enter the contest")
        cards = []
        for participant in participants:
            code = enrolment.personal_code(secret, participant)
            qr = segno.make(external_url("contest_entry.enter", code=code), error="m")
            cards.append((participant, code, Markup(qr.svg_inline(scale=4, dark="#000", title=title_qr))))
        return render_template("contest/enrol/sheet.html", round_=round_, cards=cards, title=title,
                               enter_url=external_url("contest_entry.enter"))


@bp.get("/rounds/<int:round_id>/classes/<int:class_id>/sheet")
def class_sheet(round_id: int, class_id: int):
    """A class's sheet, in the class's language (students read it)."""
    round_, _school = _round(round_id)
    classroom: Classroom = owned_class(class_id)
    return _sheet(round_, code_sheets.class_sheet(get_session(), round_, classroom.id), classroom.name,
                  classroom.language)


@bp.get("/rounds/<int:round_id>/groups/sheet")
def group_sheet(round_id: int):
    """The sheet of students entered from a list or with the public code, by class name."""
    round_, school = _round(round_id)
    name = request.args.get("name", "")
    return _sheet(round_, code_sheets.group_sheet(get_session(), round_, school.id, name), name, current_language())


@bp.get("/pending")
def pending():
    school = _chosen_school()
    confirmed = school_teachers.is_confirmed(current_user)
    waiting = entrants.pending_for(get_session(), school.id) if confirmed else []
    return render_template("contest/enrol/pending.html", school=school, confirmed=confirmed, entrants=waiting,
                           form=EmptyForm())


def _pending(participant_id: int):
    school = _school()
    return entrants.pending_of(get_session(), school.id, participant_id) or abort(404)


@bp.post("/pending/<int:participant_id>/confirm")
def confirm(participant_id: int):
    """Confirmed: the student's personal code, to hand over (it is on the sheet too)."""
    participant = _pending(participant_id)
    db = get_session()
    g.page_url = url_for(".pending")
    try:
        entrants.confirm(db, participant, current_user.id, utcnow())
    except EnrolmentError as refused:
        flash(message_for(refused), "error")
        return redirect(url_for(".pending"), 303)
    return render_template("contest/enrol/confirmed.html", participant=participant,
                           round_=db.get(ContestRound, participant.round_id),
                           code=enrolment.personal_code(current_app.secret_key, participant))


@bp.post("/pending/<int:participant_id>/reject")
def reject(participant_id: int):
    participant = _pending(participant_id)
    entrants.reject(get_session(), participant)
    flash(gettext("%(name)s's entry was rejected and deleted.", name=participant.display_name), "success")
    return redirect(url_for(".pending"), 303)
