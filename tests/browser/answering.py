"""Answering whatever question is on screen, for tests that only need to get past it."""
from playwright.sync_api import expect


def choose_first(page, javascript=True):
    """Picks the first choice of the question form (or numbers 1..n for an ordering).

    With JS a red-flag part is answered through the toggle button app.js builds
    once the page has loaded: the locator waits for that button rather than
    grab the checkbox it is about to hide."""
    form = page.locator("form.question-form")
    selects = form.locator("select")
    if selects.count():
        for n in range(selects.count()):
            selects.nth(n).select_option(str(n + 1))
    elif javascript:
        form.locator('input[name="choice"]:not(.part-box), button.part-markable').first.click()
    else:
        form.locator('input[name="choice"]').first.check()
    return form


def answer_first(page, words, javascript=True):
    """Answers the current question with its first choice and checks it."""
    choose_first(page, javascript).get_by_role("button", name=words["check"]).click()


def go_on(page, words, last=False, javascript=True):
    """Follows "Next question", or "See your results" after the last question.

    With JS it first waits for the feedback heading to take focus: app.js moves it
    there once htmx has settled the panel, and that move scrolls back up to the
    heading. A click sent before it (a loaded machine lets Playwright in first)
    finds its link scrolled out of a phone's viewport."""
    if javascript:
        expect(page.locator(".feedback-title")).to_be_focused()
    page.get_by_role("link", name=words["results"] if last else words["next"]).click()
