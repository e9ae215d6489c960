"""Schools for contests and the organiser role: CSV school lists imported row
by row (old province names filed under the unit in force, bad rows reported
by line and column, nothing doubled), the organisers' list, a teacher's
school and a class's, and who may do each."""
from __future__ import annotations

import io
import re

import pytest
from sqlmodel import select

from edu.models import AuditEvent, Classroom, School, User, utcnow
from edu.services import school_teachers, schools

from .database import run

LIST = """\ufefftên trường;tỉnh;xã/phường;cấp học
Trường THCS Lê Lợi;Tỉnh Hà Giang;Phường Hà Giang 1;THCS
Trường Tiểu học Kim Đồng;Tuyên Quang;Phường Minh Xuân;tiểu học
;Tuyên Quang;Phường Minh Xuân;THPT
Trường THPT Chu Văn An;Atlantis;;THPT
Trường THCS Nguyễn Du;Nghệ An;Phường Vinh Phú;đại học
trường thcs lê lợi;Tuyên Quang;phường hà giang 1;Trung học cơ sở
Trường Liên cấp Ngôi Sao;TP.HCM;"Phường
Sài Gòn";LIÊN CẤP
Trường THPT Phan Bội Châu;Nghệ An;Phường Trường Vinh;
"""


@pytest.fixture
def app(make_app):
    return make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)


def all_schools(app) -> list[tuple[str, str, str, str]]:
    return run(app, lambda db: [(s.name, s.province, s.commune, s.level)
                                for s in db.exec(select(School).order_by(School.id)).all()])


def user_named(app, email) -> User:
    return run(app, lambda db: db.exec(select(User).where(User.email == email)).one())


def with_role(app, sign_up, email, role):
    client = sign_up(app, email)
    result = app.test_cli_runner().invoke(args=["users", "set-role", email, role])
    assert result.exit_code == 0, result.output
    return client


def upload(client, text: str | bytes, query="?lang=en"):
    data = text.encode() if isinstance(text, str) else text
    return client.post(f"/organise/schools/import{query}", data={"file": (io.BytesIO(data), "schools.csv")},
                       content_type="multipart/form-data")


# --- the import ------------------------------------------------------------------------

def test_a_list_imports_its_good_rows_and_reports_each_bad_one(app):
    report = run(app, lambda db: schools.import_csv(db, LIST.encode()))
    assert (report.added, report.existing, report.rejected) == (4, 0, 4)
    assert [(p.line, p.field, p.code, p.params) for p in report.problems] == [
        (4, "name", "school.row_name_missing", {}),
        (5, "province", "school.row_province_unknown", {"province": "Atlantis"}),
        (6, "level", "school.row_level_unknown", {"level": "đại học"}),
        (7, "name", "school.row_duplicate", {"line": 2}),  # case and tone marks aside, the school on line 2
    ]
    assert all_schools(app) == [
        ("Trường THCS Lê Lợi", "Tuyên Quang", "Phường Hà Giang 1", "lower-secondary"),
        ("Trường Tiểu học Kim Đồng", "Tuyên Quang", "Phường Minh Xuân", "primary"),
        ("Trường Liên cấp Ngôi Sao", "TP Hồ Chí Minh", "Phường Sài Gòn", "multi-level"),  # a cell over two lines
        ("Trường THPT Phan Bội Châu", "Nghệ An", "Phường Trường Vinh", ""),
    ]
    assert [(m.line, m.written, m.unit) for m in report.mapped] == [(2, "Tỉnh Hà Giang", "Tuyên Quang"),
                                                                     (8, "TP.HCM", "TP Hồ Chí Minh")]
    assert report.mappings() == [("Tỉnh Hà Giang", "Tuyên Quang", 1), ("TP.HCM", "TP Hồ Chí Minh", 1)]


def test_importing_again_skips_what_is_on_the_list(app):
    run(app, lambda db: schools.import_csv(db, LIST))
    again = run(app, lambda db: schools.import_csv(db, LIST.replace("Trường THCS Nguyễn Du;Nghệ An;Phường Vinh Phú;đại học",
                                                                    "Trường THCS Nguyễn Du;Nghệ An;Phường Vinh Phú;THCS")))
    assert (again.added, again.existing, again.rejected) == (1, 4, 3)
    assert len(all_schools(app)) == 5


