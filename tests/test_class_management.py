"""A teacher manages their class: renames a student, merges two entries of one
student, is offered only what is not yet assigned, prints the join sheet in
the class's language; names that look like a phone number or an email are refused."""
from __future__ import annotations

import re

import pytest
from sqlmodel import func, select

from edu.models import LessonProgress, QuizAnswer, QuizAttempt, Student, as_utc
from edu.web.db import get_session


@pytest.fixture
def app(make_app):
    return make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)


@pytest.fixture
def teacher(app, sign_up, clock):
    """Signed up on the frozen clock, so their session begins and is used on one clock."""
    return sign_up(app, "lan@school.example")


def new_class(teacher, name="7A", language="vi"):
    response = teacher.post("/classes/new", data={"name": name, "language": language, "results_released": "y"})
    class_id = int(response.location.rsplit("/", 1)[1])
    code = re.search(r'id="join-code">(\w+)<', teacher.get(f"/classes/{class_id}").text).group(1)
    return class_id, code


@pytest.fixture
def classroom(teacher):
    class_id, code = new_class(teacher)
    for item in ("quiz:first-quiz", "lesson:first-lesson"):
        teacher.post(f"/classes/{class_id}/assign", data={"item": item})
    return {"id": class_id, "code": code}


def student_named(app, name):
    with app.app_context():
        return get_session().exec(select(Student).where(Student.display_name == name)).first()


def names(app, class_id):
    with app.app_context():
        return sorted(get_session().exec(select(Student.display_name).where(Student.class_id == class_id)).all())


# --- renaming ----------------------------------------------------------------------------

def test_teacher_renames_a_student_under_the_rules_of_joining(app, teacher, classroom, join):
    join(app, classroom["code"], "Khoa")
    join(app, classroom["code"], "lam")
    lam = student_named(app, "lam")
    url = f"/classes/{classroom['id']}/students/{lam.id}/rename"
    assert f'action="{url}"' in teacher.get(f"/classes/{classroom['id']}").text  # a form per student

    response = teacher.post(url + "?lang=en", data={"display_name": "  Lâm  "})  # its own name, accents fixed
    assert response.status_code == 303
    assert "lam is now called Lâm." in teacher.get(response.location + "?lang=en").text
    assert names(app, classroom["id"]) == ["Khoa", "Lâm"]
    response = teacher.post(url + "?lang=vi", data={"display_name": "Minh"})
    assert "Lâm đã được đổi tên thành Minh." in teacher.get(response.location + "?lang=vi").text

    for bad, english in (("KHOA", "A classmate already uses this name"), ("", "This field is required."),
                         ("\u202eabc", "hidden or special characters"), ("x" * 41, "Use a shorter name.")):
        refused = teacher.post(url + "?lang=en", data={"display_name": bad})
        assert refused.status_code == 400 and english in refused.text, bad
    assert names(app, classroom["id"]) == ["Khoa", "Minh"]


def test_renaming_is_only_for_a_student_of_your_own_class(app, teacher, classroom, join, sign_up):
    join(app, classroom["code"], "Khoa")
    khoa = student_named(app, "Khoa")
    other_class, _ = new_class(teacher, "7B")
    assert teacher.post(f"/classes/{other_class}/students/{khoa.id}/rename", data={"display_name": "X"}).status_code == 404
    stranger = sign_up(app, "other@school.example")
    for method in (stranger.get, stranger.post):
        assert method(f"/classes/{classroom['id']}/students/{khoa.id}/rename", data={"display_name": "X"}).status_code == 404
    assert names(app, classroom["id"]) == ["Khoa"]
    assert teacher.get(f"/classes/{classroom['id']}/students/{khoa.id}/rename").status_code == 200  # the owner's page


# --- names that are contact details --------------------------------------------------------

CONTACTS = ["0912345678", "0912 345 678", "+84 912.345.678", "Lan 091-234-5678", "lan@gmail.com", "Lan＠mail",
            "０９１２３４５６７８"]
REFUSED = {"en": "must not look like a phone number or an email address",
           "vi": "Tên không được giống số điện thoại hay địa chỉ email"}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_name_like_a_phone_number_or_email_is_refused_at_join_and_rename(app, teacher, classroom, join, lang):
    join(app, classroom["code"], "Lan")
    lan = student_named(app, "Lan")
    for name in CONTACTS:
        joining = app.test_client().post(f"/join?lang={lang}", data={"code": classroom["code"], "display_name": name})
        assert joining.status_code == 400 and REFUSED[lang] in joining.text, name
        renaming = teacher.post(f"/classes/{classroom['id']}/students/{lan.id}/rename?lang={lang}", data={"display_name": name})
        assert renaming.status_code == 400 and REFUSED[lang] in renaming.text, name
    assert names(app, classroom["id"]) == ["Lan"]
    hint = {"en": "Do not type a phone number, an email or an address.", "vi": "Đừng nhập số điện thoại, email hay địa chỉ."}
    assert hint[lang] in app.test_client().get(f"/join?lang={lang}").text
    for name in ("Minh 2", "Lan 7A", "An 2013"):  # a few digits are a name still
        join(app, classroom["code"], name)
    assert names(app, classroom["id"]) == ["An 2013", "Lan", "Lan 7A", "Minh 2"]


