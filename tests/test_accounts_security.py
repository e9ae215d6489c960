"""Staff accounts under attack: parallel guesses, sign-in floods, hostile
`next` values, sessions that must end everywhere, racing invites."""
from __future__ import annotations

import re
import threading
from urllib.parse import quote, urlsplit

import pytest
from sqlmodel import select

from edu.config import load_config
from edu.models import AuditEvent, User
from edu.services import accounts
from edu.web.db import get_session

PARALLEL = 12
ALERT = re.compile(r'<p class="alert alert-error" role="alert">([^<]*)</p>')


def in_parallel(action, count=PARALLEL):
    """Run action(i) in `count` threads released at the same moment; their results."""
    start, results = threading.Barrier(count), [None] * count

    def run(i):
        start.wait()
        results[i] = action(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def signin(client, email, password, query=""):
    return client.post(f"/auth/signin{query}", data={"email": email, "password": password})


def user_named(app, email) -> User:
    with app.app_context():
        return get_session().exec(select(User).where(User.email == email)).one()


def make_admin(app, password, email="boss@school.example"):
    result = app.test_cli_runner().invoke(args=["users", "create-admin", email, "--password", password])
    assert result.exit_code == 0, result.output
    admin = app.test_client()
    assert signin(admin, email, password).status_code == 302
    return admin


def copy_of(app, client):
    """Another browser holding the same session cookie (a stolen or shared copy)."""
    other = app.test_client()
    other.set_cookie("session", client.get_cookie("session").value)
    return other


def signed_in(client) -> bool:
    return client.get("/classes/").status_code == 200


@pytest.fixture
def open_app(make_app):
    return make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True, RATELIMIT_SIGNIN="1000 per minute")


# --- sign-in: lockout, ceiling per address, one answer for every failure ---------------

def test_parallel_wrong_passwords_lock_the_account_and_lose_no_count(open_app, sign_up, password):
    sign_up(open_app, "lan@school.example")
    statuses = in_parallel(lambda i: signin(open_app.test_client(), "lan@school.example", f"wrong guess {i}").status_code)
    assert statuses == [400] * PARALLEL
    user = user_named(open_app, "lan@school.example")
    assert user.failed_signins == accounts.LOCK_AFTER and user.locked_until is not None
    assert signin(open_app.test_client(), "lan@school.example", password).status_code == 400  # locked


def test_sign_in_posts_have_a_ceiling_per_address(make_app, clock, tmp_path):
    defaults = load_config(tmp_path / "instance")
    assert defaults["RATELIMIT_SIGNIN_ADDRESS"] == "60 per 10 minutes" and defaults["STAFF_IDLE_HOURS"] == 8
    app = make_app(WTF_CSRF_ENABLED=False, RATELIMIT_SIGNIN_ADDRESS="3 per 10 minutes")
    client = app.test_client()
    statuses = [signin(client, f"random{i}@nowhere.example", "a guess!").status_code for i in range(4)]
    assert statuses == [400, 400, 400, 429]
    elsewhere = app.test_client()
    elsewhere.environ_base["REMOTE_ADDR"] = "10.1.2.3"
    assert signin(elsewhere, "random9@nowhere.example", "a guess!").status_code == 400
    assert client.get("/auth/signin").status_code == 200  # only posts count
    clock.shift(10 * 60 - 1)
    assert signin(client, "random5@nowhere.example", "a guess!").status_code == 429
    clock.shift(2)
    assert signin(client, "random6@nowhere.example", "a guess!").status_code == 400


def test_unknown_wrong_and_locked_get_the_same_answer_and_the_same_work(open_app, sign_up, password, monkeypatch):
    sign_up(open_app, "lan@school.example")
    sign_up(open_app, "hoa@school.example")
    for _ in range(accounts.LOCK_AFTER):
        signin(open_app.test_client(), "hoa@school.example", "wrong guess")
    hashes = []
    real_check = accounts.check_password_hash
    monkeypatch.setattr(accounts, "check_password_hash", lambda *a: hashes.append(1) or real_check(*a))
    cases = [("nobody@school.example", password), ("lan@school.example", "wrong guess"),
             ("hoa@school.example", password), ("hoa@school.example", "wrong guess")]
    for lang in ("en", "vi"):
        answers = set()
        for email, guess in cases:
            hashes.clear()
            response = signin(open_app.test_client(), email, guess, f"?lang={lang}")
            assert response.status_code == 400 and len(hashes) == 1, email
            answers.update(ALERT.findall(response.text))
        assert len(answers) == 1, answers
    assert "do not match an account, or the account is locked for 15 minutes" in signin(
        open_app.test_client(), "x@y.example", "z", "?lang=en").text


