"""Forms keep what was entered: an ordering answer with a repeated number comes
back with every number and the confidence kept and the clash marked (without
JS; with htmx the form simply stays), and "Start over" asks first."""
import pytest
from playwright.sync_api import expect

from .answering import answer_first

SIZES = {"phone": {"width": 360, "height": 740}, "laptop": {"width": 1366, "height": 768}}
CLASH = {"vi": "Số bị dùng nhiều lần: 1", "en": "used more than once: 1"}
START_OVER = {"vi": ("Làm lại từ đầu", "Đồng ý, làm lại từ đầu", "Làm lại từ đầu?"),
              "en": ("Start over", "Yes, start over", "Start over?")}


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
@pytest.mark.parametrize("size", ["phone", "laptop"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_ordering_clash_is_kept_and_marked(browser, test_content_server, ui, lang, size, javascript):
    context = browser.new_context(viewport=SIZES[size], java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{test_content_server.url}/quizzes/recognition?lang={lang}")
    page.get_by_role("button", name=ui[lang]["start"]).click()
    for _ in range(6):  # the seventh question puts steps in order
        answer_first(page, ui[lang], javascript)
        page.get_by_role("link", name=ui[lang]["next"]).click()
    selects = page.locator("form.question-form select")
    for n, number in enumerate(["1", "1", "2", "3"]):
        selects.nth(n).select_option(number)
    page.locator('input[name="confidence"][value="100"]').check()
    page.get_by_role("button", name=ui[lang]["check"]).click()
    expect(page.get_by_role("alert").filter(has_text=CLASH[lang])).to_be_visible()
    for n, number in enumerate(["1", "1", "2", "3"]):
        expect(selects.nth(n)).to_have_value(number)
    expect(page.locator('input[name="confidence"][value="100"]')).to_be_checked()
    if not javascript:  # the page came back: the two selects that share 1 are marked
        expect(page.locator('select[aria-invalid="true"]')).to_have_count(2)
        expect(page.locator(".clash-mark")).to_have_count(2)
        expect(page.locator(".clash-mark").first).to_be_visible()
    context.close()


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
@pytest.mark.parametrize("size", ["phone", "laptop"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_start_over_asks_first(browser, test_content_server, ui, lang, size, javascript):
    context = browser.new_context(viewport=SIZES[size], java_script_enabled=javascript)
    page = context.new_page()
    base = f"{test_content_server.url}/quizzes/first-quiz"
    page.goto(f"{base}?lang={lang}")
    page.get_by_role("button", name=ui[lang]["start"]).click()
    answer_first(page, ui[lang], javascript)
    page.goto(f"{base}?lang={lang}")
    link, confirm, heading = START_OVER[lang]
    page.get_by_role("link", name=link, exact=True).click()
    expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()  # asked, nothing thrown away yet
    page.go_back()
    page.get_by_role("link", name=link, exact=True).click()
    page.get_by_role("button", name=confirm).click()
    expect(page.get_by_text(ui[lang]["question"].format(n=1, total=3))).to_be_visible()
    context.close()
