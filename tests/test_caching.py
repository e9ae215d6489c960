"""What caches may keep: private pages nothing, a response that hands out a
cookie no shared cache (a school's proxy must never give one student's
session to another)."""
from __future__ import annotations

import re

import pytest
from sqlmodel import select

from edu.models import Student, User
from edu.web.db import get_session
from edu.web.security import PRIVATE_BLUEPRINTS, PRIVATE_ENDPOINTS


@pytest.fixture
def app(make_app):
    return make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)


def assert_private_no_store(response, what):
    cache = response.cache_control
    assert cache.no_store and cache.private and not cache.public, (what, response.headers.get("Cache-Control"))


def assert_not_shared(response, what):
    cache = response.cache_control
    assert cache.private and not cache.public, (what, response.headers.get("Cache-Control"))
    assert "cookie" in {v.lower() for v in response.vary}, (what, response.headers.get("Vary"))


@pytest.fixture
def people(app, sign_up, join, password):
    """The owning teacher (an organiser too, so contest pages are theirs) with a
    class, one student who finished the homework, and an admin."""
    teacher = sign_up(app, "lan@school.example")
    with app.app_context():
        db = get_session()
        db.exec(select(User).where(User.email == "lan@school.example")).one().role = "organiser"
        db.commit()
    class_id = int(teacher.post("/classes/new", data={"name": "7A", "language": "vi", "results_released": "y"})
                   .location.rsplit("/", 1)[1])
    teacher.post(f"/classes/{class_id}/assign", data={"item": "quiz:first-quiz"})
    code = re.search(r'id="join-code">(\w+)<', teacher.get(f"/classes/{class_id}").text).group(1)
    student, _ = join(app, code, "Khoa")
    student.post("/me/quizzes/first-quiz/start")
    for question, choice in (("pick-one", "b"), ("pick-many", ["x", "y"]), ("statement", "false")):
        student.post("/me/quizzes/first-quiz/answer", data={"question": question, "choice": choice})
    app.test_cli_runner().invoke(args=["users", "create-admin", "boss@school.example", "--password", password])
    admin = app.test_client()
    assert admin.post("/auth/signin", data={"email": "boss@school.example", "password": password}).status_code == 302
    with app.app_context():
        student_id = get_session().exec(select(Student)).one().id
    return {"teacher": teacher, "student": student, "admin": admin,
            "args": {"class_id": class_id, "student_id": student_id, "slug": "first-quiz"}}


def private_get_rules(app):
    return [rule for rule in app.url_map.iter_rules() if "GET" in rule.methods
            and (rule.endpoint.split(".")[0] in PRIVATE_BLUEPRINTS or rule.endpoint in PRIVATE_ENDPOINTS)]


def test_every_private_page_is_never_stored(app, people):
    """Every GET page of the private blueprints, built from the URL map so a
    page added later is walked too, as the person it belongs to."""
    adapter = app.url_map.bind("localhost")
    owner = {"admin": "admin", "homework": "student", "students": "student"}
    seen = set()
    for rule in private_get_rules(app):
        client = people[owner.get(rule.endpoint.split(".")[0], "teacher")]
        formats = ("csv", "xlsx") if "fmt" in rule.arguments else (None,)
        for fmt in formats:
            args = {name: people["args"].get(name, 1) for name in rule.arguments if name != "fmt"}
            url = adapter.build(rule.endpoint, args | ({"fmt": fmt} if fmt else {}))
            response = client.get(url)
            assert response.status_code < 500, (url, response.status_code)
            assert_private_no_store(response, url)  # a refusal (404) too
            if response.status_code < 400:
                seen.add(rule.endpoint)
    assert {"classes.index", "classes.show", "classes.edit", "classes.join_sheet", "reports.grid", "reports.grid_export",
            "reports.quiz", "reports.quiz_export", "reports.topics", "reports.topics_export", "reports.student",
            "reports.student_export", "admin.invites", "auth.password", "students.me", "homework.show",
            "homework.question", "homework.result", "organise.index", "organise_schools.index", "organise_schools.teachers",
            "my_school.my_school", "enrol.index"} <= seen

    base = f"/classes/{people['args']['class_id']}"
    teacher, student = people["teacher"], people["student"]
    pages = {
        "grid partial": teacher.get(f"{base}/reports/grid?sort=progress",
                                    headers={"HX-Request": "true", "HX-Target": "grid-table"}),
        "new personal code": teacher.post(f"{base}/students/{people['args']['student_id']}/code"),
        "new invite": people["admin"].post("/admin/invites"),
        "homework answer": student.post("/me/quizzes/first-quiz/answer",
                                        data={"question": "pick-one", "choice": "b"}),
        "another teacher's class": people["admin"].get(base),  # a 404 in the teacher wing
    }
    for what, response in pages.items():
        assert_private_no_store(response, what)


def test_a_response_that_sets_a_cookie_is_never_for_a_shared_cache(app, password, sign_up):
    visitor = app.test_client()
    first = visitor.get("/quizzes/first-quiz")  # makes this browser's learner key
    assert first.headers.getlist("Set-Cookie")
    assert_not_shared(first, "first visit")
    language = visitor.get("/lessons/?lang=en")  # remembers the language in a cookie
    assert any(c.startswith("lang=") for c in language.headers.getlist("Set-Cookie"))
    assert_not_shared(language, "language cookie")
    sign_up(app, "lan@school.example")
    signed_in = app.test_client().post("/auth/signin", data={"email": "lan@school.example", "password": password})
    assert signed_in.status_code == 302 and signed_in.headers.getlist("Set-Cookie")
    assert_not_shared(signed_in, "sign-in")
    untouched = app.test_client().get("/healthz")  # no cookie, nothing private: caches may keep it
    assert not untouched.headers.getlist("Set-Cookie")
    assert not untouched.cache_control.private and not untouched.cache_control.no_store

