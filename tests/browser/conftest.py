"""Fixtures for browser tests: the words a student sees, in each language.
Every test in this folder gets the `browser` marker (deselect them with
-m "not browser")."""
from pathlib import Path

import pytest
from playwright.sync_api import expect

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    # Called with the whole session's items, not only this folder's.
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


WORDS = {
    "vi": {"start": "Bắt đầu làm bài", "check": "Kiểm tra đáp án", "right": "Chính xác", "wrong": "Chưa đúng",
           "next": "Câu tiếp theo", "results": "Xem kết quả", "question": "Câu {n}/{total}",
           "review": "Bài học nên xem lại", "lessons": "Bài học", "language": "Tiếng Việt",
           "create_account": "Tạo tài khoản", "create_class": "Tạo lớp", "join": "Vào lớp"},
    "en": {"start": "Start the quiz", "check": "Check my answer", "right": "Correct", "wrong": "Not quite",
           "next": "Next question", "results": "See your results", "question": "Question {n} of {total}",
           "review": "Lessons to review", "lessons": "Lessons", "language": "English",
           "create_account": "Create account", "create_class": "Create class", "join": "Join"},
}


@pytest.fixture
def ui():
    """The words of the quiz interface a test clicks and reads, by language."""
    return WORDS


@pytest.fixture
def open_class(ui):
    """open_class(page, base, lang, email, class_name, language=None): sign up a
    teacher on that page and create a class (in `language`, "vi" or "en", when
    given; else the form's default); the class's join code."""
    def open_(page, base, lang, email, class_name, language=None):
        page.goto(f"{base}/auth/signup?lang={lang}")
        page.locator("#email").fill(email)
        page.locator("#password").fill("a long enough passphrase")
        page.locator("#confirm").fill("a long enough passphrase")
        page.get_by_role("button", name=ui[lang]["create_account"]).click()
        page.goto(f"{base}/classes/new?lang={lang}")
        page.locator("#name").fill(class_name)
        if language:
            page.locator("#language").select_option(language)
        page.get_by_role("button", name=ui[lang]["create_class"]).click()
        return page.locator("#join-code").inner_text().strip()

    return open_


@pytest.fixture
def join_class(ui):
    """join_class(page, base, lang, code, name): a student joins the class with
    `code` on that page; their personal re-entry code, as /me shows it."""
    def join(page, base, lang, code, name):
        page.goto(f"{base}/join?lang={lang}")
        page.locator("#code").fill(code)
        page.locator("#display_name").fill(name)
        page.get_by_role("button", name=ui[lang]["join"], exact=True).click()
        personal = page.locator(".join-code")
        expect(personal).to_be_visible()
        return personal.inner_text().strip()

    return join


@pytest.fixture
def library(live_server):
    return live_server.app.extensions["content"].library


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


SIZES = {"phone": {"width": 360, "height": 740}, "laptop": {"width": 1366, "height": 768}}


@pytest.fixture(params=["phone", "laptop"])
def size(request):
    """A test that asks for `size` runs on a 360 px phone and a 1366 px laptop."""
    return request.param


@pytest.fixture(params=["vi", "en"])
def lang(request):
    """A test that asks for `lang` runs in both languages."""
    return request.param


@pytest.fixture
def new_page(browser, size):
    """new_page(): a page of its own (its own cookies) at the test's size."""
    contexts = []

    def make():
        contexts.append(browser.new_context(viewport=SIZES[size]))
        return contexts[-1].new_page()

    yield make
    for context in contexts:
        context.close()
