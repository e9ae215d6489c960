"""Entering contest rounds: a teacher enrols a class or a list, prints code
sheets and confirms students who came with a round's public code; a student
enters with their personal code. A participant is never two people. Every
URL refuses whoever may not use it, and bad input stores nothing.

Runs on the frozen `clock` (2026-11-24 08:00 UTC)."""
from __future__ import annotations

import io
import re
import unicodedata
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest
from sqlmodel import select

from edu.models import Classroom, Contest, ContestRound, Participant, School, Student, User
from edu.services import codes, enrolment, schools
from edu.services.enrolment import EnrolmentError, ListRefused
from edu.web.db import get_session

NOW = datetime(2026, 11, 24, 8, 0, tzinfo=timezone.utc)
HOUR = timedelta(hours=1)
SECRET = "test-secret"  # the apps' SECRET_KEY (tests/conftest.py)


@pytest.fixture
def app(make_app, clock):
    return make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)


def _round(db, contest, name, **fields) -> ContestRound:
    values = dict(contest_id=contest.id, name_vi=f"Vòng {name}", name_en=f"Round {name}", opens_at=NOW - HOUR,
                  closes_at=NOW + 24 * HOUR, time_limit_minutes=30, draw='{"kind": "fixed", "questions": []}',
                  public_code=f"PUB{name.upper()}")
    round_ = ContestRound(**(values | fields))
    db.add(round_)
    return round_


@pytest.fixture
def world(app):
    """Two schools in Hà Nội (Hoa Sen, Sao Mai), one in Huế; a contest for
    grades 6 to 8 with rounds of every scope and state."""
    with app.app_context():
        db = get_session()
        organiser = User(email="org@example.org", password_hash="x", role="organiser")
        hoa_sen = School(name="THCS Hoa Sen", province="Hà Nội")
        sao_mai = School(name="THCS Sao Mai", province="Hà Nội")
        hue = School(name="THCS Thuận Thành", province="Huế")
        db.add_all([organiser, hoa_sen, sao_mai, hue])
        db.flush()
        contest = Contest(organiser_id=organiser.id, title_vi="An toàn thông tin", title_en="Information security",
                          grades="6,7,8")
        db.add(contest)
        db.flush()
        rounds = {
            "everyone": _round(db, contest, "everyone"),
            "hanoi": _round(db, contest, "hanoi", scope="province", scope_province="Hà Nội", opens_at=NOW + HOUR),
            "hue": _round(db, contest, "hue", scope="province", scope_province="Huế"),
            "saomai": _round(db, contest, "saomai", scope="school", scope_school_id=sao_mai.id),
            "qualified": _round(db, contest, "qualified", entry="qualified"),
            "closed": _round(db, contest, "closed", opens_at=NOW - 48 * HOUR, closes_at=NOW - HOUR),
        }
        db.commit()
        return SimpleNamespace(hoa_sen=hoa_sen.id, sao_mai=sao_mai.id, thuan_thanh=hue.id, contest=contest.id,
                               **{name: r.id for name, r in rounds.items()})


def set_school(app, email: str, school_id: int | None, confirmed: bool = True) -> None:
    """The teacher's school, as an organiser confirmed it unless `confirmed`
    is False (confirming has tests of its own: test_school_teachers.py)."""
    with app.app_context():
        db = get_session()
        user = db.exec(select(User).where(User.email == email)).one()
        schools.set_school(db, user, school_id)
        if school_id is not None and confirmed:
            user.school_confirmed_at = NOW
        db.commit()


@pytest.fixture
def teacher_at(app, sign_up):
    """teacher_at(email, school_id, confirmed=True): a signed-in teacher of that school."""
    def make(email: str, school_id: int | None, confirmed: bool = True):
        client = sign_up(app, email)
        set_school(app, email, school_id, confirmed)
        return client
    return make


