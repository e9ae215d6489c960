"""Teachers' reports on their own classes, on screen, as CSV and XLSX, and for print.

Each report is built once by services.reports; `_table` turns it into the
rows an export holds, so files always match the screen.
"""
from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask_babel import gettext, to_user_timezone

from ..web.access import owned_class, require
from ..web.content import current_library
from ..web.db import get_session
from ..web.extensions import htmx
from ..web.i18n import current_language
from ..models import as_utc, utcnow
from ..services import classes, reports, round_grid, round_reports
from ..services.exports import Table
from ..web.downloads import download, one_decimal
from ..web.templating import needs_checking_label
from ..web.vocabulary import TOPICS
from .wording import answer_text, choice_label, question_text, type_name

bp = Blueprint("reports", __name__, url_prefix="/classes/<int:class_id>/reports")


@bp.before_request
@require("teach")
def _teachers_only():
    """Every report is a teacher's, and only for their own classes (owned_class)."""


def status_labels() -> dict[str, str]:
    """Made once per report: translating in each of a thousand cells is what made the grid slow."""
    return {"not_started": gettext("Not started"), "in_progress": gettext("In progress"),
            "done": gettext("Done"), "needs_help": gettext("Needs help"),
            # a contest round's (round_reports): a student of the class the teacher did not enter, or one who submitted
            "not_entered": gettext("Not entered"), "submitted": gettext("Submitted")}


def rule_statement(rule: str) -> str:
    """The class's rule for which attempt counts, said on every report."""
    return {"best": gettext("Counts each student’s best finished attempt."),
            "latest": gettext("Counts each student’s latest finished attempt.")}.get(
        rule, gettext("Counts each student’s first finished attempt."))


@bp.context_processor
def _wording():
    """Every report page says questions, answers and the rule in words (wording.py)."""
    return {"rule_statement": rule_statement, "question_text": question_text, "choice_label": choice_label,
            "answer_text": answer_text}


def assignment_title(assignment) -> str:
    library, lang = current_library(), current_language()
    if assignment.kind == "lesson":
        lesson = library.lessons.get(assignment.slug)
        return lesson.text(lang).meta.title if lesson else assignment.slug
    quiz = library.quizzes.get(assignment.slug)
    return quiz.title.get(lang) if quiz else assignment.slug


# --- class grid -------------------------------------------------------------------

SORTS = ("name", "progress")


def _grid(classroom):
    """The homework grid, and apart from it the class's contest rounds (their columns come after)."""
    sort = request.args.get("sort") if request.args.get("sort") in SORTS else "name"
    db = get_session()
    return (reports.class_grid(db, classroom, sort), sort,
            round_grid.grid_columns(db, current_library(), classroom.id, utcnow()))


def _grid_table(classroom, grid, rounds) -> Table:
    """As on screen: each assignment's status in words; a quiz also gets its
    score, as a number in a column of its own so spreadsheets can sum it.
    Then each contest round's status, and its score once published."""
    headers = [gettext("Student")]
    for assignment in grid.assignments:
        title = assignment_title(assignment)
        headers += [title, f"{title} (%)"] if assignment.kind == "quiz" else [title]
    lang = current_language()
    for info in rounds.rounds:
        title = gettext("Contest round: %(title)s", title=info.title(lang))
        headers += [title, f"{title} (%)"] if info.published else [title]
    labels = status_labels()
    rows = []
    for student, cells in grid.rows:
        row = [student.display_name]
        for assignment, cell in zip(grid.assignments, cells):
            row += [labels[cell.status], one_decimal(cell.score)] if assignment.kind == "quiz" else [labels[cell.status]]
        for info, cell in zip(rounds.rounds, rounds.row(student.learner_key)):
            row += [labels[cell.status], one_decimal(cell.score)] if info.published else [labels[cell.status]]
        rows.append(row)
    return Table(gettext("Progress"), headers, rows)


@bp.get("/grid")
def grid(class_id):
    classroom = owned_class(class_id)
    data, sort, rounds = _grid(classroom)
    swapped = bool(htmx) and htmx.target == "grid-table"  # a sort link pressed: the table and the announcement
    template = "teach/reports/_grid_table.html" if swapped else "teach/reports/grid.html"
    return render_template(template, classroom=classroom, grid=data, rounds=rounds, sort=sort, title=assignment_title,
                           announce=swapped,
                           labels=status_labels(), needs_help_below=reports.NEEDS_HELP_BELOW), \
        {"Vary": "HX-Request, HX-Target"}


@bp.get("/grid.<fmt>")
def grid_export(class_id, fmt):
    classroom = owned_class(class_id)
    data, _, rounds = _grid(classroom)
    return download(_grid_table(classroom, data, rounds), fmt, f"{classroom.name}-progress")


# --- quiz report --------------------------------------------------------------------

