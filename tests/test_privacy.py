"""Deleting children's data: a student with everything they did, or a whole
class with its students, assignments and all their work. Only the class's
teacher, only after a confirmation page, only with the CSRF token."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlmodel import select

from edu.models import (Assignment, Classroom, ContestDraw, LessonProgress, Participant, QuizAnswer, QuizAttempt,
                        School, Student, utcnow)
from edu.services import codes
from edu.web.db import get_session


@pytest.fixture
def app(make_app):
    return make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)


def new_class(teacher, name):
    class_id = int(teacher.post("/classes/new", data={"name": name, "language": "vi"}).location.rsplit("/", 1)[1])
    teacher.post(f"/classes/{class_id}/assign", data={"item": "quiz:first-quiz"})
    teacher.post(f"/classes/{class_id}/assign", data={"item": "lesson:first-lesson"})
    code = re.search(r'id="join-code">(\w+)<', teacher.get(f"/classes/{class_id}").text).group(1)
    return class_id, code


def busy_student(app, join, page_form, code, name):
    """A student who took the homework quiz, practised it, and read the lesson."""
    student, personal = join(app, code, name)
    for prefix in ("/me/quizzes", "/quizzes"):
        student.post(f"{prefix}/first-quiz/start")
        for question, choice in (("pick-one", "b"), ("pick-many", ["x", "y"]), ("statement", "false")):
            student.post(f"{prefix}/first-quiz/answer", data=page_form(app, "first-quiz", question, choice))
    student.get("/lessons/first-lesson")
    student.post("/lessons/first-lesson/finished")
    return student, personal


def rows(app):
    """Every learner's rows, by learner key."""
    with app.app_context():
        db = get_session()
        found: dict[str, list[str]] = {}
        for student in db.exec(select(Student)).all():
            found.setdefault(student.learner_key, []).append("student")
        for attempt in db.exec(select(QuizAttempt)).all():
            found.setdefault(attempt.learner_key, []).append("attempt")
            found[attempt.learner_key] += ["answer"] * len(db.exec(select(QuizAnswer).where(QuizAnswer.attempt_id == attempt.id)).all())
        for progress in db.exec(select(LessonProgress)).all():
            found.setdefault(progress.learner_key, []).append("lesson")
        return {key: sorted(kinds) for key, kinds in found.items()}


def student_id(app, name):
    with app.app_context():
        return get_session().exec(select(Student).where(Student.display_name == name)).one().id


def test_a_teacher_removes_a_student_and_everything_they_did(app, teacher, join, page_form):
    class_id, code = new_class(teacher, "7A")
    _, khanh_code = busy_student(app, join, page_form, code, "Khánh")
    busy_student(app, join, page_form, code, "Minh")
    full = ["answer"] * 6 + ["attempt", "attempt", "lesson", "student"]
    assert sorted(rows(app).values()) == [full, full]
    khanh = student_id(app, "Khánh")
    confirm = teacher.get(f"/classes/{class_id}/students/remove?student={khanh}&lang=en")
    assert confirm.status_code == 200 and "Khánh" in confirm.text and "Minh" not in confirm.text
    assert "deleted for good" in confirm.text
    assert len(rows(app)) == 2  # asking is not doing
    done = teacher.post(f"/classes/{class_id}/students/remove?lang=en", data={"student": [str(khanh)]}, follow_redirects=True)
    assert "1 student removed, with all their answers and lesson progress." in done.text
    assert list(rows(app).values()) == [full]  # Minh's, untouched
    assert "Khánh" not in teacher.get(f"/classes/{class_id}").text
    assert app.test_client().post("/join/continue", data={"code": khanh_code}).status_code == 400


