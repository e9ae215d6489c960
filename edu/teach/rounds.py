"""A contest round in a teacher's class reports: their own students only,
kept apart from homework, on screen, as CSV and XLSX, and for print.

While a round runs the teacher sees who has not started, who is answering
and who has submitted; scores, the histogram, questions and topics appear
once results are published (services/round_reports.py never builds them
before). A round none of the class's students are in does not exist here.
"""
from __future__ import annotations

from flask import Blueprint, abort, render_template
from flask_babel import gettext

from ..models import utcnow
from ..services import round_reports
from ..services.exports import Table
from ..web.access import owned_class, require
from ..web.content import current_library
from ..web.db import get_session
from ..web.downloads import download, one_decimal
from ..web.i18n import current_language
from ..web.vocabulary import TOPICS
from . import reports
from .wording import choice_label, question_text

bp = Blueprint("round_reports", __name__, url_prefix="/classes/<int:class_id>/rounds")
bp.context_processor(reports._wording)


@bp.before_request
@require("teach")
def _teachers_only():
    """A teacher's, for their own classes only (owned_class)."""


@bp.after_request
def _never_stored(response):
    """About named children: no cache, shared or in the browser, keeps it."""
    response.cache_control.no_store = True
    response.cache_control.private = True
    return response


def round_title(info: round_reports.RoundInfo) -> str:
    return info.title(current_language())


@bp.app_template_global()
def class_rounds(classroom) -> list[round_reports.RoundInfo]:
    """The rounds the class has students in: the reports' nav links each."""
    return round_reports.class_rounds(get_session(), classroom.id, utcnow())


@bp.context_processor
def _round_words():
    return {"labels": reports.status_labels()}


def _report(class_id: int, round_id: int):
    classroom = owned_class(class_id)
    db, now = get_session(), utcnow()
    info = round_reports.round_of_class(db, classroom.id, round_id, now) or abort(404)
    return classroom, round_reports.round_report(db, current_library(), info, classroom.id, now)


def _results_table(report) -> Table:
    """One row per student: the status, and the score once published."""
    labels = reports.status_labels()
    headers = [gettext("Student"), gettext("Status")]
    if report.info.published:
        headers += [gettext("Score (%(pct)s)", pct="%"), gettext("Points"), gettext("Out of"), gettext("Minutes")]
    rows = []
    for entry in report.entries:
        row = [entry.participant.display_name, labels[entry.status]]
        if report.info.published:
            row += [one_decimal(entry.percent), one_decimal(entry.score), entry.max_score,
                    one_decimal(entry.minutes)]
        rows.append(row)
    return Table(round_title(report.info), headers, rows)


def _choices_text(quiz, item) -> str:
    return "; ".join(f"{'✓ ' if c.correct else ''}{choice_label(quiz, item.question, c.choice_id)}: {c.count}"
                     for c in item.choices if c.count)


def _questions_table(report) -> Table:
    results, lang = report.results, current_language()
    headers = [gettext("Question"), gettext("From the quiz"), gettext("Topic"), gettext("Drawn by"),
               gettext("Answered"), gettext("Right answers (%(pct)s)", pct="%"), gettext("Too few answers to judge"),
               gettext("Answers chosen (✓ right)")]
    rows = [[question_text(results.quiz, item.question), item.source.title.get(lang), str(TOPICS[item.source.topic]),
             item.drawn, item.answered, one_decimal(item.facility),
             "" if item.enough else gettext("yes"), _choices_text(results.quiz, item)] for item in results.items]
    return Table(gettext("Questions"), headers, rows)


@bp.get("/<int:round_id>")
def show(class_id, round_id):
    classroom, report = _report(class_id, round_id)
    return render_template("teach/rounds/show.html", classroom=classroom, report=report, results=report.results)


@bp.get("/<int:round_id>.<fmt>")
def export(class_id, round_id, fmt):
    classroom, report = _report(class_id, round_id)
    return download(_results_table(report), fmt, f"{classroom.name}-{round_title(report.info)}")


@bp.get("/<int:round_id>/questions.<fmt>")
def questions_export(class_id, round_id, fmt):
    """Only once results are published: before, there is nothing to judge."""
    classroom, report = _report(class_id, round_id)
    if report.results is None:
        abort(404)
    return download(_questions_table(report), fmt,
                                   f"{classroom.name}-{round_title(report.info)}-{gettext('Questions')}")
