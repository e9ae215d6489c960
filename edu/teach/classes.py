"""Teachers' classes: create, edit, join code and sheet, joining open or closed,
assignments, archive; renaming, merging and removing students and deleting a
class with all its data."""
from __future__ import annotations

import segno
from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext, ngettext
from flask_login import current_user
from markupsafe import Markup
from wtforms import SelectChoice

from ..web.content import current_library
from ..web.access import owned_class, require
from ..web.db import get_session
from ..web.forms import AssignForm, ClassForm, EmptyForm, MergeForm, RenameForm, StudentsForm, form_status, prompted
from ..web.inputs import LARGEST_ID
from ..web.links import external_url
from ..web.i18n import current_language, speaking
from ..web.messages import message_for
from ..content.models import LANGUAGES
from ..services import classes, erasure, merging, schools
from ..services.errors import ClassError

bp = Blueprint("classes", __name__, url_prefix="/classes")


@bp.before_request
@require("teach")
def _teachers_only():
    """Every page here is a teacher's, and only for their own classes (owned_class)."""


def _assign_choices(assigned: frozenset[str] = frozenset()) -> list[SelectChoice]:
    """Every lesson and quiz ("kind:slug"), less those in `assigned` (the list
    offered never holds what the class already has)."""
    library, lang = current_library(), current_language()
    lessons, quizzes = gettext("Lessons"), gettext("Quizzes")
    choices = ([SelectChoice(f"lesson:{l.slug}", l.text(lang).meta.title, optgroup=lessons) for l in library.sorted_lessons(lang)]
               + [SelectChoice(f"quiz:{q.slug}", _quiz_label(q, lang), optgroup=quizzes) for q in library.sorted_quizzes(lang)])
    return [choice for choice in choices if choice.value not in assigned]


def _quiz_label(quiz, lang: str) -> str:
    """A quiz's title, with what a teacher should know before giving it to a class."""
    notes = []
    ages = [q.min_age for q in quiz.questions if q.min_age]
    if ages:
        notes.append(gettext("questions for ages %(age)s and up", age=min(ages)))
    if any(q.sensitivity == "teacher-led" for q in quiz.questions):
        notes.append(gettext("teacher-led questions"))
    return f"{quiz.title.get(lang)} ({', '.join(notes)})" if notes else quiz.title.get(lang)


@bp.get("/")
def index():
    db = get_session()
    return render_template("teach/classes/index.html", classes=classes.classes_of(db, current_user),
                           archived=classes.classes_of(db, current_user, archived=True))


def _school_field(form: ClassForm, classroom=None):
    """Offer the teacher's school, the others of its commune or ward and the
    class's own school; a school id from anywhere else (a forged form) is a
    400 before anything is written. The teacher's school, for the page."""
    db = get_session()
    own = schools.school_of(db, current_user)
    offered = schools.neighbours(db, own) if own else []
    if classroom is not None and classroom.school_id and all(s.id != classroom.school_id for s in offered):
        offered.append(schools.get(db, classroom.school_id))
    form.school_id.choices = [SelectChoice("", gettext("None")), *(SelectChoice(s.id, s.name) for s in offered)]
    if form.is_submitted() and (form.school_id.process_errors
                                or form.school_id.data not in {None, *(s.id for s in offered)}):
        abort(400)
    return own


@bp.route("/new", methods=["GET", "POST"])
def new():
    form = ClassForm()
    own_school = _school_field(form)
    if form.validate_on_submit():
        db = get_session()
        classroom = classes.create_class(db, current_user, form.name.data, form.school.data or "",
                                         form.grade.data or "", form.language.data,
                                         results_released=form.results_released.data,
                                         attempt_rule=form.attempt_rule.data)
        classes.link_school(db, current_user, classroom, form.school_id.data)
        flash(gettext("Class created. Share the join code with your students."), "success")
        return redirect(url_for(".show", class_id=classroom.id))
    return render_template("teach/classes/form.html", form=form, classroom=None, own_school=own_school), form_status()


@bp.route("/<int:class_id>/edit", methods=["GET", "POST"])
def edit(class_id):
    classroom = owned_class(class_id)
    form = ClassForm(obj=classroom)
    own_school = _school_field(form, classroom)
    if form.validate_on_submit():
        db = get_session()
        classes.update_class(db, classroom, name=form.name.data, school=form.school.data or "",
                             grade=form.grade.data or "", language=form.language.data,
                             results_released=form.results_released.data, attempt_rule=form.attempt_rule.data)
        classes.link_school(db, current_user, classroom, form.school_id.data)
        flash(gettext("Class saved."), "success")
        return redirect(url_for(".show", class_id=classroom.id))
    return render_template("teach/classes/form.html", form=form, classroom=classroom,
                           own_school=own_school), form_status()