def test_several_students_go_at_once_and_the_message_is_translated(app, teacher, join):
    class_id, code = new_class(teacher, "7A")
    for name in ("Bot 1", "Bot 2", "Hoa"):
        join(app, code, name)
    ids = [student_id(app, "Bot 1"), student_id(app, "Bot 2")]
    confirm = teacher.get(f"/classes/{class_id}/students/remove?lang=vi&" + "&".join(f"student={i}" for i in ids)).text
    assert "Bot 1" in confirm and "Bot 2" in confirm and "Hoa" not in confirm and "Những học sinh sau sẽ bị xóa" in confirm
    done = teacher.post(f"/classes/{class_id}/students/remove?lang=vi", data={"student": ids}, follow_redirects=True)
    assert "Đã xóa 2 học sinh" in done.text
    with app.app_context():
        assert [s.display_name for s in get_session().exec(select(Student)).all()] == ["Hoa"]


def test_bad_or_foreign_student_ids_are_refused_and_change_nothing(app, teacher, join, sign_up):
    class_id, code = new_class(teacher, "7A")
    other_id, other_code = new_class(teacher, "7B")
    join(app, code, "Lan")
    join(app, other_code, "Minh")
    minh = student_id(app, "Minh")
    for data in ({"student": [str(minh)]}, {"student": ["x"]}, {}):
        refused = teacher.post(f"/classes/{class_id}/students/remove?lang=en", data=data)
        assert refused.status_code == 400 and "Choose one or more students of this class" in refused.text
    assert teacher.get(f"/classes/{class_id}/students/remove?student={minh}").status_code == 400
    stranger = sign_up(app, "other@school.example")
    assert stranger.get(f"/classes/{other_id}/students/remove?student={minh}").status_code == 404
    assert stranger.post(f"/classes/{other_id}/students/remove", data={"student": [str(minh)]}).status_code == 404
    assert stranger.get(f"/classes/{class_id}/delete").status_code == 404
    assert stranger.post(f"/classes/{class_id}/delete").status_code == 404
    with app.app_context():
        assert len(get_session().exec(select(Student)).all()) == 2
        assert len(get_session().exec(select(Classroom)).all()) == 2


def test_deleting_needs_the_csrf_token(make_app, sign_up, join):
    app = make_app(OPEN_SIGNUP=True, WTF_CSRF_ENABLED=False)
    teacher = sign_up(app, "lan@school.example")
    class_id, code = new_class(teacher, "7A")
    join(app, code, "Lan")
    app.config["WTF_CSRF_ENABLED"] = True
    lan = student_id(app, "Lan")
    assert teacher.post(f"/classes/{class_id}/students/remove", data={"student": [str(lan)]}).status_code == 400
    assert teacher.post(f"/classes/{class_id}/delete").status_code == 400
    with app.app_context():
        assert len(get_session().exec(select(Student)).all()) == 1
    # With the token of the confirmation pages, both go through.
    confirm = teacher.get(f"/classes/{class_id}/students/remove?student={lan}").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', confirm).group(1)
    assert teacher.post(f"/classes/{class_id}/students/remove", data={"student": [str(lan)], "csrf_token": token}).status_code == 303
    token = re.search(r'name="csrf_token" value="([^"]+)"', teacher.get(f"/classes/{class_id}/delete").text).group(1)
    assert teacher.post(f"/classes/{class_id}/delete", data={"csrf_token": token}).status_code == 303
    with app.app_context():
        assert get_session().exec(select(Student)).all() == [] and get_session().exec(select(Classroom)).all() == []


def test_a_teacher_deletes_a_class_with_everything_in_it(app, teacher, join, page_form):
    class_id, code = new_class(teacher, "7A")
    kept_id, kept_code = new_class(teacher, "7B")
    busy_student(app, join, page_form, code, "Lan")
    busy_student(app, join, page_form, code, "Minh")
    busy_student(app, join, page_form, kept_code, "Hoa")
    confirm = teacher.get(f"/classes/{class_id}/delete?lang=en")
    assert confirm.status_code == 200 and "its 2 students are deleted" in confirm.text
    done = teacher.post(f"/classes/{class_id}/delete?lang=en", follow_redirects=True)
    assert "Class 7A deleted, with its students and all their answers." in done.text
    assert teacher.get(f"/classes/{class_id}").status_code == 404
    assert len(rows(app)) == 1  # Hoa's, in the other class
    with app.app_context():
        db = get_session()
        assert [c.id for c in db.exec(select(Classroom)).all()] == [kept_id]
        assert {a.class_id for a in db.exec(select(Assignment)).all()} == {kept_id}
    assert app.test_client().post("/join", data={"code": code, "display_name": "Lan"}).status_code == 400
    vi = teacher.get(f"/classes/{kept_id}/delete?lang=vi").text
    assert "Xóa lớp 7B" in vi and "không thể khôi phục" in vi


