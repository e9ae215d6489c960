"""Entering a contest round in a browser, in both languages: a teacher enrols
a class and opens its code sheet (one card and QR code per student); a
student who is not in a class enters with the round's public code and the
teacher of their school confirms; and a student's whole journey without
JavaScript, from the public code to their round.

The school, contest and round are made in the live server's database (the
organiser's pages have tests of their own)."""
from __future__ import annotations

import re
import uuid
from datetime import timedelta
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from edu.models import Contest, ContestRound, School, User, utcnow
from edu.services import codes
from edu.web.db import get_session

PERSONAL_CODE = re.compile(r"^[A-Z0-9]{5}-[A-Z0-9]{5}$")


@pytest.fixture
def contest_round(live_server):
    """A school in Hà Nội and a round open to everyone in grades 6 to 8,
    open now for a day: (school id and name, round id, public code)."""
    tag = uuid.uuid4().hex[:8]
    with live_server.app.app_context():
        db = get_session()
        organiser = User(email=f"org-{tag}@example.org", password_hash="x", role="organiser")
        school = School(name=f"THCS Hoa Sen {tag}", province="Hà Nội")
        db.add_all([organiser, school])
        db.flush()
        contest = Contest(organiser_id=organiser.id, title_vi="An toàn thông tin", title_en="Information security",
                          grades="6,7,8")
        db.add(contest)
        db.flush()
        now = utcnow()
        round_ = ContestRound(contest_id=contest.id, name_vi=f"Vòng trường {tag}", name_en=f"School round {tag}",
                              opens_at=now - timedelta(hours=1), closes_at=now + timedelta(days=1),
                              time_limit_minutes=30, draw='{"kind": "fixed", "questions": []}',
                              public_code=codes.random_code(8))
        db.add(round_)
        db.commit()
        return SimpleNamespace(school_id=school.id, school=school.name, round_id=round_.id, code=round_.public_code,
                               name={"vi": round_.name_vi, "en": round_.name_en})


def link_school(live_server, email: str, school_id: int) -> None:
    """The teacher's school, as an organiser confirmed it (browser/test_contest_round confirms on the page)."""
    with live_server.app.app_context():
        db = get_session()
        teacher = db.exec(select(User).where(User.email == email)).one()
        teacher.school_id, teacher.school_confirmed_at = school_id, utcnow()
        db.commit()


def join_class(browser, base: str, lang: str, code: str, name: str) -> None:
    student = browser.new_context().new_page()
    student.goto(f"{base}/join?lang={lang}")
    student.locator("#code").fill(code)
    student.locator("#display_name").fill(name)
    student.locator("form.stack button[type=submit]").click()
    expect(student.locator(".join-code")).to_be_visible()
    student.context.close()


