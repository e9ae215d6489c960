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
from ..web.limits import by_join_code, failed, limit, limiter
from ..models import Classroom
from ..services import classes, reports
from ..services.attempts import class_context, latest_finished_attempt
from ..services.errors import ClassError
from ..web.messages import message_for

bp = Blueprint("students", __name__)


@bp.route("/join", methods=["GET", "POST"])
@limiter.limit(limit("join"), key_func=by_join_code, methods=["POST"])
@limiter.shared_limit(limit("guess"), scope="guess", methods=["POST"], deduct_when=failed)
def join():
    db = get_session()
    current = classes.student_for(db, learner_key())
    form = JoinForm(code=request.args.get("code", ""))
    error = None
    if current is None and form.validate_on_submit():
        try:
            joined = classes.join(db, current_app.secret_key, form.code.data, form.display_name.data, learner_key())
        except ClassError as failed:
            error = message_for(failed)
        else:
            session["new_reentry_code"] = joined.reentry_code
            response = redirect(url_for(".me"), 303)
            if not request.cookies.get(LANGUAGE_COOKIE):
                # A student who has not chosen a language gets their class's.
                remember_language(response, db.get(Classroom, joined.student.class_id).language)
            return response
    status = 400 if request.method == "POST" and current is None else 200
    return render_template("learn/students/join.html", form=form, error=error, current=current), status


@bp.route("/join/continue", methods=["GET", "POST"])
@limiter.shared_limit(limit("guess"), scope="guess", methods=["POST"], deduct_when=failed)
def resume():
    form = ContinueForm()
    error = None
    if form.validate_on_submit():
        student = classes.student_by_reentry(get_session(), current_app.secret_key, form.code.data)
        if student:
            use_learner_key(student.learner_key)
            return redirect(url_for(".me"), 303)
        error = gettext("That code does not match any student. Check it, or ask your teacher for a new one.")
    return render_template("learn/students/continue.html", form=form, error=error), form_status()


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
    results = {a.slug: latest_finished_attempt(db, student.learner_key, library.quizzes[a.slug], class_context(classroom.id))
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
