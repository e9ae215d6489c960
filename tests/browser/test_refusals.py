"""A refused or lost answer with JavaScript on: a short message beside the
form, the student's choice still marked, and the answer goes through once
they try again. Never a whole error page inside the quiz, never a button
that silently does nothing."""
import re

import pytest
from playwright.sync_api import expect

WORDS = {
    "vi": {"start": "Bắt đầu làm bài", "check": "Kiểm tra đáp án", "expired": "Biểu mẫu đã hết hạn",
           "lost": "Chưa gửi được.", "feedback": re.compile("Chính xác|Chưa đúng")},
    "en": {"start": "Start the quiz", "check": "Check my answer", "expired": "This form has expired",
           "lost": "That did not work.", "feedback": re.compile("Correct|Not quite")},
}


def start(page, live_server, lang):
    page.goto(f"{live_server.url}/quizzes/scam-messages?lang={lang}")
    page.get_by_role("button", name=WORDS[lang]["start"]).click()
    page.wait_for_load_state("load")
    choice = page.locator('input[name="choice"]').first
    choice.check()
    return choice


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_expired_session_is_said_beside_the_form_and_keeps_the_choice(page, live_server, lang):
    choice = start(page, live_server, lang)
    page.context.clear_cookies(name="session")  # the session ended: its CSRF token is no longer valid
    page.get_by_role("button", name=WORDS[lang]["check"]).click()
    status = page.locator("#quiz-panel-status")
    expect(status).to_contain_text(WORDS[lang]["expired"])
    expect(status.locator("p")).to_be_focused()
    expect(choice).to_be_checked()  # the form is still there, as the student left it
    expect(page.locator("#quiz-panel h1")).to_have_count(0)  # no error page swapped into the panel
    expect(page.get_by_role("button", name=WORDS[lang]["check"])).to_be_enabled()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_dropped_connection_is_said_and_the_retry_goes_through(page, live_server, lang):
    choice = start(page, live_server, lang)
    page.route("**/answer", lambda route: route.abort("internetdisconnected"))
    check = page.get_by_role("button", name=WORDS[lang]["check"])
    check.click()
    expect(page.locator("#quiz-panel-status")).to_contain_text(WORDS[lang]["lost"])
    expect(choice).to_be_checked()
    page.unroute("**/answer")
    check.click()
    expect(page.locator(".feedback-title")).to_contain_text(WORDS[lang]["feedback"])
