"""A teacher closes joining (a student is refused, with the reason), opens it
again, and removes a student after a confirmation page: in both languages, on
a laptop and a phone."""
import re

import pytest
from playwright.sync_api import expect

WORDS = {
    "vi": {"join": "Vào lớp",
           "close": "Đóng việc vào lớp", "open": "Mở lại việc vào lớp", "closed": "Lớp đã đóng",
           "refused": "Lớp này đang tạm dừng nhận học sinh mới", "remove": "Xóa {name}…",
           "confirm": "Xóa học sinh và toàn bộ dữ liệu của các em", "removed": "Đã xóa 1 học sinh",
           "forever": "xóa vĩnh viễn", "none": "Chưa có học sinh"},
    "en": {"join": "Join",
           "close": "Close joining", "open": "Open joining", "closed": "Joining is closed",
           "refused": "This class is not taking new students right now", "remove": "Remove {name}…",
           "confirm": "Remove this student and their data", "removed": "1 student removed",
           "forever": "deleted for good", "none": "No students yet"},
}


@pytest.mark.parametrize("size", [(1366, 768), (360, 740)], ids=["laptop", "phone"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_teacher_closes_joining_and_removes_a_student(browser, live_server, lang, size, open_class):
    words, base = WORDS[lang], live_server.url
    teacher = browser.new_context(viewport={"width": size[0], "height": size[1]}).new_page()
    code = open_class(teacher, base, lang, f"admin-{lang}-{size[0]}@school.example", f"6C {lang} {size[0]}")

    teacher.get_by_role("button", name=words["close"]).click()
    expect(teacher.locator("#joining-state")).to_contain_text(words["closed"])

    student = browser.new_context().new_page()
    student.goto(f"{base}/join?lang={lang}")
    student.locator("#code").fill(code)
    student.locator("#display_name").fill("Lan")
    student.get_by_role("button", name=words["join"], exact=True).click()
    expect(student.locator(".alert-error")).to_contain_text(words["refused"])

    teacher.get_by_role("button", name=words["open"]).click()
    expect(teacher.get_by_role("button", name=words["close"])).to_be_visible()
    student.get_by_role("button", name=words["join"], exact=True).click()
    expect(student.locator(".join-code")).to_have_text(re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$"))

    teacher.reload()
    teacher.get_by_role("link", name=words["remove"].format(name="Lan")).click()
    expect(teacher.locator("#students-to-remove")).to_have_text("Lan")
    expect(teacher.locator(".alert-error")).to_contain_text(words["forever"])
    teacher.get_by_role("button", name=words["confirm"]).click()
    expect(teacher.locator(".alert-success")).to_contain_text(words["removed"])
    expect(teacher.locator("#students-heading").locator("xpath=..")).to_contain_text(words["none"])
