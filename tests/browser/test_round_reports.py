"""A teacher on a 1366 px laptop or a 360 px phone, in Vietnamese or English,
reads their class's contest rounds in the class reports: the grid's
"Contest rounds" columns after the homework, a round still open (who has not
started, no score) and a round whose results are published (scores, the
histogram, the questions, topics), with nothing wider than the screen but
the tables' own scrolling boxes and no header split inside a word; and axe
finds nothing on those pages, with JavaScript on and off.

The live server runs on the real clock, so the rounds are placed around now:
one open for two more hours, one that closed an hour ago (published at close).
"""
from __future__ import annotations

import json
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from edu.models import Contest, ContestDraw, ContestRound, Participant, QuizAnswer, QuizAttempt, School, utcnow
from edu.services import accounts, classes, codes, contest_attempts, draws
from edu.web.db import get_session

from .axe import Auditor, audit_context
from .test_reports_words import SPLIT_WORDS, VIEWPORTS

EMAIL, PASSWORD = "round-reports@school.example", "a long enough passphrase"
REFS = ("scam-recognition/otp-new-phone", "scam-recognition/friend-loan-video", "account-security/one-password")
RIGHT = {"scam-recognition/otp-new-phone": "safe", "scam-recognition/friend-loan-video": "scam",
         "account-security/one-password": "false"}
WRONG = {"scam-recognition/otp-new-phone": "scam", "scam-recognition/friend-loan-video": "safe",
         "account-security/one-password": "true"}
NAMES = ("An", "Bình", "Chi", "Dũng", "Giang", "Hà")
WORDS = {
    "vi": {"rounds": "Các vòng thi", "waiting": "Chưa bắt đầu làm bài", "not_entered": "Chưa đăng ký dự thi",
           "later": "Điểm sẽ hiện khi kết quả được công bố.", "print": "In", "too_few": "Quá ít câu trả lời để đánh giá"},
    "en": {"rounds": "Contest rounds", "waiting": "Not started yet", "not_entered": "Not entered",
           "later": "Scores appear when the results are published.", "print": "Print",
           "too_few": "Too few answers to judge"},
}
# The page itself never scrolls sideways: only a table's own box may.
PAGE_OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def _attempt(db, library, round_, participant, answers: dict[str, str], finished_at):
    """A submitted attempt that drew every question and answered {ref: choice}."""
    attempt = QuizAttempt(learner_key=participant.learner_key, quiz_slug=f"round-{round_.id}", context="contest",
                          context_id=round_.id, seed=3, max_score=len(REFS), started_at=finished_at - timedelta(minutes=12))
    db.add(attempt)
    db.flush()
    db.add(ContestDraw(attempt_id=attempt.id, participant_id=participant.id, questions=json.dumps(list(REFS)),
                       deadline=finished_at))
    for ref, choice in answers.items():
        mark = draws.resolve(library, ref).score((choice,))
        db.add(QuizAnswer(attempt_id=attempt.id, question_id=ref, choice=choice, is_correct=mark.correct,
                          score=mark.score))
        attempt.score = (attempt.score or 0) + mark.score
    attempt.finished_at = finished_at
    db.add(attempt)


@pytest.fixture(scope="module")
def rounds_class(live_server):
    """Class "Lớp 8A" with six students. The open round: An submitted, Bình is
    answering, Chi to Giang have not started, Hà was not entered. The closed
    round: all six submitted, An and Bình all right, the others one of three."""
    app, now = live_server.app, utcnow()
    library = app.extensions["content"].library
    with app.app_context():
        db = get_session()
        teacher = accounts.create_user(db, EMAIL, PASSWORD)
        classroom = classes.create_class(db, teacher, "Lớp 8A", "", "", "vi")
        students = [classes.join(db, app.secret_key, classroom.join_code, name).student for name in NAMES]
        school = School(name="THCS Round Reports", province="Hà Nội")
        organiser = accounts.create_user(db, "round-reports-org@school.example", PASSWORD, role="organiser")
        db.add(school)
        db.flush()
        contest = Contest(organiser_id=organiser.id, title_vi="An toàn thông tin", title_en="Information security",
                          grades="8")
        db.add(contest)
        db.flush()
        made = {}
        for key, opens, closes in (("open", now - timedelta(hours=1), now + timedelta(hours=2)),
                                   ("closed", now - timedelta(hours=3), now - timedelta(hours=1))):
            round_ = ContestRound(contest_id=contest.id, name_vi=f"Vòng {key}", name_en=f"Round {key}", opens_at=opens,
                                  closes_at=closes, time_limit_minutes=30, public_code=codes.random_code(8),
                                  draw=draws.Draw(fixed=REFS).to_json())
            db.add(round_)
            db.flush()
            entered = [Participant(round_id=round_.id, learner_key=s.learner_key, display_name=s.display_name,
                                   school_id=school.id, grade="8", class_name="8A", class_id=classroom.id,
                                   identity=f"{school.id}|8|8a|{s.display_name}|{key}",
                                   code_hash=codes.digest(app.secret_key, codes.contest_code(app.secret_key, round_.id,
                                                                                             s.learner_key)),
                                   confirmed_at=opens) for s in students[:5 if key == "open" else 6]]
            db.add_all(entered)
            db.flush()
            made[key] = (round_, entered)
        round_, entered = made["open"]
        _attempt(db, library, round_, entered[0], RIGHT, now - timedelta(minutes=5))
        contest_attempts.start(db, library, round_, entered[1], contest, now - timedelta(minutes=2))
        round_, entered = made["closed"]
        for n, participant in enumerate(entered):
            answers = RIGHT if n < 2 else {**WRONG, REFS[0]: RIGHT[REFS[0]]}
            _attempt(db, library, round_, participant, answers, round_.closes_at - timedelta(minutes=20))
        db.commit()
        return {"class": classroom.id, "open": made["open"][0].id, "closed": made["closed"][0].id}


