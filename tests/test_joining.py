"""Joining a class: the guessing limits that never lock out a school behind
one address, join floods, display names, and what an anonymous visitor
leaves behind (nothing). Limits run on memory and on Redis alike."""
from __future__ import annotations

import re
import unicodedata
import uuid

import pytest
import redis
from sqlmodel import select

from edu.models import LessonProgress, QuizAttempt, Student
from edu.web.db import get_session

REDIS_URL = "redis://127.0.0.1:6379/13"


@pytest.fixture(params=["memory", "redis"])
def storage(request):
    """Rate-limit storage settings for each kind the limits must behave alike
    on. Redis keys carry a prefix of this test's own (another test run may
    share the server), deleted afterwards."""
    if request.param == "memory":
        yield {"RATELIMIT_STORAGE_URI": "memory://"}
        return
    prefix = f"edu-test-{uuid.uuid4().hex}"
    yield {"RATELIMIT_STORAGE_URI": REDIS_URL, "RATELIMIT_STORAGE_OPTIONS": {"key_prefix": prefix}}
    server = redis.Redis.from_url(REDIS_URL)
    for key in server.scan_iter(f"{prefix}*"):
        server.delete(key)
    server.close()


@pytest.fixture
def app(make_app, storage, clock):
    return make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True, **storage)


def new_class(teacher, name="7A"):
    class_id = int(teacher.post("/classes/new", data={"name": name, "language": "vi"}).location.rsplit("/", 1)[1])
    teacher.post(f"/classes/{class_id}/assign", data={"item": "quiz:first-quiz"})
    code = re.search(r'id="join-code">(\w+)<', teacher.get(f"/classes/{class_id}").text).group(1)
    return class_id, code


@pytest.fixture
def classroom(teacher):
    class_id, code = new_class(teacher)
    return {"id": class_id, "code": code}


def post_join(client, code, name, lang="en"):
    return client.post(f"/join?lang={lang}", data={"code": code, "display_name": name})


def students(app):
    with app.app_context():
        return list(get_session().exec(select(Student)).all())


# --- wrong codes: a school behind one address -----------------------------------------

def test_wrong_codes_from_many_browsers_never_block_a_right_code(make_app, storage, clock, sign_up, join):
    app = make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True, **storage,
                   RATELIMIT_GUESS="30 per 10 minutes")
    _, code = new_class(sign_up(app, "lan@school.example"))
    _, personal = join(app, code, "Minh")
    statuses = [post_join(app.test_client(), "ZZZZZZ", f"Bạn {i}").status_code for i in range(40)]
    assert statuses == [400] * 30 + [429] * 10  # the address's ceiling on wrong codes...
    # ...refuses only wrong codes: the right ones from the same address go through.
    assert post_join(app.test_client(), code, "Lan").status_code == 303
    assert app.test_client().post("/join/continue", data={"code": personal}).status_code == 303
    assert app.test_client().post("/join/continue", data={"code": "AAAA-AAAA"}).status_code == 429


def test_one_browser_that_spent_its_budget_tries_no_code_at_all(app, classroom, join):
    _, personal = join(app, classroom["code"], "Minh")
    guesser = app.test_client()
    statuses = [post_join(guesser, f"ZZZZZ{c}", "Lan").status_code for c in "ACDEF"]
    statuses += [guesser.post("/join/continue?lang=en", data={"code": f"AAAA-AAA{c}"}).status_code for c in "ACDEF"]
    assert statuses == [400] * 10  # 10 wrong codes per browser, join and personal codes together
    refused = post_join(guesser, "ZZZZZZ", "Lan")
    assert refused.status_code == 429 and "Too many wrong codes" in refused.text and int(refused.headers["Retry-After"]) > 0
    assert guesser.post("/join/continue", data={"code": "AAAA-AAAA"}).status_code == 429
    # Not even a right code: a guesser cannot tell right from wrong by going on.
    assert post_join(guesser, classroom["code"], "Lan").status_code == 429
    assert post_join(app.test_client(), classroom["code"], "Hoa").status_code == 303  # other browsers are not held back


def test_only_wrong_codes_count_never_a_bad_name_or_a_closed_class(make_app, storage, clock, sign_up):
    app = make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True, **storage,
                   RATELIMIT_GUESS_BROWSER="3 per 10 minutes", RATELIMIT_GUESS="3 per 10 minutes")
    teacher = sign_up(app, "lan@school.example")
    class_id, code = new_class(teacher)
    closed_id, closed_code = new_class(teacher, "7B")
    teacher.post(f"/classes/{closed_id}/joining", data={"value": "close"})
    pupil = app.test_client()
    for name in ["\u200b", "Lan\u202e", "x" * 41, " "] * 3:
        assert post_join(pupil, code, name).status_code == 400
    for _ in range(5):
        closed = post_join(pupil, closed_code, "Lan")
        assert closed.status_code == 400 and "not taking new students" in closed.text
    assert [post_join(pupil, "ZZZZZZ", "Lan").status_code for _ in range(4)] == [400, 400, 400, 429]
    assert post_join(pupil, code, "Lan").status_code == 429  # its own wrong codes spent this browser's budget
    assert post_join(app.test_client(), code, "Lan").status_code == 303


