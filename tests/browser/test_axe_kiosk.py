"""axe-core finds nothing on the kiosk's screens (set-up, attract, language,
a question fresh and refused, its feedback, the result before and after a
nickname, "Are you still there?", and a device that is not a kiosk), in both
languages, at 360x740 and 1920x1080 (tests/browser/axe.py). JavaScript on:
a kiosk runs with it, and its pages keep a <noscript> idle refresh for when
it does not."""
import pytest
from playwright.sync_api import expect

from .axe import Auditor, audit_context
from .kiosk import WORDS, answer_something, make_kiosk


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_kiosk_screens(browser, live_server, lang):
    audit, context = Auditor(True), audit_context(browser, True)
    page = context.new_page()
    page.clock.install()
    page.goto(live_server.url + make_kiosk(live_server.app, language=lang))
    audit(page, "set-up")
    page.locator("form button[type=submit]").click()
    expect(page.locator("#kiosk-screen[data-screen=attract]")).to_be_visible()
    audit(page, "attract")
    page.locator(".kiosk-start").click()
    expect(page.locator("#kiosk-screen[data-screen=language]")).to_be_visible()
    audit(page, "language")
    page.get_by_role("button", name=WORDS[lang]["language"]).click()
    expect(page.locator("#kiosk-screen[data-screen=question]")).to_be_visible()
    audit(page, "question")
    page.evaluate("document.querySelectorAll('[required]').forEach(el => el.required = false)")  # past the browser's own check
    page.get_by_role("button", name=WORDS[lang]["check"]).click()
    expect(page.locator("#answer-error")).to_be_visible()
    audit(page, "question refused: nothing chosen")
    answer_something(page, lang)
    audit(page, "feedback")
    page.clock.run_for(61_000)
    expect(page.locator("#still-there")).to_be_visible()
    audit(page, "are you still there?")
    page.locator("#still-there button").click()
    for number in range(1, 5):
        page.locator("#kiosk-screen .kiosk-actions a").click()
        expect(page.locator("#kiosk-screen[data-screen=question]")).to_be_visible()
        answer_something(page, lang)
    page.locator("#kiosk-screen .kiosk-actions a").click()
    expect(page.locator("#kiosk-screen[data-screen=result]")).to_be_visible()
    audit(page, "result")
    page.locator(".kiosk-nicknames button").first.click()
    expect(page.locator(".kiosk-nicknames")).to_have_count(0)
    audit(page, "result, on today's board")
    other = audit_context(browser, True).new_page()
    other.goto(f"{live_server.url}/kiosk/?lang={lang}")
    audit(other, "not a kiosk")
    other.context.close()
    context.close()
    audit.assert_clean()