def _signed_in(context, base):
    page = context.new_page()
    page.goto(f"{base}/auth/signin?lang=en")
    page.locator("#email").fill(EMAIL)
    page.locator("#password").fill(PASSWORD)
    page.locator("#password").press("Enter")
    page.wait_for_url(f"{base}/classes/**")
    return page


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_grid_and_round_reports_read_well_on_a_laptop_and_a_phone(browser, live_server, rounds_class, lang,
                                                                       viewport):
    words = WORDS[lang]
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = _signed_in(context, live_server.url)
    base = f"{live_server.url}/classes/{rounds_class['class']}"

    page.goto(f"{base}/reports/grid?lang={lang}")
    group = page.locator("table.grid thead th[scope=colgroup]")
    expect(group).to_have_text(words["rounds"])
    expect(page.locator("table.grid thead th.kind-round[scope=col]")).to_have_count(2)
    row = page.locator("table.grid tbody tr", has=page.get_by_role("link", name="An", exact=True))
    cells = row.locator("td").all_inner_texts()
    assert cells[-2].endswith("100%") and "%" not in cells[-1]  # oldest first: closed and published, then open
    hà = page.locator("table.grid tbody tr", has=page.get_by_role("link", name="Hà", exact=True))
    assert hà.locator("td").all_inner_texts()[-1] == words["not_entered"]
    assert page.evaluate(SPLIT_WORDS) == [] and page.evaluate(PAGE_OVERFLOW) <= 0

    page.get_by_role("link", name="Information security: Round open" if lang == "en"
                     else "An toàn thông tin: Vòng open").first.click()
    waiting = page.locator("section", has=page.get_by_role("heading", name=words["waiting"]))
    expect(waiting.locator("li")).to_have_text(["Chi", "Dũng", "Giang"])
    expect(page.locator(".alert-info")).to_contain_text(words["later"])
    assert "%" not in page.locator("main").inner_text()
    assert page.evaluate(SPLIT_WORDS) == [] and page.evaluate(PAGE_OVERFLOW) <= 0

    page.goto(f"{base}/rounds/{rounds_class['closed']}?lang={lang}")
    expect(page.locator("svg.histogram")).to_be_visible()
    expect(page.get_by_role("button", name=words["print"])).to_be_visible()
    questions = page.locator("table.data").nth(1).locator("tbody tr")
    expect(questions).to_have_count(3)
    assert words["too_few"] not in page.locator("main").inner_text()  # six drew each question
    assert page.evaluate(SPLIT_WORDS) == [] and page.evaluate(PAGE_OVERFLOW) <= 0
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_axe_finds_nothing_on_the_round_reports(browser, live_server, rounds_class, lang, javascript):
    audit = Auditor(javascript)
    context = audit_context(browser, javascript)
    page = _signed_in(context, live_server.url)
    base = f"{live_server.url}/classes/{rounds_class['class']}"
    student = page.goto(f"{base}/reports/grid?lang={lang}") and \
        page.get_by_role("link", name="An", exact=True).get_attribute("href")
    for path, state in (("/reports/grid", "grid with round columns"), (f"/rounds/{rounds_class['open']}", "open round"),
                        (f"/rounds/{rounds_class['closed']}", "published round"), ("/reports/topics", "topics")):
        page.goto(f"{base}{path}?lang={lang}")
        audit(page, state)
    page.goto(f"{live_server.url}{student}?lang={lang}")
    audit(page, "student report with rounds")
    context.close()
    audit.assert_clean()