@pytest.mark.parametrize("text", [
    "name,province,commune,level\nTrường A,Huế,Phường Thuận Hóa,upper-secondary\n",  # commas, no BOM
    "\ufeffName;Province;Ward;Level\r\nTrường A;Thừa Thiên Huế;Phường Thuận Hóa;Upper secondary\r\n",
    "\n\nlevel\tname\tprovince\tcommune\nthpt\tTrường A\tThành phố Huế\tPhường Thuận Hóa\n\n",  # tabs, any column order
])
def test_delimiters_headers_and_spellings(app, text):
    report = run(app, lambda db: schools.import_csv(db, text.encode()))
    assert report.added == 1 and not report.problems
    assert all_schools(app) == [("Trường A", "Huế", "Phường Thuận Hóa", "upper-secondary")]


def test_excel_unicode_text_and_hidden_characters(app):
    text = "name\tprovince\nTrường\u200b B\x00\tHà Nội\n"
    assert run(app, lambda db: schools.import_csv(db, text.encode("utf-16"))).added == 1
    assert all_schools(app) == [("Trường B", "Hà Nội", "", "")]


@pytest.mark.parametrize("data, code, params", [
    (b"", "school.empty", {}),
    (b"\n \n", "school.empty", {}),
    ("tên,xã\nTrường A,Phường B\n".encode(), "school.header", {"columns": "province"}),
    ("name,province\nĐông Hà,Hue\n".encode("cp1258"), "school.not_utf8", {}),
    (b"name,province\n" + b"x" * schools.MAX_BYTES, "school.file_too_large", {"mb": 2}),
    (b'name,province\nA,Hu\xe1\xba\xbf\nB,"' + b"x" * 200_000, "school.unreadable", {"line": 3}),
])
def test_a_file_that_cannot_be_read_is_refused_whole(app, data, code, params):
    with pytest.raises(schools.SchoolError) as refused:
        run(app, lambda db: schools.import_csv(db, data))
    assert (refused.value.code, refused.value.params) == (code, params)
    assert all_schools(app) == []


def test_too_many_rows_is_refused_before_anything_is_written(app, monkeypatch):
    monkeypatch.setattr(schools, "MAX_ROWS", 3)
    rows = "".join(f"Trường {n},Huế\n" for n in range(4))
    with pytest.raises(schools.SchoolError) as refused:
        run(app, lambda db: schools.import_csv(db, "name,province\n" + rows))
    assert (refused.value.code, refused.value.params) == ("school.too_many_rows", {"max": 3})
    assert run(app, lambda db: schools.import_csv(db, "name,province\n" + rows[:-len("Trường 3,Huế\n")])).added == 3


def test_long_values_are_row_problems(app):
    report = run(app, lambda db: schools.import_csv(db, f"name,province,commune\n{'x' * 151},Huế,{'y' * 81}\n"))
    assert [(p.field, p.code, p.params) for p in report.problems] == [
        ("name", "school.row_too_long", {"max": 150}), ("commune", "school.row_too_long", {"max": 80})]


def test_search_by_part_of_the_name_however_typed_and_by_province(app):
    run(app, lambda db: schools.import_csv(db, LIST))
    assert [s.name for s in run(app, lambda db: schools.search(db, "thcs le loi").schools)] == ["Trường THCS Lê Lợi"]
    assert [s.name for s in run(app, lambda db: schools.search(db, province="Nghệ An").schools)] == ["Trường THPT Phan Bội Châu"]
    page = run(app, lambda db: schools.search(db, "TRƯỜNG", page=2, per_page=3))
    assert (page.number, page.pages, page.total, len(page.schools)) == (2, 2, 4, 1)
    assert run(app, lambda db: schools.search(db, page=99, per_page=3)).number == 2


# --- roles ------------------------------------------------------------------------------