@bp.get("/<int:class_id>")
def show(class_id):
    classroom = owned_class(class_id)
    db = get_session()
    assignments = classes.assignments_of(db, classroom)
    form = AssignForm()
    form.item.choices = prompted(gettext("Choose a lesson or quiz"),
                                 _assign_choices(frozenset(f"{a.kind}:{a.slug}" for a in assignments)))
    return render_template("teach/classes/show.html", classroom=classroom, assign_form=form,
                           assignments=assignments, students=classes.students_of(db, classroom), rename_form=RenameForm())


@bp.post("/<int:class_id>/assign")
def assign(class_id):
    classroom = owned_class(class_id)
    form = AssignForm()
    form.item.choices = _assign_choices()
    if not form.validate_on_submit():
        flash(gettext("Choose a lesson or quiz from the list."), "error")
        return redirect(url_for(".show", class_id=class_id))
    kind, slug = form.item.data.split(":", 1)
    classes.assign(get_session(), classroom, kind, slug, form.due_on.data, retakes=form.retakes.data)
    flash(gettext("Assigned."), "success")
    return redirect(url_for(".show", class_id=class_id))


@bp.post("/<int:class_id>/assignments/<int:assignment_id>/remove")
def unassign(class_id, assignment_id):
    classroom = owned_class(class_id)
    if not classes.unassign(get_session(), classroom, assignment_id):
        abort(404)
    flash(gettext("Removed from the class. Students' answers are kept."), "success")
    return redirect(url_for(".show", class_id=class_id))


@bp.post("/<int:class_id>/code")
def new_code(class_id):
    classroom = owned_class(class_id)
    classes.new_join_code(get_session(), classroom)
    flash(gettext("New join code made. The old code no longer works."), "success")
    return redirect(url_for(".show", class_id=class_id))


@bp.post("/<int:class_id>/archive")
def archive(class_id):
    classroom = owned_class(class_id)
    archived = request.form.get("value") != "restore"
    classes.set_archived(get_session(), classroom, archived)
    flash(gettext("Class archived. Students can no longer join it.") if archived else gettext("Class restored."), "success")
    return redirect(url_for(".index"))


@bp.post("/<int:class_id>/release")
def release(class_id):
    classroom = owned_class(class_id)
    classes.update_class(get_session(), classroom, results_released=request.form.get("value") == "release")
    flash(gettext("Students can now see their results.") if classroom.results_released
          else gettext("Results are hidden from students until you release them."), "success")
    return redirect(url_for(".show", class_id=class_id))


@bp.post("/<int:class_id>/students/<int:student_id>/code")
def student_code(class_id, student_id):
    classroom = owned_class(class_id)
    student = classes.student_of(get_session(), classroom, student_id) or abort(404)
    code = classes.new_reentry_code(get_session(), current_app.secret_key, student)
    return render_template("teach/classes/student_code.html", classroom=classroom, student=student, code=code), \
        {"Cache-Control": "no-store"}


@bp.get("/<int:class_id>/join-sheet")
def join_sheet(class_id):
    """A printable sheet: the code, the address and a QR code made here, on the server.
    It is for the students, so it speaks the class's language (the teacher may
    use another), unless the page's language switch asks for the other one."""
    classroom = owned_class(class_id)
    asked = request.args.get("lang")
    join_url = external_url("students.join", code=classroom.join_code)
    with speaking(asked if asked in LANGUAGES else classroom.language):
        qr = segno.make(join_url, error="m").svg_inline(scale=8, dark="#000", title=gettext("QR code to join the class"))
        return render_template("teach/classes/join_sheet.html", classroom=classroom, join_url=join_url, qr=Markup(qr))


@bp.post("/<int:class_id>/joining")
def joining(class_id):
    """Close joining (strangers are joining with a leaked code) or open it again."""
    classroom = owned_class(class_id)
    open_ = request.form.get("value") == "open"
    classes.set_joining(get_session(), classroom, open_)
    flash(gettext("Joining is open again.") if open_ else
          gettext("Joining is closed. The code is refused until you open joining again."), "success")
    return redirect(url_for(".show", class_id=class_id))


