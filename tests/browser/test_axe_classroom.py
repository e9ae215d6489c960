"""axe-core finds nothing on the pages of a class, in both languages, with
JavaScript on and off, at 360x740 and 1920x1080 (tests/browser/axe.py).

An admin invites a teacher (invites, staff accounts); the teacher signs up
through the link, makes a class (with and without errors), assigns a lesson
and a quiz; two students join (/me with the new personal code), one reads the
lesson and finishes it, takes the homework and sees it explained, then
continues on another device with the personal code. The teacher then opens
every page of the class: the class page, join sheet, grid, quiz, topic and
student reports, rename, merge, remove, delete, a new personal code, editing
and archiving, the class list, and the password page; results held back show
the student the page that says so."""
import re

import pytest
from playwright.sync_api import expect

from .answering import choose_first
from .axe import Auditor, audit_context

PASSWORD = "a long enough passphrase"


def submit(page, scope="main form.stack"):
    page.locator(scope).locator("button[type=submit]").first.click()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_class_pages(browser, test_content_server, lang, javascript):
    server, run = test_content_server, f"{lang}-{'js' if javascript else 'nojs'}"
    base = server.url
    audit = Auditor(javascript)
    contexts = []

    def person():
        context = audit_context(browser, javascript)
        contexts.append(context)
        return context.new_page()

    def visit(page, path, state):
        page.goto(f"{base}{path}{'&' if '?' in path else '?'}lang={lang}")
        audit(page, state)

    # The admin: an invite link and the staff list.
    admin_email = f"axe-admin-{run}@school.example"
    made = server.app.test_cli_runner().invoke(args=["users", "create-admin", admin_email, "--password", PASSWORD])
    assert made.exit_code == 0, made.output
    admin = person()
    admin.goto(f"{base}/auth/signin?lang={lang}")
    admin.locator("#email").fill(admin_email)
    admin.locator("#password").fill(PASSWORD)
    submit(admin)
    visit(admin, "/admin/invites", "admin: invites")
    submit(admin, "main form")
    link = admin.locator("code.invite-link").inner_text()
    audit(admin, "admin: invite link made")
    visit(admin, "/admin/staff", "admin: staff accounts")

    # The teacher signs up through the invite and makes a class.
    teacher = person()
    visit(teacher, re.sub(r"^https?://[^/]+", "", link), "sign-up through an invite")
    teacher.locator("#email").fill(f"axe-teacher-{run}@school.example")
    teacher.locator("#password").fill(PASSWORD)
    teacher.locator("#confirm").fill(PASSWORD)
    submit(teacher)
    audit(teacher, "teacher: no classes yet")
    visit(teacher, "/classes/new", "teacher: new class")
    submit(teacher)
    audit(teacher, "teacher: new class with an error")
    teacher.locator("#name").fill(f"7A {run}")
    submit(teacher)
    class_url = re.sub(r"\?.*$", "", teacher.url).removeprefix(base)
    audit(teacher, "teacher: class page, nobody yet")
    for item in ("lesson:first-lesson", "quiz:first-quiz"):
        teacher.locator("#item").select_option(item)
        teacher.locator("form[action$='/assign'] button[type=submit]").click()
    audit(teacher, "teacher: class page, two assignments")
    code = teacher.locator("#join-code").inner_text().strip()

    # Two students join; one reads, finishes, takes the homework.
    student = person()
    for name in ("Mihn", "Minh Anh"):
        student.context.clear_cookies()
        visit(student, "/join", "student: join")
        student.locator("#code").fill(code)
        student.locator("#display_name").fill(name)
        submit(student)
        expect(student.locator(".join-code")).to_be_visible()
    audit(student, "student: /me with the new personal code")
    personal = student.locator(".join-code").inner_text().strip()
    visit(student, "/lessons/first-lesson", "student: lesson to finish")
    student.locator("#finished button[type=submit]").click()
    audit(student, "student: lesson finished")
    visit(student, "/me/quizzes/first-quiz", "student: homework intro")
    student.locator("form[action$='/start'] button[type=submit]").click()
    for number in (1, 2, 3):
        choose_first(student, javascript)
        student.locator("form.question-form button[type=submit]").click()
        expect(student.locator(".feedback-title")).to_be_visible()
        student.locator(".quiz-panel .actions a").click()
    audit(student, "student: homework result")
    visit(student, "/me/quizzes/first-quiz/result/1", "student: homework question explained")
    visit(student, "/me", "student: /me, homework done")

    elsewhere = person()
    visit(elsewhere, "/join/continue", "student: continue on another device")
    elsewhere.locator("#code").fill(personal)
    submit(elsewhere)
    audit(elsewhere, "student: /me on another device")

    # Every page of the class, as the teacher.
    visit(teacher, class_url, "teacher: class page with students")
    visit(teacher, f"{class_url}/join-sheet", "teacher: join sheet")
    print_button = teacher.locator("[data-print]")
    expect(print_button).to_be_visible() if javascript else expect(print_button).to_be_hidden()
    visit(teacher, f"{class_url}/reports/grid", "teacher: progress grid")
    visit(teacher, f"{class_url}/reports/quizzes/first-quiz", "teacher: quiz report")
    visit(teacher, f"{class_url}/reports/topics", "teacher: topics report")
    teacher.goto(f"{base}{class_url}?lang={lang}")
    teacher.locator("#students-heading ~ ul a[href*='/reports/students/']").first.click()
    audit(teacher, "teacher: student report")
    student_path = re.sub(r"\?.*$", "", teacher.url).removeprefix(base).replace("/reports/students/", "/students/")
    visit(teacher, f"{student_path}/rename", "teacher: rename a student")
    teacher.locator("#display_name").fill("0901 234 567")
    submit(teacher)
    audit(teacher, "teacher: rename refused")
    visit(teacher, f"{class_url}/students/merge", "teacher: merge, choose two entries")
    submit(teacher, "#merge-choose")
    audit(teacher, "teacher: merge, nothing chosen")
    teacher.locator("#keep").select_option(index=1)
    teacher.locator("#other").select_option(index=2)
    submit(teacher, "#merge-choose")
    expect(teacher.locator("#merge-holdings")).to_be_visible()
    audit(teacher, "teacher: merge, what each entry has")
    visit(teacher, class_url, "teacher: class page")
    teacher.locator("form[action*='/students/'][action$='/code'] button[type=submit]").first.click()
    audit(teacher, "teacher: a new personal code")
    teacher.goto(f"{base}{class_url}?lang={lang}")
    teacher.locator("#students-heading ~ ul input[type=checkbox]").first.check()
    teacher.locator("#remove-students button[type=submit]").click()
    audit(teacher, "teacher: remove students, confirm")
    visit(teacher, f"{class_url}/delete", "teacher: delete the class, confirm")
    visit(teacher, f"{class_url}/edit", "teacher: edit the class")

    # Results held back: the student's result and explanations wait.
    teacher.goto(f"{base}{class_url}?lang={lang}")
    teacher.locator("form[action$='/release'] button[type=submit]").click()
    visit(student, "/me/quizzes/first-quiz/result", "student: result held back")

    # A second class archived; the class list; the password page.
    visit(teacher, "/classes/new", "teacher: new class")
    teacher.locator("#name").fill(f"Club {run}")
    submit(teacher)
    teacher.locator("form[action$='/archive'] button[type=submit]").click()
    visit(teacher, "/classes/", "teacher: class list with one archived")
    visit(teacher, "/auth/password", "teacher: change password")
    teacher.locator("#current").fill("not it")
    submit(teacher)
    audit(teacher, "teacher: change password refused")

    for context in contexts:
        context.close()
    audit.assert_clean()
