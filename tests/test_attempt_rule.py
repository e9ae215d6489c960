"""One class-wide rule for which finished attempt counts (first, best, latest),
applied alike by the grid, the quiz report, topics, the per-student report,
the exports and the student's /me; and homework that may be taken only once."""
from __future__ import annotations

import csv
import io
import re
from types import SimpleNamespace

import pytest
from sqlmodel import select

from edu.models import QuizAttempt
from edu.services.reports import counted
from edu.web.db import get_session

QUIZ = "first-quiz"
# Three finished attempts by one student: 1 of 3 right, then 3 of 3, then 2 of 3.
TAKES = [["b", ["x"], "true"], ["b", ["x", "y"], "false"], ["b", ["x"], "false"]]
EXPECTED = {"first": 33.3, "best": 100.0, "latest": 66.7}


def _attempt(score, number):
    return SimpleNamespace(score=score, max_score=3, number=number)


def test_counted_picks_first_best_or_latest():
    finished = [_attempt(1, 1), _attempt(3, 2), _attempt(2, 3), _attempt(3, 4)]
    assert counted(finished, "first").number == 1
    assert counted(finished, "best").number == 2  # a tie goes to the earlier
    assert counted(finished, "latest").number == 4
    assert counted([], "best") is None


@pytest.fixture
def app(make_app):
    return make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)


@pytest.fixture
def setup(app, sign_up, join, page_form):
    teacher = sign_up(app, "lan@school.example")
    class_url = teacher.post("/classes/new", data={"name": "7A", "language": "vi"}).location
    teacher.post(class_url + "/assign", data={"item": f"quiz:{QUIZ}"})
    code = re.search(r'id="join-code">(\w+)<', teacher.get(class_url).text).group(1)
    student, _ = join(app, code, "An")
    for answers in TAKES:
        student.post(f"/me/quizzes/{QUIZ}/start", data={"restart": "1"})
        for question, choice in zip(("pick-one", "pick-many", "statement"), answers):
            student.post(f"/me/quizzes/{QUIZ}/answer", data=page_form(app, QUIZ, question, choice))
    return teacher, student, class_url


def _choose(teacher, class_url, rule):
    response = teacher.post(class_url + "/edit", data={"name": "7A", "language": "vi", "attempt_rule": rule,
                                                         "results_released": "y"})
    assert response.status_code == 302


def _csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.mark.parametrize("rule", ["first", "best", "latest"])
def test_every_report_and_export_applies_the_class_rule(setup, rule):
    teacher, student, class_url = setup
    _choose(teacher, class_url, rule)
    base = class_url + "/reports"
    expected = EXPECTED[rule]
    statement = {"first": "first finished attempt", "best": "best finished attempt",
                 "latest": "latest finished attempt"}[rule]

    grid = _csv(teacher.get(f"{base}/grid.csv?lang=en").data)
    assert float(grid[1][grid[0].index("The first quiz (%)")]) == expected
    grid_html = teacher.get(f"{base}/grid?lang=en").text
    assert f"Counts each student’s {statement}." in grid_html
    assert ('<td class="cell cell-needs_help"' in grid_html) == (rule == "first")

    report = teacher.get(f"{base}/quizzes/{QUIZ}?lang=en").text
    assert f"Counts each student’s {statement}." in report
    assert f"{expected:g}%" in report.replace(".0%", "%") or f"{round(expected)}%" in report
    items = _csv(teacher.get(f"{base}/quizzes/{QUIZ}.csv?lang=en").data)
    right = [float(row[3]) for row in items[1:]]
    assert right == {"first": [100.0, 0.0, 0.0], "best": [100.0, 100.0, 100.0], "latest": [100.0, 0.0, 100.0]}[rule]

    topics = _csv(teacher.get(f"{base}/topics.csv?lang=en").data)
    assert float(topics[1][topics[0].index("Average score (%)")]) == expected
    assert f"Counts each student’s {statement}." in teacher.get(f"{base}/topics?lang=en").text

    rows = _csv(teacher.get(f"{base}/students/1.csv?lang=en").data)
    counts = {row[rows[0].index("Score (%)")] for row in rows[1:] if row[rows[0].index("This attempt counts")] == "yes"}
    assert counts == {f"{expected}"}
    page = teacher.get(f"{base}/students/1?lang=en").text
    assert page.count("This attempt counts") == 1

    me = re.sub(r"\s+", " ", student.get("/me?lang=en").text)
    points = {"first": "1", "best": "3", "latest": "2"}[rule]
    assert re.search(rf"Done: {points}(/3| of 3)", me)