# --- where sign-in leads ----------------------------------------------------------------

HOSTILE_NEXT = [
    "/%09/evil.example/", "/%0a/evil.example/", "/%0d/evil.example/", "/%0d%0aSet-Cookie:x=1", "%09//evil.example",
    "/%5Cevil.example", "/%5C%5Cevil.example", "%5C%5Cevil.example", "//evil.example", "///evil.example",
    "%2F%2Fevil.example", "/%2F%2Fevil.example", "http://evil.example/", "https:evil.example", "http:/evil.example",
    "javascript:alert(1)", "/%00/evil.example", "/%E3%80%80/evil.example", "/%C2%A0/evil.example",
    "/%E2%80%8B/evil.example", "/%E2%80%A8/evil.example", "%20//evil.example", "/ /evil.example",
]


def test_sign_in_goes_only_to_paths_on_this_site(open_app, sign_up, password):
    sign_up(open_app, "lan@school.example")
    for hostile in HOSTILE_NEXT:
        response = signin(open_app.test_client(), "lan@school.example", password, f"?next={hostile}")
        if "%00" in hostile:  # a NUL byte is refused before any view (edu/web/inputs.py)
            assert response.status_code == 400, hostile
            continue
        assert response.status_code == 302, hostile
        # What a browser makes of it: tabs and newlines dropped, backslashes read as slashes.
        seen = re.sub(r"[\t\n\r]", "", response.location).replace("\\", "/")
        assert seen == "/classes/" and not urlsplit(seen).netloc, (hostile, response.location)
    for fine in ("/classes/", "/lessons/first-lesson?lang=en", "/reports/1/quiz/x?sort=name&dir=desc"):
        assert signin(open_app.test_client(), "lan@school.example", password, f"?next={quote(fine)}").location == fine


# --- sessions ---------------------------------------------------------------------------

def test_sign_out_ends_every_copy_of_the_session(open_app, sign_up):
    teacher = sign_up(open_app, "lan@school.example")
    other = copy_of(open_app, teacher)
    assert signed_in(other)
    page = teacher.post("/auth/signout?lang=en", follow_redirects=True)
    assert "signed out on every device" in page.text
    assert not signed_in(teacher) and not signed_in(other)


def test_password_change_ends_other_copies_and_keeps_this_one(open_app, sign_up, password):
    teacher = sign_up(open_app, "lan@school.example")
    other = copy_of(open_app, teacher)
    new = "another long passphrase"
    assert teacher.post("/auth/password", data={"current": password, "password": new, "confirm": new}).status_code == 302
    assert signed_in(teacher) and not signed_in(other)


def test_a_session_idle_longer_than_a_working_day_ends(open_app, sign_up, clock):
    teacher = sign_up(open_app, "lan@school.example")
    for _ in range(3):  # in use all day: it stays
        clock.shift(7 * 3600)
        assert signed_in(teacher)
    clock.shift(9 * 3600)
    response = teacher.get("/classes/")
    assert response.status_code == 302 and response.location.startswith("/auth/signin")


def test_sign_in_and_out_leave_nothing_of_the_last_person(open_app, sign_up, password):
    shared_pc = open_app.test_client()
    shared_pc.post("/quizzes/first-quiz/start")  # a pupil was here
    with shared_pc.session_transaction() as session:
        assert "learner" in session
    sign_up(open_app, "lan@school.example")
    assert signin(shared_pc, "lan@school.example", password).status_code == 302
    with shared_pc.session_transaction() as session:
        assert "learner" not in session
    shared_pc.post("/quizzes/first-quiz/start")
    shared_pc.post("/auth/signout")
    with shared_pc.session_transaction() as session:
        assert set(session) <= {"_flashes"}


