"""Taking a quiz through the HTTP interface: scoring, idempotency, forged answers."""
import html
import re

import pytest
from sqlmodel import select

from edu.web.db import get_session
from edu.models import QuizAnswer, QuizAttempt

QUIZ = "/quizzes/first-quiz"
PANEL = {"HX-Request": "true", "HX-Target": "quiz-panel"}


@pytest.fixture
def answer(page_form):
    """answer(client, question, *choices, headers=None): post an answer as the page names it."""
    def post(client, question, *choices, headers=None):
        data = page_form(client.application, "first-quiz", question, list(choices))
        return client.post(f"{QUIZ}/answer", data=data, headers=headers or {})

    return post


def stored_answers(app):
    with app.app_context():
        return get_session().exec(select(QuizAnswer)).all()


@pytest.fixture
def started(client):
    assert client.post(f"{QUIZ}/start").status_code == 303
    return client


def test_question_page_shows_no_answer_key(started):
    html = started.get(f"{QUIZ}/question?lang=en").text
    assert "Choose B." in html
    assert "B is right." not in html and "A is wrong." not in html
    assert "correct" not in html.lower()


def test_whole_quiz_scores_on_the_server(started, app, answer):
    first = answer(started, "pick-one", "a")
    assert first.status_code == 200
    assert "Not quite" in first.text or "Chưa đúng" in first.text
    assert "A sai." in first.text and "B đúng." in first.text  # chosen and right explanations
    assert 'href="/lessons/first-lesson"' in first.text  # the lesson to review
    assert answer(started, "pick-many", "x", "y").status_code == 200
    last = answer(started, "statement", "false")
    assert f'href="{QUIZ}/result"' in last.text
    result = started.get(f"{QUIZ}/result?lang=en").text
    assert re.search(r'class="score-value">2 of 3 points \(67%\)<', result)
    assert "Lessons to review" in result and "The first lesson" in result
    # Each question explained on a page of its own, linked from the result.
    for number, why in enumerate(("A is wrong.", "X is right.", "Right, it is false."), start=1):
        assert f'href="{QUIZ}/result/{number}"' in result
        assert why in started.get(f"{QUIZ}/result/{number}?lang=en").text
    assert started.get(f"{QUIZ}/result/4").status_code == 404
    with app.app_context():
        attempt = get_session().exec(select(QuizAttempt)).one()
        assert (attempt.score, attempt.max_score) == (2, 3) and attempt.finished_at is not None


def test_htmx_gets_only_the_panel(started, answer):
    partial = answer(started, "pick-one", "b", headers=PANEL)
    # The panel, after the page title htmx moves to the document's <title>.
    title, panel = partial.text.lstrip().split("\n", 1)
    assert title.startswith("<title>") and title.endswith(" · Lá Chắn</title>")
    assert panel.lstrip().startswith('<section id="quiz-panel"')
    assert "<html" not in partial.text
    assert "HX-Request" in partial.headers["Vary"]
    # The same URL without an htmx target is a whole page (e.g. history restore).
    full = answer(started, "pick-one", "b", headers={"HX-Request": "true"})
    assert "<html" in full.text


def test_double_submit_counts_once(started, app, answer):
    assert answer(started, "pick-one", "b").status_code == 200
    again = answer(started, "pick-one", "b")
    assert again.status_code == 200
    assert len(stored_answers(app)) == 1


def test_changing_an_answer_is_refused_and_changes_nothing(started, app, answer):
    answer(started, "pick-one", "a")
    changed = answer(started, "pick-one", "b", headers={"Accept-Language": "en"})
    assert changed.status_code == 400
    assert "your first answer counts" in changed.text
    [stored] = stored_answers(app)
    assert stored.choice == "a" and not stored.is_correct


@pytest.mark.parametrize("question, choices, message", [
    ("pick-one", ["zzz"], "not one of this question's options"),
    ("not-a-question", ["a"], "not part of this quiz"),
    ("pick-one", ["a", "b"], "takes only one answer"),
    ("pick-one", [], "Choose an answer before checking it."),
])
def test_forged_answers_get_400_and_store_nothing(started, app, question, choices, message, answer):
    response = answer(started, question, *choices, headers={"Accept-Language": "en"})
    assert response.status_code == 400
    assert message in html.unescape(response.text)
    assert stored_answers(app) == []


