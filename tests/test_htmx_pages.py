"""htmx is loaded only on the pages that use it: 15 KB less on every other
page's first visit. A page loads it exactly when its HTML asks htmx for
something (an hx-get or hx-post, plain or data- prefixed)."""
from __future__ import annotations

import re

import pytest

HTMX_SCRIPT = re.compile(r'<script src="/static/htmx\.min\.[0-9a-f]{10}\.js"')
HTMX_REQUEST = re.compile(r"\s(?:data-)?hx-(?:get|post|put|delete|patch)=")
WITH_HTMX = {"quiz question", "class grid"}


@pytest.fixture
def app(make_app):
    return make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)


@pytest.fixture
def pages(app, homework_student, page_form):
    teacher, student = homework_student(app, "Lan")
    visitor = app.test_client()
    visitor.post("/quizzes/first-quiz/start")
    question = visitor.get("/quizzes/first-quiz/question?lang=en").text
    feedback = visitor.post("/quizzes/first-quiz/answer?lang=en", data=page_form(app, "first-quiz", "pick-one", "b")).text
    for name, choice in (("pick-many", ["x", "y"]), ("statement", "false")):
        visitor.post("/quizzes/first-quiz/answer", data=page_form(app, "first-quiz", name, choice))
    get = lambda client, url: client.get(url + ("&" if "?" in url else "?") + "lang=en").text
    return {
        "home": get(visitor, "/"), "lesson list": get(visitor, "/lessons/"), "lesson": get(visitor, "/lessons/first-lesson"),
        "quiz list": get(visitor, "/quizzes/"), "quiz intro": get(visitor, "/quizzes/first-quiz"),
        "quiz question": question, "answer feedback without JS": feedback,
        "result": get(visitor, "/quizzes/first-quiz/result"), "help": get(visitor, "/help"),
        "join": get(app.test_client(), "/join"), "student's page": get(student, "/me"),
        "sign-in": get(app.test_client(), "/auth/signin"), "classes": get(teacher, "/classes/"),
        "class": get(teacher, "/classes/1"), "class grid": get(teacher, "/classes/1/reports/grid"),
        "quiz report": get(teacher, "/classes/1/reports/quizzes/first-quiz"),
        "topics": get(teacher, "/classes/1/reports/topics"), "not found": get(visitor, "/nothing-here"),
    }


def test_only_pages_that_use_htmx_load_it(pages):
    loading = {name for name, html in pages.items() if HTMX_SCRIPT.search(html)}
    assert loading == WITH_HTMX
    for name, html in pages.items():
        assert bool(HTMX_REQUEST.search(html)) == (name in loading), name
