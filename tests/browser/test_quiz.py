"""Taking whole quizzes in a real browser: with htmx and as plain forms."""
import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from sqlmodel import select

from edu.content.markdown import to_plain
from edu.web.db import get_session
from edu.content.questions import Shown
from edu.models import QuizAnswer

from .answering import go_on



def pick(question, right: bool) -> list[str]:
    """Option ids to choose for a right or a wrong answer."""
    correct = [o.id for o in question.options if o.correct]
    if right:
        return correct
    wrong = [o.id for o in question.options if not o.correct]
    return wrong[:1] if wrong else correct[:-1]


def count_answers(app, question_id) -> int:
    with app.app_context():
        return len(get_session().exec(select(QuizAnswer).where(QuizAnswer.question_id == question_id)).all())


def named(question, option_ids, key):
    """What the page calls these options (its names come from the server's secret key)."""
    return [question.form_value(option_id, Shown(0, key)) for option_id in option_ids]


def answer_question(page, question, right, key):
    for value in named(question, pick(question, right), key):
        page.locator(f'input[name="choice"][value="{value}"]').check()


def take_quiz(page, base, key, quiz, lang, words, javascript):
    """Answer every question, alternating right and wrong; return the expected score."""
    page.goto(f"{base}/quizzes/{quiz.slug}?lang={lang}")
    page.get_by_role("button", name=words["start"]).click()
    total = len(quiz.questions)
    score = 0
    for index, question in enumerate(quiz.questions):
        right = index % 2 == 0
        expect(page.locator(".progress-text")).to_have_text(words["question"].format(n=index + 1, total=total))
        expect(page.locator(".prompt").first).to_contain_text(to_plain(question.prompt.get(lang))[:40])
        assert page.locator(".explanation").count() == 0  # no key before answering
        answer_question(page, question, right, key)
        if javascript:
            page.wait_for_load_state("load")  # deferred scripts have run
        page.get_by_role("button", name=words["check"]).click()
        expect(page.locator(".feedback-title")).to_contain_text(words["right" if right else "wrong"])
        expect(page.locator(".explanation").first).to_be_visible()
        # With htmx the panel is swapped in place; without, the form posts to a new page.
        expect(page).to_have_url(re.compile(r"/question$" if javascript else r"/answer#feedback$"))
        score += right
        go_on(page, words, index == total - 1, javascript)
    return score


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_take_a_whole_quiz_and_see_the_result(browser, live_server, library, lang, javascript, ui):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    quiz = library.sorted_quizzes(lang)[0]
    score = take_quiz(page, live_server.url, live_server.app.secret_key, quiz, lang, ui[lang], javascript)

    expect(page).to_have_url(re.compile(f"/quizzes/{quiz.slug}/result"))
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator(".score-value")).to_have_text(re.compile(rf"^{score}( of |/){len(quiz.questions)} "))
    expect(page.locator(".review-item")).to_have_count(len(quiz.questions))
    expect(page.get_by_role("heading", name=ui[lang]["review"])).to_be_visible()
    wrong_lessons = {q.review_lesson for i, q in enumerate(quiz.questions) if i % 2 and q.review_lesson}
    for slug in wrong_lessons:
        expect(page.locator(f'.next-steps a[href="/lessons/{slug}"]')).to_be_visible()
    context.close()


