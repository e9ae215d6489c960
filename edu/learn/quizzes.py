"""Quiz list, intro, one question at a time, feedback, result.

The same views serve practice (/quizzes/<slug>/…) and homework for the
student's class (/me/quizzes/<slug>/…: this blueprint registered a second
time as "homework"); the address decides the attempt's context, so practice
never counts as homework and homework never as practice.

The answer form works as a plain POST (full page back) and through htmx
(only the quiz panel back). Which one is decided by the htmx target, not by
HX-Request alone: boosted links and history restores send that header too.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, abort, current_app, g, redirect, render_template, request, url_for
from flask_babel import gettext

from ..content import Quiz
from ..content.models import AGE_BANDS
from ..services import attempts, classes, results, retakes
from ..services.attempts import PRACTICE, Context, class_context
from ..services.errors import AnswerRejected, ServiceError
from ..web.content import current_library
from ..web.db import commit_before_rendering, get_session
from ..web.i18n import current_language
from ..web.learner import learner_age, learner_key, set_learner_age
from ..web.limits import by_learner, limit, limiter
from ..web.messages import message_for
from ..web.security import mark_sensitive
from ..web.vocabulary import chosen_filters, matches
from ..web.errors import htmx_error
from ..web.extensions import htmx

bp = Blueprint("quizzes", __name__, url_prefix="/quizzes")
HOMEWORK = {"name": "homework", "url_prefix": "/me/quizzes"}
PANEL_ID = "quiz-panel"


@dataclass(frozen=True)
class Taking:
    """A quiz as this request takes it: in which context, and whether its
    results wait for the teacher."""

    quiz: Quiz
    context: Context
    hide_results: bool = False


def _taking(slug: str) -> Taking:
    quiz = current_library().quizzes.get(slug) or abort(404)
    if quiz.sensitive:
        mark_sensitive()
    if request.blueprint != HOMEWORK["name"]:
        return Taking(quiz.for_learner(learner_age()), PRACTICE)
    homework = classes.homework_for(get_session(), learner_key(), slug) or abort(404)
    return Taking(quiz, class_context(homework.class_id), hide_results=not homework.results_released)


@bp.app_template_global()
def quiz_url(endpoint: str, slug: str, **values) -> str:
    """A page of the quiz being taken, in the same context."""
    return url_for(f"{request.blueprint}.{endpoint}", slug=slug, **values)


@bp.app_template_global()
def homework_started(learner: str, class_id: int, slug: str) -> bool:
    """Whether a student has an unfinished attempt at their class's quiz, so /me
    can tell "in progress" from "not started"."""
    quiz = current_library().quizzes[slug]
    return attempts.open_attempt(get_session(), learner, quiz, class_context(class_id)) is not None


@bp.app_template_global()
def retake_offered(slug: str) -> bool:
    """Whether the page may offer to take this quiz again: not for homework
    given once (Assignment.retakes off) that the student has finished."""
    taking = _taking(slug)
    return retakes.may_start(get_session(), learner_key(), taking.quiz, taking.context, restart=True)


def _wants_panel() -> bool:
    return bool(htmx) and htmx.target == PANEL_ID


def _number(quiz: Quiz, question) -> int | None:
    return quiz.questions.index(question) + 1 if question is not None else None


def render_panel(quiz: Quiz, attempt, status: int = 200, **panel):
    """The quiz panel alone for htmx, or inside its full page."""
    template = "learn/quizzes/_panel.html" if _wants_panel() else "learn/quizzes/question.html"
    shown = attempts.shown(attempt, current_app.secret_key) if attempt else None
    response = render_template(template, quiz=quiz, attempt=attempt, shown=shown, panel_id=PANEL_ID, **panel)
    return response, status, {"Vary": "HX-Request, HX-Target", "Cache-Control": "no-store"}


def _refused(taking: Taking, rejected: AnswerRejected):
    """With htmx the message goes beside the form, which keeps the student's
    choice; without it the page comes back with the question and the message
    (or, when the answer cannot be retried, the reason and a way back)."""
    message = message_for(rejected)
    if _wants_panel():
        link = None if rejected.retry else (quiz_url("show", taking.quiz.slug), gettext("Back to the quiz"))
        return htmx_error(message, 400, link)
    quiz = taking.quiz
    attempt = attempts.latest_attempt(get_session(), learner_key(), quiz, taking.context)
    question = quiz.question_named(request.form.get("question", ""),
                                   attempts.shown(attempt, current_app.secret_key)) if attempt else None
    if rejected.retry and question is not None:
        return render_panel(quiz, attempt, 400, question=question, number=_number(quiz, question), error=message,
                            submitted=request.form)
    return render_panel(taking.quiz, attempt, 400, rejection=message)


@bp.get("/")
def index():
    if request.blueprint == HOMEWORK["name"]:
        return redirect(url_for("students.me"))
    topic, audience = chosen_filters(request.args)
    quizzes = [quiz for quiz in current_library().sorted_quizzes(current_language())
               if matches(quiz.topic, quiz.audience, topic, audience)]
    return render_template("learn/quizzes/index.html", quizzes=quizzes, topic=topic, audience=audience)


@bp.get("/<slug>")
def show(slug, age_error: str | None = None, status: int = 200):
    taking = _taking(slug)
    db = get_session()
    learner = learner_key()
    attempt = attempts.open_attempt(db, learner, taking.quiz, taking.context)
    answered = len(attempts.answered_question_ids(db, attempt)) if attempt else 0
    # A student practising a quiz their class was given: point them to where it counts.
    homework = taking.context == PRACTICE and classes.homework_for(db, learner, slug) is not None
    return render_template("learn/quizzes/show.html", quiz=taking.quiz, attempt=attempt, answered=answered,
                           homework=homework, age_bands=AGE_BANDS if _asks_age(slug) else (),
                           age_band=learner_age(), age_error=age_error,
                           finished=attempts.latest_finished_attempt(db, learner, taking.quiz, taking.context)), status


def _asks_age(slug: str) -> bool:
    """Practice of a quiz with questions for older learners asks the age band first."""
    return request.blueprint != HOMEWORK["name"] and current_library().quizzes[slug].gated


@bp.post("/<slug>/start")
def start(slug):
    _taking(slug)  # 404 before anything else
    if _asks_age(slug):
        band = request.form.get("age_band") or str(learner_age() or "")  # "start over" keeps the band
        if band not in {str(b) for b in AGE_BANDS}:
            return show(slug, age_error=gettext("Choose your age group to start."), status=400)
        set_learner_age(int(band))
    taking = _taking(slug)
    if not taking.quiz.questions:
        return show(slug, status=400, age_error=gettext(
            "Every question in this quiz is written for older learners. Choose another quiz, "
            "or take this one with a parent or teacher."))
    restart = request.form.get("restart") == "1"
    try:
        retakes.check_start(get_session(), learner_key(), taking.quiz, taking.context, restart)
    except ServiceError as refused:
        return render_template("errors/error.html", status=400, title=gettext("This homework is given once"),
                               message=message_for(refused)), 400
    attempts.start_attempt(get_session(), learner_key(), taking.quiz, taking.context, restart=restart)
    return redirect(quiz_url("question", slug), 303)


@bp.get("/<slug>/restart")
def restart(slug):
    """Asks before an open attempt is thrown away (a page, so it works without JS);
    its button posts to start() with restart=1."""
    taking = _taking(slug)
    db = get_session()
    attempt = attempts.open_attempt(db, learner_key(), taking.quiz, taking.context)
    if attempt is None:
        return redirect(quiz_url("show", slug), 303)
    return render_template("learn/quizzes/restart.html", quiz=taking.quiz,
                           answered=len(attempts.answered_question_ids(db, attempt)))


@bp.get("/<slug>/question")
def question(slug):
    taking = _taking(slug)
    db = get_session()
    attempt = attempts.open_attempt(db, learner_key(), taking.quiz, taking.context)
    if attempt is None:
        return redirect(quiz_url("show", slug), 303)
    answered = attempts.answered_question_ids(db, attempt)
    return render_panel(taking.quiz, attempt, question=attempts.next_question(taking.quiz, answered),
                        number=len(answered) + 1)


@bp.post("/<slug>/answer")
@limiter.limit(limit("answers"), key_func=by_learner)
def answer(slug):
    taking = _taking(slug)
    g.page_url = quiz_url("question", slug)
    quiz = taking.quiz
    try:
        recorded = attempts.record_answer(get_session(), learner_key(), quiz, taking.context, request.form,
                                          current_app.secret_key)
    except AnswerRejected as rejected:
        return _refused(taking, rejected)
    commit_before_rendering()
    return render_panel(quiz, recorded.attempt, question=recorded.question, number=_number(quiz, recorded.question),
                        feedback=recorded.answer, finished=recorded.attempt.finished_at is not None,
                        hidden=taking.hide_results)


def _finished(slug: str):
    """(the quiz as taken, its latest finished attempt), or the response to send
    instead: back to the intro when nothing is finished, or "results come later"."""
    taking = _taking(slug)
    attempt = attempts.latest_finished_attempt(get_session(), learner_key(), taking.quiz, taking.context)
    if attempt is None:
        return None, redirect(quiz_url("show", slug), 303)
    if taking.hide_results:
        return None, (render_template("learn/quizzes/result_hidden.html", quiz=taking.quiz), {"Cache-Control": "no-store"})
    return (taking.quiz, attempt), None


@bp.get("/<slug>/result")
def result(slug):
    finished, instead = _finished(slug)
    if instead:
        return instead
    quiz, attempt = finished
    db = get_session()
    answers = attempts.answers_by_question(db, attempt)
    missed, related = results.lessons_to_review(quiz, answers)
    library = current_library()
    confidence = results.confidence_summary(answers)
    return render_template(
        "learn/quizzes/result.html", quiz=quiz, attempt=attempt, shown=attempts.shown(attempt, current_app.secret_key),
        reviewed=results.review(quiz, answers),
        missed_lessons=[library.lessons[s] for s in missed], related_lessons=[library.lessons[s] for s in related],
        confidence=confidence, overconfident=any(r.level == 100 and r.right < r.answered for r in confidence),
        unsure=results.unsure_count(answers),
    ), {"Cache-Control": "no-store"}


@bp.get("/<slug>/result/<int:number>")
def review(slug, number):
    """One question of the finished attempt, explained, its clues on the mockup.
    The result page links each question here rather than holding them all: a
    revealed mockup is 50-150 elements, and a phone should not get 18 at once."""
    finished, instead = _finished(slug)
    if instead:
        return instead
    quiz, attempt = finished
    reviewed = results.review(quiz, attempts.answers_by_question(get_session(), attempt))
    if not 1 <= number <= len(reviewed):
        abort(404)
    return render_template("learn/quizzes/review.html", quiz=quiz, item=reviewed[number - 1], number=number,
                           total=len(reviewed), shown=attempts.shown(attempt, current_app.secret_key),
                           ), {"Cache-Control": "no-store"}
