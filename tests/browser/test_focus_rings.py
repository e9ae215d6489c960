"""Every keyboard stop shows a focus ring of at least 3:1 against what is
around it (WCAG 2.2 focus appearance): the header's links, the page's, the
dark footer's, a quiz's options and red-flag toggles, a class page's
buttons; measured from the computed outline colour and the background it
is drawn on (tests/browser/axe.py)."""
import pytest
from playwright.sync_api import expect

from .answering import choose_first
from .axe import focus_rings

PASSWORD = "a long enough passphrase"


def assert_rings(page, state, places=("header", "main", "footer")):
    rings = focus_rings(page)
    weak = [r for r in rings if r["ring"] is None or r["ratio"] < 3]
    assert not weak, f"{state}: focus rings missing or under 3:1: {weak}"
    for place in places:
        assert any(r["where"] == place for r in rings), f"{state}: no keyboard stop in the {place}: {rings}"
    return rings


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_focus_rings_reach_three_to_one(page, live_server, test_content_server, lang):
    page.goto(f"{live_server.url}/?lang={lang}")
    rings = assert_rings(page, "home")
    assert {r["background"] for r in rings if r["where"] == "footer"} != {r["background"] for r in rings if r["where"] == "header"}

    page.goto(f"{live_server.url}/lessons/image-abuse-sextortion?lang={lang}")  # quick exit on top
    assert_rings(page, "a lesson about abuse")

    page.goto(f"{test_content_server.url}/quizzes/recognition?lang={lang}")
    page.locator("form[action$='/start'] button[type=submit]").click()
    for number in (1, 2, 3):  # a verdict with a link to point at, an email, a chat to mark
        expect(page.locator("form.question-form")).to_be_visible()  # the question's page, not still the last one
        page.wait_for_load_state("load")
        assert_rings(page, f"question {number}")
        if page.locator("button.part-markable").count():
            break
        page.locator("form.question-form input[name=choice]").first.check()
        page.locator("form.question-form button[type=submit]").click()
        expect(page.locator(".feedback-title")).to_be_focused()  # htmx settled and app.js moved focus
        assert_rings(page, f"feedback {number}")
        page.locator(".quiz-panel .actions a").click()
    assert page.locator("button.part-markable").count(), "the walk reached the red flags"

    # Red flags to mark on a dark call screen (community-scams, question 3).
    page.goto(f"{live_server.url}/quizzes/community-scams?lang={lang}")
    ages = page.locator(".age-question input[type=radio]")
    if ages.count():
        ages.last.check()
    page.locator("form[action$='/start'] button[type=submit]").click()
    for _ in range(2):
        choose_first(page)
        page.locator("form.question-form button[type=submit]").click()
        page.locator(".quiz-panel .actions a").click()
    expect(page.locator(".call-screen button.part-markable").first).to_be_visible()
    rings = assert_rings(page, "red flags on a call")
    assert any("part-markable" in r["element"] and r["background"] == "rgb(31, 42, 55)" for r in rings), rings

    page.goto(f"{live_server.url}/auth/signup?lang={lang}")
    page.locator("#email").fill(f"rings-{lang}@school.example")
    page.locator("#password").fill(PASSWORD)
    page.locator("#confirm").fill(PASSWORD)
    page.locator("main form.stack button[type=submit]").click()
    page.goto(f"{live_server.url}/classes/new?lang={lang}")
    page.locator("#name").fill(f"Rings {lang}")
    page.locator("main form.stack button[type=submit]").click()
    expect(page.locator("#join-code")).to_be_visible()  # on the new class's page, not still on its way
    page.wait_for_load_state("load")
    assert_rings(page, "class page, signed in (the footer's sign-out button)")
