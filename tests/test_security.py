"""Security headers, cookies, XSS and injection attempts."""
import re
from datetime import timedelta

import pytest
from sqlmodel import select

from edu.web.db import get_session
from edu.models import AuditEvent, Classroom, Student, User, utcnow


def test_security_headers_on_every_page(client):
    for url in ("/", "/lessons/", "/quizzes/first-quiz", "/nope"):
        headers = client.get(url).headers
        csp = headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_no_inline_scripts_or_styles_in_pages(client):
    client.post("/quizzes/first-quiz/start")
    for url in ("/", "/lessons/first-lesson", "/quizzes/first-quiz/question"):
        html = client.get(url).text
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), url
        assert " style=" not in html and "<style" not in html, url
        assert not re.search(r"\son\w+=", html), url


def test_session_cookie_flags(make_app):
    plain = make_app().test_client()
    cookie = plain.get("/").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    https = make_app(HTTPS=True).test_client()
    response = https.get("/", headers={"X-Forwarded-Proto": "https"})
    assert "Secure" in response.headers["Set-Cookie"]
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>'


def test_display_and_class_names_are_escaped(make_app, sign_up, join):
    app = make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)
    teacher = sign_up(app, "t@school.example")
    class_url = teacher.post("/classes/new", data={"name": XSS, "school": XSS, "language": "vi"}).location
    code = re.search(r'id="join-code">(\w+)<', teacher.get(class_url).text).group(1)
    teacher.post(class_url + "/assign", data={"item": "quiz:first-quiz"})
    student, _ = join(app, code, "<b>Lan</b><script>x()</script>")
    for html in (teacher.get(class_url).text, teacher.get(class_url + "/reports/grid").text,
                 teacher.get("/classes/").text, student.get("/me").text, teacher.get(class_url + "/join-sheet").text):
        assert "<script>alert(1)" not in html and "<script>x()" not in html and "<img src=x" not in html
        assert "&lt;script&gt;" in html  # shown as text


SQL = ["' OR '1'='1", "'; DROP TABLE student; --", '" OR ""="', "1; SELECT pg_sleep(5)"]


@pytest.mark.parametrize("evil", SQL)
def test_sql_injection_strings_in_every_form_field_are_just_text(make_app, sign_up, password, evil, page_form):
    app = make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)
    teacher = sign_up(app, "t@school.example")
    stranger = app.test_client()
    assert stranger.post("/auth/signin", data={"email": evil, "password": evil}).status_code == 400
    assert stranger.post("/auth/signup", data={"email": evil, "password": evil, "confirm": evil}).status_code == 400
    class_url = teacher.post("/classes/new", data={"name": evil, "school": evil, "grade": evil[:30], "language": "vi"}).location
    assert teacher.post(class_url + "/assign", data={"item": evil, "due_on": evil}).status_code == 302
    assert teacher.post("/auth/password", data={"current": evil, "password": evil, "confirm": evil}).status_code == 400
    assert stranger.post("/join", data={"code": evil, "display_name": evil}).status_code == 400
    assert stranger.post("/join/continue", data={"code": evil}).status_code == 400
    stranger.post("/quizzes/first-quiz/start")
    assert stranger.post("/quizzes/first-quiz/answer", data=page_form(stranger.application, "first-quiz", evil, evil)).status_code == 400
    assert stranger.get(f"/lessons/?topic={evil}&audience={evil}").status_code == 200
    code = re.search(r'id="join-code">(\w+)<', teacher.get(class_url).text).group(1)
    joined = app.test_client().post("/join", data={"code": code, "display_name": evil})
    assert joined.status_code == 303
    with app.app_context():
        db = get_session()
        assert db.exec(select(Classroom)).one().name == evil
        assert db.exec(select(Student)).one().display_name == " ".join(evil.split())
    assert stranger.post("/auth/signin", data={"email": "t@school.example", "password": password}).status_code == 302


def test_content_cannot_inject_script(make_app, content):
    lesson = content / "lessons/first-lesson/en.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + '\n<script>alert(1)</script>\n[x](javascript:alert(1))\n', encoding="utf-8")
    html = make_app(content_dir=content).test_client().get("/lessons/first-lesson?lang=en").text
    assert "<script>alert(1)" not in html and 'href="javascript:' not in html