def new_class(app, teacher, name="7A", grade="7", language="en") -> tuple[int, str]:
    response = teacher.post("/classes/new", data={"name": name, "grade": grade, "language": language})
    class_id = int(response.location.rsplit("/", 1)[1])
    with app.app_context():
        return class_id, get_session().get(Classroom, class_id).join_code


def participants(app, round_id: int | None = None) -> list[Participant]:
    with app.app_context():
        query = select(Participant)
        if round_id is not None:
            query = query.where(Participant.round_id == round_id)
        return list(get_session().exec(query.order_by(Participant.id)).all())


def code_of(participant: Participant) -> str:
    return codes.format_contest(codes.contest_code(SECRET, participant.round_id, participant.learner_key))


# --- the service --------------------------------------------------------------------------

def test_identity_ignores_case_tone_marks_and_spacing():
    assert enrolment.identity(3, "7", "7a", "Nguyễn  Thị Lan ") == enrolment.identity(3, "7", "7A", "nguyen thi lan")
    assert enrolment.identity(3, "7", "7A", "Lan") != enrolment.identity(3, "7", "7B", "Lan")
    assert enrolment.identity(3, "7", "7A", "Lan") != enrolment.identity(4, "7", "7A", "Lan")


def test_grades_are_read_as_schools_write_them_and_checked(app, world):
    with app.app_context():
        contest = get_session().get(Contest, world.contest)
        assert [enrolment.read_grade(contest, text) for text in ("7", "07", "Lớp 7", "khối 8", "Grade 6")] == ["7", "7", "7", "8", "6"]
        with pytest.raises(EnrolmentError) as refused:
            enrolment.read_grade(contest, "Lớp 9")
        assert refused.value.code == "enrol.grade" and refused.value.params == {"grade": "Lớp 9", "grades": "6, 7, 8"}
        with pytest.raises(EnrolmentError, match="enrol.grade_missing"):
            enrolment.read_grade(contest, " ")


def test_rounds_open_to_a_school_follow_scope_entry_and_clock(app, world):
    with app.app_context():
        db = get_session()
        names = {getattr(world, n): n for n in ("everyone", "hanoi", "hue", "saomai", "qualified", "closed")}
        open_to = lambda school: {names[r.id] for r, _ in enrolment.rounds_open_to(db, db.get(School, school), NOW)}
        assert open_to(world.hoa_sen) == {"everyone", "hanoi"}  # not Huế's, not Sao Mai's, not qualifiers', not closed
        assert open_to(world.sao_mai) == {"everyone", "hanoi", "saomai"}
        assert open_to(world.thuan_thanh) == {"everyone", "hue"}
        schools = lambda name, province=None: [s.name for s in enrolment.schools_in_scope(
            db, db.get(ContestRound, getattr(world, name)), province)]
        assert schools("hanoi") == ["THCS Hoa Sen", "THCS Sao Mai"]
        assert schools("saomai") == ["THCS Sao Mai"]
        assert schools("everyone", "Huế") == ["THCS Thuận Thành"]


def test_a_list_with_problems_names_each_line_and_stores_nothing(app, world):
    text = ("Họ và tên,Lớp,Lớp học\n"  # column names: left out
            "Nguyễn Lan,7,7A\n"
            ",7,7A\n"
            "Minh,9,9A\n"
            "nguyen  LAN,Lớp 7,7a\n"  # the same student as line 2
            "Hà 0912 345 678,6,6B\n"
            "Only a name\n")
    with app.app_context():
        db = get_session()
        round_, school = db.get(ContestRound, world.everyone), db.get(School, world.hoa_sen)
        with pytest.raises(ListRefused) as refused:
            enrolment.enrol_list(db, SECRET, round_, school, text, 1, NOW)
        problems = {p.line: (p.error.code, p.error.params) for p in refused.value.problems}
        assert problems == {3: ("class.name_missing", {}), 4: ("enrol.grade", {"grade": "9", "grades": "6, 7, 8"}),
                            5: ("enrol.row_repeated", {"line": 2}), 6: ("class.name_contact", {}),
                            7: ("enrol.row_columns", {})}
        db.rollback()
    assert participants(app) == []


