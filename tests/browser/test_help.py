"""Help from every page, and the quick exit: with JS the button and Shift
pressed three times leave at once and take the page out of the history;
without JS the button is a plain link. The neutral page is answered by the
test (no request leaves the machine)."""
import pytest
from playwright.sync_api import expect

WORDS = {
    "vi": {"help": "Trợ giúp", "title": "Tìm trợ giúp", "exit": "Thoát nhanh", "panel": "Cần giúp đỡ ngay?", "lessons": "Bài học"},
    "en": {"help": "Help", "title": "Get help", "exit": "Exit this page", "panel": "Need help now?", "lessons": "Lessons"},
}
NEUTRAL = "<!doctype html><title>Weather</title><h1>Weather today</h1>"


def open_context(browser, live_server, javascript=True):
    context = browser.new_context(java_script_enabled=javascript)
    context.route(live_server.app.config["QUICK_EXIT_URL"].split("?")[0] + "**",
                  lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL))
    return context


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_help_is_one_step_from_any_page(browser, live_server, lang):
    context = open_context(browser, live_server)
    page = context.new_page()
    page.goto(f"{live_server.url}/quizzes/?lang={lang}")
    panel = page.locator(".help-panel")
    expect(panel.get_by_role("heading", name=WORDS[lang]["panel"])).to_be_visible()
    expect(panel.get_by_role("link", name="111")).to_have_attribute("href", "tel:111")
    page.get_by_role("link", name=WORDS[lang]["help"], exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/help")
    expect(page.get_by_role("heading", level=1, name=WORDS[lang]["title"])).to_be_visible()
    page.locator(".help-index").get_by_role("link", name="5656").click()
    expect(page.locator("#report-spam")).to_be_in_viewport()
    expect(page.locator("#report-spam code").first).to_contain_text("S <")
    context.close()


@pytest.mark.parametrize("how", ["button", "shift"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_quick_exit_leaves_and_replaces_the_history_entry(browser, live_server, lang, how):
    context = open_context(browser, live_server)
    page = context.new_page()
    before = f"{live_server.url}/lessons/?lang={lang}"
    page.goto(before)
    page.get_by_role("link", name=WORDS[lang]["help"], exact=True).click()
    # Until app.js has run the button is the plain link it is without JS
    # (it leaves, but cannot take the page out of the history).
    page.wait_for_load_state()
    exit_button = page.get_by_role("link", name=WORDS[lang]["exit"])
    if how == "button":
        exit_button.click()
    else:
        expect(exit_button).to_be_visible()
        for key in ("Shift", "Shift", "a"):  # typing a capital letter is not a request to leave
            page.keyboard.press(key)
        assert page.evaluate("shiftPresses.length") == 0
        for _ in range(3):
            page.keyboard.press("Shift")
    expect(page.get_by_role("heading", name="Weather today")).to_be_visible()
    page.go_back()
    expect(page).to_have_url(before)  # not the help page
    context.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_without_javascript_the_button_is_a_plain_link(browser, live_server, lang):
    context = open_context(browser, live_server, javascript=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/lessons/image-abuse-sextortion?lang={lang}")
    button = page.get_by_role("link", name=WORDS[lang]["exit"])
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box["height"] >= 44 and box["y"] < 100  # at the top, easy to hit
    button.click()
    expect(page.get_by_role("heading", name="Weather today")).to_be_visible()
    context.close()


def test_exit_button_stays_in_view_on_a_phone(browser, live_server):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{live_server.url}/lessons/image-abuse-sextortion?lang=vi")
    page.mouse.wheel(0, 3000)
    page.wait_for_function("window.scrollY > 740")  # a screen and more down: the wheel lands a frame later
    expect(page.get_by_role("link", name=WORDS["vi"]["exit"])).to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
