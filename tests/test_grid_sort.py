"""The teacher's grid: names in Vietnamese order, the least progress first on
request, and a sort through htmx that announces the new order."""
from __future__ import annotations

import csv
import io
import re

import pytest
from sqlalchemy import text

from edu.web.db import get_session

NAMES = ["Vũ", "Đặng", "Dung", "Ánh", "An"]  # code points would put Đặng last


@pytest.fixture
def app(make_app):
    return make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)


@pytest.fixture
def grid(app, sign_up, join, page_form):
    """A class given first-lesson and first-quiz: Dung finished both, Vũ the lesson, the others nothing."""
    teacher = sign_up(app, "lan@school.example")
    teacher.post("/classes/new", data={"name": "7A", "language": "vi"})
    for item in ("quiz:first-quiz", "lesson:first-lesson"):
        teacher.post("/classes/1/assign", data={"item": item})
    with app.app_context():
        code = get_session().exec(text("SELECT join_code FROM classroom")).scalar()
    for name in NAMES:
        student, _ = join(app, code, name)
        if name in ("Dung", "Vũ"):
            student.post("/lessons/first-lesson/finished")
        if name == "Dung":
            student.post("/me/quizzes/first-quiz/start")
            for question, choice in (("pick-one", "b"), ("pick-many", ["x", "y"]), ("statement", "false")):
                student.post("/me/quizzes/first-quiz/answer", data=page_form(app, "first-quiz", question, choice))
    return teacher


def row_names(html: str) -> list[str]:
    return re.findall(r'<th scope="row"><a [^>]+>([^<]+)</a></th>', html)


def test_names_are_in_vietnamese_order(grid):
    assert row_names(grid.get("/classes/1/reports/grid").text) == ["An", "Ánh", "Dung", "Đặng", "Vũ"]
    assert [row[0] for row in _csv(grid.get("/classes/1/reports/grid.csv").data)[1:]] == ["An", "Ánh", "Dung", "Đặng", "Vũ"]


def test_least_progress_first_then_by_name(grid):
    assert row_names(grid.get("/classes/1/reports/grid?sort=progress").text) == ["An", "Ánh", "Đặng", "Vũ", "Dung"]


def test_a_sort_through_htmx_announces_the_new_order(grid):
    swap = grid.get("/classes/1/reports/grid?sort=progress&lang=en",
                    headers={"HX-Request": "true", "HX-Target": "grid-table"}).text
    assert swap.lstrip().startswith('<div id="grid-table"')
    assert re.search(r'<span id="grid-status" data-hx-swap-oob="innerHTML">Sorted with the least progress first\.</span>', swap)
    # Each sort link keeps its id, which is how htmx gives focus back to the one pressed.
    assert re.search(r'<a id="grid-sort-progress" [^>]*aria-current="true"', swap)
    assert re.search(r'<a id="grid-sort-name" ', swap)
    page = grid.get("/classes/1/reports/grid?lang=en").text
    assert '<p id="grid-status" class="visually-hidden" role="status"></p>' in page  # empty until a sort
    assert "Sorted by name." not in page and 'aria-sort="ascending"' in page


def _csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