def test_a_list_is_entered_in_one_go_and_entering_it_again_is_refused(app, world):
    text = "Lan;7;7A\r\nMinh;8;8B\r\n\r\nHà;6\r\n"  # semicolons, as Excel saves CSV in a Vietnamese locale
    with app.app_context():
        db = get_session()
        round_, school = db.get(ContestRound, world.everyone), db.get(School, world.hoa_sen)
        added = enrolment.enrol_list(db, SECRET, round_, school, text, 1, NOW)
        assert [(p.display_name, p.grade, p.class_name) for p in added] == [("Lan", "7", "7A"), ("Minh", "8", "8B"),
                                                                             ("Hà", "6", "")]
        db.commit()
        with pytest.raises(ListRefused) as refused:
            enrolment.enrol_list(db, SECRET, round_, school, "LAN,7,7a\n", 1, NOW)
        assert [(p.line, p.error.code) for p in refused.value.problems] == [(1, "enrol.already_entered")]
    stored = participants(app)
    assert len(stored) == 3 and len({p.learner_key for p in stored}) == 3
    assert all(p.confirmed_at is not None and p.school_id == world.hoa_sen for p in stored)
    with app.app_context():
        found = enrolment.participant_by_code(get_session(), SECRET, code_of(stored[0]).lower().replace("-", " "))
        assert found.id == stored[0].id


def test_a_list_file_in_the_old_windows_code_page_is_read():
    # "Lê Văn Đức" as cp1258 writes it: base letters, then the tone as a combining mark.
    assert unicodedata.normalize("NFC", enrolment.decode_list(b"L\xea V\xe3n \xd0\xfd\xecc,7")) == "Lê Văn Đức,7"
    assert enrolment.decode_list("\ufeffLan,7".encode()) == "Lan,7"


def test_under_a_race_the_unique_constraint_refuses_the_second_entry(app, world, monkeypatch):
    """Another request entered the same student between the check and the
    write: the constraint refuses it with the same message, nothing half-stored."""
    with app.app_context():
        db = get_session()
        round_, school = db.get(ContestRound, world.everyone), db.get(School, world.hoa_sen)
        enrolment.join_with_public_code(db, SECRET, round_, school.id, "7", "7A", "Lan", NOW)
        db.commit()
        monkeypatch.setattr(enrolment, "_identities", lambda db, round_: set())  # the check saw nothing yet
        with pytest.raises(EnrolmentError, match="enrol.already_entered"):
            enrolment.join_with_public_code(db, SECRET, round_, school.id, "7", "7a", "LAN", NOW)
        with pytest.raises(EnrolmentError, match="enrol.entered_meanwhile"):
            enrolment.enrol_list(db, SECRET, round_, school, "Minh,7,7A\nLan,7,7A\n", 1, NOW)
        db.commit()
    assert [p.display_name for p in participants(app)] == ["Lan"]


def test_public_entry_is_refused_for_closed_qualifier_and_out_of_scope_rounds(app, world):
    cases = {"closed": ("closed", world.hoa_sen), "qualified": ("qualified_only", world.hoa_sen),
             "hue": ("out_of_scope", world.hoa_sen), "saomai": ("out_of_scope", world.hoa_sen)}
    with app.app_context():
        db = get_session()
        for name, (code, school) in cases.items():
            with pytest.raises(EnrolmentError, match=f"enrol.{code}"):
                enrolment.join_with_public_code(db, SECRET, db.get(ContestRound, getattr(world, name)), school,
                                                "7", "7A", "Lan", NOW)
        with pytest.raises(EnrolmentError, match="enrol.out_of_scope"):
            enrolment.join_with_public_code(db, SECRET, db.get(ContestRound, world.everyone), 99999, "7", "7A",
                                            "Lan", NOW)
    assert participants(app) == []


