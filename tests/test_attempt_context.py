"""Attempts belong to a context (practice, a class's homework), show their
options in an order fixed by their own seed, and refused htmx answers come
back as a message beside the form."""
from __future__ import annotations

import re

from alembic import command
from sqlalchemy import text
from sqlmodel import select

from edu.content.questions import Shown
from edu.models import QuizAnswer, QuizAttempt
from edu.web.db import alembic_config, get_session

QUIZ = "/quizzes/first-quiz"
HOMEWORK = "/me/quizzes/first-quiz"
PANEL = {"HX-Request": "true", "HX-Target": "quiz-panel"}


def take(client, base, page_form, answers=("b", ["x", "y"], "false")):
    client.post(f"{base}/start")
    for question, choice in zip(("pick-one", "pick-many", "statement"), answers):
        data = page_form(client.application, "first-quiz", question, choice)
        assert client.post(f"{base}/answer", data=data).status_code == 200


def attempts(app):
    with app.app_context():
        return get_session().exec(select(QuizAttempt).order_by(QuizAttempt.id)).all()


def test_practice_and_homework_on_one_quiz_are_apart(make_app, homework_student, page_form):
    app = make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)
    teacher, student = homework_student(app, "Lan")
    assert "take it for your class" in student.get(f"{QUIZ}?lang=en").text  # practising an assigned quiz: told where it counts

    take(student, QUIZ, page_form, ("a", ["x"], "true"))  # practice, all wrong
    assert "Lan,Not started" in teacher.get("/classes/1/reports/grid.csv?lang=en").text  # practice is not homework

    assert "Continue the quiz" not in student.get(HOMEWORK).text  # the practice attempt does not carry over
    take(student, HOMEWORK, page_form)  # homework, all right
    assert "Lan,Done,100" in teacher.get("/classes/1/reports/grid.csv?lang=en").text
    assert [(a.context, a.context_id, a.score) for a in attempts(app)] == [("practice", 0, 0.0), ("class", 1, 3.0)]
    assert student.get(f"{QUIZ}/result").status_code == 200 and student.get(f"{HOMEWORK}/result").status_code == 200


def test_homework_of_a_quiz_not_given_to_the_class_does_not_exist(app, client):
    assert client.get(HOMEWORK).status_code == 404  # not in a class at all
    assert client.post(f"{HOMEWORK}/start").status_code == 404
    assert attempts(app) == []


def test_options_are_shown_in_the_attempts_own_order_on_every_load(app, client):
    client.post(f"{QUIZ}/start")
    [attempt] = attempts(app)
    question = app.extensions["content"].library.quizzes["first-quiz"].question("pick-one")
    shown = Shown(attempt.seed, app.secret_key)
    expected = [question.form_value(o.id, shown) for o in question.presented(shown)]
    for _ in range(3):  # reloads: the same order
        page = client.get(f"{QUIZ}/question").text
        assert re.findall(r'name="choice" value="([^"]+)"', page) == expected
    assert attempt.quiz_version == app.extensions["content"].library.quizzes["first-quiz"].fingerprint


def test_answers_are_stored_by_option_id_not_position(app, client, page_form):
    client.post(f"{QUIZ}/start")
    client.post(f"{QUIZ}/answer", data=page_form(app, "first-quiz", "pick-many", ["y", "x"]))
    with app.app_context():
        assert get_session().exec(select(QuizAnswer.choice)).all() == ["x,y"]


# --- refused answers sent by htmx ----------------------------------------------------

def refused(response, status: int) -> str:
    assert response.status_code == status
    assert response.headers["HX-Retarget"] == "#quiz-panel-status"
    assert "<html" not in response.text and "<form" not in response.text  # a message, not a page
    return response.text


def test_htmx_answer_without_a_csrf_token_is_a_message_beside_the_form(make_app, page_form):
    client = make_app().test_client()  # CSRF on
    page = client.get(f"{QUIZ}?lang=en").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    client.post(f"{QUIZ}/start?lang=en", data={"csrf_token": token})
    response = client.post(f"{QUIZ}/answer?lang=en", data=page_form(client.application, "first-quiz", "pick-one", "b"), headers=PANEL)
    assert "This form has expired" in refused(response, 400)
    vi = client.post(f"{QUIZ}/answer?lang=vi", data=page_form(client.application, "first-quiz", "pick-one", "b"), headers=PANEL)
    assert "Biểu mẫu đã hết hạn" in refused(vi, 400)
    # Without htmx the same refusal is still a whole, translated page.
    plain = client.post(f"{QUIZ}/answer?lang=en", data=page_form(client.application, "first-quiz", "pick-one", "b"))
    assert plain.status_code == 400 and "<html" in plain.text


