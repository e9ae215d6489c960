"""Schools for contests: organisers import and search the list
(/organise/schools), and each teacher says which school they teach at
(/my-school), which an organiser then confirms or refuses
(/organise/schools/teachers): a confirmed teacher of a school enters and
confirms its students, and a round can be run for one school or one province."""
from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import format_decimal, gettext, lazy_gettext as _l
from flask_login import current_user

from ..errors import CodedError
from ..models import utcnow
from ..services import collation, school_teachers, schools
from ..services.provinces import provinces
from ..web.access import can, require
from ..web.db import get_session
from ..web.forms import ChooseSchoolForm, EmptyForm, SchoolImportForm
from ..web.messages import message_for

bp = Blueprint("organise_schools", __name__, url_prefix="/organise/schools")
my_school_bp = Blueprint("my_school", __name__, url_prefix="/my-school")

LEVEL_LABELS = {"primary": _l("Primary"), "lower-secondary": _l("Lower secondary"),
                "upper-secondary": _l("Upper secondary"), "multi-level": _l("Multi-level")}
COLUMN_LABELS = {"name": _l("School name"), "province": _l("Province or city"), "commune": _l("Commune or ward"),
                 "level": _l("Level")}
TEACHER_PAGE_SIZE = 20
# What an organiser's upload may weigh: past the list's own limit, so that a
# list somewhat too large hears why from the import, not a bare "too large".
UPLOAD_LIMIT = 4 * schools.MAX_BYTES


def say(error) -> str:
    """A coded refusal or row problem in the visitor's language, its numbers as they write them (20.000)."""
    params = {k: format_decimal(v) if isinstance(v, int) else v for k, v in error.params.items()}
    return message_for(CodedError(error.code, **params))


def _filters() -> tuple[str, str, int]:
    """The list's filters from the address: a name part, a province of the list, a page number."""
    province = request.args.get("province", "")
    page = request.args.get("page", "1")
    return (request.args.get("q", "").strip()[:100], province if province in _province_names() else "",
            int(page) if page.isdigit() and len(page) < 7 else 1)


def _province_names() -> list[str]:
    """The 34 units in Vietnamese alphabetical order, as a select lists them."""
    return sorted((unit.name for unit in provinces()), key=collation.sort_key)


def _render(template: str, status: int = 200, **context):
    return render_template(template, provinces=_province_names(), level_labels=LEVEL_LABELS,
                           column_labels=COLUMN_LABELS, limits=(schools.MAX_BYTES // 2**20, schools.MAX_ROWS),
                           **context), status


# --- organisers --------------------------------------------------------------------

@bp.before_request
@require("organise")
def _organisers_only():
    """The list is the organisers' to keep; teachers pick from it on /my-school."""


def _index(form: SchoolImportForm, error: str | None = None, status: int = 200):
    name, province, page = _filters()
    return _render("contest/schools/index.html", status, form=form, error=error, q=name, province=province,
                   page=schools.search(get_session(), name, province, page),
                   waiting=len(school_teachers.waiting(get_session())))


@bp.get("/")
def index():
    return _index(SchoolImportForm())


@bp.url_value_preprocessor
def _upload_limit(endpoint, _values):
    """An organiser's school list may be larger than the site's usual form.
    Set here because this runs before every hook that reads the form (the
    NUL-byte check, CSRF); anyone else keeps the usual limit."""
    if endpoint == "organise_schools.import_list" and can(current_user, "organise"):
        request.max_content_length = UPLOAD_LIMIT


@bp.post("/import")
def import_list():
    """Import a CSV list and show what came of each row; a file that cannot be
    read at all is refused on the list page, nothing imported."""
    g.page_url = url_for(".index")  # the language switch goes to the list, never re-posting the file
    form = SchoolImportForm()
    if not form.validate_on_submit():
        return _index(form, status=400)
    try:
        report = schools.import_csv(get_session(), form.file.data.read())
    except schools.SchoolError as refused:
        return _index(form, say(refused), 400)
    return _render("contest/schools/report.html", report=report, problems=[(p, say(p)) for p in report.problems])


# --- confirming teachers' schools -------------------------------------------------

@bp.get("/teachers")
def teachers():
    return render_template("contest/schools/teachers.html", waiting=school_teachers.waiting(get_session()))


def _decide(decide, done):
    """Confirm or refuse one teacher's school, and say so; a teacher no longer
    waiting (another organiser was quicker) is said as well, nothing changed."""
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        teacher, school = decide()
    except schools.SchoolError as refused:
        flash(say(refused), "error")
    else:
        flash(done(teacher.email, school.name), "success")
    return redirect(url_for(".teachers"), 303)


@bp.post("/teachers/<int:teacher_id>/confirm")
def confirm_teacher(teacher_id: int):
    return _decide(lambda: school_teachers.confirm(get_session(), current_user, teacher_id, utcnow()),
                   lambda email, school: gettext("%(email)s is confirmed as a teacher of %(school)s.",
                                                 email=email, school=school))


@bp.post("/teachers/<int:teacher_id>/refuse")
def refuse_teacher(teacher_id: int):
    return _decide(lambda: school_teachers.refuse(get_session(), current_user, teacher_id),
                   lambda email, school: gettext("%(school)s was removed from %(email)s’s account: they can "
                                                 "choose their school again.", email=email, school=school))


# --- a teacher's school ------------------------------------------------------------

@my_school_bp.before_request
@require("teach")
def _teachers_only():
    """Every teacher says where they teach; nobody sees another's choice here."""


@my_school_bp.get("/")
def my_school():
    name, province, page = _filters()
    found = schools.search(get_session(), name, province, page, TEACHER_PAGE_SIZE) if province else None
    return _render("contest/schools/my_school.html", school=schools.school_of(get_session(), current_user),
                   confirmed=school_teachers.is_confirmed(current_user), q=name, province=province, page=found)


@my_school_bp.post("/")
def choose():
    form = ChooseSchoolForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        school = schools.set_school(get_session(), current_user, form.school.data)
    except schools.SchoolError:
        abort(404)
    flash(gettext("Your school is now %(school)s.", school=school.name), "success")
    return redirect(url_for(".my_school"))


@my_school_bp.post("/clear")
def clear():
    if not EmptyForm().validate_on_submit():
        abort(400)
    schools.set_school(get_session(), current_user, None)
    flash(gettext("You have no school on the list now."), "success")
    return redirect(url_for(".my_school"))