# --- teachers' pages ----------------------------------------------------------------------

def test_a_teacher_without_a_school_is_sent_to_choose_one(app, teacher_at):
    teacher = teacher_at("lan@school.example", None)
    page = teacher.get("/contests/?lang=en")
    assert page.status_code == 200 and 'href="/my-school"' in page.text
    assert teacher.get("/contests/rounds/1").status_code == 404
    assert teacher.post("/contests/pending/1/confirm").status_code == 404


def test_a_teacher_whose_school_is_not_confirmed_acts_for_no_school(app, world, teacher_at, join):
    """Anyone can pick any school: until an organiser confirms the pick, the
    contests page says so and offers nothing, the school's waiting entrants
    stay hidden, and every page that shows or changes the school's entrants
    answers 403 with the reason, nothing changed."""
    public_join(app.test_client(), world, display_name="Lan")
    teacher = teacher_at("lan@school.example", world.hoa_sen, confirmed=False)
    class_id, code = new_class(app, teacher)
    join(app, code, "Minh")
    page = teacher.get("/contests/?lang=en")
    assert page.status_code == 200 and "An organiser has not yet confirmed that you teach at THCS Hoa Sen" in page.text
    assert "Round everyone" not in page.text and "/contests/rounds/" not in page.text
    waiting = teacher.get("/contests/pending?lang=en")
    assert waiting.status_code == 200 and 'id="school-unconfirmed"' in waiting.text
    assert ">Lan<" not in waiting.text and "/confirm" not in waiting.text
    (lan,) = participants(app)
    r = world.everyone
    list_file = {"names": (io.BytesIO(b"Hoa,7,7A\n"), "list.csv")}
    requests = [("get", f"/contests/rounds/{r}", {}), ("get", f"/contests/rounds/{r}/classes/{class_id}/sheet", {}),
                ("get", f"/contests/rounds/{r}/groups/sheet?name=7A", {}),
                ("post", f"/contests/rounds/{r}/classes/{class_id}", {}),
                ("post", f"/contests/rounds/{r}/list", {"data": list_file, "content_type": "multipart/form-data"}),
                ("post", f"/contests/pending/{lan.id}/confirm", {}), ("post", f"/contests/pending/{lan.id}/reject", {})]
    for method, url, options in requests:
        refused = getattr(teacher, method)(f"{url}{'&' if '?' in url else '?'}lang=en", **options)
        assert refused.status_code == 403, url
        assert "Your school is not confirmed yet" in refused.text and "Ask your contest organiser" in refused.text, url
    in_vietnamese = teacher.post(f"/contests/pending/{lan.id}/confirm?lang=vi")
    assert in_vietnamese.status_code == 403 and '<html lang="vi">' in in_vietnamese.text
    assert "Your school is not confirmed yet" not in in_vietnamese.text
    assert [(p.id, p.confirmed_at) for p in participants(app)] == [(lan.id, None)]

    set_school(app, "lan@school.example", world.hoa_sen)  # confirmed now: the same requests do their work
    assert teacher.post(f"/contests/rounds/{r}/classes/{class_id}").status_code == 303
    assert teacher.post(f"/contests/pending/{lan.id}/confirm").status_code == 200
    assert {(p.display_name, p.confirmed_at is not None) for p in participants(app)} == {("Lan", True), ("Minh", True)}