def test_forged_answer_errors_are_translated(started, answer):
    response = answer(started, "pick-one", "zzz", headers={"Accept-Language": "vi"})
    assert response.status_code == 400
    assert "Đáp án này không có trong câu hỏi." in response.text


def test_answer_without_starting_is_refused(client, app, answer):
    response = answer(client, "pick-one", "a", headers={"Accept-Language": "en"})
    assert response.status_code == 400
    assert "Start the quiz before answering." in response.text
    assert stored_answers(app) == []


def test_answer_after_the_end_is_refused(started, app, answer):
    for q, c in (("pick-one", "b"), ("pick-many", "x"), ("statement", "true")):
        answer(started, q, c)
    late = answer(started, "statement", "false", headers={"Accept-Language": "en"})
    assert late.status_code == 400
    assert "already finished" in late.text
    assert len(stored_answers(app)) == 3


def test_resending_the_last_answer_after_the_end_shows_it_again(started, app, answer):
    for q, c in (("pick-one", "b"), ("pick-many", "x"), ("statement", "true")):
        answer(started, q, c)
    again = answer(started, "statement", "true", headers={"Accept-Language": "en"})
    assert again.status_code == 200 and f'href="{QUIZ}/result"' in again.text
    assert len(stored_answers(app)) == 3


def test_answers_to_questions_the_quiz_no_longer_has_do_not_finish_it(started, app, answer):
    """Content can change mid-attempt: only answers to the quiz's current
    questions count towards finishing it."""
    with app.app_context():
        db = get_session()
        attempt = db.exec(select(QuizAttempt)).one()
        db.add(QuizAnswer(attempt_id=attempt.id, question_id="removed-question", choice="a", is_correct=True, score=1))
        db.commit()
    answer(started, "pick-one", "b")
    answer(started, "pick-many", "x", "y")
    with app.app_context():
        assert get_session().exec(select(QuizAttempt)).one().finished_at is None
    answer(started, "statement", "false")
    with app.app_context():
        attempt = get_session().exec(select(QuizAttempt)).one()
        assert attempt.finished_at is not None and attempt.score == 3  # the removed question's mark is not added


def test_a_returning_student_resumes(started, answer):
    answer(started, "pick-one", "b")
    intro = started.get(f"{QUIZ}?lang=en").text
    assert "You have answered 1 of 3 questions." in intro
    assert "Choose X and Y." in started.get(f"{QUIZ}/question?lang=en").text
    # Starting again without asking to start over keeps the same attempt.
    started.post(f"{QUIZ}/start")
    assert "Choose X and Y." in started.get(f"{QUIZ}/question?lang=en").text


def test_start_over_begins_a_new_attempt(started, app, answer):
    answer(started, "pick-one", "b")
    started.post(f"{QUIZ}/start", data={"restart": "1"})
    assert "Choose B." in started.get(f"{QUIZ}/question?lang=en").text


def test_attempts_belong_to_their_browser(started, app, answer):
    answer(started, "pick-one", "b")
    stranger = app.test_client()
    assert stranger.get(f"{QUIZ}/question").status_code == 303
    assert stranger.get(f"{QUIZ}/result").status_code == 303


def test_posts_without_a_csrf_token_are_refused(make_app):
    app = make_app()  # CSRF on, as in production
    client = app.test_client()
    response = client.post(f"{QUIZ}/start", headers={"Accept-Language": "en"})
    assert response.status_code == 400
    assert "This form has expired" in response.text
    with app.app_context():
        assert get_session().exec(select(QuizAttempt)).all() == []


def test_unknown_quiz_and_lesson_are_translated_404s(client):
    assert "Page not found" in client.get("/quizzes/nope?lang=en").text
    response = client.get("/lessons/nope?lang=vi")
    assert response.status_code == 404 and "Không tìm thấy trang" in response.text


def test_healthz(client, app):
    assert client.get("/healthz").json == {"status": "ok", "database": "ok", "content": "ok"}
    from edu.web.db import make_engine
    app.extensions["db_engine"] = make_engine("sqlite:////nonexistent-dir/x.sqlite3")
    broken = client.get("/healthz")
    assert broken.status_code == 503 and broken.json["database"] == "unavailable"