def test_admin_turns_a_teacher_off_and_on(open_app, sign_up, password):
    admin = make_admin(open_app, password)
    teacher = sign_up(open_app, "lan@school.example")
    lan = user_named(open_app, "lan@school.example")
    page = admin.get("/admin/staff?lang=en").text
    assert "lan@school.example" in page and "boss@school.example" in page and "This is you" in page
    assert admin.post(f"/admin/staff/{lan.id}/disable").status_code == 302
    assert not signed_in(teacher)
    refused = signin(open_app.test_client(), "lan@school.example", password, "?lang=en")
    assert refused.status_code == 400 and "turned off by an admin" in refused.text
    assert admin.post(f"/admin/staff/{lan.id}/enable").status_code == 302
    assert not signed_in(teacher)  # turning it on again brings back no old session
    assert signin(open_app.test_client(), "lan@school.example", password).status_code == 302
    with open_app.app_context():
        events = [(e.action, e.detail) for e in get_session().exec(select(AuditEvent).order_by(AuditEvent.id)).all()]
    assert events[-2:] == [("staff.disable", "lan@school.example"), ("staff.enable", "lan@school.example")]


def test_staff_page_is_for_admins_and_never_turns_off_yourself(open_app, sign_up, password):
    admin = make_admin(open_app, password)
    boss = user_named(open_app, "boss@school.example")
    self_off = admin.post(f"/admin/staff/{boss.id}/disable?lang=en")
    assert self_off.status_code == 400 and "cannot turn off your own account" in self_off.text
    assert user_named(open_app, "boss@school.example").disabled_at is None and signed_in(admin)
    assert admin.post("/admin/staff/999/disable").status_code == 404
    teacher = sign_up(open_app, "lan@school.example")
    assert teacher.get("/admin/staff").status_code == 404
    assert teacher.post(f"/admin/staff/{boss.id}/disable").status_code == 404
    assert user_named(open_app, "boss@school.example").disabled_at is None


def test_staff_buttons_need_the_csrf_token(make_app, password):
    app = make_app()  # CSRF on
    with app.app_context():
        for email, role in (("boss@school.example", "admin"), ("lan@school.example", "teacher")):
            accounts.create_user(get_session(), email, password, role=role)
        get_session().commit()
    lan = user_named(app, "lan@school.example")
    admin = app.test_client()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', admin.get("/auth/signin").text).group(1)
    assert admin.post("/auth/signin", data={"email": "boss@school.example", "password": password,
                                            "csrf_token": token}).status_code == 302
    assert admin.post(f"/admin/staff/{lan.id}/disable").status_code == 400
    assert admin.post("/auth/signout").status_code == 400 and signed_in(admin)
    assert user_named(app, "lan@school.example").disabled_at is None
    token = re.search(r'name="csrf_token" value="([^"]+)"', admin.get("/admin/staff").text).group(1)  # a new session, a new token
    assert admin.post(f"/admin/staff/{lan.id}/disable", data={"csrf_token": token}).status_code == 302
    assert user_named(app, "lan@school.example").disabled_at is not None


# --- invites ----------------------------------------------------------------------------

def test_one_invite_makes_one_account_however_many_send_it_at_once(make_app, password):
    app = make_app(WTF_CSRF_ENABLED=False)
    admin = make_admin(app, password)
    link = re.search(r'<code class="invite-link">([^<]+)</code>', admin.post("/admin/invites").text).group(1)
    path = link.removeprefix("https://lachan.example")  # BASE_URL in the tests

    def redeem(i):
        response = app.test_client().post(f"{path}?lang=en", data={
            "email": f"teacher{i}@school.example", "password": password, "confirm": password})
        return response.status_code, "not valid any more" in response.text

    results = in_parallel(redeem)
    assert sorted(status for status, _ in results).count(302) == 1
    assert all(invalid for status, invalid in results if status != 302)
    with app.app_context():
        assert len(get_session().exec(select(User).where(User.role == "teacher")).all()) == 1