# --- anonymous practice -------------------------------------------------------------------

def practise(app, page_form, client=None):
    """A practice run of first-quiz in a browser (a new, anonymous one unless given); its learner key."""
    client = client or app.test_client()
    client.post("/quizzes/first-quiz/start")
    for question, choice in (("pick-one", "b"), ("pick-many", ["x", "y"]), ("statement", "false")):
        client.post("/quizzes/first-quiz/answer", data=page_form(app, "first-quiz", question, choice))
    with client.session_transaction() as session:
        return session["learner"]


def test_old_anonymous_practice_is_pruned_and_a_students_work_is_kept(clock, app, teacher, join, page_form):
    _, code = new_class(teacher, "7A")
    old_anonymous = practise(app, page_form)
    student, _ = busy_student(app, join, page_form, code, "Lan")  # homework and practice, as a student
    with student.session_transaction() as session:
        lan = session["learner"]
    clock.shift(timedelta(days=31))
    recent_anonymous = practise(app, page_form)
    before = rows(app)
    assert before[old_anonymous] == ["answer"] * 3 + ["attempt"]

    result = app.test_cli_runner().invoke(args=["data", "prune-practice", "--older-than", "30"])
    assert result.exit_code == 0, result.output
    assert "Deleted 1 practice attempt(s) with 3 answer(s)" in result.output
    after = rows(app)
    assert old_anonymous not in after
    assert after[lan] == before[lan] and after[recent_anonymous] == before[recent_anonymous]
    with app.app_context():
        assert get_session().exec(select(QuizAnswer).where(QuizAnswer.attempt_id == 1)).all() == []

    again = app.test_cli_runner().invoke(args=["data", "prune-practice", "--older-than", "30"])
    assert "Deleted 0 practice attempt(s) with 0 answer(s)" in again.output
    assert app.test_cli_runner().invoke(args=["data", "prune-practice"]).exit_code != 0  # --older-than is required
    assert app.test_cli_runner().invoke(args=["data", "prune-practice", "--older-than", "-1"]).exit_code != 0


# --- contest entries ---------------------------------------------------------------------

def test_removing_a_student_or_their_class_takes_their_contest_entry_and_draw_too(
        clock, app, teacher, join, page_form, round_factory):
    class_id, code = new_class(teacher, "7A")
    round_id = round_factory()
    entered = {}
    for name in ("Lan", "Minh"):
        student, _ = join(app, code, name)
        with student.session_transaction() as session:
            key = session["learner"]
        with app.app_context():
            db = get_session()
            school = db.exec(select(School)).first()
            db.add(Participant(round_id=round_id, learner_key=key, display_name=name, school_id=school.id, grade="7",
                               class_name="7A", class_id=class_id, identity=f"{school.id}|7|7a|{name}",
                               code_hash=codes.digest(app.secret_key, key), confirmed_at=utcnow()))
            db.commit()
        assert student.post(f"/contest/rounds/{round_id}/start").status_code == 303
        entered[name] = key

    assert teacher.post(f"/classes/{class_id}/students/remove", data={"student": [str(student_id(app, "Lan"))]}).status_code == 303
    with app.app_context():
        db = get_session()
        assert [p.display_name for p in db.exec(select(Participant)).all()] == ["Minh"]
        assert len(db.exec(select(ContestDraw)).all()) == 1
    assert entered["Lan"] not in rows(app)

    assert teacher.post(f"/classes/{class_id}/delete").status_code == 303
    with app.app_context():
        db = get_session()
        assert db.exec(select(Participant)).all() == [] and db.exec(select(ContestDraw)).all() == []
        assert db.exec(select(QuizAttempt)).all() == []
