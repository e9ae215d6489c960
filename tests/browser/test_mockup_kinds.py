"""The six newer mockup kinds (notification, group chat, document, QR code,
bank transfer, video call) on the question page and after the answer, on a
360 px phone and a 1366 px laptop, in both languages: nothing wider than the
screen, the QR code's target revealed by a tap and by keyboard focus as a
link's is, every clue numbered on its part, and axe-core finding nothing
(tests/browser/axe.py: at 360x740 and 1920x1080, with JavaScript on and off).

The test quiz is tests/data/content/quizzes/new-mockups.yaml, one question of
each kind, in the order of KINDS.
"""
import pytest
from playwright.sync_api import expect

from .answering import choose_first
from .axe import Auditor, audit_context
from .conftest import SIZES

QUIZ = "new-mockups"
KINDS = ["notification", "group_chat", "document", "qr", "bank_transfer", "video_call"]
OPENS = {"vi": "Mở tới: https://baixe-test-pay.top/thanhtoan", "en": "Opens: https://baixe-test-pay.top/thanhtoan"}
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('figure.mockup, figure.mockup *')]
    .filter(el => el.checkVisibility() && el.getBoundingClientRect().right > width + 0.5)
    .map(el => el.className.baseVal ?? el.className);
  return {scroll: document.documentElement.scrollWidth, width, wide};
}"""


UNCOVERED = """(el) => {
  el.scrollIntoView({block: 'center'});
  const box = el.getBoundingClientRect();
  const top = document.elementFromPoint(box.left + box.width / 2, box.bottom - 4);
  return el.contains(top);
}"""


def assert_fits(page, where):
    fit = page.evaluate(OVERFLOW)
    assert fit["scroll"] <= fit["width"] and not fit["wide"], (where, fit)


def start(page, base, lang):
    page.goto(f"{base}/quizzes/{QUIZ}?lang={lang}")
    page.locator(".age-question input[type=radio]").last.check()  # the items ask an age: the oldest band
    page.locator("form[action$='/start'] button[type=submit]").click()


def reveal_qr_target(page, lang, where):
    """Tab to the code, then a tap on it, shows where it goes; nothing shows it before."""
    code = page.locator("figure.mockup-qr .qr-part .mock-link")
    target = page.locator("figure.mockup-qr .qr-part .link-target")
    expect(target).to_have_text(OPENS[lang])
    expect(target).to_be_hidden()
    page.locator("form.question-form .prompt").click()  # Tab goes on from the question's heading
    for _ in range(40):
        if code.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("Tab")
    else:
        raise AssertionError(f"{where}: Tab never reached the QR code")
    expect(target).to_be_visible()
    assert target.evaluate(UNCOVERED), f"{where}: the shown target is cut off or covered"
    assert_fits(page, f"{where}, target shown by keyboard focus")
    page.mouse.move(0, 0)  # scrolled, the page may have brought the code under the resting pointer
    page.evaluate("document.activeElement.blur()")
    expect(target).to_be_hidden()
    code.tap()
    expect(target).to_be_visible()
    assert target.evaluate(UNCOVERED), f"{where}: the shown target is cut off or covered"
    assert_fits(page, f"{where}, target shown by a tap")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_new_kind_fits_reveals_and_is_clean(browser, test_content_server, size, lang):
    """At each size every question and its feedback fit; axe runs in the phone runs
    (an audit covers 360x740 and 1920x1080 both)."""
    audit = Auditor(javascript=True)
    context = audit_context(browser, True, has_touch=True)
    page = context.new_page()
    page.set_viewport_size(SIZES[size])
    quiz = test_content_server.app.extensions["content"].library.quizzes[QUIZ]
    start(page, test_content_server.url, lang)
    for number, (kind, question) in enumerate(zip(KINDS, quiz.questions), start=1):
        where = f"{lang} {size} question {number} ({kind})"
        figure = page.locator(f"figure.mockup-{kind}")
        expect(figure).to_be_visible()
        expect(figure.locator("figcaption")).not_to_be_empty()
        page.wait_for_load_state("load")
        if question.type == "red_flags":
            expect(page.locator("label.part-markable")).to_have_count(0)  # app.js made them toggle buttons
            expect(figure.locator("button.part-markable")).to_have_count(len(question.mockup.part_ids()))
            heights = figure.locator("button.part-markable").evaluate_all(
                "parts => parts.map(p => p.getBoundingClientRect().height)")
            assert min(heights) >= 44, (where, heights)  # touch targets
        assert_fits(page, where)
        if kind == "qr":
            reveal_qr_target(page, lang, where)
        if size == "phone":
            audit(page, where)
            page.set_viewport_size(SIZES[size])
        choose_first(page)
        page.locator("form.question-form button[type=submit]").click()
        expect(page.locator(".feedback-title")).to_be_visible()
        feedback = page.locator(f".quiz-panel figure.mockup-{kind}")
        expect(feedback.locator(".part-clue .clue-number")).to_have_count(len(question.clues))
        assert_fits(page, f"{where}, feedback")
        if size == "phone":
            audit(page, f"{where}, feedback")
            page.set_viewport_size(SIZES[size])
        page.locator(".quiz-panel .actions a").click()
    expect(page.locator(".score-value")).to_be_visible()
    context.close()
    if size == "phone":
        audit.assert_clean()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_new_kind_without_javascript_is_clean(browser, test_content_server, lang):
    """Without JavaScript, parts are checkboxes in labels: axe finds nothing before or after the answer."""
    audit = Auditor(javascript=False)
    context = audit_context(browser, False)
    page = context.new_page()
    start(page, test_content_server.url, lang)
    for number, kind in enumerate(KINDS, start=1):
        expect(page.locator(f"figure.mockup-{kind}")).to_be_visible()
        audit(page, f"{lang} no-js question {number} ({kind})")
        choose_first(page, javascript=False)
        page.locator("form.question-form button[type=submit]").click()
        expect(page.locator(".feedback-title")).to_be_visible()
        audit(page, f"{lang} no-js feedback {number} ({kind})")
        page.locator(".quiz-panel .actions a").click()
    context.close()
    audit.assert_clean()