def test_a_second_submit_of_the_same_answer_counts_once(no_js_page, live_server, library):
    """A double click or a re-sent form (a reload of the answer page) posts the
    same answer again from the same browser: it gets the same feedback."""
    page = no_js_page
    quiz = library.sorted_quizzes("en")[0]
    page.goto(f"{live_server.url}/quizzes/{quiz.slug}?lang=en")
    page.get_by_role("button", name="Start the quiz").click()
    stored_before = count_answers(live_server.app, quiz.questions[0].id)
    form = {name: page.locator(f'input[name="{name}"]').first.get_attribute("value") for name in ("csrf_token", "question")}
    answer_question(page, quiz.questions[0], right=True, key=live_server.app.secret_key)
    page.get_by_role("button", name="Check my answer").click()
    expect(page.locator(".feedback-title")).to_contain_text("Correct")
    chosen = named(quiz.questions[0], pick(quiz.questions[0], right=True), live_server.app.secret_key)
    body = urlencode([*form.items(), *(("choice", c) for c in chosen)])
    again = page.request.post(f"{live_server.url}/quizzes/{quiz.slug}/answer?lang=en", data=body,
                              headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert again.status == 200 and "Correct" in again.text()
    assert count_answers(live_server.app, quiz.questions[0].id) == stored_before + 1
    page.get_by_role("link", name="Next question").click()
    expect(page.locator(".progress-text")).to_have_text(f"Question 2 of {len(quiz.questions)}")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_answer_sent_before_htmx_loads_still_focuses_the_feedback(page, live_server, library, lang, ui):
    """A fast student (or a slow network) can answer before htmx has loaded:
    the form posts as a plain form, and the full feedback page takes focus."""
    words = ui[lang]
    quiz = library.sorted_quizzes(lang)[0]
    page.route("**/static/htmx.min.*js", lambda route: route.abort())  # its name carries a fingerprint
    page.goto(f"{live_server.url}/quizzes/{quiz.slug}?lang={lang}")
    page.get_by_role("button", name=words["start"]).click()
    answer_question(page, quiz.questions[0], right=True, key=live_server.app.secret_key)
    page.get_by_role("button", name=words["check"]).click()
    expect(page).to_have_url(re.compile(r"/answer#feedback$"))  # a full page, not an htmx swap
    feedback = page.locator(".feedback-title")
    expect(feedback).to_contain_text(words["right"])
    expect(feedback).to_be_focused()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_quiz_by_keyboard_only(page, live_server, library, lang, ui):
    words = ui[lang]
    quiz = library.sorted_quizzes(lang)[0]
    page.goto(f"{live_server.url}/quizzes/{quiz.slug}?lang={lang}")
    page.get_by_role("button", name=words["start"]).focus()
    page.keyboard.press("Enter")
    expect(page.locator(".progress-text")).to_be_visible()
    question = quiz.questions[0]
    target = named(question, pick(question, right=True), live_server.app.secret_key)
    inputs = page.locator('input[name="choice"]')
    shown = [inputs.nth(i).get_attribute("value") for i in range(inputs.count())]  # this attempt's order
    inputs.first.focus()
    for index, option_id in enumerate(shown):
        if question.multiple:  # checkboxes: each is a Tab stop, Space ticks it
            if index:
                page.keyboard.press("Tab")
            if option_id in target:
                page.keyboard.press("Space")
        else:  # radios: one Tab stop, arrows move the selection
            page.keyboard.press("ArrowDown" if index else "Space")
            if option_id in target:
                break
    page.wait_for_load_state("load")  # deferred scripts have run
    page.keyboard.press("Enter")
    feedback = page.locator(".feedback-title")
    expect(feedback).to_contain_text(words["right"])
    expect(feedback).to_be_focused()  # focus moved to the feedback after the swap
    next_link = page.get_by_role("link", name=words["next"])
    for _ in range(40):  # past any links inside the explanations
        page.keyboard.press("Tab")
        if next_link.evaluate("el => el === document.activeElement"):
            break
    expect(next_link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".progress-text")).to_have_text(words["question"].format(n=2, total=len(quiz.questions)))


@pytest.mark.parametrize("width", [360, 1920])
def test_pages_fit_small_phones_and_kiosks(browser, live_server, library, width, ui):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    quiz = library.sorted_quizzes("vi")[0]
    lesson = library.sorted_lessons("vi")[0]
    page.goto(f"{live_server.url}/quizzes/{quiz.slug}?lang=vi")
    page.get_by_role("button", name=ui["vi"]["start"]).click()
    for path in ("/", "/lessons/", f"/lessons/{lesson.slug}", "/quizzes/", f"/quizzes/{quiz.slug}/question"):
        page.goto(live_server.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
        small = page.evaluate("""() => [...document.querySelectorAll('main a.button, main button, .option, .site-nav a')]
            .filter(el => el.getBoundingClientRect().height < 44).map(el => el.textContent.trim())""")
        assert small == [], f"{path}: touch targets under 44px: {small}"
    context.close()
