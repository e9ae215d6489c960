"""Teacher accounts, classes, students joining, and who may see what."""
from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from edu.web.db import get_session
from edu.models import Student, User
from edu.config import load_config
from edu.services import accounts, codes


@pytest.fixture
def app(make_app):
    return make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)


@pytest.fixture
def classroom(teacher):
    response = teacher.post("/classes/new", data={"name": "7A", "school": "THCS Hoa Sen", "grade": "7", "language": "vi",
                                                  "results_released": "y"})
    class_id = int(response.location.rsplit("/", 1)[1])
    for item in ("quiz:first-quiz", "lesson:first-lesson"):
        teacher.post(f"/classes/{class_id}/assign", data={"item": item, "due_on": "2026-12-01"})
    page = teacher.get(f"/classes/{class_id}").text
    return {"id": class_id, "code": re.search(r'id="join-code">(\w+)<', page).group(1)}


@pytest.fixture
def take_quiz(page_form):
    """take_quiz(student, answers): the student does first-quiz as homework, answering in order."""
    def take(student, answers):
        student.post("/me/quizzes/first-quiz/start")
        for question, choice in zip(("pick-one", "pick-many", "statement"), answers):
            student.post("/me/quizzes/first-quiz/answer", data=page_form(student.application, "first-quiz", question, choice))

    return take


# --- accounts -------------------------------------------------------------------

def test_signup_is_closed_unless_open_or_invited(make_app):
    app = make_app(WTF_CSRF_ENABLED=False)
    client = app.test_client()
    assert client.get("/auth/signup").status_code == 403
    assert client.get("/auth/signup/not-a-token").status_code == 404


def test_admin_from_the_command_line_invites_a_teacher_once(password, make_app):
    app = make_app(WTF_CSRF_ENABLED=False)
    result = app.test_cli_runner().invoke(args=["users", "create-admin", "Admin@School.example", "--password", password])
    assert result.exit_code == 0, result.output
    admin = app.test_client()
    assert admin.post("/auth/signin", data={"email": "admin@school.example", "password": password}).status_code == 302
    link = re.search(r'<code class="invite-link">([^<]+)</code>', admin.post("/admin/invites").text).group(1)
    assert link.startswith("https://lachan.example/auth/signup/")  # the configured base, not the Host header
    path = link.removeprefix("https://lachan.example")
    new = app.test_client()
    assert new.post(path, data={"email": "hoa@school.example", "password": password, "confirm": password}).status_code == 302
    assert app.test_client().get(path).status_code == 404  # used once
    with app.app_context():
        roles = {u.email: u.role for u in get_session().exec(select(User)).all()}
        hashes = [u.password_hash for u in get_session().exec(select(User)).all()]
    assert roles == {"admin@school.example": "admin", "hoa@school.example": "teacher"}
    assert all(h.startswith(app.config["PASSWORD_HASH_METHOD"] + "$") for h in hashes)
    teacher = app.test_client()
    teacher.post("/auth/signin", data={"email": "hoa@school.example", "password": password})
    assert teacher.get("/admin/invites").status_code == 404  # admins only


def test_passwords_are_hashed_with_scrypt_unless_configured(make_app, password, tmp_path):
    """Werkzeug's scrypt unless PASSWORD_HASH_METHOD says otherwise (the tests'
    make_app sets a cheap one); unknown emails are checked against a hash made
    the same way, so they cost the same time."""
    assert load_config(tmp_path / "instance")["PASSWORD_HASH_METHOD"] == "scrypt"
    app = make_app(PASSWORD_HASH_METHOD="scrypt")
    result = app.test_cli_runner().invoke(args=["users", "create-admin", "admin@school.example", "--password", password])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert get_session().exec(select(User.password_hash)).one().startswith("scrypt:")
    assert accounts._dummy_hash().startswith("scrypt:")
    make_app()
    assert accounts.hash_password(password).startswith("pbkdf2:") and accounts._dummy_hash().startswith("pbkdf2:")


def test_sign_in_errors_are_clear_and_translated(app, teacher, password):
    fresh = app.test_client()
    bad = fresh.post("/auth/signin?lang=en", data={"email": "lan@school.example", "password": "wrong password!"})
    assert bad.status_code == 400 and "do not match an account" in bad.text
    unknown = fresh.post("/auth/signin?lang=vi", data={"email": "nobody@school.example", "password": password})
    assert unknown.status_code == 400 and "không khớp" in unknown.text


