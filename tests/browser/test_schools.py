"""An organiser imports a school list (one bad row, one school under a former
province's name) and reads the report; a teacher finds that school by its
province and a part of its name and makes it theirs, and the organiser, who
does not know the teacher, refuses the claim. In both languages, and
once with JavaScript off for both of them; with JavaScript on, axe audits
each page on the way (and the staff page with its role choices).

The words are the app's own catalogue in the page's language (gettext), so
the test reads what a person in that language reads."""
import pytest
from playwright.sync_api import expect

from .axe import Auditor, audit_context
from .staff import PASSWORD, give_role, say


def sign_up(page, base, lang, email, ui):
    page.goto(f"{base}/auth/signup?lang={lang}")
    page.locator("#email").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("#confirm").fill(PASSWORD)
    page.get_by_role("button", name=ui[lang]["create_account"]).click()
    expect(page).to_have_url(f"{base}/classes/")


@pytest.mark.parametrize("lang, js", [("vi", True), ("en", True), ("en", False)])
def test_organiser_imports_schools_and_a_teacher_picks_theirs(browser, live_server, ui, lang, js):
    app, base, tag = live_server.app, live_server.url, f"{lang}-{'js' if js else 'nojs'}"
    auditor = Auditor(javascript=True)

    def person():
        return (audit_context(browser, True) if js else browser.new_context(java_script_enabled=False)).new_page()

    def audit(page, state):
        if js:
            auditor(page, state)

    school = f"Trường THCS Lê Lợi {tag}"
    csv = (f"tên trường;tỉnh;xã/phường;cấp học\n"
           f"{school};Tỉnh Hà Giang;Phường Hà Giang 1;THCS\n"
           f"Trường Tiểu học Kim Đồng {tag};Tuyên Quang;Phường Minh Xuân;tiểu học\n"
           f"Trường THPT Chu Văn An {tag};Atlantis;;THPT\n")

    organiser = person()
    sign_up(organiser, base, lang, f"schools-organiser-{tag}@school.example", ui)
    give_role(app, f"schools-organiser-{tag}@school.example", "organiser")
    organiser.goto(f"{base}/organise/schools/?lang={lang}")
    expect(organiser.locator("html")).to_have_attribute("lang", lang)
    audit(organiser, "organiser: school list")
    organiser.get_by_label(say(app, lang, "CSV file")).set_input_files(
        files=[{"name": "schools.csv", "mimeType": "text/csv", "buffer": csv.encode("utf-8-sig")}])
    organiser.get_by_role("button", name=say(app, lang, "Import schools")).click()

    expect(organiser.get_by_role("heading", level=1)).to_have_text(say(app, lang, "Import report"))
    expect(organiser.locator("#import-summary dd")).to_have_text(["2", "0", "1"])
    problem = organiser.locator("#import-problems tbody tr")
    expect(problem).to_have_count(1)
    expect(problem).to_contain_text(say(app, lang, "“%(province)s” is not a province or city, before or after the 2025 merger.",
                                          province="Atlantis"))
    expect(problem.locator("td").first).to_have_text("4")
    expect(organiser.locator("#import-mapped tbody td")).to_have_text(["Tỉnh Hà Giang", "Tuyên Quang", "1"])
    audit(organiser, "organiser: import report")
    organiser.get_by_role("link", name=say(app, lang, "Back to the school list")).click()
    organiser.get_by_label(say(app, lang, "Part of the school’s name")).fill(f"le loi {tag}")
    organiser.get_by_role("button", name=say(app, lang, "Search")).click()
    expect(organiser.locator("#schools tbody td")).to_have_text(
        [school, "Phường Hà Giang 1", "Tuyên Quang", say(app, lang, "Lower secondary")])
    audit(organiser, "organiser: school found")

    teacher = person()
    sign_up(teacher, base, lang, f"schools-teacher-{tag}@school.example", ui)
    teacher.goto(f"{base}/my-school/?lang={lang}")
    expect(teacher.locator("#current-school")).to_have_text(say(app, lang, "You have not chosen your school yet."))
    audit(teacher, "teacher: no school yet")
    teacher.get_by_label(say(app, lang, "Province or city")).select_option("Tuyên Quang")
    teacher.get_by_label(say(app, lang, "Part of the school’s name")).fill(f"LÊ LỢI {tag}")
    teacher.get_by_role("button", name=say(app, lang, "Find schools")).click()
    expect(teacher.locator("#schools li")).to_have_count(1)
    audit(teacher, "teacher: schools found")
    teacher.get_by_role("button", name=say(app, lang, "Choose %(school)s", school=school)).click()
    expect(teacher.locator(".alert-success")).to_contain_text(say(app, lang, "Your school is now %(school)s.", school=school))
    expect(teacher.locator("#current-school strong")).to_have_text(school)
    expect(teacher.locator("#school-confirmation")).to_contain_text(
        say(app, lang, "Waiting for an organiser to confirm that you teach here. Until then you cannot enter "
                         "students in contests or confirm the students who named your school."))
    audit(teacher, "teacher: school chosen, waiting for confirmation")

    # The class form now offers it, and the class is linked to it.
    teacher.goto(f"{base}/classes/new?lang={lang}")
    teacher.locator("#name").fill(f"7A {tag}")
    expect(teacher.get_by_label(say(app, lang, "School on the contest list"))).to_contain_text(school)
    audit(teacher, "teacher: new class with a school to link")
    teacher.get_by_label(say(app, lang, "School on the contest list")).select_option(label=school)
    teacher.get_by_role("button", name=ui[lang]["create_class"]).click()
    expect(teacher.locator("h1")).to_have_text(f"7A {tag}")

    # The organiser does not know this teacher, and refuses: the school is gone from their account.
    teacher_email = f"schools-teacher-{tag}@school.example"
    organiser.goto(f"{base}/organise/schools/?lang={lang}")
    organiser.get_by_role("link", name=say(app, lang, "Teachers waiting for confirmation")).click()
    expect(organiser.locator("#waiting-teachers tbody tr", has_text=teacher_email)).to_contain_text(school)
    audit(organiser, "organiser: teachers waiting for confirmation")
    organiser.get_by_role("button", name=say(app, lang, "Refuse %(email)s", email=teacher_email)).click()
    expect(organiser.locator(".alert-success")).to_contain_text(teacher_email)
    expect(organiser.locator("#waiting-teachers tbody tr", has_text=teacher_email)).to_have_count(0)
    teacher.goto(f"{base}/my-school/?lang={lang}")
    expect(teacher.locator("#current-school")).to_have_text(say(app, lang, "You have not chosen your school yet."))
    organiser.context.close()
    teacher.context.close()
    if js:
        admin_email = f"schools-admin-{tag}@school.example"
        made = app.test_cli_runner().invoke(args=["users", "create-admin", admin_email, "--password", PASSWORD])
        assert made.exit_code == 0, made.output
        admin = person()
        admin.goto(f"{base}/auth/signin?lang={lang}")
        admin.locator("#email").fill(admin_email)
        admin.locator("#password").fill(PASSWORD)
        admin.locator("main form.stack button[type=submit]").click()
        admin.goto(f"{base}/admin/staff?lang={lang}")
        expect(admin.get_by_label(say(app, lang, "Role of %(email)s", email=f"schools-organiser-{tag}@school.example"), exact=True)
               ).to_have_value("organiser")
        audit(admin, "admin: staff accounts with roles")
        admin.context.close()
        auditor.assert_clean()
