"""The teacher's whole journey: sign up, create a class, a student joins and
takes a quiz, the teacher reads the grid and the item analysis and exports."""
import csv
import io
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from edu.content.questions import Shown

from .answering import go_on

WORDS = {
    "vi": {"create_account": "Tạo tài khoản", "create_class": "Tạo lớp", "join": "Vào lớp", "grid": "Bảng tiến độ",
           "check": "Kiểm tra đáp án", "start": "Bắt đầu làm bài", "next": "Câu tiếp theo", "results": "Xem kết quả",
           "student": "Học sinh", "done": "Đã xong"},
    "en": {"create_account": "Create account", "create_class": "Create class", "join": "Join", "grid": "Progress grid",
           "check": "Check my answer", "start": "Start the quiz", "next": "Next question", "results": "See your results",
           "student": "Student", "done": "Done"},
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_teacher_and_student_journey(browser, live_server, library, lang):
    words = WORDS[lang]
    base = live_server.url
    quiz = library.quizzes["scam-messages"]
    teacher = browser.new_context(accept_downloads=True).new_page()

    # The teacher signs up and creates a class.
    teacher.goto(f"{base}/auth/signup?lang={lang}")
    teacher.locator("#email").fill(f"teacher-{lang}@school.example")
    teacher.locator("#password").fill("a long enough passphrase")
    teacher.locator("#confirm").fill("a long enough passphrase")
    teacher.get_by_role("button", name=words["create_account"]).click()
    teacher.locator('a.button[href="/classes/new"]').click()
    teacher.locator("#name").fill(f"7A {lang}")
    teacher.locator("#school").fill("THCS Hoa Sen")
    teacher.get_by_role("button", name=words["create_class"]).click()
    expect(teacher.locator("h1")).to_have_text(f"7A {lang}")
    teacher.locator("#item").select_option(f"quiz:{quiz.slug}")
    teacher.locator("form.filters button[type=submit]").click()
    code = teacher.locator("#join-code").inner_text().strip()
    class_url = teacher.url.split("?")[0]

    # A student joins in another browser and takes the quiz: first question wrong, the rest right.
    student = browser.new_context().new_page()
    student.goto(f"{base}/join?lang={lang}")
    student.locator("#code").fill(code.lower())
    student.locator("#display_name").fill("Lan")
    student.get_by_role("button", name=words["join"], exact=True).click()
    expect(student.locator(".join-code")).to_have_text(re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$"))
    student.get_by_role("link", name=re.compile(re.escape(quiz.title.get(lang)))).click()
    student.get_by_role("button", name=words["start"]).click()
    for index, question in enumerate(quiz.questions):
        wanted = [o.id for o in question.options if o.correct != (index == 0)][:1] if index == 0 else \
            [o.id for o in question.options if o.correct]
        for option_id in wanted:  # the page names options from the server's secret, never by their ids
            value = question.form_value(option_id, Shown(0, live_server.app.secret_key))
            student.locator(f'input[name="choice"][value="{value}"]').check()
        student.get_by_role("button", name=words["check"]).click()
        last = index == len(quiz.questions) - 1
        go_on(student, words, last)
    total = len(quiz.questions)
    expect(student.locator(".score-value")).to_have_text(re.compile(rf"^{total - 1}( of |/){total} "))  # "9 of 10 points", "9/10 điểm"

    # The teacher sees it in the grid...
    teacher.goto(f"{class_url}/reports/grid?lang={lang}")
    row = teacher.locator("tr", has=teacher.get_by_role("link", name="Lan"))
    expect(row.locator("td")).to_contain_text(words["done"])
    percent = round(100 * (total - 1) / total)
    expect(row.locator("td")).to_contain_text(f"{percent}")

    # ...exports it, and the files read back with the same numbers.
    with teacher.expect_download() as download:
        teacher.locator('a[href$="grid.csv"]').click()
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8-sig").read())))
    assert rows[0][0] == words["student"] and rows[1][0] == "Lan" and rows[1][1] == words["done"]
    assert float(rows[1][2]) == pytest.approx(100 * (total - 1) / total, abs=0.05)
    with teacher.expect_download() as download:
        teacher.locator('a[href$="grid.xlsx"]').click()
    sheet = load_workbook(io.BytesIO(download.value.path().read_bytes())).active
    assert sheet.cell(2, 1).value == "Lan" and sheet.cell(2, 2).value == words["done"]
    assert sheet.cell(2, 3).value == pytest.approx(100 * (total - 1) / total, abs=0.05)

    # ...and in the item analysis: the first question is the one nobody got right.
    teacher.goto(f"{class_url}/reports/quizzes/{quiz.slug}?lang={lang}")
    first_row = teacher.locator("table.data tbody tr").first
    expect(first_row.locator("td").first).to_contain_text("0")
    with teacher.expect_download() as download:
        teacher.locator(f'a[href$="{quiz.slug}.xlsx"]').click()
    sheet = load_workbook(io.BytesIO(download.value.path().read_bytes())).active
    assert sheet.cell(2, 4).value == 0 and sheet.cell(3, 4).value == 100
