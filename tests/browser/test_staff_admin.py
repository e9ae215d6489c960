"""An admin turns a teacher's account off on the staff page: the teacher's
open session ends at once and signing in again is refused, in both languages."""
import pytest
from playwright.sync_api import expect

PASSWORD = "a long enough passphrase"
WORDS = {
    "vi": {"sign_in": "Đăng nhập", "create_account": "Tạo tài khoản", "staff": "Quản lý tài khoản",
           "turn_off": "Tạm ngừng {email}", "turned_off": "Đã tạm ngừng {email}", "status": "Tạm ngừng từ",
           "please_sign_in": "Vui lòng đăng nhập", "refused": "đã bị quản trị viên tạm ngừng",
           "sign_out": "Đăng xuất trên mọi thiết bị"},
    "en": {"sign_in": "Sign in", "create_account": "Create account", "staff": "Staff accounts",
           "turn_off": "Turn off {email}", "turned_off": "{email} is turned off", "status": "Turned off on",
           "please_sign_in": "Please sign in", "refused": "turned off by an admin",
           "sign_out": "Sign out on every device"},
}


def sign_in(page, base, lang, email):
    page.goto(f"{base}/auth/signin?lang={lang}")
    page.locator("#email").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("form.stack").get_by_role("button", name=WORDS[lang]["sign_in"]).click()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_admin_turns_off_a_teacher_and_their_session_ends(browser, live_server, lang):
    words, base = WORDS[lang], live_server.url
    admin_email, teacher_email = f"staff-admin-{lang}@school.example", f"staff-teacher-{lang}@school.example"
    result = live_server.app.test_cli_runner().invoke(args=["users", "create-admin", admin_email, "--password", PASSWORD])
    assert result.exit_code == 0, result.output

    teacher = browser.new_context().new_page()
    teacher.goto(f"{base}/auth/signup?lang={lang}")
    teacher.locator("#email").fill(teacher_email)
    teacher.locator("#password").fill(PASSWORD)
    teacher.locator("#confirm").fill(PASSWORD)
    teacher.get_by_role("button", name=words["create_account"]).click()
    expect(teacher.get_by_role("button", name=words["sign_out"])).to_be_visible()

    admin = browser.new_context().new_page()
    sign_in(admin, base, lang, admin_email)
    admin.get_by_role("link", name=words["staff"]).click()
    admin.get_by_role("button", name=words["turn_off"].format(email=teacher_email), exact=True).click()
    expect(admin.locator(".alert-success")).to_contain_text(words["turned_off"].format(email=teacher_email))
    expect(admin.get_by_role("row").filter(has_text=teacher_email)).to_contain_text(words["status"])

    # The teacher's open page: the next click lands on the sign-in page, and signing in is refused.
    teacher.reload()
    expect(teacher).to_have_url(f"{base}/auth/signin?next=%2Fclasses%2F")
    expect(teacher.locator("main")).to_contain_text(words["please_sign_in"])
    sign_in(teacher, base, lang, teacher_email)
    expect(teacher.get_by_role("alert").filter(has_text=words["refused"])).to_be_visible()
    teacher.context.close()
    admin.context.close()