# --- rate limits, lockout, audit ---------------------------------------------------------

def test_sign_in_limit_is_per_account_and_releases(make_app, sign_up, password, clock):
    app = make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True, RATELIMIT_SIGNIN="3 per minute")
    sign_up(app, "lan@school.example")
    sign_up(app, "hoa@school.example")
    client = app.test_client()
    attempts = [client.post("/auth/signin?lang=en", data={"email": "lan@school.example", "password": "wrong one!"}).status_code
                for _ in range(4)]
    assert attempts == [400, 400, 400, 429]
    limited = client.post("/auth/signin?lang=en", data={"email": "lan@school.example", "password": password})
    assert limited.status_code == 429 and "Too many tries" in limited.text and "Retry-After" in limited.headers
    # Another teacher behind the same address is not blocked.
    assert client.post("/auth/signin", data={"email": "hoa@school.example", "password": password}).status_code == 302
    clock.shift(59)  # still inside the minute, from any browser
    assert app.test_client().post("/auth/signin", data={"email": "lan@school.example", "password": password}).status_code == 429
    clock.shift(2)
    assert app.test_client().post("/auth/signin", data={"email": "lan@school.example", "password": password}).status_code == 302


def test_wrong_codes_are_limited_per_address_and_release(make_app, clock):
    app = make_app(WTF_CSRF_ENABLED=False, RATELIMIT_GUESS="3 per minute")
    client = app.test_client()
    statuses = [client.post("/join/continue", data={"code": f"AAAA-AAA{c}"}).status_code for c in "ACDE"]
    assert statuses == [400, 400, 400, 429]
    assert client.post("/join", data={"code": "ZZZZZZ", "display_name": "x"}).status_code == 429
    clock.shift(59)
    assert client.post("/join/continue", data={"code": "AAAA-AAAA"}).status_code == 429
    clock.shift(2)
    assert client.post("/join/continue", data={"code": "AAAA-AAAA"}).status_code == 400


def test_answers_are_limited_per_learner_not_per_address(make_app, clock, page_form):
    app = make_app(WTF_CSRF_ENABLED=False, RATELIMIT_ANSWERS="3 per minute")
    first, second = app.test_client(), app.test_client()
    for client in (first, second):
        client.post("/quizzes/first-quiz/start")
    statuses = [first.post("/quizzes/first-quiz/answer", data=page_form(first.application, "first-quiz", "pick-one", "a")).status_code
                for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert second.post("/quizzes/first-quiz/answer", data=page_form(second.application, "first-quiz", "pick-one", "b")).status_code == 200
    clock.shift(59)
    assert first.post("/quizzes/first-quiz/answer", data=page_form(first.application, "first-quiz", "pick-one", "a")).status_code == 429
    clock.shift(2)
    assert first.post("/quizzes/first-quiz/answer", data=page_form(first.application, "first-quiz", "pick-one", "a")).status_code == 200


def test_repeated_failures_lock_the_account(make_app, sign_up, password):
    app = make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)
    sign_up(app, "lan@school.example")
    client = app.test_client()
    for _ in range(5):
        assert client.post("/auth/signin", data={"email": "lan@school.example", "password": "wrong one!"}).status_code == 400
    locked = client.post("/auth/signin?lang=en", data={"email": "lan@school.example", "password": password})
    assert locked.status_code == 400 and "locked for 15 minutes" in locked.text
    with app.app_context():
        db = get_session()
        user = db.exec(select(User)).one()
        user.locked_until = utcnow() - timedelta(seconds=1)
        db.add(user)
        db.commit()
    assert client.post("/auth/signin", data={"email": "lan@school.example", "password": password}).status_code == 302


def test_admin_actions_are_audited(make_app, password):
    app = make_app(WTF_CSRF_ENABLED=False)
    app.test_cli_runner().invoke(args=["users", "create-admin", "boss@school.example", "--password", password])
    admin = app.test_client()
    admin.post("/auth/signin", data={"email": "boss@school.example", "password": password})
    page = admin.post("/admin/invites?lang=en").text
    assert "invite.create" in page and "admin.create" in page
    with app.app_context():
        actions = [e.action for e in get_session().exec(select(AuditEvent)).all()]
    assert actions == ["admin.create", "invite.create"]