def test_set_role_on_the_command_line(app, sign_up):
    sign_up(app, "lan@school.example")
    runner = app.test_cli_runner()
    result = runner.invoke(args=["users", "set-role", "Lan@School.example", "organiser"])
    assert result.exit_code == 0 and "lan@school.example is now organiser" in result.output
    assert user_named(app, "lan@school.example").role == "organiser"
    unknown_role = runner.invoke(args=["users", "set-role", "lan@school.example", "headmaster"])
    assert unknown_role.exit_code == 1 and "headmaster" in unknown_role.output and "admin, teacher, organiser" in unknown_role.output
    unknown_email = runner.invoke(args=["users", "set-role", "nobody@school.example", "admin"])
    assert unknown_email.exit_code == 1 and "nobody@school.example" in unknown_email.output
    assert user_named(app, "lan@school.example").role == "organiser"
    events = run(app, lambda db: [(e.actor_id, e.action, e.detail) for e in db.exec(select(AuditEvent)).all()])
    assert events == [(None, "staff.role", "lan@school.example: teacher -> organiser")]


def test_an_admin_changes_a_role_on_the_staff_page(app, sign_up):
    admin = with_role(app, sign_up, "boss@school.example", "admin")
    teacher = sign_up(app, "lan@school.example")
    lan, boss = user_named(app, "lan@school.example"), user_named(app, "boss@school.example")
    page = admin.get("/admin/staff?lang=en").text
    assert f'action="/admin/staff/{lan.id}/role"' in page and f'action="/admin/staff/{boss.id}/role"' not in page
    assert teacher.get("/organise/schools/").status_code == 404
    changed = admin.post(f"/admin/staff/{lan.id}/role?lang=en", data={"role": "organiser"}, follow_redirects=True)
    assert "lan@school.example is now: Organiser." in changed.text
    assert teacher.get("/organise/schools/").status_code == 200  # at once, same session
    events = run(app, lambda db: [(e.actor_id, e.detail) for e in db.exec(select(AuditEvent).where(AuditEvent.action == "staff.role")).all()])
    assert events[-1] == (boss.id, "lan@school.example: teacher -> organiser")


def test_the_role_change_is_refused_for_yourself_forged_roles_and_non_admins(app, sign_up):
    admin = with_role(app, sign_up, "boss@school.example", "admin")
    organiser = with_role(app, sign_up, "lan@school.example", "organiser")
    boss, lan = user_named(app, "boss@school.example"), user_named(app, "lan@school.example")
    own = admin.post(f"/admin/staff/{boss.id}/role?lang=en", data={"role": "teacher"})
    assert own.status_code == 400 and "cannot change your own role" in own.text
    assert admin.post(f"/admin/staff/{lan.id}/role", data={"role": "root"}).status_code == 400
    assert admin.post(f"/admin/staff/{lan.id}/role", data={}).status_code == 400
    assert admin.post("/admin/staff/999/role", data={"role": "admin"}).status_code == 404
    assert organiser.get("/admin/staff").status_code == 404
    assert organiser.post(f"/admin/staff/{lan.id}/role", data={"role": "admin"}).status_code == 404
    assert app.test_client().post(f"/admin/staff/{lan.id}/role", data={"role": "admin"}).status_code == 302
    assert (user_named(app, "boss@school.example").role, user_named(app, "lan@school.example").role) == ("admin", "organiser")


def test_role_change_and_import_need_the_csrf_token(make_app, password):
    app = make_app(OPEN_SIGNUP=True)  # CSRF on
    from edu.services import accounts
    run(app, lambda db: [accounts.create_user(db, email, password, role=role)
                         for email, role in (("boss@school.example", "admin"), ("lan@school.example", "teacher"))])
    admin = app.test_client()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', admin.get("/auth/signin").text).group(1)
    admin.post("/auth/signin", data={"email": "boss@school.example", "password": password, "csrf_token": token})
    lan = user_named(app, "lan@school.example")
    assert admin.post(f"/admin/staff/{lan.id}/role", data={"role": "organiser"}).status_code == 400
    assert upload(admin, "name,province\nTrường A,Huế\n").status_code == 400
    assert user_named(app, "lan@school.example").role == "teacher" and all_schools(app) == []
    token = re.search(r'name="csrf_token" value="([^"]+)"', admin.get("/admin/staff").text).group(1)
    assert admin.post(f"/admin/staff/{lan.id}/role", data={"role": "organiser", "csrf_token": token}).status_code == 302
    imported = admin.post("/organise/schools/import", content_type="multipart/form-data", data={
        "csrf_token": token, "file": (io.BytesIO("name,province\nTrường A,Huế\n".encode()), "s.csv")})
    assert imported.status_code == 200 and all_schools(app) == [("Trường A", "Huế", "", "")]