def test_the_budgets_come_back_after_their_window(make_app, clock):
    app = make_app(WTF_CSRF_ENABLED=False, RATELIMIT_GUESS_BROWSER="2 per 10 minutes")
    client = app.test_client()
    assert [client.post("/join/continue", data={"code": "AAAA-AAAA"}).status_code for _ in range(3)] == [400, 400, 429]
    clock.shift(599)
    assert client.post("/join/continue", data={"code": "AAAA-AAAA"}).status_code == 429
    clock.shift(2)
    assert client.post("/join/continue", data={"code": "AAAA-AAAA"}).status_code == 400
    assert client.post("/join/continue", data={"code": "AAAA-AAAA"}).status_code == 400  # the budget came back whole


# --- floods ------------------------------------------------------------------------------

def test_a_class_of_50_joins_in_a_minute_and_a_flood_is_slowed(app, classroom):
    assert all(post_join(app.test_client(), classroom["code"], f"Học sinh {i}").status_code == 303 for i in range(50))
    flood = [post_join(app.test_client(), classroom["code"], f"Bot {i}").status_code for i in range(20)]
    assert flood == [303] * 10 + [429] * 10  # 60 students a minute per class code
    busy = post_join(app.test_client(), classroom["code"], "Bot 99")
    assert "Many students are joining this class" in busy.text and "Retry-After" in busy.headers
    assert len(students(app)) == 60


def test_the_join_limit_releases_after_a_minute(make_app, clock, sign_up):
    app = make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True, RATELIMIT_JOIN="2 per minute")
    _, code = new_class(sign_up(app, "lan@school.example"))
    for _ in range(3):  # refused joins cost the class nothing
        assert post_join(app.test_client(), code, "x" * 41).status_code == 400
    assert [post_join(app.test_client(), code, f"Em {i}").status_code for i in range(3)] == [303, 303, 429]
    clock.shift(61)
    assert post_join(app.test_client(), code, "Em 3").status_code == 303


def test_one_browser_posting_a_class_code_over_and_over_blocks_nobody(make_app, storage, clock, sign_up):
    app = make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True, **storage, RATELIMIT_JOIN="5 per minute")
    _, code = new_class(sign_up(app, "lan@school.example"))
    pest = app.test_client()
    assert post_join(pest, code, "Pest").status_code == 303
    assert all(post_join(pest, code, f"Pest {i}").status_code == 200 for i in range(300))  # "you are already in a class"
    assert [post_join(app.test_client(), code, f"Em {i}").status_code for i in range(4)] == [303] * 4
    assert len(students(app)) == 5


def test_a_teacher_closes_and_reopens_joining(app, teacher, classroom):
    page = teacher.get(f"/classes/{classroom['id']}?lang=en").text
    assert "Joining is open" in page
    assert teacher.post(f"/classes/{classroom['id']}/joining", data={"value": "close"}).status_code == 302
    assert "Joining is closed" in teacher.get(f"/classes/{classroom['id']}?lang=en").text
    refused = post_join(app.test_client(), classroom["code"], "Lan", lang="vi")
    assert refused.status_code == 400 and "Lớp này đang tạm dừng nhận học sinh mới" in refused.text
    assert students(app) == []
    teacher.post(f"/classes/{classroom['id']}/joining", data={"value": "open"})
    assert post_join(app.test_client(), classroom["code"], "Lan").status_code == 303


def test_only_the_classs_teacher_opens_or_closes_joining(app, teacher, classroom, sign_up):
    other = sign_up(app, "other@school.example")
    assert other.post(f"/classes/{classroom['id']}/joining", data={"value": "close"}).status_code == 404
    assert post_join(app.test_client(), classroom["code"], "Lan").status_code == 303
    teacher.post(f"/classes/{classroom['id']}/joining", data={"value": "close"})
    assert other.post(f"/classes/{classroom['id']}/joining", data={"value": "open"}).status_code == 404
    assert post_join(app.test_client(), classroom["code"], "Minh").status_code == 400


# --- display names -----------------------------------------------------------------------

HIDDEN = ["Lan\u202eanh", "\u2066Lan\u2069", "Lan\u202a", "Lan\u200b", "Lan\u00ad", "Lan\x07", "Lan\ue000",
          "Lan\u200f", "La\u0301\u0302\u0303\u0304n",
          # "Letters" and marks that draw nothing: Hangul fillers, the combining grapheme joiner.
          "Lan\u3164", "\u3164Lan", "Lan \uffa0", "Lan\u115f", "Lan\u1160", "La\u034fn", "Lan\u2800"]