def test_a_class_is_entered_under_the_teachers_confirmed_school_not_its_label(app, world, teacher_at, join):
    """Linking a class to a school needs nobody's confirmation, so it decides nothing in a contest."""
    teacher = teacher_at("lan@school.example", world.hoa_sen)
    made = teacher.post("/classes/new", data={"name": "7A", "grade": "7", "language": "en",
                                              "school_id": world.sao_mai})  # Sao Mai is offered: the same commune
    class_id = int(made.location.rsplit("/", 1)[1])
    with app.app_context():
        classroom = get_session().get(Classroom, class_id)
        assert classroom.school_id == world.sao_mai
        code = classroom.join_code
    join(app, code, "Lan")
    assert teacher.post(f"/contests/rounds/{world.everyone}/classes/{class_id}").status_code == 303
    assert [p.school_id for p in participants(app)] == [world.hoa_sen]


def test_a_teacher_sees_the_rounds_open_to_their_school(app, world, teacher_at):
    page = teacher_at("lan@school.example", world.hoa_sen).get("/contests/?lang=en").text
    assert "Round everyone" in page and "Round hanoi" in page
    for other in ("hue", "saomai", "qualified", "closed"):
        assert f"Round {other}<" not in page


def test_enrolling_a_class_enters_its_students_once(app, world, teacher_at, join):
    teacher = teacher_at("lan@school.example", world.hoa_sen)
    class_id, code = new_class(app, teacher)
    for name in ("Lan", "Minh"):
        join(app, code, name)
    url = f"/contests/rounds/{world.everyone}/classes/{class_id}?lang=en"  # flashed in the language of the POST
    assert teacher.post(url).status_code == 303
    stored = participants(app)
    with app.app_context():
        keys = {s.display_name: s.learner_key for s in get_session().exec(select(Student)).all()}
    assert {(p.display_name, p.learner_key, p.grade, p.class_name, p.class_id, p.school_id) for p in stored} == {
        (name, keys[name], "7", "7A", class_id, world.hoa_sen) for name in ("Lan", "Minh")}
    assert all(p.confirmed_at is not None and p.code_hash == codes.digest(SECRET, code_of(p)) for p in stored)

    join(app, code, "Hoa")  # joined the class later: entering the class again adds only her
    teacher.post(url)
    page = teacher.get(f"/contests/rounds/{world.everyone}?lang=en").text
    assert "Already entered, so skipped: Lan, Minh." in page
    assert sorted(p.display_name for p in participants(app)) == ["Hoa", "Lan", "Minh"]


def test_a_class_of_a_grade_the_contest_does_not_take_is_refused(app, world, teacher_at, join):
    teacher = teacher_at("lan@school.example", world.hoa_sen)
    class_id, code = new_class(app, teacher, "9A", grade="9")
    join(app, code, "Lan")
    refused = teacher.post(f"/contests/rounds/{world.everyone}/classes/{class_id}?lang=en")
    assert refused.status_code == 400
    assert "9A: Grade 9 cannot take part in this contest: it is for grades 6, 7, 8." in refused.text
    assert participants(app) == []


def test_a_class_without_a_grade_needs_the_teacher_to_choose_one(app, world, teacher_at, join):
    teacher = teacher_at("lan@school.example", world.hoa_sen)
    class_id, code = new_class(app, teacher, "CLB Tin học", grade="")
    join(app, code, "Lan")
    page = teacher.get(f"/contests/rounds/{world.everyone}?lang=en").text
    assert f'id="class{class_id}-grade"' in page
    url = f"/contests/rounds/{world.everyone}/classes/{class_id}?lang=en"
    assert "Choose the grade." in teacher.post(url).text
    assert teacher.post(url, data={f"class{class_id}-grade": "12"}).status_code == 400
    assert participants(app) == []
    assert teacher.post(url, data={f"class{class_id}-grade": "6"}).status_code == 303
    assert [(p.grade, p.class_name) for p in participants(app)] == [("6", "CLB Tin học")]


