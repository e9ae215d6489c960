"""A teacher fixes a student's typed name and merges two entries of one
student after seeing what each has: in both languages, on a laptop and a phone."""
import pytest
from playwright.sync_api import expect

WORDS = {
    "vi": {"join": "Vào lớp",
           "rename": "Đổi tên Mihn", "renamed": "Mihn đã được đổi tên thành Minh",
           "merge_link": "Gộp hai mục của cùng một học sinh…", "show": "Xem mỗi mục có gì",
           "merge": "Gộp vào Minh Anh", "merged": "Đã gộp Minh vào Minh Anh", "one": "1 học sinh"},
    "en": {"join": "Join",
           "rename": "Rename Mihn", "renamed": "Mihn is now called Minh",
           "merge_link": "Merge two entries of the same student…", "show": "Show what each entry has",
           "merge": "Merge into Minh Anh", "merged": "Minh is merged into Minh Anh", "one": "1 student"},
}


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, page.url


@pytest.mark.parametrize("size", [(1366, 768), (360, 740)], ids=["laptop", "phone"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_teacher_renames_and_merges_students(browser, live_server, lang, size, open_class):
    words, base = WORDS[lang], live_server.url
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    teacher = context.new_page()
    code = open_class(teacher, base, lang, f"manage-{lang}-{size[0]}@school.example", f"8B {lang} {size[0]}")
    class_url = teacher.url

    for name in ("Mihn", "Minh Anh"):  # a typo, then the same pupil again after losing the code
        student = browser.new_context().new_page()
        student.goto(f"{base}/join?lang={lang}")
        student.locator("#code").fill(code)
        student.locator("#display_name").fill(name)
        student.get_by_role("button", name=words["join"], exact=True).click()
        expect(student.locator(".join-code")).to_be_visible()
        student.context.close()

    teacher.goto(class_url)
    no_sideways_scroll(teacher)
    field = teacher.get_by_label("Mihn", exact=False).and_(teacher.locator("input[type=text]"))
    field.fill("Minh")
    teacher.get_by_role("button", name=words["rename"]).click()
    expect(teacher.locator(".alert-success")).to_contain_text(words["renamed"])

    teacher.get_by_role("link", name=words["merge_link"]).click()
    teacher.locator("#keep").select_option(label="Minh Anh")
    teacher.locator("#other").select_option(label="Minh")
    teacher.get_by_role("button", name=words["show"]).click()
    expect(teacher.locator("#merge-holdings tbody tr")).to_have_count(2)
    no_sideways_scroll(teacher)
    teacher.get_by_role("button", name=words["merge"]).click()
    expect(teacher.locator(".alert-success")).to_contain_text(words["merged"])
    expect(teacher.locator("#students-heading")).to_have_text(words["one"])
    context.close()
