"""A student's contest round in a real browser, with and without JavaScript,
in both languages: enter the personal code, start, answer (saved as chosen
with JS; by the buttons without), change an answer, lose the device and
resume on another with the same draw and less time, review what is
unanswered, submit; no score before results are published."""
import re
import uuid
from datetime import timedelta

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from edu.models import Contest, ContestDraw, ContestRound, Participant, School, User, utcnow
from edu.services import codes, draws
from edu.web.db import get_session

FIXED = ("first-quiz/pick-one", "first-quiz/statement", "recognition/bank-sms")
WORDS = {
    "vi": {"start": "Bắt đầu làm bài", "saved": "Đã lưu câu trả lời",
           "next": "Lưu và làm tiếp", "review": "Lưu và xem lại trước khi nộp", "submit": "Nộp bài",
           "submitted": "Bài của em đã được nộp", "review_link": "Xem lại và nộp bài", "answered": "Em đã trả lời 2/3 câu.", "left": "Thời gian còn lại"},
    "en": {"start": "Start the round", "saved": "Answer saved at",
           "next": "Save and go on", "review": "Save and review before submitting", "submit": "Submit my answers", "review_link": "Review and submit",
           "submitted": "Your answers are submitted", "answered": "You have answered 2 of 3 questions.",
           "left": "Time left"},
}


def _open_round(server) -> str:
    """A round open now for 30 minutes per attempt, and one confirmed participant: their personal code."""
    app = server.app
    with app.app_context():
        db = get_session()
        tag = uuid.uuid4().hex[:8]
        organiser = User(email=f"org-{tag}@example.org", password_hash="x", role="organiser")
        school = School(name=f"THCS {tag}", province="Hà Nội")
        db.add_all([organiser, school])
        db.flush()
        contest = Contest(organiser_id=organiser.id, title_vi="Cuộc thi thử", title_en="A trial contest", grades="7")
        db.add(contest)
        db.flush()
        now = utcnow()
        round_ = ContestRound(contest_id=contest.id, name_vi="Vòng trường", name_en="School round",
                              opens_at=now - timedelta(hours=1), closes_at=now + timedelta(hours=1),
                              time_limit_minutes=30, draw=draws.Draw(fixed=FIXED).to_json(), publish="manual",
                              public_code=codes.random_code(8))
        db.add(round_)
        db.flush()
        key = f"browser-{tag}"
        code = codes.contest_code(app.secret_key, round_.id, key)
        db.add(Participant(round_id=round_.id, learner_key=key, display_name="Mai", school_id=school.id, grade="7",
                           class_name="7A", identity=f"{school.id}|7|7a|mai", confirmed_at=now,
                           code_hash=codes.digest(app.secret_key, code)))
        db.commit()
        return codes.format_contest(code)


def _enter(page, base, lang, code):
    page.goto(f"{base}/contest/enter?lang={lang}")
    page.locator("#code").fill(code)
    page.locator("main form button[type=submit]").click()


def _choose(page, javascript: bool, lang: str, go: str = "next"):
    """Choose the first option of the question on screen; without JS, save it with a button."""
    page.locator("form.question-form input[name=choice]").first.check()
    if javascript:
        expect(page.locator("#answer-saved")).to_contain_text(WORDS[lang]["saved"])
    else:
        page.get_by_role("button", name=WORDS[lang][go]).click()


def _seconds_left(page) -> int:
    minutes, seconds = page.locator(".clock-value").inner_text().split(":")
    return int(minutes) * 60 + int(seconds)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_student_takes_a_round_loses_the_device_resumes_and_submits(browser, test_content_server, lang, javascript):
    base, words = test_content_server.url, WORDS[lang]
    code = _open_round(test_content_server)
    lab_pc = browser.new_context(java_script_enabled=javascript)
    page = lab_pc.new_page()
    _enter(page, base, lang, code)
    page.get_by_role("button", name=words["start"]).click()
    expect(page).to_have_url(re.compile(r"/q/1$"))
    expect(page.locator(".clock-value")).to_have_text(re.compile(r"^(30:00|29:\d\d)$"))
    first_prompt = page.locator("h2.prompt").inner_text()
    _choose(page, javascript, lang)
    if javascript:  # saved where it was chosen; move on by the numbers
        page.locator(".contest-numbers a").nth(1).click()
    expect(page).to_have_url(re.compile(r"/q/2$"))
    lab_pc.close()  # the lab PC crashes mid-round

    phone = browser.new_context(java_script_enabled=javascript, viewport={"width": 360, "height": 740})
    page = phone.new_page()
    _enter(page, base, lang, code)
    expect(page).to_have_url(re.compile(r"/q/2$"))  # at the first unanswered question
    assert _seconds_left(page) <= 30 * 60
    page.locator(".contest-numbers a").first.click()
    expect(page.locator("h2.prompt")).to_have_text(first_prompt)  # the same draw, in the same order
    expect(page.locator("form.question-form input[name=choice]").first).to_be_checked()
    page.locator(".contest-numbers a").nth(1).click()
    _choose(page, javascript, lang, go="review")
    if javascript:
        page.get_by_role("link", name=words["review_link"]).click()
    expect(page.get_by_text(words["answered"])).to_be_visible()
    expect(page.locator(".alert-warning a")).to_have_count(1)  # question 3 is listed as unanswered
    page.get_by_role("button", name=words["submit"]).click()
    expect(page.get_by_role("heading", name=words["submitted"])).to_be_visible()
    expect(page.locator(".score-value")).to_have_count(0)  # published by hand, later
    phone.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_at_time_up_the_page_leaves_the_question_and_what_was_saved_is_submitted(browser, test_content_server, lang):
    """Once started, the attempt's deadline is moved to three seconds away (as if its
    time had nearly run): the countdown reaches zero and opens the round page, where
    the server has submitted the saved answer."""
    base, words = test_content_server.url, WORDS[lang]
    code = _open_round(test_content_server)
    context = browser.new_context()
    page = context.new_page()
    _enter(page, base, lang, code)
    page.get_by_role("button", name=words["start"]).click()
    _choose(page, True, lang)
    with test_content_server.app.app_context():
        db = get_session()
        participant = db.exec(select(Participant).where(
            Participant.code_hash == codes.digest(test_content_server.app.secret_key, code))).one()
        draw = db.exec(select(ContestDraw).where(ContestDraw.participant_id == participant.id)).one()
        draw.deadline = utcnow() + timedelta(seconds=3)
        db.commit()
    page.reload()
    expect(page.get_by_role("heading", name=words["submitted"])).to_be_visible(timeout=15_000)
    expect(page).to_have_url(re.compile(r"/contest/rounds/\d+$"))
    context.close()