def test_the_code_sheet_has_each_students_code_and_qr_in_the_class_language(app, world, teacher_at, join):
    teacher = teacher_at("lan@school.example", world.hoa_sen)
    class_id, code = new_class(app, teacher, language="vi")
    join(app, code, "Lan")
    teacher.post(f"/contests/rounds/{world.everyone}/classes/{class_id}")
    (lan,) = participants(app)
    sheet = teacher.get(f"/contests/rounds/{world.everyone}/classes/{class_id}/sheet")
    assert sheet.status_code == 200 and "no-store" in sheet.headers["Cache-Control"]
    assert code_of(lan) in sheet.text and "Lan" in sheet.text and "Vòng everyone" in sheet.text
    assert sheet.text.count("<svg") == 1 and '<html lang="vi">' in sheet.text
    assert "https://lachan.example/contest/enter" in sheet.text
    assert "Round everyone" in teacher.get(f"/contests/rounds/{world.everyone}/classes/{class_id}/sheet?lang=en").text


def test_other_teachers_cannot_see_a_class_sheet_or_an_out_of_scope_round(app, world, teacher_at, join):
    owner = teacher_at("lan@school.example", world.hoa_sen)
    class_id, code = new_class(app, owner)
    join(app, code, "Lan")
    owner.post(f"/contests/rounds/{world.everyone}/classes/{class_id}")
    colleague = teacher_at("minh@school.example", world.hoa_sen)
    elsewhere = teacher_at("hoa@hue.example", world.thuan_thanh)
    sheet = f"/contests/rounds/{world.everyone}/classes/{class_id}/sheet"
    assert colleague.get(sheet).status_code == 404 and elsewhere.get(sheet).status_code == 404
    assert elsewhere.post(f"/contests/rounds/{world.everyone}/classes/{class_id}").status_code == 404
    assert owner.get(f"/contests/rounds/{world.hue}").status_code == 404  # out of the school's scope
    assert owner.get("/contests/rounds/99999").status_code == 404
    assert owner.post(f"/contests/rounds/{world.hue}/classes/{class_id}").status_code == 404
    assert owner.get(f"/contests/rounds/{world.closed}").status_code == 200  # in scope: its sheets stay printable
    assert len(participants(app)) == 1


def test_enrolling_into_a_closed_or_qualifier_round_is_refused(app, world, teacher_at, join):
    teacher = teacher_at("lan@school.example", world.hoa_sen)
    class_id, code = new_class(app, teacher)
    join(app, code, "Lan")
    for name, message in (("closed", "This round has closed"), ("qualified", "Only students who qualified")):
        refused = teacher.post(f"/contests/rounds/{getattr(world, name)}/classes/{class_id}?lang=en")
        assert refused.status_code == 400 and message in refused.text
    assert participants(app) == []


def test_a_list_upload_shows_line_numbers_and_the_group_sheet(app, world, teacher_at):
    teacher = teacher_at("lan@school.example", world.hoa_sen)
    url = f"/contests/rounds/{world.everyone}/list?lang=en"
    send = lambda text: teacher.post(url, data={"names": (io.BytesIO(text.encode()), "list.csv")},
                                     content_type="multipart/form-data")
    refused = send("Lan,7,7A\nMinh,10,7A\nLAN,7,7A\n")
    assert refused.status_code == 400
    assert "Line 2: Grade 10 cannot take part" in refused.text and "Line 3: The same student as on line 1." in refused.text
    assert participants(app) == []
    assert send("Lan,7,7A\nMinh,7,7A\n").status_code == 303
    sheet = teacher.get(f"/contests/rounds/{world.everyone}/groups/sheet?name=7A&lang=en")
    assert sheet.status_code == 200 and sheet.text.count("<svg") == 2
    assert teacher_at("hoa@saomai.example", world.sao_mai).get(
        f"/contests/rounds/{world.everyone}/groups/sheet?name=7A").status_code == 404
    assert teacher.post(url, content_type="multipart/form-data").status_code == 400  # no file


# --- students: the public code, confirming, the personal code ------------------------------

