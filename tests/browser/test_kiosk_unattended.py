"""A kiosk with nobody at it: the idle warning, its extension and the reset
(under a controlled clock), 200 visitors in a row with nothing of one left
for the next, and the server stopped and started again mid-visit."""
from __future__ import annotations

import threading

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from edu.services import kiosk_plays
from tests.browser.kiosk import WORDS, answer_something, make_kiosk, set_up, start

IDLE_MS = 60_000
STILL_THERE_MS = kiosk_plays.STILL_THERE_SECONDS * 1000


@pytest.fixture
def kiosk(browser, live_server):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, has_touch=True)
    page = context.new_page()
    page.clock.install()
    set_up(page, live_server.url, make_kiosk(live_server.app))
    yield page
    context.close()


def _attract_state(page) -> dict:
    """What a new visitor finds: everything a previous one could have left."""
    return page.evaluate("""() => ({
        screen: document.getElementById('kiosk-screen').dataset.screen,
        lang: document.documentElement.lang,
        history: history.length,
        scroll: window.scrollY,
        focus: document.activeElement === document.body || document.activeElement.matches('.kiosk-start'),
        checked: document.querySelectorAll('input:checked').length,
        storage: sessionStorage.length + localStorage.length,
    })""")


def _cookies(page) -> dict:
    return {c["name"]: c["value"] for c in page.context.cookies()}


def test_idle_warning_can_be_extended_then_resets(kiosk):
    page = kiosk
    start(page, "en")
    answer_something(page, "en")
    dialog = page.locator("#still-there")
    page.clock.run_for(IDLE_MS - 1000)
    expect(dialog).to_be_hidden()
    page.clock.run_for(2000)
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text(WORDS["en"]["still_there"])
    page.clock.run_for(STILL_THERE_MS - 5000)  # 25 s into the warning: still time (WCAG 2.2.1 asks for 20)
    dialog.get_by_role("button", name=WORDS["en"]["still_here"]).click()
    expect(dialog).to_be_hidden()
    expect(page.locator(".feedback-title")).to_be_visible()  # the visit goes on where it was
    page.clock.run_for(IDLE_MS + 1000)
    expect(dialog).to_be_visible()
    page.clock.run_for(STILL_THERE_MS + 1000)
    expect(page.locator("#kiosk-screen[data-screen=attract]")).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == "vi"


def test_a_touch_keeps_the_warning_away(kiosk):
    page = kiosk
    start(page, "vi", tap=True)
    for _ in range(3):
        page.clock.run_for(IDLE_MS - 5000)
        page.locator("#kiosk-screen .progress-text").tap()
    expect(page.locator("#still-there")).to_be_hidden()
    expect(page.locator("#kiosk-screen[data-screen=question]")).to_be_visible()


def _tap(page, selector: str, wait_for: str) -> None:
    """A tap without Playwright's actionability checks (taps elsewhere test those):
    200 visitors make thousands of them. `wait_for` names the screen it leads to,
    then (kiosk.js's mark) that htmx has taken over the screen's links."""
    page.locator(selector).first.dispatch_event("click")
    page.wait_for_selector(wait_for, state="attached")


def _scroll(page) -> None:
    """A wheel turn, waited for until the page has it. Chromium hands wheel
    events to the page with a later frame: one arriving while the test runs
    the clock re-arms the idle timer mid-run (as a real late touch would), and
    the reset then comes a whole idle time after the clock stopped."""
    page.evaluate("() => { window.wheeled = new Promise(done => addEventListener('wheel', done, {once: true, capture: true})); }")
    page.mouse.wheel(0, 400)
    page.evaluate("window.wheeled.then(() => true)")


def test_two_hundred_visitors_in_a_row_leave_nothing_behind(kiosk):
    """Most walk away after a question or two, as the idle reset finds them;
    every tenth plays to the end, picks a nickname and touches "Finish"."""
    page = kiosk
    first = _attract_state(page)
    assert first["screen"] == "attract" and first["lang"] == "vi"
    previous_session = _cookies(page).get("session")
    for visitor in range(200):
        lang = "en" if visitor % 2 else "vi"
        _tap(page, ".kiosk-start", "#kiosk-screen[data-ready][data-screen=language]")
        _tap(page, f"button[value={lang}]", "#kiosk-screen[data-ready][data-screen=question]")
        _scroll(page)
        answered = 5 if visitor % 10 == 9 else visitor % 3
        for number in range(1, answered + 1):
            _tap(page, "#kiosk-screen label.option input, #kiosk-screen button.part-markable", "#kiosk-screen :checked, [aria-pressed=true]")
            _tap(page, "#kiosk-screen .question-form > button[type=submit]", "#kiosk-screen[data-ready][data-screen=feedback]")
            _tap(page, "#kiosk-screen .kiosk-actions a",
                 "#kiosk-screen[data-ready][data-screen=result]" if number == 5 else f"#kiosk-screen[data-ready][data-screen=question] >> text={WORDS[lang]['question'].format(n=number + 1, total=5)}")
        if answered == 5:
            _tap(page, ".kiosk-nicknames button", "#kiosk-screen[data-ready] .kiosk-board")
            page.get_by_role("button", name=WORDS[lang]["finish"]).click()
        else:
            if answered or visitor % 3 == 0:  # a choice left on the screen by a walk-away
                page.locator("#kiosk-screen label.option input, #kiosk-screen button.part-markable").first.dispatch_event("click")
            page.clock.run_for(IDLE_MS + STILL_THERE_MS + 2000)
        page.wait_for_selector("#kiosk-screen[data-ready][data-screen=attract]")
        assert _attract_state(page) == first, visitor
        cookies = _cookies(page)
        assert set(cookies) <= {"kiosk_device", "session"}, cookies
        assert cookies.get("session") != previous_session, visitor
        previous_session = cookies.get("session")


def test_the_kiosk_rides_out_a_server_restart(browser, live_server):
    """A server of its own on a fixed port, stopped mid-visit and started again."""
    app = live_server.app
    server = make_server("127.0.0.1", 0, app, threaded=True)
    port = server.server_port
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{port}"
    context = browser.new_context(viewport={"width": 1080, "height": 1920})
    page = context.new_page()
    try:
        set_up(page, base, make_kiosk(app))
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")  # the offline screen is kept
        start(page, "en")
        answer_something(page, "en")
        server.shutdown()
        server.server_close()
        page.locator("#kiosk-screen").get_by_role("link", name=WORDS["en"]["next"]).click()
        expect(page.locator("#reconnecting")).to_be_visible()
        expect(page.locator("#reconnecting")).to_contain_text("Reconnecting")
        page.goto(base + "/kiosk/")  # a whole page while the server is away: the kept screen, not the browser's error
        expect(page.locator("#reconnecting")).to_contain_text("Đang kết nối lại")
        server = make_server("127.0.0.1", port, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        # Back by itself, where the visitor was: the second question.
        expect(page.locator("#kiosk-screen .progress-text")).to_have_text("Question 2 of 5", timeout=20_000)
    finally:
        server.shutdown()
        context.close()