NOTHING_VISIBLE = ["\u200b\u200b", "\u0301\u0301", "\u00a0\u200c\u3000",
                   "\u3164", "\uffa0\uffa0", "\u115f\u1160", "\u3164 \u034f", "\u2800"]


@pytest.mark.parametrize("name", HIDDEN)
def test_names_with_hidden_or_direction_changing_characters_are_refused(app, classroom, name):
    refused = post_join(app.test_client(), classroom["code"], name)
    assert refused.status_code == 400 and "hidden or special characters" in refused.text
    assert students(app) == []


@pytest.mark.parametrize("name", NOTHING_VISIBLE)
def test_names_with_nothing_visible_are_refused(app, classroom, name):
    refused = post_join(app.test_client(), classroom["code"], name, lang="vi")
    assert refused.status_code == 400
    assert any(m in refused.text for m in ("Tên của em cần có ít nhất một chữ cái", "ký tự ẩn", "Mục này là bắt buộc"))
    assert students(app) == []


def test_vietnamese_names_pass_and_look_alikes_of_a_classmate_do_not(app, classroom, teacher):
    for name in ("Nguyễn Thị Ánh", "Đặng Văn Bình", "Lan"):
        assert post_join(app.test_client(), classroom["code"], name).status_code == 303
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    # Cyrillic а, А, у and Greek α, Α in place of Latin letters.
    look_alikes = ("L\u0430n", "L\u0410N", "L\u03b1n", "L\u0391N", "\u0110\u0430ng V\u0103n B\u00ecnh",
                   "Ngu\u0443\u1ec5n Th\u1ecb \u00c1nh")
    for twin in ("nguyen thi anh", "NGUYỄN   THỊ ÁNH", decomposed, "Dang Van Binh", "ĐẶNG VĂN BÌNH", "Ｌａｎ", "Lân",
                 *look_alikes):
        refused = post_join(app.test_client(), classroom["code"], twin)
        assert refused.status_code == 400 and "A classmate already uses this name" in refused.text, twin
    vi = post_join(app.test_client(), classroom["code"], "lan", lang="vi")
    assert "Một bạn trong lớp đã dùng tên này" in vi.text
    assert sorted(s.display_name for s in students(app)) == ["Lan", "Nguyễn Thị Ánh", "Đặng Văn Bình"]
    _, other_code = new_class(teacher, "7B")
    assert post_join(app.test_client(), other_code, "Lan").status_code == 303  # another class: no clash
    assert post_join(app.test_client(), classroom["code"], "Lan Anh").status_code == 303


def test_names_are_stored_composed(app, classroom):
    post_join(app.test_client(), classroom["code"], unicodedata.normalize("NFD", "Trần  Thu Hà"))
    assert students(app)[0].display_name == unicodedata.normalize("NFC", "Trần Thu Hà")


# --- what a visitor leaves behind ---------------------------------------------------------

def test_an_anonymous_visitor_reading_a_lesson_stores_nothing(app, classroom):
    visitor = app.test_client()
    page = visitor.get("/lessons/first-lesson?lang=en")
    assert page.status_code == 200 and "I have finished reading" not in page.text
    assert visitor.post("/lessons/first-lesson/finished").status_code == 303
    visitor.post("/quizzes/first-quiz/start")  # a session of its own: still not a student
    visitor.get("/lessons/first-lesson")
    visitor.post("/lessons/first-lesson/finished")
    with app.app_context():
        assert get_session().exec(select(LessonProgress)).all() == []
    post_join(visitor, classroom["code"], "Lan")
    assert "I have finished reading" in visitor.get("/lessons/first-lesson?lang=en").text
    visitor.post("/lessons/first-lesson/finished")
    with app.app_context():
        [row] = get_session().exec(select(LessonProgress)).all()
    assert row.learner_key == students(app)[0].learner_key and row.finished_at is not None


def test_a_pupil_joining_on_a_shared_pc_gets_none_of_the_earlier_practice(app, classroom):
    shared = app.test_client()
    shared.post("/quizzes/first-quiz/start")
    for question, choice in (("pick-one", "b"), ("pick-many", ["x", "y"]), ("statement", "false")):
        shared.post("/quizzes/first-quiz/answer", data={"question": question, "choice": choice})
    with shared.session_transaction() as session:
        before = session["learner"]
    assert post_join(shared, classroom["code"], "Lan").status_code == 303
    [student] = students(app)
    assert student.learner_key != before
    with shared.session_transaction() as session:
        assert session["learner"] == student.learner_key
    with app.app_context():
        attempts = get_session().exec(select(QuizAttempt)).all()
    assert [a.learner_key for a in attempts] == [before]  # the practice stays with the anonymous key
    assert "3/3" not in shared.get("/me").text