# --- the organisers' pages --------------------------------------------------------------

def test_who_may_see_the_school_list(app, sign_up):
    assert app.test_client().get("/organise/schools/").location.startswith("/auth/signin")
    assert upload(app.test_client(), "name,province\nA,Huế\n").location.startswith("/auth/signin")
    teacher = sign_up(app, "lan@school.example")
    assert teacher.get("/organise/schools/").status_code == 404
    assert upload(teacher, "name,province\nA,Huế\n").status_code == 404
    assert all_schools(app) == []
    for role in ("organiser", "admin"):
        client = with_role(app, sign_up, f"{role}@school.example", role)
        assert client.get("/organise/schools/").status_code == 200


@pytest.mark.parametrize("lang, words", [
    ("en", ("Import report", "Rows not imported", "“Atlantis” is not a province or city", "Tỉnh Hà Giang", "School name")),
    ("vi", ('lang="vi"', "Atlantis", "Tỉnh Hà Giang", "Tuyên Quang")),
])
def test_an_organiser_imports_a_list_and_reads_the_report(app, sign_up, lang, words):
    organiser = with_role(app, sign_up, "org@school.example", "organiser")
    response = upload(organiser, LIST, f"?lang={lang}")
    assert response.status_code == 200
    summary = re.search(r'<dl class="stats" id="import-summary">(.*?)</dl>', response.text, re.S).group(1)
    assert re.findall(r"<dd>(\d+)</dd>", summary) == ["4", "0", "4"]
    problems = re.search(r'<table class="data" id="import-problems">(.*?)</table>', response.text, re.S).group(1)
    assert re.findall(r"<tr><td>(\d+)</td>", problems) == ["4", "5", "6", "7"]
    for word in words:
        assert word in response.text
    assert f'href="/organise/schools/?lang={"en" if lang == "vi" else "vi"}"' in response.text  # never re-posts
    listed = organiser.get(f"/organise/schools/?lang={lang}&province=Tuy%C3%AAn+Quang").text
    assert "Trường THCS Lê Lợi" in listed and "Trường THPT Phan Bội Châu" not in listed
    assert "Trường THCS Lê Lợi" in organiser.get("/organise/schools/?q=le+loi").text


def test_bad_files_are_refused_with_a_clear_message(app, sign_up):
    organiser = with_role(app, sign_up, "org@school.example", "organiser")
    header = upload(organiser, "school;ward\nA;B\n")
    assert header.status_code == 400 and "these are missing: province" in header.text
    missing = organiser.post("/organise/schools/import?lang=en", data={}, content_type="multipart/form-data")
    assert missing.status_code == 400 and "Choose a CSV file to import." in missing.text
    large = upload(organiser, b"name,province\n" + b"A,Hue\n" * 400_000)  # 2.4 MB: past the site's usual 1 MB form
    assert large.status_code == 400 and "larger than 2 MB" in large.text
    assert all_schools(app) == []


def test_the_list_pages(app, sign_up):
    organiser = with_role(app, sign_up, "org@school.example", "organiser")
    run(app, lambda db: schools.import_csv(db, "name,province\n" + "".join(f"Trường {n:03},Huế\n" for n in range(120))))
    first = organiser.get("/organise/schools/?lang=en").text
    assert "120 schools found." in first and "Page 1 of 3" in first and 'rel="next"' in first and "Trường 049" in first
    last = organiser.get("/organise/schools/?lang=en&page=3").text
    assert "Trường 100" in last and "Trường 099" not in last and 'rel="prev"' in last
    for odd in ("page=x", "page=-1", "page=99999999999", "province=Atlantis", "q=" + "x" * 500):
        assert organiser.get(f"/organise/schools/?{odd}").status_code == 200


# --- a teacher's school and a class's -----------------------------------------------------

