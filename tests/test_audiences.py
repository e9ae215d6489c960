"""Who gets what: practice leaves out questions below a learner's age band and
teacher-led questions before 18, homework gives the whole quiz, lists filter by
audience, and teachers see the flags where they assign and in reports."""
from __future__ import annotations

import re

import pytest
import yaml
from sqlmodel import text

from edu.content.models import Quiz
from edu.web.db import get_session

PRACTICE = "/quizzes/first-quiz"


def gate(content):
    """first-quiz with its second question for 13 and up and its third teacher-led."""
    path = content / "quizzes" / "first-quiz.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["questions"][1]["min_age"] = 13
    data["questions"][2]["sensitivity"] = "teacher-led"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return content


@pytest.fixture
def gated_app(make_app, content):
    return make_app(gate(content), WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)


def finished_max_score(app) -> int:
    with app.app_context():
        return get_session().exec(text("SELECT max_score FROM quizattempt ORDER BY id DESC")).first()[0]


@pytest.mark.parametrize("age, kept", [
    (None, ["pick-one"]), (8, ["pick-one"]), (11, ["pick-one"]), (15, ["pick-one", "pick-many"]),
    (18, ["pick-one", "pick-many", "statement"]),
])
def test_practice_keeps_what_suits_the_age_band(gated_app, age, kept):
    quiz: Quiz = gated_app.extensions["content"].library.quizzes["first-quiz"]
    assert quiz.gated
    variant = quiz.for_learner(age)
    assert variant.question_ids == kept
    assert (variant is quiz) == (len(kept) == 3)
    if variant is not quiz:
        assert variant.fingerprint != quiz.fingerprint  # attempts record which version they took


def test_practice_asks_the_age_band_first(gated_app):
    client = gated_app.test_client()
    page = client.get(f"{PRACTICE}?lang=en").text
    assert "How old are you?" in page and 'name="age_band"' in page and "18 or older" in page
    refused = client.post(f"{PRACTICE}/start")
    assert refused.status_code == 400 and "Choose your age group to start." in refused.text
    with gated_app.app_context():
        assert get_session().exec(text("SELECT count(*) FROM quizattempt")).one()[0] == 0
    assert client.post(f"{PRACTICE}/start", data={"age_band": "12"}).status_code == 400  # not a band
    assert client.post(f"{PRACTICE}/start", data={"age_band": "11"}).status_code == 303
    assert finished_max_score(gated_app) == 1  # only the question for every age
    question = client.get(f"{PRACTICE}/question?lang=en").text
    assert "Choose B." in question and "Question 1 of 1" in question
    # "Start over" posts no band: the one chosen is kept.
    assert client.post(f"{PRACTICE}/start", data={"restart": "1"}).status_code == 303
    assert finished_max_score(gated_app) == 1
    assert client.post(f"{PRACTICE}/start", data={"age_band": "18", "restart": "1"}).status_code == 303
    assert finished_max_score(gated_app) == 3


def test_a_quiz_without_gated_questions_never_asks(app):
    page = app.test_client().get(f"{PRACTICE}?lang=en").text
    assert 'name="age_band"' not in page


def test_homework_gives_the_whole_quiz(make_app, content, homework_student, page_form):
    app = make_app(gate(content), WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)
    teacher, student = homework_student(app, "An")
    assert 'name="age_band"' not in student.get("/me/quizzes/first-quiz").text
    assert student.post("/me/quizzes/first-quiz/start").status_code == 303
    assert finished_max_score(app) == 3
    for question, choice in (("pick-one", "b"), ("pick-many", ["x", "y"]), ("statement", "false")):
        student.post("/me/quizzes/first-quiz/answer", data=page_form(app, "first-quiz", question, choice))
    report = teacher.get("/classes/1/reports/quizzes/first-quiz?lang=en").text
    assert "ages 13+" in report and "Teacher-led: talk it through in class" in report
    assign = teacher.get("/classes/1?lang=en").text
    assert not re.search(r"<option[^>]*>The first quiz", assign)  # already assigned: not offered again
    teacher.post("/classes/new", data={"name": "8B", "language": "en"})
    offered = teacher.get("/classes/2?lang=en").text
    assert "The first quiz (questions for ages 13 and up, teacher-led questions)" in offered


def test_lists_filter_by_audience(app):
    client = app.test_client()
    both = client.get("/quizzes/?lang=en").text
    assert "The first quiz" in both and "Recognition" in both
    older = client.get("/quizzes/?audience=upper-secondary-15-18&lang=en").text
    assert "Recognition" in older and "The first quiz" not in older and "1 quiz" in older
    none = client.get("/quizzes/?audience=primary-8-10&lang=vi").text
    assert "Chưa có bài trắc nghiệm nào phù hợp" in none
    assert client.get("/quizzes/?audience=nonsense&lang=en").text.count('class="card"') == 3  # unknown: all
    lessons = client.get("/lessons/?audience=primary-8-10&lang=en").text
    assert "0 lessons" in lessons


def test_a_quiz_with_nothing_for_the_band_says_so(make_app, content):
    path = content / "quizzes" / "first-quiz.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for question in data["questions"]:
        question["min_age"] = 13
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    app = make_app(content, WTF_CSRF_ENABLED=False)
    client = app.test_client()
    for lang, words in (("en", "Every question in this quiz is written for older learners"),
                        ("vi", "Mọi câu hỏi trong bài này")):
        refused = client.post(f"{PRACTICE}/start?lang={lang}", data={"age_band": "11"})
        assert refused.status_code == 400 and words in refused.text
    with app.app_context():
        assert get_session().exec(text("SELECT count(*) FROM quizattempt")).one()[0] == 0
    assert client.post(f"{PRACTICE}/start", data={"age_band": "15"}).status_code == 303
