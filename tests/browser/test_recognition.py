"""Every recognition question type and every mockup kind, answered by mouse,
by keyboard only, on a touch phone and without JavaScript, in both languages.

The test quiz (tests/data/content/quizzes/recognition.yaml) has one question
of each type and shows all six mockup kinds.
"""
import re

import pytest
from playwright.sync_api import expect


MODES = ["mouse", "keyboard", "touch", "no-js"]
CAPTION = {"vi": "Tin nhắn từ TESTBANK", "en": "Text message from TESTBANK"}
WORDS = {
    "vi": {"scam": "Lừa đảo", "unsure": "Không chắc", "certain": "Chắc chắn",
           "opens": "Mở tới: https://testbank-xacthuc.top/login", "unsure_verdict": "Chưa chắc"},
    "en": {"scam": "Scam", "unsure": "Not sure", "certain": "Certain",
           "opens": "Opens: https://testbank-xacthuc.top/login", "unsure_verdict": "Not sure"},
}


class Driver:
    """Acts on the page the way one kind of user would."""

    def __init__(self, page, mode):
        self.page, self.mode = page, mode

    def is_focused(self, locator):
        return locator.evaluate("el => el === document.activeElement")

    def tab_to(self, locator):
        for _ in range(120):
            if self.is_focused(locator):
                return
            self.page.keyboard.press("Tab")
        raise AssertionError(f"Tab never reached {locator}")

    def activate(self, locator):
        """Press a button or link, or toggle a checkbox or mark."""
        if self.mode == "keyboard":
            self.tab_to(locator)
            tag = locator.evaluate("el => el.tagName + ':' + (el.type || '')")
            self.page.keyboard.press("Space" if tag in ("INPUT:checkbox", "BUTTON:button") else "Enter")
        elif self.mode == "touch":
            locator.tap()
        else:
            locator.click()

    def choose_radio(self, group_name, label_text):
        form = self.page.locator("form.question-form")
        label = form.locator("label.option", has_text=label_text)
        if self.mode == "keyboard":
            radios = form.locator(f'input[name="{group_name}"]')
            target = label.locator("input")
            self.tab_to(radios.first)
            for _ in range(radios.count()):
                if self.is_focused(target):
                    break
                self.page.keyboard.press("ArrowDown")
            self.page.keyboard.press("Space")
            expect(target).to_be_checked()
        else:
            self.activate(label)

    def tick(self, label_text):
        label = self.page.locator("form.question-form label.option", has_text=label_text)
        self.activate(label.locator("input") if self.mode == "keyboard" else label)

    def mark_part(self, text):
        """Mark a mockup part: a toggle button with JS, a checkbox without."""
        if self.mode == "no-js":
            part = self.page.locator("label.part-markable", has_text=text)
            part.click()
            expect(part.locator("input")).to_be_checked()
        else:
            part = self.page.locator("button.part-markable", has_text=text)
            self.activate(part)
            expect(part).to_have_attribute("aria-pressed", "true")

    def number_step(self, text, position):
        select = self.page.locator("li.step", has_text=text).locator("select")
        if self.mode == "keyboard":
            self.tab_to(select)
            self.page.keyboard.press(str(position))
        else:
            select.select_option(str(position))
        expect(select).to_have_value(str(position))

    def reveal_link(self):
        link = self.page.locator(".mock-link").first
        target = self.page.locator(".link-target").first
        expect(target).not_to_be_visible()
        if self.mode == "keyboard":
            self.tab_to(link)
        elif self.mode == "touch":
            link.tap()
        else:
            link.hover()
        expect(target).to_be_visible()

    def submit(self):
        if self.mode != "no-js":
            self.page.wait_for_load_state("load")  # deferred scripts have run
        self.activate(self.page.locator("form.question-form button[type=submit]"))

    def next(self, name):
        if self.mode != "no-js":  # as answering.go_on: the focus move scrolls first
            expect(self.page.locator(".feedback-title")).to_be_focused()
        self.activate(self.page.get_by_role("link", name=name))