@bp.route("/<int:class_id>/students/<int:student_id>/rename", methods=["GET", "POST"])
def rename(class_id, student_id):
    """A teacher fixes a typo or a joke name, under the rules of joining. The
    class page posts here; a refusal comes back on a page of its own."""
    classroom = owned_class(class_id)
    db = get_session()
    student = classes.student_of(db, classroom, student_id) or abort(404)
    form, error, old = RenameForm(), None, student.display_name
    if form.validate_on_submit():
        try:
            classes.rename_student(db, student, form.display_name.data)
        except ClassError as refused:
            error = message_for(refused)
        else:
            flash(gettext("%(old)s is now called %(new)s.", old=old, new=student.display_name), "success")
            return redirect(url_for(".show", class_id=class_id), 303)
    elif request.method == "GET":
        form.display_name.data = old
    return render_template("teach/classes/rename.html", classroom=classroom, student=student, form=form,
                           error=error), form_status()


def _student(db, classroom, student_id: int):
    """A student of this class, or 404; an id no row can have (past an INTEGER)
    is not looked up, since the database driver would overflow."""
    if not 0 < student_id <= LARGEST_ID:
        abort(404)
    return classes.student_of(db, classroom, student_id) or abort(404)


@bp.route("/<int:class_id>/students/merge", methods=["GET", "POST"])
def merge(class_id):
    """Two entries of one student: the teacher picks them (GET), sees what each
    has, and confirms (POST). Both must be students of this class (404 otherwise)."""
    classroom = owned_class(class_id)
    db = get_session()
    posted, asked = request.method == "POST", bool(request.args.get("keep") or request.args.get("other"))
    form = MergeForm() if posted else MergeForm(formdata=request.args if asked else None, meta={"csrf": False})
    form.keep.choices = form.other.choices = prompted(
        gettext("Choose a student"), [SelectChoice(s.id, s.display_name) for s in classes.students_of(db, classroom)])
    pair, error = None, None
    if (posted or asked) and not form.validate():
        error = gettext("Choose the entry to keep and the entry to fold into it.")
    elif posted or asked:
        keep, other = _student(db, classroom, form.keep.data), _student(db, classroom, form.other.data)
        try:
            if posted:
                merging.merge_students(db, keep, other)
                flash(gettext("%(other)s is merged into %(keep)s: every answer and lesson is kept.",
                              other=other.display_name, keep=keep.display_name), "success")
                return redirect(url_for(".show", class_id=class_id), 303)
            if keep.id == other.id:
                raise ClassError("class.merge_same")
            pair = (merging.holdings(db, keep), merging.holdings(db, other))
        except ClassError as refused:
            error = message_for(refused)
    return render_template("teach/classes/merge.html", classroom=classroom, form=form, pair=pair,
                           error=error), 400 if error else 200


@bp.route("/<int:class_id>/students/remove", methods=["GET", "POST"])
def remove_students(class_id):
    """Chosen students (?student=<id>, repeated) are listed to confirm; the
    POST deletes them with all their answers and progress."""
    classroom = owned_class(class_id)
    db = get_session()
    students = classes.students_of(db, classroom)
    form = StudentsForm() if request.method == "POST" else StudentsForm(formdata=request.args, meta={"csrf": False})
    form.student.choices = [(s.id, s.display_name) for s in students]
    valid = form.validate()
    if request.method == "GET" or not valid:
        chosen = [s for s in students if s.id in (form.student.data or [])] if valid else []
        error = None if valid else gettext("Choose one or more students of this class to remove.")
        return render_template("teach/classes/remove_students.html", classroom=classroom, students=chosen, form=form,
                               error=error), 200 if valid else 400
    removed = erasure.delete_students(db, classroom, form.student.data)
    flash(ngettext("%(num)s student removed, with all their answers and lesson progress.",
                   "%(num)s students removed, with all their answers and lesson progress.", len(removed)), "success")
    return redirect(url_for(".show", class_id=class_id), 303)


@bp.route("/<int:class_id>/delete", methods=["GET", "POST"])
def delete(class_id):
    """The whole class: assignments, students and all their work, after a confirmation page."""
    classroom = owned_class(class_id)
    form = EmptyForm()
    if not form.validate_on_submit():
        return render_template("teach/classes/delete.html", classroom=classroom, form=form,
                               count=len(classes.students_of(get_session(), classroom))), form_status()
    erasure.delete_class(get_session(), classroom)
    flash(gettext("Class %(name)s deleted, with its students and all their answers.", name=classroom.name), "success")
    return redirect(url_for(".index"), 303)
