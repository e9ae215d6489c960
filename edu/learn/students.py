"""Students: join a class with its code, continue on another device, see their work.

No account, no email, no password: a display name and a personal re-entry code.
"""
from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext

from ..web.content import current_library
from ..web.db import get_session
from ..web.forms import ContinueForm, JoinForm, form_status
from ..web.i18n import COOKIE as LANGUAGE_COOKIE, remember_language
from ..web.learner import learner_key, use_learner_key
from ..web.limits import browser_wait, count_join, join_wait, wrong_guess
from ..models import Classroom
from ..services import classes, reports
from ..services.errors import ClassError
from ..web.messages import message_for

bp = Blueprint("students", __name__)


def _refused(template: str, form, error: str, wait: int = 0, **context):
    """The form again with what went wrong: 400, or 429 with Retry-After when
    a limit says wait."""
    headers = {"Retry-After": str(wait)} if wait else {}
    return render_template(template, form=form, error=error, **context), 429 if wait else 400, headers


def _too_many_wrong() -> str:
    return gettext("Too many wrong codes. Check the code with your teacher, then try again in a few minutes.")


@bp.route("/join", methods=["GET", "POST"])
def join():
    db = get_session()
    current = classes.student_for(db, learner_key())
    form = JoinForm(code=request.args.get("code", ""))
    page = "learn/students/join.html"
    if current is not None or not form.validate_on_submit():
        return render_template(page, form=form, error=None, current=current), form_status() if current is None else 200
    if wait := browser_wait():
        return _refused(page, form, _too_many_wrong(), wait, current=None)
    if wait := join_wait(form.code.data):
        return _refused(page, form, gettext("Many students are joining this class right now. Wait a minute, then try again."),
                        wait, current=None)
    try:
        joined = classes.join(db, current_app.secret_key, form.code.data, form.display_name.data)
    except ClassError as refused:
        # Only a wrong code is a guess; a bad name or a closed class is not.
        wait = wrong_guess() if refused.code == "class.unknown_code" else 0
        return _refused(page, form, _too_many_wrong() if wait else message_for(refused), wait, current=None)
    count_join(form.code.data)
    use_learner_key(joined.student.learner_key)  # a fresh key: nothing done here before is credited to them
    session["new_reentry_code"] = joined.reentry_code
    response = redirect(url_for(".me"), 303)
    if not request.cookies.get(LANGUAGE_COOKIE):
        # A student who has not chosen a language gets their class's.
        remember_language(response, db.get(Classroom, joined.student.class_id).language)
    return response


@bp.route("/join/continue", methods=["GET", "POST"])
def resume():
    form = ContinueForm()
    page = "learn/students/continue.html"
    if not form.validate_on_submit():
        return render_template(page, form=form, error=None), form_status()
    if wait := browser_wait():
        return _refused(page, form, _too_many_wrong(), wait)
    student = classes.student_by_reentry(get_session(), current_app.secret_key, form.code.data)
    if student:
        use_learner_key(student.learner_key)
        return redirect(url_for(".me"), 303)
    wait = wrong_guess()
    return _refused(page, form, _too_many_wrong() if wait else
                    gettext("That code does not match any student. Check it, or ask your teacher for a new one."), wait)


@bp.get("/me")
def me():
    db = get_session()
    student = classes.student_for(db, learner_key())
    if student is None:
        return redirect(url_for(".join"))
    classroom = db.get(Classroom, student.class_id)
    library = current_library()
    assignments = [a for a in classes.assignments_of(db, classroom)
                   if (a.slug in library.lessons if a.kind == "lesson" else a.slug in library.quizzes)]
    lessons = reports.lesson_progress_of(db, student)
    # The attempt the class's rule counts, as in the teacher's reports.
    results = {a.slug: reports.counted_attempt(db, classroom, student.learner_key, a.slug)
               for a in assignments if a.kind == "quiz"}
    return render_template("learn/students/me.html", student=student, classroom=classroom, assignments=assignments,
                           lessons=lessons, results=results,
                           new_code=session.pop("new_reentry_code", None)), {"Cache-Control": "no-store"}


@bp.post("/me/leave")
def leave():
    """On a shared PC: forget this student in this browser (their work is kept)."""
    use_learner_key(None)
    flash(gettext("You have left this computer. Use your personal code to continue elsewhere."), "success")
    return redirect(url_for("main.home"))
