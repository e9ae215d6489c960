"""Kiosk statistics for campaign staff: their own kiosks' plays on screen, as
CSV and XLSX, and as a page to print for the campaign's report.

services/kiosk_stats.py counts; here the figures are put in words and the
same rows feed the page, the files and the print view, so they always agree.
A staff member sees only the kiosks they made: another's kiosk id is a 404.
The filter is a GET form (reading changes nothing, so no CSRF token): one
kiosk or all, and Viet Nam dates from and to, both included.

The blueprint's prefix is /kiosks rather than /kiosks/statistics: the
downloads sit beside the page, /kiosks/statistics.csv and .xlsx, which a
prefix of /kiosks/statistics could only give as /kiosks/statistics/.csv.
"""
from __future__ import annotations

from babel import dates
from flask import Blueprint, abort, render_template, request
from flask_babel import gettext, lazy_gettext as _l
from flask_login import current_user
from wtforms import DateField, Form, SelectField
from wtforms.validators import Optional, ValidationError

from ..models import utcnow
from ..services import kiosk_stats, kiosks
from ..services.contests import in_viet_nam
from ..services.exports import Table
from ..web.downloads import download, one_decimal
from ..teach.wording import question_text
from ..web.access import require
from ..web.content import current_library
from ..web.contest_forms import NOT_A_DATE
from ..web.db import get_session
from ..web.i18n import current_language
from ..web.inputs import LARGEST_ID

bp = Blueprint("kiosk_stats", __name__, url_prefix="/kiosks")
PARTS = ("items", "kiosks", "days")  # what a CSV holds (one table a file); an XLSX holds all three


@bp.before_request
@require("run_kiosks")
def _kiosk_staff_only():
    """Kiosk staff and admins, each for their own kiosks only."""


class StatsFilter(Form):
    """Which plays to count. The kiosk's choices are the staff member's own
    kiosks; an id that is not one of them is a 404, not a form error."""

    kiosk = SelectField(_l("Kiosk"), validate_choice=False)
    since = DateField(_l("From"), validators=[Optional()], invalid_value_message=NOT_A_DATE)
    until = DateField(_l("To (included)"), validators=[Optional()], invalid_value_message=NOT_A_DATE)

    def validate_until(self, field) -> None:
        if field.data and self.since.data and field.data < self.since.data:
            raise ValidationError(gettext("The end date is before the start date."))


def _kiosk_id(value: str) -> int | None:
    if not value:
        return None
    if not (value.isascii() and value.isdigit() and int(value) <= LARGEST_ID):
        abort(404)
    return int(value)


def _filtered() -> tuple[StatsFilter, kiosk_stats.KioskStats | None]:
    """The filter as sent, and the figures it asks for (None while it has errors)."""
    owned = kiosks.kiosks_of(get_session(), current_user)
    form = StatsFilter(request.args)
    form.kiosk.choices = [("", gettext("All your kiosks"))] + [(str(kiosk.id), kiosk.name) for kiosk in owned]
    valid = form.validate()
    dated = (form.since.data, form.until.data) if valid else (None, None)
    chosen = kiosk_stats.scope(owned, _kiosk_id(request.args.get("kiosk", "")), *dated) or abort(404)
    return form, kiosk_stats.kiosk_stats(get_session(), current_library(), chosen) if valid else None


def _statistics() -> kiosk_stats.KioskStats:
    """For the downloads and the print view, which have no form to show an error beside: a bad filter is a 400."""
    _, stats = _filtered()
    return stats if stats is not None else abort(400)


# --- in words -------------------------------------------------------------------------

def _date(day) -> str:
    return dates.format_date(day, "long", locale=current_language())


def scope_in_words(chosen: kiosk_stats.Scope) -> str:
    """The filter as a sentence, for the print view and the page's lead."""
    which = chosen.one.name if chosen.one else gettext("All your kiosks")
    since, until = chosen.since, chosen.until
    if since and until:
        when = gettext("from %(since)s to %(until)s", since=_date(since), until=_date(until))
    elif since:
        when = gettext("from %(since)s", since=_date(since))
    elif until:
        when = gettext("up to %(until)s", until=_date(until))
    else:
        when = gettext("all dates")
    return gettext("%(kiosks)s, %(dates)s (Viet Nam dates).", kiosks=which, dates=when)


def item_name(row: kiosk_stats.ItemRow) -> str:
    """The prompt the visitor saw, in the page's language; the reference for an item the content lost."""
    return question_text(row.quiz, row.question) if row.question is not None else row.ref


