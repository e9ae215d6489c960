"""Keyboard, zoom and motion (WCAG 2.1.1, 1.4.10, 2.3.3):
- the scenario quiz "Spot the scam", red flags included, taken from start to
  result with Tab, Space and Enter alone, with JavaScript and without (every
  question and feedback with a title of its own; without JavaScript the page
  after an answer opens at the feedback);
- text pages (every lesson, help, every quiz intro, a result and a question
  explained) have no sideways scroll at 200% zoom on a 1366 px screen: a
  683 px CSS viewport at device scale factor 2, as the browser lays it out;
- prefers-reduced-motion: reduce leaves no transition or animation on any
  element or pseudo-element, where without it the controls do fade.
"""
import re

import pytest
from playwright.sync_api import expect

from .answering import answer_first

SCENARIO = "scam-recognition"
KEYS = {"Tab", "Shift+Tab", "Space", "Enter"}
ZOOMED = {"viewport": {"width": 683, "height": 384}, "device_scale_factor": 2}


class Keyboard:
    """Drives a page with Tab, Shift+Tab, Space and Enter, nothing else."""

    def __init__(self, page):
        self.page = page

    def press(self, key):
        assert key in KEYS, key
        self.page.keyboard.press(key)

    def focused(self, selector) -> bool:
        return self.page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector)

    def tab_to(self, selector, most=150):
        for _ in range(most):
            if self.focused(selector):
                return
            self.press("Tab")
        raise AssertionError(f"Tab never reached {selector} on {self.page.url}")


@pytest.mark.parametrize("lang, javascript", [("vi", True), ("en", False)], ids=["vi-js", "en-no-js"])
def test_scenario_quiz_by_keyboard_alone(browser, live_server, library, ui, lang, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    keys = Keyboard(page)
    page.goto(f"{live_server.url}/quizzes/{SCENARIO}?lang={lang}")
    keys.tab_to("form[action$='/start'] button[type=submit]")
    keys.press("Enter")
    total, marked, titles = len(library.quizzes[SCENARIO].questions), 0, []
    for number in range(1, total + 1):
        expect(page.locator(".progress-text")).to_have_text(ui[lang]["question"].format(n=number, total=total))
        titles.append(page.title())
        page.wait_for_load_state("load")  # app.js has turned red-flag checkboxes into toggle buttons
        # The first choice the keyboard meets: a radio or checkbox (Space checks it) or a red-flag toggle.
        keys.tab_to("form.question-form input[name=choice], form.question-form button.part-markable")
        keys.press("Space")
        if keys.focused("button.part-markable"):
            expect(page.locator("button.part-markable[aria-pressed=true]")).to_have_count(1)
            marked += 1
        elif keys.focused("label.part-markable input"):
            expect(page.locator("label.part-markable input:checked")).to_have_count(1)
            marked += 1
        else:
            expect(page.locator("form.question-form input[name=choice]:checked")).to_have_count(1)
        keys.tab_to("form.question-form button[type=submit]")
        keys.press("Enter")
        expect(page.locator(".feedback-title")).to_be_visible()
        if javascript:
            expect(page.locator(".feedback-title")).to_be_focused()  # announced, and Next is a few Tabs on
            expect(page).not_to_have_title(titles[-1])  # the swap brought the feedback's own title
        else:
            expect(page).to_have_url(re.compile(r"/answer#feedback$"))
            assert page.evaluate("scrollY") > 0  # the page opened at the feedback, not at the top
            expect(page.locator(".feedback-title")).to_be_in_viewport()
        titles.append(page.title())
        keys.tab_to(".quiz-panel .actions a")
        keys.press("Enter")
    assert marked == sum(q.type == "red_flags" for q in library.quizzes[SCENARIO].questions) > 0
    assert len(set(titles)) == 2 * total, titles  # every question and every feedback: a title of its own
    expect(page).to_have_url(re.compile(rf"/quizzes/{SCENARIO}/result$"))
    expect(page.locator(".score-value")).to_be_visible()
    context.close()


def no_sideways_scroll(page, state):
    width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], f"{state} scrolls sideways at 200% zoom: {width[0]} px of content in {width[1]} px"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_text_pages_reflow_at_200_percent_zoom(browser, live_server, test_content_server, library, ui, lang):
    context = browser.new_context(**ZOOMED)
    page = context.new_page()
    assert page.evaluate("[innerWidth, devicePixelRatio]") == [683, 2]
    for lesson in library.sorted_lessons(lang):
        page.goto(f"{live_server.url}/lessons/{lesson.slug}?lang={lang}")
        no_sideways_scroll(page, f"lesson {lesson.slug}")
    page.goto(f"{live_server.url}/help?lang={lang}")
    no_sideways_scroll(page, "help")
    for quiz in library.sorted_quizzes(lang):
        page.goto(f"{live_server.url}/quizzes/{quiz.slug}?lang={lang}")
        no_sideways_scroll(page, f"quiz intro {quiz.slug}")
    page.goto(f"{test_content_server.url}/quizzes/recognition?lang={lang}")
    page.locator("form[action$='/start'] button[type=submit]").click()
    while not re.search(r"/result$", page.url):
        answer_first(page, ui[lang])
        no_sideways_scroll(page, f"feedback on {page.url}")
        page.locator(".quiz-panel .actions a").click()
    no_sideways_scroll(page, "result")
    for number in (1, 3, 6):  # an SMS, a chat marked, two web pages side by side
        page.goto(f"{test_content_server.url}/quizzes/recognition/result/{number}?lang={lang}")
        no_sideways_scroll(page, f"question {number} explained")
    context.close()


MOVING = """() => [...document.querySelectorAll('*')].flatMap(el => [null, '::before', '::after'].map(pseudo => {
  const s = getComputedStyle(el, pseudo);
  const moves = s.transitionDuration.split(',').some(d => parseFloat(d) > 0)
             || (s.animationName !== 'none' && s.animationDuration.split(',').some(d => parseFloat(d) > 0));
  return moves ? `${el.tagName.toLowerCase()}.${el.className}${pseudo || ''}: ${s.transitionDuration} ${s.animationName}` : null;
})).filter(Boolean)"""


def test_reduced_motion_turns_off_transitions_and_animations(browser, test_content_server, ui):
    for motion in ("no-preference", "reduce"):
        context = browser.new_context(reduced_motion=motion)
        page = context.new_page()
        page.goto(f"{test_content_server.url}/quizzes/recognition?lang=en")
        moving = page.evaluate(MOVING)
        page.locator("form[action$='/start'] button[type=submit]").click()
        page.wait_for_load_state("load")
        moving += page.evaluate(MOVING)
        answer_first(page, ui["en"])
        moving += page.evaluate(MOVING)
        if motion == "reduce":
            assert moving == [], moving
        else:
            assert any(".button" in m or "option" in m for m in moving), moving  # what "reduce" must stop
        context.close()