def ask_to_enter(page, base: str, lang: str, round_, name: str) -> str:
    """The public-code steps (GET forms for the code and the province), then
    the entry: the personal code the page shows once."""
    page.goto(f"{base}/contest/join?lang={lang}")
    page.locator("#code").fill(round_.code.lower())
    page.locator("form.stack button[type=submit]").click()
    page.locator("#province-filter").select_option("Hà Nội")
    page.locator("#province-form button[type=submit]").click()
    page.locator("#school").select_option(label=round_.school)
    page.locator("#grade").select_option("7")
    page.locator("#class_name").fill("7B")
    page.locator("#display_name").fill(name)
    page.locator("form.stack button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/contest/joined"))
    expect(page.locator("html")).to_have_attribute("lang", lang)
    code = page.locator("#personal-code").inner_text().strip()
    assert PERSONAL_CODE.match(code), code
    return code


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_teacher_enrols_a_class_prints_its_codes_and_confirms_a_public_entrant(browser, live_server, open_class,
                                                                                contest_round, lang):
    base, email = live_server.url, f"enrol-{lang}-{uuid.uuid4().hex[:6]}@school.example"
    teacher = browser.new_context().new_page()
    code = open_class(teacher, base, lang, email, f"7A {lang}")  # a class without a grade
    link_school(live_server, email, contest_round.school_id)
    for name in ("Lan", "Minh"):
        join_class(browser, base, lang, code, name)

    # The round is listed for the teacher's school; the class needs a grade before it is entered.
    teacher.goto(f"{base}/contests/?lang={lang}")
    teacher.get_by_role("link", name=contest_round.name[lang]).click()
    enrol = teacher.locator("form.filters", has=teacher.locator("select"))
    enrol.locator("select").select_option("7")
    enrol.locator("button[type=submit]").click()
    expect(teacher.locator(".alert-success")).to_contain_text("7A")

    # The code sheet: one card per student, each with its code and a QR code to the entry page, in the
    # class's language (open_class leaves it at Vietnamese), whatever the teacher reads.
    teacher.locator("#sheets a").first.click()
    expect(teacher.locator("html")).to_have_attribute("lang", "vi")
    cards = teacher.locator(".code-card")
    expect(cards).to_have_count(2)
    expect(cards.first.locator(".qr svg")).to_be_visible()
    expect(cards.nth(1).locator(".qr svg")).to_be_visible()
    expect(cards.first).to_contain_text("Lan")
    expect(cards.first).to_contain_text(contest_round.name["vi"])
    assert PERSONAL_CODE.match(cards.first.locator(".code").inner_text().strip())

    # A student not in the teacher's classes asks to enter with the round's code...
    student = browser.new_context().new_page()
    personal = ask_to_enter(student, base, lang, contest_round, f"Hoa {lang}")

    # ...and the teacher of her school confirms her, and sees the code to hand over.
    teacher.goto(f"{base}/contests/pending?lang={lang}")
    row = teacher.locator("#pending tbody tr", has_text=f"Hoa {lang}")
    expect(row).to_contain_text("7B")
    row.locator('form[action$="/confirm"] button').click()
    expect(teacher.locator("#personal-code")).to_have_text(personal)

    # The student goes to her round, entered.
    student.locator(f'a[href="/contest/rounds/{contest_round.round_id}"]').click()
    expect(student).to_have_url(re.compile(rf"/contest/rounds/{contest_round.round_id}$"))
    for page in (teacher, student):
        page.context.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_student_enters_and_continues_on_another_device_without_javascript(browser, live_server, no_js_page,
                                                                              contest_round, lang):
    base = live_server.url
    personal = ask_to_enter(no_js_page, base, lang, contest_round, f"Khoa {lang}")
    no_js_page.locator(f'a.button[href="/contest/rounds/{contest_round.round_id}"]').click()
    expect(no_js_page).to_have_url(re.compile(rf"/contest/rounds/{contest_round.round_id}$"))

    # Another device, still without JavaScript: a wrong code is refused; the personal code, typed loosely, enters.
    other = browser.new_context(java_script_enabled=False).new_page()
    other.goto(f"{base}/contest/enter?lang={lang}")
    other.locator("#code").fill("ACDEF-GHJKM")
    other.locator("form.stack button[type=submit]").click()
    expect(other.locator(".alert-error")).to_be_visible()
    other.locator("#code").fill(personal.lower().replace("-", " "))
    other.locator("form.stack button[type=submit]").click()
    expect(other).to_have_url(re.compile(rf"/contest/rounds/{contest_round.round_id}$"))

    # A third, as the sheet's QR code opens it: the code is filled in.
    third = browser.new_context(java_script_enabled=False).new_page()
    third.goto(f"{base}/contest/enter?code={personal}&lang={lang}")
    expect(third.locator("#code")).to_have_value(personal)
    third.locator("form.stack button[type=submit]").click()
    expect(third).to_have_url(re.compile(rf"/contest/rounds/{contest_round.round_id}$"))
    for page in (other, third):
        page.context.close()