def quiz_title(row: kiosk_stats.ItemRow) -> str:
    return row.quiz.title.get(current_language()) if row.quiz is not None else ""


def filter_args(**changes) -> dict:
    """The filter's query as sent, with `changes`: for the links to files, print and one kiosk."""
    args = {name: request.args[name] for name in ("kiosk", "since", "until") if request.args.get(name)}
    return {**args, **changes}


@bp.context_processor
def _words():
    return {"item_name": item_name, "quiz_title": quiz_title, "scope_in_words": scope_in_words,
            "played_in": played_in, "filter_args": filter_args}


# --- files ----------------------------------------------------------------------------

def _figures_cells(figures: kiosk_stats.Figures) -> list:
    return [figures.plays, figures.completed, one_decimal(figures.completion), one_decimal(figures.average)]


def _figures_headers() -> list[str]:
    return [gettext("Plays"), gettext("Completed"), gettext("Completion rate (%(pct)s)", pct="%"),
            gettext("Average score of completed plays (%(pct)s)", pct="%")]


def _kiosks_table(stats) -> Table:
    def last_contact(kiosk):  # a spreadsheet keeps no time zone: the time as read in Viet Nam
        return in_viet_nam(kiosk.last_seen_at).replace(tzinfo=None) if kiosk.last_seen_at else None

    headers = [gettext("Kiosk"), gettext("Location"), *_figures_headers(), gettext("Last contact (Viet Nam time)")]
    rows = [[row.kiosk.name, row.kiosk.place, *_figures_cells(row.figures), last_contact(row.kiosk)]
            for row in stats.kiosks]
    return Table(gettext("Per kiosk"), headers, rows)


def _days_table(stats) -> Table:
    headers = [gettext("Day (Viet Nam)"), gettext("Kiosk"), *_figures_headers()]
    rows = [[row.day, row.kiosk.name, *_figures_cells(row.figures)] for row in stats.days]
    return Table(gettext("Per day"), headers, rows)


def _items_table(stats) -> Table:
    headers = [gettext("Item"), gettext("From the quiz"), gettext("Reference"), gettext("Times answered"),
               gettext("Recognised (%(pct)s)", pct="%")]
    for lang in kiosk_stats.LANGUAGES:
        headers += [gettext("%(group)s: %(column)s", group=played_in(lang), column=column) for column in headers[3:5]]
    rows = []
    for row in stats.items:
        cells = [item_name(row), quiz_title(row), row.ref, row.overall.answered, one_decimal(row.overall.percent)]
        for lang in kiosk_stats.LANGUAGES:
            cells += [row.language(lang).answered, one_decimal(row.language(lang).percent)]
        rows.append(cells)
    return Table(gettext("Items"), headers, rows)


def played_in(lang: str) -> str:
    """The item table's group of columns for the visitors who played in `lang`."""
    return {"vi": gettext("Played in Vietnamese"), "en": gettext("Played in English")}[lang]


def _file_name(stats) -> str:
    chosen = stats.scope
    parts = [gettext("Kiosk statistics"), chosen.one.name if chosen.one else ""]
    parts += [day.isoformat() for day in (chosen.since, chosen.until) if day]
    return "-".join(part for part in parts if part)


# --- pages ----------------------------------------------------------------------------

@bp.get("/statistics")
def index():
    form, stats = _filtered()
    return render_template("kiosk/statistics/index.html", form=form, stats=stats), 200 if stats else 400


@bp.get("/statistics.csv")
def csv_export():
    """One table a file (CSV has no sheets): `part` is items (the default: what visitors miss most), kiosks or days."""
    part = request.args.get("part", "items")
    if part not in PARTS:
        abort(404)
    stats = _statistics()
    table = {"items": _items_table, "kiosks": _kiosks_table, "days": _days_table}[part](stats)
    return download(table, "csv", f"{_file_name(stats)}-{table.title}")


@bp.get("/statistics.xlsx")
def xlsx_export():
    """The three tables, one sheet each, missed items first."""
    stats = _statistics()
    return download([_items_table(stats), _kiosks_table(stats), _days_table(stats)], "xlsx", _file_name(stats))


@bp.get("/statistics/print")
def print_view():
    stats = _statistics()
    printed_on = in_viet_nam(utcnow()).date()
    return render_template("kiosk/statistics/print.html", stats=stats, printed_on=printed_on)
