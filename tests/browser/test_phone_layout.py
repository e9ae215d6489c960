"""The student's pages on a 360 px phone and a laptop, in both languages: the
result page opens with its summary and links each question to its explanation; a revealed link
target never covers the next part; email paragraphs have no gaps; the lesson's
address table never breaks an address mid-word; the header takes two rows."""
import pytest
from playwright.sync_api import expect

from .answering import answer_first, go_on

SIZES = {"phone": {"width": 360, "height": 740}, "laptop": {"width": 1366, "height": 768}}


@pytest.fixture(params=["phone", "laptop"])
def size(request):
    return request.param


def open_page(browser, size, javascript=True):
    context = browser.new_context(viewport=SIZES[size], java_script_enabled=javascript)
    return context, context.new_page()


def test_result_page_summary_first_and_linked_questions(browser, test_content_server, size, ui):
    for lang in ("vi", "en"):
        for javascript in (True, False):
            context, page = open_page(browser, size, javascript)
            base = f"{test_content_server.url}/quizzes/first-quiz"
            page.goto(f"{base}?lang={lang}")
            page.get_by_role("button", name=ui[lang]["start"]).click()
            for index in range(3):
                answer_first(page, ui[lang], javascript)
                go_on(page, ui[lang], index == 2, javascript)
            expect(page.locator(".score-value")).to_be_visible()
            retake = page.locator(".result-actions button[type=submit]")
            box = retake.bounding_box()
            assert box["y"] + box["height"] <= SIZES[size]["height"], (lang, size, box)  # on the first screen
            assert page.locator(".result-summary").evaluate(
                "(s) => !!(s.compareDocumentPosition(document.querySelector('.review-list')) & Node.DOCUMENT_POSITION_FOLLOWING)")
            links = page.locator("a.review-link")
            expect(links).to_have_count(3)
            expect(page.locator(".explained")).to_have_count(0)  # explanations wait on their own pages
            assert page.evaluate("document.documentElement.scrollHeight") < 3 * SIZES[size]["height"]
            links.first.click()
            expect(page).to_have_url(f"{base}/result/1")
            expect(page.locator(".explained")).to_be_visible()
            assert page.locator("h1").count() == 1
            context.close()


def test_phone_header_takes_two_rows(browser, live_server, size):
    for lang in ("vi", "en"):
        context, page = open_page(browser, size)
        page.goto(f"{live_server.url}/quizzes/?lang={lang}")
        header = page.locator(".site-header").bounding_box()
        assert header["height"] <= 110, (lang, size, header)
        for link in page.locator(".site-header a").all():
            assert link.bounding_box()["height"] >= 44
        expect(page.get_by_role("link", name="English")).to_be_visible()
        context.close()


def test_revealed_link_target_leaves_the_next_part_free(browser, live_server, size, ui):
    for lang in ("vi", "en"):
        context, page = open_page(browser, size, javascript=False)
        page.goto(f"{live_server.url}/quizzes/scam-recognition?lang={lang}")
        page.get_by_role("button", name=ui[lang]["start"]).click()
        answer_first(page, ui[lang], javascript=False)
        page.get_by_role("link", name=ui[lang]["next"]).click()
        part = page.locator("label.part-markable.link-part").first
        part.locator("input").focus()
        target = part.locator(".link-target")
        expect(target).to_be_visible()
        t = target.bounding_box()
        parts = page.locator("label.part-markable").all()
        index = [p.evaluate("el => el.classList.contains('link-part')") for p in parts].index(True)
        assert parts[index + 1:], "a part follows the link"
        for other in parts[index + 1:]:
            o = other.bounding_box()
            assert t["y"] + t["height"] <= o["y"] or o["y"] + o["height"] <= t["y"] or \
                t["x"] + t["width"] <= o["x"] or o["x"] + o["width"] <= t["x"], (lang, size, t, o)
        context.close()


def test_pointing_at_a_shown_link_target_moves_nothing(browser, test_content_server, size, ui):
    """After the answer every link target is shown, in the flow. Pointing at its link
    once lifted it out of the flow: the page shrank, the link slid from under the
    pointer, the target dropped back in, and the page shook until the pointer moved."""
    for lang in ("vi", "en"):
        context, page = open_page(browser, size)
        page.goto(f"{test_content_server.url}/quizzes/recognition?lang={lang}")
        page.get_by_role("button", name=ui[lang]["start"]).click()
        answer_first(page, ui[lang])
        expect(page.locator(".feedback-title")).to_be_focused()
        figure = page.locator("figure.mockup").first
        expect(figure.locator(".link-target.is-shown")).to_be_visible()
        before = figure.bounding_box()
        figure.locator(".link-part .mock-link").first.hover()
        assert figure.bounding_box() == before, (lang, size)
        context.close()


def test_email_paragraphs_sit_close(browser, live_server, size, ui):
    for lang in ("vi", "en"):
        context, page = open_page(browser, size)
        page.goto(f"{live_server.url}/quizzes/scam-recognition?lang={lang}")
        page.get_by_role("button", name=ui[lang]["start"]).click()
        for index in range(3):  # the fourth question is an email of three paragraphs
            answer_first(page, ui[lang], javascript=True)
            page.get_by_role("link", name=ui[lang]["next"]).click()
        boxes = [p.bounding_box() for p in page.locator(".email-body > p").all()]
        assert len(boxes) >= 2
        for above, below in zip(boxes, boxes[1:]):
            assert below["y"] - (above["y"] + above["height"]) < 30, (lang, size, above, below)
        body = page.locator(".email-body").bounding_box()
        assert boxes[0]["y"] - body["y"] < 30
        context.close()


def test_lesson_addresses_break_nowhere(browser, live_server, size):
    for lang in ("vi", "en"):
        context, page = open_page(browser, size)
        page.goto(f"{live_server.url}/lessons/scam-messages?lang={lang}")
        codes = page.locator(".prose td code")
        assert codes.count() >= 6
        for code in codes.all():
            assert code.evaluate("el => el.getClientRects().length") == 1, (lang, size, code.inner_text())
        assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]  # the table scrolls, not the page
        context.close()