def test_weak_or_mismatched_passwords_are_refused(app, password):
    client = app.test_client()
    short = client.post("/auth/signup?lang=en", data={"email": "a@b.example", "password": "short", "confirm": "short"})
    assert short.status_code == 400 and "at least 10 characters" in short.text
    mismatch = client.post("/auth/signup?lang=en", data={"email": "a@b.example", "password": password, "confirm": password + "x"})
    assert mismatch.status_code == 400 and "not the same" in mismatch.text


def test_change_password_and_sign_out(app, teacher, password):
    wrong = teacher.post("/auth/password?lang=en", data={"current": "nope", "password": "another passphrase", "confirm": "another passphrase"})
    assert wrong.status_code == 400 and "current password is not right" in wrong.text
    assert teacher.post("/auth/password", data={"current": password, "password": "another passphrase",
                                                "confirm": "another passphrase"}).status_code == 302
    teacher.post("/auth/signout")
    assert teacher.get("/classes/").status_code == 302
    again = app.test_client()
    assert again.post("/auth/signin", data={"email": "lan@school.example", "password": "another passphrase"}).status_code == 302


def test_sign_in_never_redirects_off_site(app, teacher, password):
    client = app.test_client()
    response = client.post("/auth/signin?next=//evil.example/x", data={"email": "lan@school.example", "password": password})
    assert response.location == "/classes/"


# --- classes and students ----------------------------------------------------------

def test_join_codes_are_short_and_unambiguous(classroom):
    assert len(classroom["code"]) == codes.JOIN_CODE_LENGTH
    assert set(classroom["code"]) <= set(codes.ALPHABET)
    assert not set("0O1IL2Z5S8B") & set(codes.ALPHABET)


def test_student_joins_with_code_and_name_only(app, classroom, join):
    student, personal = join(app, classroom["code"].lower(), "  Lan   Anh ")
    with app.app_context():
        [row] = get_session().exec(select(Student)).all()
    assert row.display_name == "Lan Anh"
    assert personal.replace("-", "") not in row.reentry_hash  # only a keyed hash is kept
    me = student.get("/me?lang=en").text
    assert "Hello, Lan Anh" in me and "The first quiz" in me and "The first lesson" in me


def test_a_student_gets_the_class_language_unless_they_chose_one(app, teacher):
    class_url = teacher.post("/classes/new", data={"name": "8B", "language": "en"}).location
    code = re.search(r'id="join-code">(\w+)<', teacher.get(class_url).text).group(1)
    student = app.test_client()
    response = student.post("/join", data={"code": code, "display_name": "Tú"})
    assert any(c.startswith("lang=en;") for c in response.headers.getlist("Set-Cookie"))
    assert '<html lang="en">' in student.get("/me").text
    chooser = app.test_client()
    chooser.get("/?lang=vi")
    joined = chooser.post("/join", data={"code": code, "display_name": "Vy"})
    assert joined.status_code == 303
    assert not any(c.startswith("lang=") for c in joined.headers.getlist("Set-Cookie"))


def test_wrong_code_and_bad_names_change_nothing(app, classroom):
    client = app.test_client()
    wrong = client.post("/join?lang=en", data={"code": "ZZZZZZ", "display_name": "Lan"})
    assert wrong.status_code == 400 and "No class has this code" in wrong.text
    long = client.post("/join?lang=en", data={"code": classroom["code"], "display_name": "x" * 41})
    assert long.status_code == 400
    with app.app_context():
        assert get_session().exec(select(Student)).all() == []


def test_continue_on_another_device_with_the_personal_code(app, classroom, join, take_quiz):
    student, personal = join(app, classroom["code"], "Minh")
    take_quiz(student, ["b", ["x", "y"], "false"])
    other_device = app.test_client()
    assert other_device.post("/join/continue", data={"code": personal.lower().replace("-", " ")}).status_code == 303
    assert "Minh" in other_device.get("/me").text
    assert "3/3" in other_device.get("/me").text
    bad = app.test_client().post("/join/continue?lang=en", data={"code": "AAAA-AAAA"})
    assert bad.status_code == 400 and "does not match any student" in bad.text