def public_join(client, world, round_name="everyone", **fields):
    data = {"code": f"pub{round_name}", "province": "Hà Nội", "school": str(world.hoa_sen), "grade": "7",
            "class_name": "7A", "display_name": "Lan"} | fields
    return client.post("/contest/join?lang=en", data=data)


def test_a_student_enters_with_the_public_code_step_by_step(app, world):
    student = app.test_client()
    first = student.get("/contest/join?code=pubeveryone&lang=en")
    assert first.status_code == 200 and 'name="province"' in first.text and 'name="school"' not in first.text
    second = student.get("/contest/join?code=pubeveryone&province=H%C3%A0%20N%E1%BB%99i&lang=en")
    assert "THCS Hoa Sen" in second.text and "THCS Sao Mai" in second.text and "Thuận Thành" not in second.text
    assert 'name="school"' in second.text

    done = public_join(student, world)
    assert done.status_code == 303 and done.location.endswith("/contest/joined")
    (lan,) = participants(app)
    assert lan.confirmed_at is None and lan.class_id is None and (lan.grade, lan.class_name) == ("7", "7A")
    with student.session_transaction() as session:
        assert session["learner"] == lan.learner_key
    page = student.get("/contest/joined?lang=en")
    assert code_of(lan) in page.text and "Wait for your teacher to confirm" in page.text
    assert f'href="/contest/rounds/{world.everyone}"' in page.text
    assert code_of(lan) not in student.get("/contest/joined?lang=en").text  # shown once


def test_the_same_student_cannot_enter_twice(app, world, teacher_at, join):
    teacher = teacher_at("lan@school.example", world.hoa_sen)
    class_id, code = new_class(app, teacher)
    join(app, code, "Nguyễn Lan")
    teacher.post(f"/contests/rounds/{world.everyone}/classes/{class_id}")
    again = public_join(app.test_client(), world, display_name="nguyen  LAN", class_name="7a")
    assert again.status_code == 400 and "already entered in this round" in again.text
    assert public_join(app.test_client(), world, display_name="Minh").status_code == 303
    assert public_join(app.test_client(), world, display_name="MINH").status_code == 400
    assert sorted(p.display_name for p in participants(app)) == ["Minh", "Nguyễn Lan"]


@pytest.mark.parametrize("fields", [
    {"school": "99999"},  # no such school
    {"school": "abc"},
    {"round_name": "saomai"},  # Hoa Sen is not in this round's scope
    {"round_name": "closed"},
    {"round_name": "qualified"},
    {"grade": "9"},
    {"class_name": ""},
    {"display_name": "lan@mail.vn"},
    {"code": "NOPE1234"},
])
def test_bad_public_entries_are_refused_and_store_nothing(app, world, fields):
    response = public_join(app.test_client(), world, **fields)
    assert response.status_code == 400
    assert participants(app) == []


def test_a_teacher_of_the_school_confirms_or_rejects_and_no_one_else_can(app, world, teacher_at):
    public_join(app.test_client(), world, display_name="Lan")
    public_join(app.test_client(), world, display_name="Prank")
    lan, prank = participants(app)
    elsewhere = teacher_at("hoa@saomai.example", world.sao_mai)
    assert ">Lan<" not in elsewhere.get("/contests/pending?lang=en").text
    assert elsewhere.post(f"/contests/pending/{lan.id}/confirm").status_code == 404
    assert elsewhere.post(f"/contests/pending/{lan.id}/reject").status_code == 404

    teacher = teacher_at("lan@school.example", world.hoa_sen)
    waiting = teacher.get("/contests/pending?lang=en").text
    assert ">Lan<" in waiting and ">Prank<" in waiting and "Round everyone" in waiting
    confirmed = teacher.post(f"/contests/pending/{lan.id}/confirm?lang=en")
    assert confirmed.status_code == 200 and code_of(lan) in confirmed.text
    assert teacher.post(f"/contests/pending/{lan.id}/confirm").status_code == 404  # not waiting any more
    assert teacher.post(f"/contests/pending/{prank.id}/reject").status_code == 303
    (stored,) = participants(app)
    assert stored.id == lan.id and stored.confirmed_at is not None
    with app.app_context():
        assert stored.confirmed_by == get_session().exec(select(User.id).where(User.email == "lan@school.example")).one()
    assert "7A" in teacher.get(f"/contests/rounds/{world.everyone}?lang=en").text  # a sheet for her class name


