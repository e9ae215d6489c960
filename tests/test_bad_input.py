"""Input no honest page sends gets a clear 400 or 404 and changes nothing;
content beyond any honest need is refused by name; what the server writes
(absolute links, logs, the database file) gives nothing away."""
from __future__ import annotations

import logging
import os
import stat
import threading

import pytest
import yaml
from sqlalchemy import text
from sqlmodel import select

from edu.models import QuizAnswer, Student
from edu.web.db import get_session, make_engine, upgrade

QUIZ = "/quizzes/first-quiz"


@pytest.fixture
def teacher_app(make_app):
    return make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)


@pytest.mark.parametrize("url", [
    "/classes/99999999999999999999", "/classes/2147483648/reports/grid", "/classes/1/reports/students/9223372036854775808",
])
def test_ids_past_any_database_integer_are_not_found(teacher_app, sign_up, url):
    teacher = sign_up(teacher_app, "t@school.example")
    teacher.post("/classes/new", data={"name": "7A", "language": "vi"})
    assert teacher.get(url).status_code == 404


@pytest.mark.parametrize("where", ["form", "query"])
def test_nul_bytes_are_refused_before_they_reach_the_database(app, where):
    client = app.test_client()
    if where == "form":
        response = client.post("/join", data={"code": "ACDEFG", "display_name": "Lan\x00"})
    else:
        response = client.get("/lessons/?topic=scams%00")
    assert response.status_code == 400
    with app.app_context():
        assert get_session().exec(select(Student)).all() == []


@pytest.mark.parametrize("confidence", ["²", "7５", "1e2"])
def test_unicode_digits_in_an_answer_are_refused(client, app, page_form, confidence):
    client.post("/quizzes/recognition/start")
    form = page_form(app, "recognition", "bank-sms", "scam", confidence=confidence)
    response = client.post("/quizzes/recognition/answer", data=form)
    assert response.status_code == 400
    with app.app_context():
        assert get_session().exec(select(QuizAnswer)).all() == []


# --- content beyond any honest need ----------------------------------------------------------

def test_a_huge_lesson_is_refused_by_name(content, problems):
    lesson = content / "lessons" / "first-lesson" / "en.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "word " * 2_100_000, encoding="utf-8")
    found = problems(content)
    assert any(p.startswith("lessons/first-lesson/en.md: is ") and "the limit is 200,000" in p for p in found), found


@pytest.mark.parametrize("depth, problem", [
    (100, "quizzes/deep.yaml: nests deeper than 25 levels"),
    (50_000, "quizzes/deep.yaml: line 1: invalid YAML: exceeded maximum nesting depth"),  # libyaml's own limit
])
def test_deeply_nested_yaml_is_refused_by_name(content, problems, depth, problem):
    (content / "quizzes" / "deep.yaml").write_text("title: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    assert problem in problems(content)


def test_an_impossible_follower_count_is_a_content_problem(content, problems):
    path = content / "quizzes" / "recognition.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    social = next(q for q in data["questions"] if q.get("mockup", {}).get("kind") == "social")
    social["mockup"]["followers"] = 10**29
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert any(p.startswith("quizzes/recognition.yaml: questions[") and p.endswith(
        "mockup.followers: Input should be less than or equal to 10000000000") for p in problems(content)), problems(content)


# --- what the server writes ---------------------------------------------------------------------

def test_absolute_links_use_the_configured_base_not_the_host_header(teacher_app, sign_up):
    teacher = sign_up(teacher_app, "t@school.example")
    teacher.post("/classes/new", data={"name": "7A", "language": "vi"})
    teacher.set_cookie("session", teacher.get_cookie("session").value, domain="evil.example")
    sheet = teacher.get("/classes/1/join-sheet", base_url="http://evil.example").text
    assert ">https://lachan.example/join</strong>" in sheet and "evil.example" not in sheet
    page = teacher.get("/classes/1?lang=en", base_url="http://evil.example").text  # "Students go to ..."
    assert "Students go to https://lachan.example/join and" in page and "evil.example" not in page


def test_database_errors_in_the_log_carry_no_parameters(app, caplog):
    with app.app_context(), caplog.at_level(logging.ERROR):
        db = get_session()
        try:
            db.execute(text("INSERT INTO nowhere (name) VALUES (:name)"), {"name": "Nguyễn Thị Lan"})
        except Exception as error:  # noqa: BLE001 (any driver error: its text is what would be logged)
            logging.getLogger("test").error("failed: %s", error)
    assert "Nguyễn Thị Lan" not in caplog.text and "hidden due to hide_parameters" in caplog.text


def test_the_sqlite_file_is_readable_by_its_owner_only(tmp_path):
    """The embedded default, whichever engine this run's other tests use."""
    path = tmp_path / "new.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_workers_migrating_one_new_sqlite_file_at_once_all_start(tmp_path):
    """gunicorn without --preload: every worker creates the app, and so migrates."""
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    failures = []

    def migrate():
        try:
            upgrade(make_engine(url))
        except Exception as error:  # noqa: BLE001 (whatever breaks, the test must see it)
            failures.append(error)

    workers = [threading.Thread(target=migrate) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert failures == []