def test_an_unknown_rule_is_refused_and_changes_nothing(setup, app):
    teacher, _, class_url = setup
    response = teacher.post(class_url + "/edit", data={"name": "Renamed", "language": "vi", "attempt_rule": "worst"})
    assert response.status_code == 400
    assert "7A" in teacher.get(class_url).text and "Renamed" not in teacher.get(class_url).text


def test_the_class_form_offers_the_rule_in_both_languages(setup):
    teacher, _, class_url = setup
    assert "Which attempt counts in reports" in teacher.get(class_url + "/edit?lang=en").text
    assert "Lần làm bài nào được tính trong báo cáo" in teacher.get(class_url + "/edit?lang=vi").text


# --- retakes ---------------------------------------------------------------------------------

@pytest.fixture
def once(app, sign_up, join, page_form):
    """Homework given once (the box unticked: the page sends only its hidden "n"), finished by a student."""
    teacher = sign_up(app, "lan@school.example")
    class_url = teacher.post("/classes/new", data={"name": "7A", "language": "vi"}).location
    teacher.post(class_url + "/assign", data={"item": f"quiz:{QUIZ}", "retakes": "n"})
    code = re.search(r'id="join-code">(\w+)<', teacher.get(class_url).text).group(1)
    student, _ = join(app, code, "An")
    student.post(f"/me/quizzes/{QUIZ}/start")
    for question, choice in zip(("pick-one", "pick-many", "statement"), TAKES[1]):
        student.post(f"/me/quizzes/{QUIZ}/answer", data=page_form(app, QUIZ, question, choice))
    return teacher, student, class_url


def _attempts(app) -> int:
    with app.app_context():
        return len(get_session().exec(select(QuizAttempt).where(QuizAttempt.context == "class")).all())


@pytest.mark.parametrize("lang, message", [
    ("en", "your teacher gives it only once"), ("vi", "thầy cô chỉ giao làm một lần")])
def test_homework_given_once_cannot_be_started_again(app, once, lang, message):
    teacher, student, class_url = once
    assert "Not allowed" in teacher.get(class_url + "?lang=en").text
    show = student.get(f"/me/quizzes/{QUIZ}?lang={lang}").text
    assert 'name="restart"' not in show and f"/me/quizzes/{QUIZ}/start" not in show
    assert f"/me/quizzes/{QUIZ}/start" not in student.get(f"/me/quizzes/{QUIZ}/result?lang={lang}").text
    for data in ({"restart": "1"}, {}):
        response = student.post(f"/me/quizzes/{QUIZ}/start?lang={lang}", data=data)
        assert response.status_code == 400 and message in response.text
    assert _attempts(app) == 1
    # Practice is never limited.
    assert student.post(f"/quizzes/{QUIZ}/start", data={"restart": "1"}).status_code == 303


def test_retakes_are_allowed_by_default_and_the_box_is_on_the_form(app, setup):
    teacher, student, class_url = setup
    assert _attempts(app) == 3  # the fixture's three takes were all allowed
    page = teacher.get(class_url + "?lang=en").text
    assert re.search(r'<input[^>]*checked[^>]*name="retakes"|<input[^>]*name="retakes"[^>]*checked', page)
    assert "Allowed" in page
    assert student.post(f"/me/quizzes/{QUIZ}/start", data={"restart": "1"}).status_code == 303
