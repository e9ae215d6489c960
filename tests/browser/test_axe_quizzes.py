"""axe-core finds nothing in any state of a quiz, in both languages, with
JavaScript on and off, at 360x740 and 1920x1080 (tests/browser/axe.py):
every question type and mockup kind of the test content, each question
before and after its answer, refused answers (nothing marked, a step number
given twice), the result, each question explained, the intro finished and
in progress, and "start over?".

The shipped quizzes too: each in one of the four language and JavaScript
runs (so that each run walks one quiz with red flags to mark), every
question answered, and audited with its feedback the first time the run
meets its look (question type and mockup kinds): 325 questions audited one
by one took most of the suite's time, and the content's own words are
audited on every lesson page and result.
"""
import pytest
from playwright.sync_api import expect

from .answering import choose_first
from .axe import Auditor, audit_context

RUNS = [("vi", True), ("vi", False), ("en", True), ("en", False)]


def shipped_share(library, lang, javascript) -> list[str]:
    """This run's shipped quizzes: those with red flags to mark dealt out first, one to each run.
    Not the practice sets: their questions are the bank's, walked here already."""
    marking = lambda quiz: any(q.type == "red_flags" for q in quiz.questions)
    quizzes = sorted(library.authored_quizzes(), key=lambda quiz: (not marking(quiz), quiz.slug))
    run = RUNS.index((lang, javascript))
    return [quiz.slug for index, quiz in enumerate(quizzes) if index % len(RUNS) == run]


class QuizWalk:
    """Takes a quiz on `page` from its intro to its explained questions, auditing every state."""

    LOOK = """() => [document.querySelector('form.question-form').className,
        ...[...document.querySelectorAll('form.question-form figure')].map(f => f.className)].join('|')"""

    def __init__(self, page, audit, base, lang, javascript, each_look_once=False):
        self.page, self.audit, self.base, self.lang, self.javascript = page, audit, base, lang, javascript
        self.looks = set() if each_look_once else None

    def new_look(self) -> bool:
        """Whether this question looks like none audited before (always, unless each_look_once)."""
        if self.looks is None:
            return True
        look = self.page.evaluate(self.LOOK)
        fresh = look not in self.looks
        self.looks.add(look)
        return fresh

    def submit(self):
        self.page.locator("form.question-form button[type=submit]").click()

    def refuse(self, slug, number):
        """An answer the server sends back: nothing marked, or the same step number twice."""
        form = self.page.locator("form.question-form")
        if "question-red_flags" in form.get_attribute("class"):
            what = "nothing marked"
        elif form.locator("select").count() > 1:
            what = "a step number given twice"
            for select in form.locator("select").all():
                select.select_option("1")
        else:
            return
        self.submit()
        expect(self.page.locator(".alert-error")).to_be_visible()
        self.audit(self.page, f"{slug} question {number}, refused: {what}")

    def take(self, slug, refusals=False):
        page = self.page
        page.goto(f"{self.base}/quizzes/{slug}?lang={self.lang}")
        self.audit(page, f"{slug} intro")
        ages = page.locator(".age-question input[type=radio]")
        if ages.count():
            ages.last.check()  # the oldest band: every question
        page.locator("form[action$='/start'] button[type=submit]").click()
        number = 0
        while True:
            number += 1
            expect(page.locator("form.question-form")).to_be_visible()
            page.wait_for_load_state("load")
            if self.javascript and page.locator("label.part-markable").count():
                expect(page.locator("label.part-markable")).to_have_count(0)  # app.js made them buttons
            audited = self.new_look()
            if audited:
                self.audit(page, f"{slug} question {number}")
            if refusals:
                self.refuse(slug, number)
            choose_first(page, self.javascript)
            self.submit()
            expect(page.locator(".feedback-title")).to_be_visible()
            if audited:
                self.audit(page, f"{slug} feedback {number}")
            onwards = page.locator(".quiz-panel .actions a")
            last = onwards.get_attribute("href").endswith("/result")
            onwards.click()
            if last:
                break
        expect(page.locator(".score-value")).to_be_visible()
        self.audit(page, f"{slug} result")
        return number

    def explained(self, slug, count):
        for number in range(1, count + 1):
            self.page.goto(f"{self.base}/quizzes/{slug}/result/{number}?lang={self.lang}")
            self.audit(self.page, f"{slug} question {number} explained")


@pytest.mark.parametrize("lang, javascript", RUNS, ids=[f"{lang}-{'js' if js else 'no-js'}" for lang, js in RUNS])
def test_every_quiz_state(browser, test_content_server, live_server, library, lang, javascript):
    audit, context = Auditor(javascript), audit_context(browser, javascript)
    page = context.new_page()
    walk = QuizWalk(page, audit, test_content_server.url, lang, javascript)
    for slug in ("recognition", "first-quiz"):
        walk.explained(slug, walk.take(slug, refusals=True))
    page.goto(f"{test_content_server.url}/quizzes/first-quiz?lang={lang}")
    audit(page, "first-quiz intro, finished")
    page.locator("form[action$='/start'] button[type=submit]").click()  # take it again
    page.goto(f"{test_content_server.url}/quizzes/first-quiz?lang={lang}")
    audit(page, "first-quiz intro, in progress")
    page.locator("a[href$='/restart']").click()
    audit(page, "first-quiz, start over?")

    shipped = QuizWalk(page, audit, live_server.url, lang, javascript, each_look_once=True)
    for slug in shipped_share(library, lang, javascript):
        shipped.take(slug)
    context.close()
    audit.assert_clean()
