"""A teacher sorts the progress grid with the keyboard alone: focus stays on
the sort link pressed (the next Tab goes into the table, not the footer), the
new order is announced, and names come in Vietnamese order (Đ after D)."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from edu.services import accounts, classes, progress
from edu.web.db import get_session

PASSWORD = "a long enough passphrase"
EMAIL = "grid-keyboard@school.example"
ANNOUNCED = {"en": ("Sorted with the least progress first.", "Sorted by name."),
             "vi": ("Đã sắp xếp: ai làm được ít nhất lên trước.", "Đã sắp xếp theo tên.")}


@pytest.fixture(scope="module")
def sorted_class(live_server):
    """Four students; Dung and An finished the lesson, the others have not opened it."""
    app = live_server.app
    with app.app_context():
        db = get_session()
        teacher = accounts.create_user(db, EMAIL, PASSWORD)
        classroom = classes.create_class(db, teacher, "Lớp 6B", "", "", "vi")
        lesson = next(iter(app.extensions["content"].library.lessons))
        classes.assign(db, classroom, "lesson", lesson, None)
        for name in ("Vũ", "Đặng", "Dung", "An"):
            student = classes.join(db, app.secret_key, classroom.join_code, name).student
            if name in ("Dung", "An"):
                progress.lesson_finished(db, student.learner_key, lesson)
        db.commit()
        return classroom.id


def names(page) -> list[str]:
    return page.locator("table.grid tbody th").all_inner_texts()


def tab_to(page, element_id: str, limit: int = 80) -> None:
    """Press Tab until the element has focus, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"#{element_id} not reached in {limit} Tabs")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_sorting_the_grid_by_keyboard_keeps_focus_and_announces(page, live_server, sorted_class, lang):
    page.goto(f"{live_server.url}/auth/signin?lang={lang}")
    page.locator("#email").focus()
    page.keyboard.type(EMAIL)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/classes/**")
    page.goto(f"{live_server.url}/classes/{sorted_class}/reports/grid?lang={lang}")
    page.wait_for_function("window.htmx !== undefined")
    assert names(page) == ["An", "Dung", "Đặng", "Vũ"]
    status = page.locator("#grid-status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_text("")

    tab_to(page, "grid-sort-progress")
    page.keyboard.press("Enter")
    expect(status).to_have_text(ANNOUNCED[lang][0])
    expect(page.locator("#grid-sort-progress")).to_be_focused()
    expect(page.locator("#grid-sort-progress")).to_have_attribute("aria-current", "true")
    assert names(page) == ["Đặng", "Vũ", "An", "Dung"]
    assert page.url.endswith("sort=progress")

    page.keyboard.press("Shift+Tab")
    expect(page.locator("#grid-sort-name")).to_be_focused()
    page.keyboard.press("Enter")
    expect(status).to_have_text(ANNOUNCED[lang][1])
    expect(page.locator("#grid-sort-name")).to_be_focused()
    assert names(page) == ["An", "Dung", "Đặng", "Vũ"]
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past "least progress first": the first student, not the footer
    expect(page.locator("table.grid tbody th a").first).to_be_focused()
