"""Quiz list, intro, one question at a time, feedback, result.

The answer form works as a plain POST (full page back) and through htmx
(only the quiz panel back). Which one is decided by the htmx target, not by
HX-Request alone: boosted links and history restores send that header too.
"""
from flask import Blueprint, abort, g, redirect, render_template, request, url_for

from ..web.content import current_library
from ..web.db import get_session
from ..web.extensions import htmx
from ..web.i18n import current_language
from ..web.learner import learner_key
from ..web.limits import by_learner, limit, limiter
from ..services import attempts, classes
from ..services.errors import AnswerRejected
from ..web.messages import message_for

bp = Blueprint("quizzes", __name__, url_prefix="/quizzes")
PANEL_ID = "quiz-panel"


def _quiz(slug):
    return current_library().quizzes.get(slug) or abort(404)


def _wants_panel() -> bool:
    return bool(htmx) and htmx.target == PANEL_ID


def _render_panel(quiz, status=200, **panel):
    """The quiz panel alone for htmx, or inside its full page."""
    template = "learn/quizzes/_panel.html" if _wants_panel() else "learn/quizzes/question.html"
    response = render_template(template, quiz=quiz, panel_id=PANEL_ID, **panel)
    return response, status, {"Vary": "HX-Request, HX-Target", "Cache-Control": "no-store"}


@bp.get("/")
def index():
    return render_template("learn/quizzes/index.html", quizzes=current_library().sorted_quizzes(current_language()))


@bp.get("/<slug>")
def show(slug):
    quiz = _quiz(slug)
    db = get_session()
    learner = learner_key()
    attempt = attempts.open_attempt(db, learner, quiz)
    answered = len(attempts.answered_question_ids(db, attempt)) if attempt else 0
    return render_template("learn/quizzes/show.html", quiz=quiz, attempt=attempt, answered=answered,
                           finished=attempts.latest_finished_attempt(db, learner, quiz))


@bp.post("/<slug>/start")
def start(slug):
    quiz = _quiz(slug)
    attempts.start_attempt(get_session(), learner_key(), quiz, restart=request.form.get("restart") == "1")
    return redirect(url_for(".question", slug=slug), 303)


@bp.get("/<slug>/question")
def question(slug):
    quiz = _quiz(slug)
    db = get_session()
    attempt = attempts.open_attempt(db, learner_key(), quiz)
    if attempt is None:
        return redirect(url_for(".show", slug=slug), 303)
    answered = attempts.answered_question_ids(db, attempt)
    return _render_panel(quiz, question=attempts.next_question(quiz, answered), number=len(answered) + 1)


@bp.post("/<slug>/answer")
@limiter.limit(limit("answers"), key_func=by_learner)
def answer(slug):
    quiz = _quiz(slug)
    g.page_url = url_for(".question", slug=slug)
    db = get_session()
    question_id = request.form.get("question", "")
    question = quiz.question(question_id)
    number = quiz.questions.index(question) + 1 if question else None
    try:
        attempt, stored = attempts.record_answer(db, learner_key(), quiz, question_id, request.form)
    except AnswerRejected as rejected:
        if rejected.retry:
            return _render_panel(quiz, 400, question=question, number=number, error=message_for(rejected))
        return _render_panel(quiz, 400, rejection=message_for(rejected))
    return _render_panel(quiz, question=question, number=number, feedback=stored,
                         finished=attempt.finished_at is not None,
                         hidden=classes.results_hidden(db, learner_key(), quiz.slug))


@bp.get("/<slug>/result")
def result(slug):
    quiz = _quiz(slug)
    db = get_session()
    attempt = attempts.latest_finished_attempt(db, learner_key(), quiz)
    if attempt is None:
        return redirect(url_for(".show", slug=slug), 303)
    if classes.results_hidden(db, learner_key(), quiz.slug):
        return render_template("learn/quizzes/result_hidden.html", quiz=quiz), {"Cache-Control": "no-store"}
    answers = attempts.answers_by_question(db, attempt)
    missed, related = attempts.lessons_to_review(quiz, answers)
    library = current_library()
    confidence = attempts.confidence_summary(answers)
    return render_template(
        "learn/quizzes/result.html", quiz=quiz, attempt=attempt, reviewed=attempts.review(quiz, answers),
        missed_lessons=[library.lessons[s] for s in missed], related_lessons=[library.lessons[s] for s in related],
        confidence=confidence, overconfident=any(r.level == 100 and r.right < r.answered for r in confidence),
        unsure=attempts.unsure_count(answers),
    ), {"Cache-Control": "no-store"}
