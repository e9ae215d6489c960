"""An organiser confirms which school a teacher teaches at (issue 13): anyone
may pick any school at /my-school, so a teacher acts for it (its entrants'
names, enrolling) only once an organiser or an admin confirmed the pick on
/organise/schools/teachers. Confirming and refusing are buttons (POST, CSRF),
audited; teachers never see the page."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest
from sqlmodel import select

from edu.models import AuditEvent, School, User
from edu.services import accounts

from .database import run

PAGE = "/organise/schools/teachers"


@pytest.fixture
def app(make_app, clock):
    return make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)


def user(app, email) -> User:
    return run(app, lambda db: db.exec(select(User).where(User.email == email)).one())


def events(app) -> list[tuple[str | None, str, str]]:
    def read(db):
        emails = {u.id: u.email for u in db.exec(select(User)).all()}
        return [(emails.get(e.actor_id), e.action, e.detail) for e in db.exec(select(AuditEvent).order_by(AuditEvent.id)).all()
                if e.action.startswith("school.")]
    return run(app, read)


@pytest.fixture
def hoa_sen(app) -> int:
    def add(db):
        school = School(name="THCS Hoa Sen", province="Hà Nội", commune="Phường Ba Đình")
        db.add(school)
        db.flush()
        return school.id
    return run(app, add)


def staff(app, sign_up, email, role="teacher", school=None):
    client = sign_up(app, email)
    if role != "teacher":
        assert app.test_cli_runner().invoke(args=["users", "set-role", email, role]).exit_code == 0
    if school is not None:
        assert client.post("/my-school/", data={"school": school}).status_code == 302
    return client


def test_the_organiser_sees_who_waits_and_confirms_them(app, sign_up, hoa_sen, clock):
    organiser = staff(app, sign_up, "org@school.example", "organiser")
    staff(app, sign_up, "lan@school.example", school=hoa_sen)
    clock.shift(3600)
    staff(app, sign_up, "minh@school.example", school=hoa_sen)
    staff(app, sign_up, "khoa@school.example")  # no school: nothing to confirm
    assert re.search(r'href="/organise/schools/teachers">[^<]+</a>: 2<', organiser.get("/organise/schools/?lang=en").text)

    page = organiser.get(f"{PAGE}?lang=en")
    assert page.status_code == 200 and "no-store" in page.headers["Cache-Control"]
    rows = re.findall(r'<th scope="row">([^<]+)</th>\s*<td>([^<]+)</td>\s*<td>([^<]+)</td>\s*<td>([^<]*)</td>', page.text)
    assert [row[:3] for row in rows] == [("lan@school.example", "THCS Hoa Sen, Phường Ba Đình", "Hà Nội"),
                                         ("minh@school.example", "THCS Hoa Sen, Phường Ba Đình", "Hà Nội")]
    assert "3:00" in rows[0][3] and "4:00" in rows[1][3]  # chosen at 08:00 and 09:00 UTC, shown in Viet Nam time
    assert "khoa@school.example" not in page.text
    assert 'aria-label="Confirm lan@school.example"' in page.text

    lan = user(app, "lan@school.example")
    done = organiser.post(f"{PAGE}/{lan.id}/confirm?lang=en", follow_redirects=True)
    assert "lan@school.example is confirmed as a teacher of THCS Hoa Sen." in done.text
    assert "lan@school.example</th>" not in done.text and "minh@school.example</th>" in done.text
    confirmed = user(app, "lan@school.example")
    assert confirmed.school_confirmed_at == datetime(2026, 11, 24, 9, 0, tzinfo=timezone.utc)
    assert confirmed.school_confirmed_by == user(app, "org@school.example").id
    assert events(app) == [("org@school.example", "school.confirm",
                            f"lan@school.example: THCS Hoa Sen, Hà Nội (school {hoa_sen})")]
    # Confirmed once: pressing again (or another organiser, a moment later) changes nothing and says why.
    again = organiser.post(f"{PAGE}/{lan.id}/confirm?lang=en", follow_redirects=True)
    assert "is not waiting for confirmation any more" in again.text
    assert user(app, "lan@school.example").school_confirmed_at == confirmed.school_confirmed_at
    assert len(events(app)) == 1


def test_refusing_clears_the_teachers_school(app, sign_up, hoa_sen):
    organiser = staff(app, sign_up, "org@school.example", "organiser")
    teacher = staff(app, sign_up, "prank@mail.example", school=hoa_sen)
    prank = user(app, "prank@mail.example")
    done = organiser.post(f"{PAGE}/{prank.id}/refuse?lang=en", follow_redirects=True)
    assert "THCS Hoa Sen was removed from prank@mail.example’s account" in done.text
    assert "No teacher is waiting for confirmation." in done.text
    refused = user(app, "prank@mail.example")
    assert (refused.school_id, refused.school_chosen_at, refused.school_confirmed_at) == (None, None, None)
    assert events(app) == [("org@school.example", "school.refuse",
                            f"prank@mail.example: THCS Hoa Sen, Hà Nội (school {hoa_sen})")]
    assert "You have not chosen your school yet." in teacher.get("/my-school/?lang=en").text
    for missing in (99999, user(app, "org@school.example").id):  # nobody, or nobody waiting
        assert organiser.post(f"{PAGE}/{missing}/refuse").status_code == 303
    assert len(events(app)) == 1


def test_organisers_and_admins_confirm_their_own_school_only_by_pressing_the_button(app, sign_up, hoa_sen):
    for role in ("organiser", "admin"):
        email = f"{role}@school.example"
        client = staff(app, sign_up, email, role, school=hoa_sen)
        assert user(app, email).school_confirmed_at is None  # their own pick is a claim like anyone's
        assert "Waiting for an organiser to confirm" in client.get("/my-school/?lang=en").text
        assert client.post(f"{PAGE}/{user(app, email).id}/confirm").status_code == 303
        assert user(app, email).school_confirmed_by == user(app, email).id
        assert "An organiser confirmed that you teach here" in client.get("/my-school/?lang=en").text
    assert [action for _, action, _ in events(app)] == ["school.confirm", "school.confirm"]


def test_teachers_never_see_or_use_the_page(app, sign_up, hoa_sen):
    staff(app, sign_up, "lan@school.example", school=hoa_sen)
    lan = user(app, "lan@school.example")
    teacher = staff(app, sign_up, "minh@school.example", school=hoa_sen)
    assert teacher.get(PAGE).status_code == 404
    for action in ("confirm", "refuse"):
        assert teacher.post(f"{PAGE}/{lan.id}/{action}").status_code == 404
        assert teacher.post(f"{PAGE}/{user(app, 'minh@school.example').id}/{action}").status_code == 404
        anonymous = app.test_client().post(f"{PAGE}/{lan.id}/{action}")
        assert anonymous.status_code == 302 and "/auth/signin" in anonymous.location
    assert user(app, "lan@school.example").school_confirmed_at is None
    assert (user(app, "minh@school.example").school_id, user(app, "minh@school.example").school_confirmed_at) == (hoa_sen, None)
    assert events(app) == []


def test_confirming_and_refusing_need_the_csrf_token(make_app, password, hoa_sen, app):
    protected = make_app()  # the same database, CSRF on
    run(app, lambda db: [accounts.create_user(db, email, password, role=role)
                         for email, role in (("org@school.example", "organiser"), ("lan@school.example", "teacher"))])
    run(app, lambda db: setattr(db.exec(select(User).where(User.email == "lan@school.example")).one(),
                                "school_id", hoa_sen))
    organiser = protected.test_client()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', organiser.get("/auth/signin").text).group(1)
    organiser.post("/auth/signin", data={"email": "org@school.example", "password": password, "csrf_token": token})
    lan = user(app, "lan@school.example")
    for action in ("confirm", "refuse"):
        assert organiser.post(f"{PAGE}/{lan.id}/{action}").status_code == 400
    assert (user(app, "lan@school.example").school_id, user(app, "lan@school.example").school_confirmed_at) == (hoa_sen, None)
    token = re.search(r'name="csrf_token" value="([^"]+)"', organiser.get(PAGE).text).group(1)
    assert organiser.post(f"{PAGE}/{lan.id}/confirm", data={"csrf_token": token}).status_code == 303
    assert user(app, "lan@school.example").school_confirmed_at is not None