# --- merging -------------------------------------------------------------------------------

def take_quiz(student, page_form, answers=("a", ["x"], "true")):
    student.post("/me/quizzes/first-quiz/start")
    for question, choice in zip(("pick-one", "pick-many", "statement"), answers):
        student.post("/me/quizzes/first-quiz/answer", data=page_form(student.application, "first-quiz", question, choice))


def work_of(app, key):
    with app.app_context():
        db = get_session()
        attempts = db.exec(select(func.count()).select_from(QuizAttempt).where(QuizAttempt.learner_key == key)).one()
        answers = db.exec(select(func.count()).select_from(QuizAnswer).join(QuizAttempt)
                          .where(QuizAttempt.learner_key == key)).one()
        lessons = {p.lesson_slug: (as_utc(p.opened_at), p.finished_at and as_utc(p.finished_at))
                   for p in db.exec(select(LessonProgress).where(LessonProgress.learner_key == key))}
        return attempts, answers, lessons


@pytest.fixture
def twice(app, teacher, classroom, join, page_form, clock):
    """Minh joined, read the lesson and took the quiz; lost the code; joined
    again as "Minh Anh", read and finished the lesson, took the quiz again
    (partly); then finished the lesson as Minh too."""
    minh, minh_code = join(app, classroom["code"], "Minh")
    minh.get("/lessons/first-lesson")
    take_quiz(minh, page_form)
    clock.shift(60)
    anh, _ = join(app, classroom["code"], "Minh Anh")
    anh.get("/lessons/first-lesson")
    clock.shift(60)
    anh.post("/lessons/first-lesson/finished")
    take_quiz(anh, page_form, answers=("b",))
    clock.shift(60)
    minh.post("/lessons/first-lesson/finished")
    return {"keep": student_named(app, "Minh Anh"), "other": student_named(app, "Minh"), "other_code": minh_code,
            "keep_client": anh}


def test_merge_keeps_every_attempt_answer_and_lesson(app, teacher, classroom, twice, clock):
    keep, other = twice["keep"], twice["other"]
    kept_before, other_before = work_of(app, keep.learner_key), work_of(app, other.learner_key)
    assert kept_before[:2] == (1, 1) and other_before[:2] == (1, 3)
    url = f"/classes/{classroom['id']}/students/merge"

    page = teacher.get(f"{url}?keep={keep.id}&other={other.id}&lang=en")
    assert page.status_code == 200
    table = page.text.split('id="merge-holdings"')[1].split("</table>")[0]
    assert re.search(r"Minh Anh \(kept\)</th>\s*<td>1</td><td>1</td><td>1</td>", table)
    assert re.search(r"Minh \(folded in\)</th>\s*<td>1</td><td>3</td><td>1</td>", table)
    assert "Merge into Minh Anh" in page.text
    assert "Gộp vào Minh Anh" in teacher.get(f"{url}?keep={keep.id}&other={other.id}&lang=vi").text
    assert names(app, classroom["id"]) == ["Minh", "Minh Anh"]  # looking changes nothing

    response = teacher.post(f"{url}?lang=en", data={"keep": keep.id, "other": other.id})
    assert response.status_code == 303
    assert "Minh is merged into Minh Anh" in teacher.get(response.location + "?lang=en").text
    assert names(app, classroom["id"]) == ["Minh Anh"]
    attempts, answers, lessons = work_of(app, keep.learner_key)
    assert (attempts, answers) == (2, 4)
    assert work_of(app, other.learner_key) == (0, 0, {})
    # The earlier opening (as Minh) and the earlier finish (as Minh Anh).
    assert lessons == {"first-lesson": (other_before[2]["first-lesson"][0], kept_before[2]["first-lesson"][1])}
    # The kept student sees it all; the other entry's personal code is gone.
    assert twice["keep_client"].get("/me").status_code == 200
    assert app.test_client().post("/join/continue", data={"code": twice["other_code"]}).status_code == 400