def test_a_personal_code_moves_the_browser_to_the_participant(app, world):
    public_join(app.test_client(), world)
    (lan,) = participants(app)
    form = app.test_client().get(f"/contest/enter?code={code_of(lan)}&lang=en")
    assert f'value="{code_of(lan)}"' in form.text
    lab_pc = app.test_client()
    entered = lab_pc.post("/contest/enter", data={"code": code_of(lan).lower().replace("-", "")})
    assert entered.status_code == 303 and entered.location.endswith(f"/contest/rounds/{world.everyone}")
    with lab_pc.session_transaction() as session:
        assert session["learner"] == lan.learner_key


def test_wrong_personal_codes_are_counted_per_browser(make_app, world, clock):
    app = make_app(WTF_CSRF_ENABLED=False, RATELIMIT_GUESS_BROWSER="3 per 10 minutes")
    guesser = app.test_client()
    statuses = [guesser.post("/contest/enter?lang=en", data={"code": f"ACDEF-GHJK{c}"}).status_code for c in "MNPQ"]
    assert statuses == [400, 400, 400, 429]
    wrong_public = guesser.get("/contest/join?code=NOPE&lang=en")
    assert wrong_public.status_code == 429  # the same budget: a browser cannot go on testing round codes either


# --- who may use which URL ----------------------------------------------------------------

TEACHER_GETS = ["/contests/", "/contests/rounds/{r}", "/contests/rounds/{r}/classes/1/sheet",
                "/contests/rounds/{r}/groups/sheet?name=7A", "/contests/pending"]
TEACHER_POSTS = ["/contests/rounds/{r}/classes/1", "/contests/rounds/{r}/list", "/contests/pending/1/confirm",
                 "/contests/pending/1/reject"]


def test_teacher_pages_send_anonymous_visitors_and_students_to_sign_in(app, world, join):
    anonymous = app.test_client()
    public_join(anonymous, world)  # a participant's browser now
    for client in (anonymous, app.test_client()):
        for url in TEACHER_GETS + TEACHER_POSTS:
            response = (client.get if url in TEACHER_GETS else client.post)(url.format(r=world.everyone))
            assert response.status_code == 302 and "/auth/signin" in response.location, url
    assert participants(app)[0].confirmed_at is None


def test_every_post_needs_the_csrf_token(app, make_app, world, teacher_at, password):
    """The same database, served by an app that checks CSRF tokens (as in production)."""
    teacher_at("lan@school.example", world.hoa_sen)
    with app.app_context():
        db = get_session()
        enrolment.join_with_public_code(db, SECRET, db.get(ContestRound, world.everyone), world.hoa_sen, "7", "7A",
                                        "Lan", NOW)
        db.commit()
    protected = make_app()
    student = protected.test_client()
    assert student.post("/contest/enter", data={"code": code_of(participants(app)[0])}).status_code == 400
    assert public_join(student, world, display_name="Minh").status_code == 400
    teacher = protected.test_client()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', teacher.get("/auth/signin").text).group(1)
    signed_in = teacher.post("/auth/signin", data={"email": "lan@school.example", "password": password,
                                                   "csrf_token": token})
    assert signed_in.status_code == 302
    for url in TEACHER_POSTS:
        assert teacher.post(url.format(r=world.everyone)).status_code == 400, url
    (lan,) = participants(app)
    assert lan.confirmed_at is None
    with student.session_transaction() as session:
        assert "learner" not in session or session["learner"] != lan.learner_key