@pytest.fixture
def listed(app):
    run(app, lambda db: schools.import_csv(db, "name,province,commune,level\n"
                                               "Trường THCS Lê Lợi,Huế,Phường Thuận Hóa,THCS\n"
                                               "Trường Tiểu học Kim Đồng,Huế,Phường Thuận Hóa,Tiểu học\n"
                                               "Trường THPT Quốc Học,Huế,Phường Phú Xuân,THPT\n"
                                               "Trường THCS Lê Lợi,Hà Nội,Phường Hoàn Kiếm,THCS\n"))
    return {s.name + "|" + s.province: s.id for s in run(app, lambda db: db.exec(select(School)).all())}


def test_a_teacher_picks_their_school(app, sign_up, listed):
    assert app.test_client().get("/my-school/").location.startswith("/auth/signin")
    teacher = sign_up(app, "lan@school.example")
    page = teacher.get("/my-school/?lang=en").text
    assert "You have not chosen your school yet." in page and 'id="schools"' not in page
    found = teacher.get("/my-school/?lang=en&province=Hu%E1%BA%BF&q=le+loi").text
    assert "1 school found." in found and f'name="school" value="{listed["Trường THCS Lê Lợi|Huế"]}"' in found
    chosen = teacher.post("/my-school/?lang=en", data={"school": listed["Trường THCS Lê Lợi|Huế"]}, follow_redirects=True)
    assert "Your school is now Trường THCS Lê Lợi." in chosen.text and "Phường Thuận Hóa, Huế" in chosen.text
    assert "Waiting for an organiser to confirm that you teach here." in chosen.text
    assert user_named(app, "lan@school.example").school_id == listed["Trường THCS Lê Lợi|Huế"]
    for forged, status in (("999", 404), ("x", 400), ("", 400), ("0", 400), ("99999999999", 400)):
        assert teacher.post("/my-school/", data={"school": forged}).status_code == status, forged
    assert user_named(app, "lan@school.example").school_id == listed["Trường THCS Lê Lợi|Huế"]
    assert teacher.post("/my-school/clear").status_code == 302
    assert user_named(app, "lan@school.example").school_id is None


def confirm_school(app, email, organiser_email):
    def confirm(db):
        teacher = db.exec(select(User).where(User.email == email)).one()
        organiser = db.exec(select(User).where(User.email == organiser_email)).one()
        school_teachers.confirm(db, organiser, teacher.id, utcnow())
    run(app, confirm)


def test_choosing_another_school_or_none_withdraws_the_confirmation(app, sign_up, listed, clock):
    with_role(app, sign_up, "org@school.example", "organiser")
    teacher = sign_up(app, "lan@school.example")
    le_loi, kim_dong = listed["Trường THCS Lê Lợi|Huế"], listed["Trường Tiểu học Kim Đồng|Huế"]
    teacher.post("/my-school/", data={"school": le_loi})
    chosen = user_named(app, "lan@school.example")
    assert chosen.school_chosen_at is not None and chosen.school_confirmed_at is None
    confirm_school(app, "lan@school.example", "org@school.example")
    page = teacher.get("/my-school/?lang=en").text
    assert "An organiser confirmed that you teach here on" in page and "Waiting for an organiser" not in page

    clock.shift(60)
    teacher.post("/my-school/", data={"school": le_loi})  # the same school again: still confirmed
    assert user_named(app, "lan@school.example").school_confirmed_at is not None
    teacher.post("/my-school/", data={"school": kim_dong})  # another school: a new claim, waiting
    moved = user_named(app, "lan@school.example")
    assert (moved.school_id, moved.school_confirmed_at, moved.school_confirmed_by) == (kim_dong, None, None)
    assert moved.school_chosen_at > chosen.school_chosen_at
    assert "Waiting for an organiser to confirm that you teach here." in teacher.get("/my-school/?lang=en").text

    confirm_school(app, "lan@school.example", "org@school.example")
    teacher.post("/my-school/clear")  # no school: nothing confirmed is left behind
    cleared = user_named(app, "lan@school.example")
    assert (cleared.school_id, cleared.school_chosen_at, cleared.school_confirmed_at) == (None, None, None)