def test_teacher_can_replace_a_lost_personal_code(app, teacher, classroom, join):
    student, old = join(app, classroom["code"], "Hoa")
    with app.app_context():
        student_id = get_session().exec(select(Student)).one().id
    page = teacher.post(f"/classes/{classroom['id']}/students/{student_id}/code").text
    new = re.search(r'class="join-code code">([A-Z0-9-]+)<', page).group(1)
    assert new != old
    assert app.test_client().post("/join/continue", data={"code": old}).status_code == 400
    assert app.test_client().post("/join/continue", data={"code": new}).status_code == 303


def test_new_join_code_and_archive(app, teacher, classroom):
    teacher.post(f"/classes/{classroom['id']}/code")
    page = teacher.get(f"/classes/{classroom['id']}").text
    new_code = re.search(r'id="join-code">(\w+)<', page).group(1)
    assert new_code != classroom["code"]
    assert app.test_client().post("/join", data={"code": classroom["code"], "display_name": "A"}).status_code == 400
    teacher.post(f"/classes/{classroom['id']}/archive", data={"value": "archive"})
    assert app.test_client().post("/join", data={"code": new_code, "display_name": "A"}).status_code == 400
    active, archived = teacher.get("/classes/?lang=en").text.split("<h2>Archived classes</h2>")
    assert ">7A</a>" in archived and ">7A</a>" not in active  # the link text: a random token may hold "7A"


def test_join_sheet_has_a_server_made_qr_code(teacher, classroom):
    sheet = teacher.get(f"/classes/{classroom['id']}/join-sheet").text
    assert "<svg" in sheet and classroom["code"] in sheet
    assert "http" not in sheet.split("<svg", 1)[1].split("</svg>")[0].replace("http://www.w3.org", "")


def test_lesson_progress_and_results_release(app, teacher, classroom, join, take_quiz, page_form):
    student, _ = join(app, classroom["code"], "Khoa")
    student.get("/lessons/first-lesson")
    student.post("/lessons/first-lesson/finished")
    teacher.post(f"/classes/{classroom['id']}/release", data={"value": "hide"})
    student.post("/me/quizzes/first-quiz/start")
    feedback = student.post("/me/quizzes/first-quiz/answer?lang=en",
                            data=page_form(app, "first-quiz", "pick-one", "a")).text
    assert "Answer saved" in feedback and "A is wrong." not in feedback
    take_quiz(student, ["a", ["x"], "true"])
    assert "will share the results" in student.get("/me/quizzes/first-quiz/result?lang=en").text
    explained = student.get("/me/quizzes/first-quiz/result/1?lang=en").text  # each question's page waits too
    assert "will share the results" in explained and "A is wrong." not in explained
    teacher.post(f"/classes/{classroom['id']}/release", data={"value": "release"})
    assert "score-value" in student.get("/me/quizzes/first-quiz/result").text
    assert "A is wrong." in student.get("/me/quizzes/first-quiz/result/1?lang=en").text


# --- reports ---------------------------------------------------------------------------

@pytest.fixture
def class_with_work(app, classroom, join, take_quiz):
    answers = [["a", ["x", "y"], "false"], ["b", ["x", "y"], "false"], ["b", ["x"], "true"],
               ["b", ["x", "y"], "false"], ["a", ["x"], "true"], ["b", ["x", "y"], "true"]]
    for index, (name, given) in enumerate(zip(["An", "Bình", "Chi", "Dũng", "Giang", "Hà"], answers)):
        student, _ = join(app, classroom["code"], name)
        take_quiz(student, given)
        student.get("/lessons/first-lesson")
        if index < 2:
            student.post("/lessons/first-lesson/finished")
    return classroom


def test_grid_shows_status_and_scores(teacher, class_with_work):
    html = teacher.get(f"/classes/{class_with_work['id']}/reports/grid?lang=en").text
    rows = dict(re.findall(r'<th scope="row"><a [^>]+>([^<]+)</a></th>(.*?)</tr>', html, re.S))
    assert "Needs help" in rows["Chi"] and "33" in rows["Chi"]  # 1 of 3 right
    assert "Done" in rows["Bình"] and "100" in rows["Bình"]
    assert rows["An"].count("Done") == 2 and "In progress" in rows["Dũng"]


def test_grid_sorting_is_an_htmx_partial(teacher, class_with_work):
    url = f"/classes/{class_with_work['id']}/reports/grid?sort=progress"
    partial = teacher.get(url, headers={"HX-Request": "true", "HX-Target": "grid-table"}).text
    assert partial.lstrip().startswith('<div id="grid-table"') and "<html" not in partial