def test_htmx_answer_after_the_session_ended_says_so_and_links_back(client, page_form):
    response = client.post(f"{QUIZ}/answer?lang=en", data=page_form(client.application, "first-quiz", "pick-one", "b"), headers=PANEL)
    message = refused(response, 400)
    assert "Start the quiz before answering." in message and f'href="{QUIZ}"' in message


def test_htmx_answer_with_nothing_chosen_asks_again_in_both_languages(client, page_form):
    client.post(f"{QUIZ}/start")
    english = client.post(f"{QUIZ}/answer?lang=en", data=page_form(client.application, "first-quiz", "pick-one"), headers=PANEL)
    assert "Choose an answer before checking it." in refused(english, 400)
    vietnamese = client.post(f"{QUIZ}/answer?lang=vi", data=page_form(client.application, "first-quiz", "pick-one"), headers=PANEL)
    assert "Hãy chọn một đáp án trước khi kiểm tra." in refused(vietnamese, 400)


def test_htmx_answer_over_the_rate_limit_is_a_message(make_app, page_form):
    client = make_app(WTF_CSRF_ENABLED=False, RATELIMIT_ANSWERS="2 per hour").test_client()
    client.post(f"{QUIZ}/start")
    for _ in range(2):
        client.post(f"{QUIZ}/answer", data=page_form(client.application, "first-quiz", "pick-one", "b"), headers=PANEL)
    response = client.post(f"{QUIZ}/answer?lang=en", data=page_form(client.application, "first-quiz", "pick-one", "b"), headers=PANEL)
    assert "Too many tries" in refused(response, 429)


# --- the migration that introduced contexts -------------------------------------------

def test_migration_moves_class_attempts_into_their_class_and_keeps_every_attempt(make_app):
    app = make_app(database="empty", AUTO_MIGRATE=False)
    engine = app.extensions["db_engine"]
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
        connection.execute(text(
            "INSERT INTO \"user\" (id, email, password_hash, role, created_at, failed_signins) "
            "VALUES (1, 't@x.example', 'x', 'teacher', CURRENT_TIMESTAMP, 0)"))
        connection.execute(text(
            "INSERT INTO classroom (id, teacher_id, name, school, grade, language, join_code, results_released, created_at) "
            "VALUES (7, 1, '7A', '', '', 'vi', 'ACDEFG', true, CURRENT_TIMESTAMP)"))
        connection.execute(text("INSERT INTO assignment (id, class_id, kind, slug, created_at) "
                                "VALUES (1, 7, 'quiz', 'first-quiz', CURRENT_TIMESTAMP)"))
        connection.execute(text("INSERT INTO student (id, class_id, display_name, learner_key, reentry_hash, joined_at) "
                                "VALUES (1, 7, 'Lan', 'lan', 'h', CURRENT_TIMESTAMP)"))
        for learner, slug in (("lan", "first-quiz"), ("lan", "recognition"), ("stranger", "first-quiz")):
            connection.execute(text("INSERT INTO quizattempt (learner_key, quiz_slug, started_at, max_score) "
                                    "VALUES (:learner, :slug, CURRENT_TIMESTAMP, 3)"), {"learner": learner, "slug": slug})
        # Rows that point at the altered tables: no migration may rebuild a table others refer to.
        connection.execute(text("INSERT INTO quizanswer (attempt_id, question_id, choice, is_correct, score, answered_at) "
                                "VALUES (1, 'pick-one', 'b', true, 1, CURRENT_TIMESTAMP)"))
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
        rows = connection.execute(text(
            "SELECT learner_key, quiz_slug, context, context_id FROM quizattempt ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [("lan", "first-quiz", "class", 7), ("lan", "recognition", "practice", 0),
                                        ("stranger", "first-quiz", "practice", 0)]
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM quizanswer")).scalar() == 1
        assert connection.execute(text("SELECT joining_open FROM classroom")).scalar() in (1, True)
