"""An organiser creates a contest with two rounds (the second for the first's
qualifiers) in each language, one of them without JavaScript, and reads each
round's public code and its times in Viet Nam time; axe finds nothing on any
page on the way, refusals included."""
import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from edu.models import Contest, ContestRound, Participant, QuizAttempt, School, as_utc
from edu.web.db import get_session

from .axe import Auditor, audit_context
from .staff import sign_up_as
DATES = {"vi": "Thứ Hai, 1 tháng 3, 2027 08:00", "en": "Monday, March 1, 2027 8:00\u202fAM"}


def make_organiser(browser, live_server, lang: str, javascript: bool):
    """A teacher who signs up, then is made an organiser (as an admin would)."""
    return sign_up_as(audit_context(browser, javascript).new_page(), live_server, lang,
                      f"organiser-{lang}@school.example", "organiser")


def fill_round(page, name: str, opens: str, closes: str):
    page.locator("#name_vi").fill(f"{name} (vi)")
    page.locator("#name_en").fill(name)
    page.locator("#opens_on").fill(opens)
    page.locator("#opens_time").fill("08:00")
    page.locator("#closes_on").fill(closes)
    page.locator("#closes_time").fill("17:30")
    page.locator("#time_limit_minutes").fill("40")


@pytest.mark.parametrize("lang, javascript", [("vi", False), ("en", True)])
def test_organiser_creates_a_contest_with_two_rounds(browser, live_server, lang, javascript):
    page, audit = make_organiser(browser, live_server, lang, javascript), Auditor(javascript)
    page.goto(f"{live_server.url}/organise/?lang={lang}")
    audit(page, "no contests yet")
    page.locator('main a.button[href="/organise/contests/new"]').click()
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".field-message").first).to_be_visible()
    audit(page, "contest refused")
    page.locator("#title_vi").fill(f"Học sinh với an toàn thông tin {lang}")
    page.locator("#title_en").fill(f"Students and information security {lang}")
    page.locator("#rules_vi").fill("Mỗi thí sinh làm bài **một lần**.")
    page.locator("#rules_en").fill("Each participant has **one attempt**.")
    for grade in ("6", "7", "8", "9"):
        page.locator(f'input[name="grades"][value="{grade}"]').check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text(re.compile(r"thông tin|information security"))
    expect(page.locator(".prose strong")).to_have_text("một lần" if lang == "vi" else "one attempt")
    contest_url = page.url.split("?")[0]
    audit(page, "contest")

    # The school round: five questions on scams at the usual difficulty, results by hand.
    page.locator('main a.button[href$="/rounds/new"]').click()
    fill_round(page, "School round", "2027-03-01", "2027-03-05")
    page.locator("#pick-scams-2").fill("500")
    page.locator("main form.stack > button[type=submit]").click()
    expect(page.locator("#draw-error")).to_be_visible()
    audit(page, "round refused: too many questions")
    page.locator("#pick-scams-2").fill("5")
    page.locator('input[name="publish"][value="manual"]').check()
    page.locator("main form.stack > button[type=submit]").click()
    first_code = page.locator("#public-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{8}", first_code)
    expect(page.locator("main")).to_contain_text(DATES[lang])
    audit(page, "round")

    # The provincial round: the best three of each school come in from the school round.
    page.goto(contest_url)
    page.locator('main a.button[href$="/rounds/new"]').click()
    fill_round(page, "Provincial round", "2027-03-15", "2027-03-15")
    page.locator("#pick-scams-2").fill("8")
    page.locator('input[name="entry"][value="qualified"]').check()
    page.locator("#qualify_round").select_option(label="School round (vi)" if lang == "vi" else "School round")
    page.locator("#qualify_top_k").fill("3")
    page.locator('input[name="scope"][value="province"]').check()
    page.locator("#scope_province").select_option("Hà Nội")
    page.locator("main form.stack > button[type=submit]").click()
    second_code = page.locator("#public-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{8}", second_code) and second_code != first_code
    audit(page, "round for qualifiers")

    page.goto(contest_url)
    rows = page.locator("table.data tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text(first_code)
    expect(rows.nth(1)).to_contain_text(second_code)
    audit(page, "contest with two rounds")
    with live_server.app.app_context():
        db = get_session()
        contest = db.exec(select(Contest).where(Contest.title_en == f"Students and information security {lang}")).one()
        first, second = db.exec(select(ContestRound).where(ContestRound.contest_id == contest.id)
                                .order_by(ContestRound.position)).all()
    assert contest.grades == "6,7,8,9"
    assert (first.public_code, second.public_code) == (first_code, second_code)
    assert as_utc(first.opens_at).isoformat() == "2027-03-01T01:00:00+00:00"  # 08:00 in Viet Nam
    assert (second.entry, second.qualify_round_id, second.qualify_top_k, second.scope_province) == \
        ("qualified", first.id, 3, "Hà Nội")
    page.goto(f"{contest_url}/rounds/{second.id}/edit")
    audit(page, "editing a round")
    enter_two(live_server.app, first)
    page.goto(f"{contest_url}/rounds/{first.id}")
    expect(page.locator("#results tbody tr")).to_have_count(2)
    audit(page, "results")
    audit.assert_clean()


def enter_two(app, round_):
    """Two participants of `round_`: one who submitted 2 of 5, one not started."""
    with app.app_context():
        db = get_session()
        school = School(name=f"THCS Hoa Sen {round_.id}", province="Hà Nội")
        db.add(school)
        db.flush()
        for key in ("an", "binh"):
            db.add(Participant(round_id=round_.id, learner_key=f"{key}-{round_.id}", display_name=key.title(),
                               school_id=school.id, grade="7", class_name="7A", identity=f"{school.id}|7|7a|{key}",
                               code_hash=f"organise-{round_.id}-{key}", confirmed_at=round_.opens_at))
        db.add(QuizAttempt(learner_key=f"an-{round_.id}", quiz_slug="contest", context="contest", context_id=round_.id,
                           started_at=round_.opens_at, finished_at=round_.opens_at + timedelta(minutes=9),
                           score=2, max_score=5))
        db.commit()