def test_quiz_report_item_analysis(teacher, class_with_work):
    html = teacher.get(f"/classes/{class_with_work['id']}/reports/quizzes/first-quiz?lang=en").text
    assert "6 of 6 students have finished it" in html
    assert "Difficult questions" in html
    # pick-one: 4 of 6 right; the wrong option "a" was chosen twice.
    assert "Answer A: 2" in html


def test_exports_match_the_screen(teacher, class_with_work):
    base = f"/classes/{class_with_work['id']}/reports"
    raw = teacher.get(f"{base}/grid.csv?lang=vi").data
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "Học sinh" and "Bài kiểm tra đầu tiên" in rows[0]
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Bình"][rows[0].index("Bài kiểm tra đầu tiên")] == "Đã xong"
    assert by_name["Bình"][rows[0].index("Bài kiểm tra đầu tiên (%)")] == "100.0"
    assert by_name["Chi"][rows[0].index("Bài kiểm tra đầu tiên")] == "Cần hỗ trợ"  # "needs help", as on screen
    response = teacher.get(f"{base}/quizzes/first-quiz.xlsx?lang=en")
    assert response.headers["Content-Disposition"].endswith('.xlsx')
    sheet = load_workbook(io.BytesIO(response.data)).active
    header = [c.value for c in sheet[1]]
    first = [c.value for c in sheet[2]]
    assert first[header.index("Right answers (%)")] == pytest.approx(66.7)  # a number, not text
    assert isinstance(first[header.index("Answers")], int)


# --- authorization -------------------------------------------------------------------------

def teacher_urls(class_id, student_id):
    base = f"/classes/{class_id}"
    return [base, f"{base}/edit", f"{base}/join-sheet", f"{base}/reports/grid", f"{base}/reports/grid.csv",
            f"{base}/reports/grid.xlsx", f"{base}/reports/quizzes/first-quiz", f"{base}/reports/quizzes/first-quiz.csv",
            f"{base}/reports/quizzes/first-quiz.xlsx", f"{base}/reports/topics", f"{base}/reports/topics.csv",
            f"{base}/reports/topics.xlsx", f"{base}/reports/students/{student_id}",
            f"{base}/reports/students/{student_id}.csv", f"{base}/reports/students/{student_id}.xlsx"]


def teacher_posts(class_id, student_id):
    base = f"/classes/{class_id}"
    return [f"{base}/edit", f"{base}/assign", f"{base}/assignments/1/remove", f"{base}/code", f"{base}/archive",
            f"{base}/release", f"{base}/students/{student_id}/code"]


def test_every_class_url_is_a_404_for_another_teacher(app, teacher, class_with_work, sign_up):
    with app.app_context():
        student_id = get_session().exec(select(Student)).first().id
    stranger = sign_up(app, "other@school.example")
    for url in teacher_urls(class_with_work["id"], student_id):
        assert teacher.get(url).status_code == 200, url
        assert stranger.get(url).status_code == 404, url
    for url in teacher_posts(class_with_work["id"], student_id):
        assert stranger.post(url, data={"value": "archive", "name": "x", "item": "quiz:first-quiz"}).status_code == 404, url
    page = teacher.get(f"/classes/{class_with_work['id']}").text
    assert re.search(r'id="join-code">(\w+)<', page).group(1) == class_with_work["code"]  # nothing changed


def test_a_student_of_another_class_is_a_404(app, teacher, class_with_work):
    other = teacher.post("/classes/new", data={"name": "7B", "language": "vi"}).location.rsplit("/", 1)[1]
    with app.app_context():
        student_id = get_session().exec(select(Student)).first().id
    assert teacher.get(f"/classes/{other}/reports/students/{student_id}").status_code == 404


def test_students_and_strangers_never_see_teacher_pages(app, class_with_work, join):
    student, _ = join(app, class_with_work["code"], "Lạ")
    anonymous = app.test_client()
    for client in (student, anonymous):
        for url in teacher_urls(class_with_work["id"], 1):
            response = client.get(url)
            assert response.status_code == 302 and "/auth/signin" in response.location, url


def test_a_student_sees_only_their_own_work(app, class_with_work, join, take_quiz):
    first, _ = join(app, class_with_work["code"], "Một")
    take_quiz(first, ["b", ["x", "y"], "false"])
    second, _ = join(app, class_with_work["code"], "Hai")
    assert "Một" not in second.get("/me").text
    assert second.get("/me/quizzes/first-quiz/result").status_code == 303  # no result of their own yet
