"""Setting up a kiosk device in a browser, and playing its screens, for the kiosk tests."""
from __future__ import annotations

from playwright.sync_api import Page, expect

from edu.models import Kiosk, User, utcnow
from edu.services import kiosk_devices
from edu.web.db import get_session
from tests.conftest import CLOCK_START

START = {"vi": "Chạm để bắt đầu", "en": "Touch to start"}
WORDS = {
    "vi": {"check": "Kiểm tra đáp án", "next": "Câu tiếp theo", "score": "Xem điểm của tôi", "finish": "Kết thúc",
           "still_here": "Vâng, tôi vẫn ở đây", "still_there": "Bạn vẫn ở đây chứ?", "question": "Câu {n}/{total}",
           "start_again": "Bắt đầu lại", "language": "Tiếng Việt"},
    "en": {"check": "Check my answer", "next": "Next question", "score": "See my score", "finish": "Finish",
           "still_here": "Yes, I'm still here", "still_there": "Are you still there?", "question": "Question {n} of {total}",
           "start_again": "Start again", "language": "English"},
}


def make_kiosk(app, **fields) -> str:
    """A kiosk (a mix of 5 recognition items, Vietnamese first) and its one-time set-up path."""
    with app.app_context():
        db = get_session()
        owner = User(email=f"kiosk-{utcnow().timestamp()}@campaign.example", password_hash="x", role="kiosk_staff")
        db.add(owner)
        db.flush()
        values = dict(owner_id=owner.id, name="Không Một Mình", place="Hanoi", starts_on=CLOCK_START.date(),
                      ends_on=CLOCK_START.date(), question_count=5, idle_seconds=60,
                      attract_vi="Bạn có nhận ra lừa đảo?\nThử sức 2 phút", attract_en="Can you spot a scam?\nTry it in 2 minutes")
        values.update(fields)
        kiosk = Kiosk(**values)
        db.add(kiosk)
        db.flush()
        token = kiosk_devices.new_setup_link(db, kiosk, utcnow())
        db.commit()
        return f"/kiosk/setup/{token}"


def set_up(page: Page, base: str, setup_path: str, javascript: bool = True) -> None:
    """Open the set-up link on the device and confirm: the page ends on the attract screen,
    with kiosk.js ready (a tap before htmx has loaded would be a plain link)."""
    page.goto(base + setup_path)
    page.locator("form button[type=submit]").click()
    ready = "[data-ready]" if javascript else ""
    expect(page.locator(f"#kiosk-screen{ready}[data-screen=attract]")).to_be_visible()


def answer_something(page: Page, lang: str, tap: bool = False) -> None:
    """Pick the first offered answer of whatever type the question is, and check it."""
    screen = page.locator("#kiosk-screen")
    steps = screen.locator(".question-form select")
    if steps.count():  # an ordering question: number the steps as they stand
        for number in range(steps.count()):
            steps.nth(number).select_option(str(number + 1))
    else:
        choice = screen.locator("label.option, button.part-markable, label.part-markable").first
        (choice.tap if tap else choice.click)()
    button = screen.get_by_role("button", name=WORDS[lang]["check"])
    (button.tap if tap else button.click)()
    expect(screen.locator(".feedback-title")).to_be_visible()


def start(page: Page, lang: str, tap: bool = False) -> None:
    start_link = page.locator(".kiosk-start")
    (start_link.tap if tap else start_link.click)()
    button = page.get_by_role("button", name=WORDS[lang]["language"])
    (button.tap if tap else button.click)()
    expect(page.locator("#kiosk-screen[data-screen=question]")).to_be_visible()