@pytest.fixture
def driver(browser, request):
    mode = request.param
    options = {"java_script_enabled": mode != "no-js"}
    if mode == "touch":
        options.update(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    context = browser.new_context(**options)
    page = context.new_page()
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    yield Driver(page, mode)
    context.close()
    assert refused == [], "the page broke its own Content-Security-Policy"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("driver", MODES, indirect=True)
def test_every_question_type_and_mockup_kind(driver, test_content_server, lang, ui):
    page, words, ui = driver.page, WORDS[lang], ui[lang]
    quiz = test_content_server.app.extensions["content"].library.quizzes["recognition"]
    page.goto(f"{test_content_server.url}/quizzes/recognition?lang={lang}")
    driver.activate(page.get_by_role("button", name=ui["start"]))
    total = len(quiz.questions)

    def check(verdict, question_number):
        driver.submit()
        expect(page.locator(".feedback-title")).to_contain_text(verdict)
        expect(page).to_have_url(re.compile(r"/answer#feedback$" if driver.mode == "no-js" else r"/question$"))
        if driver.mode == "keyboard" and question_number < total:
            expect(page.locator(".feedback-title")).to_be_focused()
        last = question_number == total
        driver.next(ui["results"] if last else ui["next"])

    # 1. verdict on an SMS: the figure is captioned, the link reveals its target first.
    expect(page.locator("figure.mockup-sms figcaption")).to_have_text(CAPTION[lang])
    driver.reveal_link()
    expect(page.locator(".link-target").first).to_have_text(words["opens"])
    driver.choose_radio("choice", words["scam"])
    driver.choose_radio("confidence", words["certain"])
    check(ui["right"], 1)

    # 2. verdict on an email: "not sure" scores nothing but is explained.
    expect(page.locator("figure.mockup-email")).to_be_visible()
    driver.choose_radio("choice", words["unsure"])
    check(words["unsure_verdict"], 2)

    # 3. red flags on a chat: mark the two warning signs.
    chat = quiz.question("friend-chat")
    expect(page.locator("figure.mockup-chat")).to_be_visible()
    if driver.mode != "no-js":  # measure the toggle buttons app.js makes, not the labels they replace
        expect(page.locator("label.part-markable")).to_have_count(0)
    page.wait_for_load_state("load")  # the stylesheet applied: heights are final
    heights = page.locator(".part-markable").evaluate_all("parts => parts.map(p => p.getBoundingClientRect().height)")
    assert heights and min(heights) >= 44, heights  # touch targets
    driver.mark_part("0:05")
    driver.mark_part(chat.mockup.messages[1].text.get(lang))
    driver.submit()
    expect(page.locator(".feedback-title")).to_contain_text(ui["right"])
    expect(page.locator("figure.mockup-chat .part-red .clue-number")).to_have_count(2)
    expect(page.locator(".clue-list li")).to_have_count(2)
    driver.next(ui["next"])

    # 4. best response to a call (one right answer).
    police = quiz.question("police-call")
    expect(page.locator("figure.mockup-call")).to_be_visible()
    driver.choose_radio("choice", police.option("hang-up").text.get(lang))
    check(ui["right"], 4)

    # 5. best response about a social profile (several right answers).
    fan = quiz.question("fan-page")
    expect(page.locator("figure.mockup-social")).to_be_visible()
    driver.tick(fan.option("check").text.get(lang))
    driver.tick(fan.option("ask").text.get(lang))
    check(ui["right"], 5)

    # 6. which is real: two web pages.
    expect(page.locator("figure.mockup-web")).to_have_count(2)
    # Sides are shuffled per attempt: find the fake by its address, choose the other.
    fake = quiz.question("real-site").side("fake").mockup.address
    sides = page.locator(".side")
    real = sides.nth(1) if fake in sides.nth(0).inner_text() else sides.nth(0)
    driver.choose_radio("choice", real.locator("label.option").inner_text())
    check(ui["right"], 6)

    # 7. ordering.
    ordering = quiz.question("after-scam")
    for position, step in enumerate(ordering.steps, start=1):
        driver.number_step(step.text.get(lang), position)
    check(ui["right"], 7)

    expect(page).to_have_url(re.compile(r"/quizzes/recognition/result"))
    expect(page.locator(".score-value")).to_have_text(re.compile(rf"^6( of |/){total} "))
    expect(page.locator(".confidence-summary")).to_be_visible()
