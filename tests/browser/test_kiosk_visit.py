"""A visit at the kiosk, in a real browser: attract, language, questions with
their clues, the result, and back to attract; in both languages, with touch,
without JavaScript, and at a kiosk's sizes."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.kiosk import START, WORDS, answer_something, make_kiosk, set_up, start

KIOSK_SIZES = {"landscape": {"width": 1920, "height": 1080}, "portrait": {"width": 1080, "height": 1920},
               "tablet": {"width": 768, "height": 1024}}


@pytest.fixture
def kiosk_page(browser, live_server):
    """kiosk_page(**context options): a new browser set up as a new kiosk."""
    contexts = []

    def make(**options):
        contexts.append(browser.new_context(**options))
        page = contexts[-1].new_page()
        set_up(page, live_server.url, make_kiosk(live_server.app))
        return page

    yield make
    for context in contexts:
        context.close()


def _links_stay_inside(page) -> None:
    hrefs = page.locator("a[href]").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert all(href.startswith("/kiosk") for href in hrefs), hrefs


def test_a_whole_visit_in_each_language_by_touch(kiosk_page, lang):
    page = kiosk_page(viewport=KIOSK_SIZES["tablet"], has_touch=True)
    screen = page.locator("#kiosk-screen")
    expect(page.locator(".kiosk-start")).to_contain_text(START["vi"])
    expect(page.locator(".kiosk-start")).to_contain_text(START["en"])
    _links_stay_inside(page)
    start(page, lang, tap=True)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    for number in range(1, 6):
        expect(screen.locator(".progress-text")).to_have_text(WORDS[lang]["question"].format(n=number, total=5))
        _links_stay_inside(page)
        answer_something(page, lang, tap=True)
        _links_stay_inside(page)
        expect(screen.locator(".explanation").first).to_be_visible()  # the clue reveal
        screen.get_by_role("link", name=WORDS[lang]["score" if number == 5 else "next"]).tap()
    expect(screen).to_have_attribute("data-screen", "result")
    expect(screen.locator(".kiosk-tips li")).to_have_count(3)
    expect(screen.locator(".kiosk-help")).to_contain_text("111")
    expect(screen.locator(".kiosk-qr svg")).to_be_visible()
    _links_stay_inside(page)
    nickname = screen.locator(".kiosk-nicknames button").first
    chosen = nickname.inner_text()
    nickname.tap()
    expect(screen.locator(".kiosk-board")).to_contain_text(chosen)
    screen.get_by_role("button", name=WORDS[lang]["finish"]).tap()
    expect(page.locator("#kiosk-screen[data-screen=attract]")).to_be_visible()
    expect(page.locator(".kiosk-board li")).to_have_count(1)  # today's board, on the attract screen (in Vietnamese)
    assert page.evaluate("document.documentElement.lang") == "vi"  # the kiosk's own language again


def test_every_screen_has_large_targets_at_each_kiosk_size(kiosk_page):
    for name, viewport in KIOSK_SIZES.items():
        page = kiosk_page(viewport=viewport)
        screens = []
        for step in ("attract", "language", "question", "feedback"):
            expect(page.locator(f"#kiosk-screen[data-screen={step}]")).to_be_visible()
            small = page.evaluate("""() => [...document.querySelectorAll(
                '#kiosk-screen a, #kiosk-screen button, #kiosk-screen label.option, #kiosk-screen input:not([type=hidden])')]
                .filter(el => el.offsetParent !== null && !el.closest('label.option'))
                .map(el => { const r = el.getBoundingClientRect(); return [el.outerHTML.slice(0, 60), r.width, r.height]; })
                .filter(([, w, h]) => w < 44 || h < 44)""")
            assert small == [], (name, step, small)
            overflow = page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
            assert not overflow, (name, step)
            screens.append(step)
            if step == "attract":
                page.locator(".kiosk-start").click()
            elif step == "language":
                page.get_by_role("button", name="English").click()
            elif step == "question":
                answer_something(page, "en")
        assert screens == ["attract", "language", "question", "feedback"]


def test_a_visit_works_without_javascript(browser, live_server, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    set_up(page, live_server.url, make_kiosk(live_server.app), javascript=False)
    page.locator(".kiosk-start").click()
    page.get_by_role("button", name=WORDS[lang]["language"]).click()
    for number in range(1, 6):
        expect(page.locator(".progress-text")).to_have_text(WORDS[lang]["question"].format(n=number, total=5))
        choice = page.locator("label.option input, label.part-markable input").first
        choice.check()
        page.get_by_role("button", name=WORDS[lang]["check"]).click()
        expect(page.locator(".feedback-title")).to_be_visible()
        page.get_by_role("link", name=WORDS[lang]["score" if number == 5 else "next"]).click()
    expect(page.locator(".kiosk-tips li")).to_have_count(3)
    page.get_by_role("button", name=WORDS[lang]["finish"]).click()
    expect(page.locator("#kiosk-screen[data-screen=attract]")).to_be_visible()
    assert re.search(r"/kiosk/$", page.url)
    context.close()


def test_a_tap_shows_where_a_mockup_link_goes(browser, test_content_server):
    """No hover-only feature: on a touch screen a tap on a link in a message shows its real address."""
    context = browser.new_context(viewport=KIOSK_SIZES["tablet"], has_touch=True)
    page = context.new_page()
    set_up(page, test_content_server.url, make_kiosk(test_content_server.app, quiz_slug="recognition", question_count=7))
    start(page, "en", tap=True)
    screen = page.locator("#kiosk-screen")
    for _ in range(7):
        expect(page.locator("#kiosk-screen[data-screen=question]")).to_be_visible()
        if screen.locator(".mock-link").count():
            break
        answer_something(page, "en", tap=True)
        screen.locator(".kiosk-actions a").tap()
    link = screen.locator(".mock-link").first
    target = screen.locator(".link-target").first
    expect(target).to_be_hidden()
    link.tap()
    expect(target).to_be_visible()
    expect(target).to_contain_text(re.compile(r"https://(testbank-xacthuc\.top/login|dat-tour-giare\.xyz)"))
    context.close()