def test_organisers_and_admins_have_a_school_too(app, sign_up, listed):
    organiser = with_role(app, sign_up, "org@school.example", "organiser")
    assert organiser.post("/my-school/", data={"school": listed["Trường THPT Quốc Học|Huế"]}).status_code == 302


def test_a_class_is_linked_to_a_school_of_the_teachers_commune(app, sign_up, listed):
    teacher = sign_up(app, "lan@school.example")
    bare = teacher.get("/classes/new?lang=en").text
    assert 'id="school_id"' not in bare and 'href="/my-school/"' in bare  # no school yet: where to choose one
    teacher.post("/my-school/", data={"school": listed["Trường THCS Lê Lợi|Huế"]})
    form = teacher.get("/classes/new?lang=en").text
    offered = re.findall(r'<option[^>]* value="(\d*)"', re.search(r'<select[^>]* id="school_id".*?</select>', form, re.S).group(0))
    assert offered == ["", str(listed["Trường THCS Lê Lợi|Huế"]), str(listed["Trường Tiểu học Kim Đồng|Huế"])]
    made = teacher.post("/classes/new", data={"name": "7A", "language": "vi", "school": "",
                                              "school_id": listed["Trường Tiểu học Kim Đồng|Huế"]})
    assert made.status_code == 302
    typed = teacher.post("/classes/new", data={"name": "7B", "language": "vi", "school": "Lê Lợi (cơ sở 2)",
                                               "school_id": listed["Trường THCS Lê Lợi|Huế"]})
    assert typed.status_code == 302
    classes = run(app, lambda db: [(c.name, c.school, c.school_id) for c in db.exec(select(Classroom).order_by(Classroom.id)).all()])
    assert classes == [("7A", "Trường Tiểu học Kim Đồng", listed["Trường Tiểu học Kim Đồng|Huế"]),
                       ("7B", "Lê Lợi (cơ sở 2)", listed["Trường THCS Lê Lợi|Huế"])]
    for forged in (listed["Trường THPT Quốc Học|Huế"], listed["Trường THCS Lê Lợi|Hà Nội"], 999, "x"):
        assert teacher.post("/classes/new", data={"name": "8A", "language": "vi", "school_id": forged}).status_code == 400
        assert teacher.post("/classes/1/edit", data={"name": "Renamed", "language": "vi", "school_id": forged}).status_code == 400
    assert run(app, lambda db: [c.name for c in db.exec(select(Classroom)).all()]) == ["7A", "7B"]
    assert teacher.post("/classes/1/edit", data={"name": "7A", "language": "vi", "school": "Kim Đồng", "school_id": ""}).status_code == 302
    assert run(app, lambda db: (db.get(Classroom, 1).school, db.get(Classroom, 1).school_id)) == ("Kim Đồng", None)


def test_a_class_school_becomes_the_teachers_when_they_have_none(app, sign_up, listed):
    teacher = sign_up(app, "lan@school.example")
    teacher.post("/my-school/", data={"school": listed["Trường THCS Lê Lợi|Huế"]})
    teacher.post("/classes/new", data={"name": "7A", "language": "vi", "school_id": listed["Trường Tiểu học Kim Đồng|Huế"]})
    teacher.post("/my-school/clear")
    edit = teacher.get("/classes/1/edit").text  # the class's own school is still offered
    assert re.search(rf'<option selected value="{listed["Trường Tiểu học Kim Đồng|Huế"]}"|<option value="{listed["Trường Tiểu học Kim Đồng|Huế"]}" selected', edit)
    assert teacher.post("/classes/1/edit", data={"name": "7A", "language": "vi",
                                                 "school_id": listed["Trường Tiểu học Kim Đồng|Huế"]}).status_code == 302
    assert user_named(app, "lan@school.example").school_id == listed["Trường Tiểu học Kim Đồng|Huế"]
    other = sign_up(app, "minh@school.example")  # another teacher's class stays theirs
    assert other.post("/classes/1/edit", data={"name": "x", "language": "vi"}).status_code == 404


def test_every_level_has_a_name_on_the_pages():
    from edu.contest.schools import LEVEL_LABELS
    assert tuple(LEVEL_LABELS) == schools.LEVELS