def _quiz_report(classroom, slug):
    quiz = current_library().quizzes.get(slug) or abort(404)
    return reports.quiz_report(get_session(), classroom, quiz)


def _quiz_table(report) -> Table:
    quiz = report.quiz
    headers = [gettext("Question"), gettext("Type"), gettext("Answers"), gettext("Right answers (%(pct)s)", pct="%"),
               gettext("Facility index"), gettext("Discrimination index"), gettext("Needs checking"),
               gettext("Most chosen wrong answer"), gettext("Times chosen")]
    rows = []
    for number, item in enumerate(report.questions, start=1):
        wrong = max(item.wrong_choices, key=lambda c: c.count, default=None)
        checking = item.stats.needs_checking
        rows.append([f"{number}. {question_text(quiz, item.question)}", type_name(item.question), item.answered,
                     one_decimal(item.stats.facility), one_decimal(item.stats.facility) if report.item_analysis else None,
                     one_decimal(item.stats.discrimination), needs_checking_label(checking) if checking else "",
                     choice_label(quiz, item.question, wrong.choice_id) if wrong else "",
                     wrong.count if wrong else None])
    return Table(gettext("Quiz report"), headers, rows)


@bp.get("/quizzes/<slug>")
def quiz(class_id, slug):
    classroom = owned_class(class_id)
    return render_template("teach/reports/quiz.html", classroom=classroom, report=_quiz_report(classroom, slug))


@bp.get("/quizzes/<slug>.<fmt>")
def quiz_export(class_id, slug, fmt):
    classroom = owned_class(class_id)
    report = _quiz_report(classroom, slug)
    return download(_quiz_table(report), fmt, f"{classroom.name}-{slug}")


# --- topics -------------------------------------------------------------------------

def _topics_table(summaries) -> Table:
    return Table(gettext("Topics"), [gettext("Topic"), gettext("Quizzes"), gettext("Attempts"), gettext("Average score (%(pct)s)", pct="%")],
                 [[str(TOPICS[s.topic]), s.quizzes, s.attempts, one_decimal(s.mean)] for s in summaries])


@bp.get("/topics")
def topics(class_id):
    classroom = owned_class(class_id)
    db, library = get_session(), current_library()
    summaries = reports.topic_summary(db, classroom, library)
    return render_template("teach/reports/topics.html", classroom=classroom, summaries=summaries,
                           contest_topics=round_reports.class_topics(db, library, classroom.id, utcnow()))


@bp.get("/topics.<fmt>")
def topics_export(class_id, fmt):
    classroom = owned_class(class_id)
    summaries = reports.topic_summary(get_session(), classroom, current_library())
    return download(_topics_table(summaries), fmt, f"{classroom.name}-topics")


# --- one student ----------------------------------------------------------------------

def _student(classroom, student_id):
    return classes.student_of(get_session(), classroom, student_id) or abort(404)


def _local(moment):
    """A stored UTC time as the teacher's wall clock, naive: a spreadsheet's date cell has no zone."""
    return to_user_timezone(as_utc(moment)).replace(tzinfo=None)


def _student_table(student, attempts) -> Table:
    lang = current_language()
    headers = [gettext("Quiz"), gettext("Started"), gettext("Minutes"), gettext("Question"), gettext("Answer"),
               gettext("Right"), gettext("Mark"), gettext("Score (%(pct)s)", pct="%"), gettext("This attempt counts")]
    rows = []
    for item in attempts:
        finished = item.attempt.finished_at is not None
        for question in item.quiz.questions:
            answer = item.answers.get(question.id)
            rows.append([item.quiz.title.get(lang), _local(item.attempt.started_at), one_decimal(item.minutes),
                         question_text(item.quiz, question),
                         answer_text(item.quiz, question, answer.chosen, item.attempt.seed) if answer else "",
                         (gettext("yes") if answer.is_correct else gettext("no")) if answer else "",
                         one_decimal(answer.score) if answer else None, one_decimal(item.percent) if finished else None,
                         gettext("yes") if item.counts else gettext("no")])
    return Table(student.display_name, headers, rows)


@bp.get("/students/<int:student_id>")
def student(class_id, student_id):
    classroom = owned_class(class_id)
    student = _student(classroom, student_id)
    db = get_session()
    return render_template("teach/reports/student.html", classroom=classroom, student=student,
                           attempts=reports.student_report(db, student, current_library()),
                           lessons=reports.lesson_progress_of(db, student),
                           contest_rounds=round_reports.student_rounds(db, current_library(), student, utcnow()),
                           labels=status_labels())


@bp.get("/students/<int:student_id>.<fmt>")
def student_export(class_id, student_id, fmt):
    classroom = owned_class(class_id)
    student = _student(classroom, student_id)
    attempts = reports.student_report(get_session(), student, current_library())
    return download(_student_table(student, attempts), fmt, f"{classroom.name}-{student.display_name}")
