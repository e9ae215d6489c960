"""The curriculum's own pages in a browser: the lessons page's pathways (one
audience opened by the filter) and a lesson's teacher notes, in both
languages, with and without JavaScript, axe-clean at a phone's and a
desktop's size (tests/browser/axe.py); and a contest practice set taken from
the lessons page to its result."""
import re

import pytest
from playwright.sync_api import expect

from .answering import answer_first, go_on
from .axe import Auditor, audit_context
from .staff import say


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_pathways_and_teacher_notes(browser, live_server, library, lang, javascript):
    app = live_server.app
    audit, context = Auditor(javascript), audit_context(browser, javascript)
    page = context.new_page()
    page.goto(f"{live_server.url}/lessons/?lang={lang}")
    paths = page.locator(".pathways details")
    expect(paths).to_have_count(len(library.pathways.pathways))
    first = library.pathways.pathways[0]
    paths.first.locator("summary").click()  # opens without JavaScript too: <details>
    expect(paths.first.locator("ol li")).to_have_count(len(first.lessons))
    audit(page, "lessons page with pathways")

    page.locator("#audience").select_option("teachers")
    page.locator("form.filters button[type=submit]").click()
    teachers = page.locator(".pathways details[open]")
    expect(teachers).to_have_count(1)
    teachers.locator("ol a").first.click()
    expect(page.locator(".key-messages li").first).to_be_visible()
    page.get_by_role("link", name=say(app, lang, "Teacher notes: a 45-minute plan to print")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(say(app, lang, "Teacher notes"))
    expect(page.locator(".teacher-notes tbody tr td").first).to_have_text(re.compile(r"^0–\d+$"))
    expect(page.locator(".teacher-notes .take-home")).to_be_visible()
    if javascript:
        expect(page.get_by_role("button", name=say(app, lang, "Print"))).to_be_visible()
    audit(page, "teacher notes")
    context.close()
    audit.assert_clean()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_contest_practice_set_from_the_lessons_page_to_its_result(browser, live_server, library, ui, lang, javascript):
    app, words = live_server.app, ui[lang]
    practice = library.practice_sets[0]
    audit, context = Auditor(javascript), audit_context(browser, javascript)
    page = context.new_page()
    page.goto(f"{live_server.url}/lessons/?lang={lang}")
    section = page.locator(".practice-sets")
    expect(section.get_by_role("heading", level=2)).to_have_text(say(app, lang, "Contest practice"))
    expect(section.get_by_role("link")).to_have_count(len(library.practice_sets))
    section.get_by_role("link", name=practice.title.get(lang)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(practice.title.get(lang))
    expect(page.locator(".tag").first).to_have_text(say(app, lang, "Several topics"))
    audit(page, "a contest practice set's intro")
    if practice.gated:  # a set drawing a question with an age limit asks the age band first
        page.get_by_label("11–14").check()
    page.get_by_role("button", name=words["start"]).click()
    total = len(practice.for_learner(11).questions)
    for index in range(total):
        expect(page.locator(".progress-text")).to_have_text(words["question"].format(n=index + 1, total=total))
        answer_first(page, words, javascript)
        go_on(page, words, index == total - 1, javascript)
    expect(page.locator(".score-value")).to_be_visible()
    expect(page.locator("a.review-link")).to_have_count(total)
    context.close()
    audit.assert_clean()
