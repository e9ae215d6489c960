"""The curriculum's own pages in a browser: the lessons page's pathways (one
audience opened by the filter) and a lesson's teacher notes, in both
languages, with and without JavaScript, axe-clean at a phone's and a
desktop's size (tests/browser/axe.py)."""
import re

import pytest
from playwright.sync_api import expect

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