def test_merge_refuses_foreign_or_same_entries(app, teacher, classroom, twice, join, sign_up):
    keep, other = twice["keep"], twice["other"]
    url = f"/classes/{classroom['id']}/students/merge"
    other_class, other_code = new_class(teacher, "7B")
    join(app, other_code, "Lạ")
    foreign = student_named(app, "Lạ")
    for pair in ({"keep": keep.id, "other": foreign.id}, {"keep": foreign.id, "other": other.id},
                 {"keep": keep.id, "other": 10**12}):
        assert teacher.get(url, query_string=pair).status_code == 404, pair
        assert teacher.post(url, data=pair).status_code == 404, pair
    # Both entries of the teacher's own other class, asked through this class: 404 too.
    assert teacher.post(f"/classes/{other_class}/students/merge", data={"keep": keep.id, "other": other.id}).status_code == 404
    same = teacher.post(f"{url}?lang=en", data={"keep": keep.id, "other": keep.id})
    assert same.status_code == 400 and "Choose two different entries" in same.text
    missing = teacher.post(f"{url}?lang=en", data={"keep": keep.id, "other": "x"})
    assert missing.status_code == 400 and "Choose the entry to keep" in missing.text
    stranger = sign_up(app, "other@school.example")
    assert stranger.get(url).status_code == 404
    assert stranger.post(url, data={"keep": keep.id, "other": other.id}).status_code == 404
    assert names(app, classroom["id"]) == ["Minh", "Minh Anh"] and names(app, other_class) == ["Lạ"]


def test_rename_and_merge_need_the_csrf_token(app, make_app, teacher, classroom, join):
    join(app, classroom["code"], "Minh")
    join(app, classroom["code"], "Minh Anh")
    keep, other = student_named(app, "Minh Anh"), student_named(app, "Minh")
    protected = make_app(OPEN_SIGNUP=True)  # CSRF on, same database and secret
    client = protected.test_client()
    client.set_cookie("session", teacher.get_cookie("session").value)
    base = f"/classes/{classroom['id']}"
    rename, merge = f"{base}/students/{other.id}/rename", f"{base}/students/merge"
    assert client.post(rename, data={"display_name": "Minh B"}).status_code == 400
    assert client.post(merge, data={"keep": keep.id, "other": other.id}).status_code == 400
    assert names(app, classroom["id"]) == ["Minh", "Minh Anh"]
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get(base).text).group(1)
    assert client.post(rename, data={"display_name": "Minh B", "csrf_token": token}).status_code == 303
    assert client.post(merge, data={"keep": keep.id, "other": other.id, "csrf_token": token}).status_code == 303
    assert names(app, classroom["id"]) == ["Minh Anh"]


# --- assigning -------------------------------------------------------------------------------

def test_the_assign_list_leaves_out_what_is_assigned(app, teacher, classroom):
    page = teacher.get(f"/classes/{classroom['id']}?lang=en").text
    offered = re.findall(r'<option[^>]*value="([^"]+)"', page.split('name="item"')[1].split("</select>")[0])
    assert offered == ["quiz:recognition", "quiz:new-mockups"]
    assert "already assigned" not in page
    for item in offered:
        teacher.post(f"/classes/{classroom['id']}/assign", data={"item": item})
    for lang, said in (("en", "Every lesson and quiz is already assigned to this class."),
                       ("vi", "Lớp này đã được giao tất cả bài học và bài trắc nghiệm.")):
        page = teacher.get(f"/classes/{classroom['id']}?lang={lang}").text
        assert said in page and 'name="item"' not in page
    # Posting an assigned item again (a double submit) still only updates it.
    assert teacher.post(f"/classes/{classroom['id']}/assign", data={"item": "quiz:recognition"}).status_code == 302


# --- the join sheet ------------------------------------------------------------------------------

def test_the_join_sheet_speaks_the_class_language(app, teacher):
    vi_class, _ = new_class(teacher, "7A", "vi")
    en_class, _ = new_class(teacher, "Year 7", "en")
    teacher.get("/classes/?lang=en")  # the teacher's interface is English (remembered)
    sheet = teacher.get(f"/classes/{vi_class}/join-sheet").text
    assert '<html lang="vi">' in sheet and "Vào lớp của chúng ta: 7A" in sheet and "Mã QR để vào lớp" in sheet
    assert "Join our class" not in sheet and "My classes" not in sheet and "Các lớp của tôi" in sheet
    assert "My classes" in teacher.get(f"/classes/{vi_class}").text  # the rest stays in the teacher's language
    teacher.get("/classes/?lang=vi")
    sheet = teacher.get(f"/classes/{en_class}/join-sheet").text
    assert '<html lang="en">' in sheet and "Join our class: Year 7" in sheet and "QR code to join the class" in sheet
    assert "Vào lớp của chúng ta" not in sheet
    # The page's own language switch still prints the other language on request.
    assert "Join our class: 7A" in teacher.get(f"/classes/{vi_class}/join-sheet?lang=en").text
