"""Teachers' reports and exports speak in words: the question as the student
saw it, options and marked parts by their text, a which-is-real answer as the
side chosen, translated types, in the report's language; exports keep
Vietnamese file names, write dates as date cells and say which columns are %."""
from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from urllib.parse import unquote

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from edu.content.questions import Shown
from edu.models import QuizAttempt
from edu.teach.wording import answer_text, choice_label, question_text, short, type_name
from edu.web.db import get_session

QUIZ = "recognition"
IDS = ["bank-sms", "school-email", "friend-chat", "real-site", "hang-up", "(scam)", "(a)", "(unsure)", "old,threat"]


@pytest.fixture
def app(make_app):
    return make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)


@pytest.fixture
def quiz(app):
    return app.extensions["content"].library.quizzes[QUIZ]


def test_short_labels_cut_at_a_word_with_an_ellipsis():
    assert short("Balance up 100,000 VND.") == "Balance up 100,000 VND."
    long = "Your account will be locked today unless you verify your details on our secure page now"
    assert short(long) == "Your account will be locked today unless you verify your…" and len(short(long)) <= 61


@pytest.mark.parametrize("lang, words", [
    ("en", {"verdict": "Is this a scam, or is it safe? (TESTBANK)", "email": "(Trường Test: Timetable change)",
            "scam": "Scam", "unsure": "Not sure", "type": "Scam or safe", "ask": "Lend me 2 million now",
            "call": "Call", "sender": "Contact: Minh Anh", "fake": "The fake one (https://testbank.vn.login-secure.top)",
            "step": "1. Call your bank; 2. Stop sending money", "genuine": "(genuine)"}),
    ("vi", {"verdict": "Đây là lừa đảo hay an toàn?", "email": "(Trường Test: Đổi lịch học)",
            "scam": "Lừa đảo", "unsure": "Không chắc", "type": "Lừa đảo hay an toàn", "ask": "Cho mình mượn 2 triệu gấp",
            "call": "Cuộc gọi", "sender": "Người liên hệ: Minh Anh", "fake": "Mẫu giả (https://testbank.vn.login-secure.top)",
            "step": "1. Gọi ngân hàng; 2. Ngừng chuyển tiền", "genuine": "(mẫu thật)"}),
])
def test_wording_turns_ids_into_the_words_the_student_saw(app, quiz, lang, words):
    q = quiz.question
    with app.test_request_context(f"/?lang={lang}"):
        assert question_text(quiz, q("bank-sms")).startswith(words["verdict"].split(" (")[0])
        assert "TESTBANK" in question_text(quiz, q("bank-sms"))
        assert question_text(quiz, q("school-email")).endswith(words["email"])
        assert choice_label(quiz, q("bank-sms"), "scam") == words["scam"]
        assert choice_label(quiz, q("bank-sms"), "unsure") == words["unsure"]
        assert type_name(q("bank-sms")) == words["type"]
        assert choice_label(quiz, q("friend-chat"), "ask") == words["ask"]
        assert choice_label(quiz, q("friend-chat"), "call") == words["call"]
        assert choice_label(quiz, q("friend-chat"), "contact") == words["sender"]
        assert choice_label(quiz, q("real-site"), "fake") == words["fake"]
        assert answer_text(quiz, q("after-scam"), ("bank", "stop"), 0).startswith(words["step"])
        # Which side the student's page showed as A depends on the attempt's seed.
        for seed in range(6):
            letter = "AB"[[s.id for s in q("real-site").presented(Shown(seed, ""))].index("real")]
            assert answer_text(quiz, q("real-site"), ("real",), seed).startswith(
                {"en": "Example", "vi": "Mẫu"}[lang] + f" {letter} {words['genuine']}")
        for question in quiz.questions:
            assert question.id not in question_text(quiz, question)


# --- through the app -----------------------------------------------------------------------------

ANSWERS = {"bank-sms": ["safe"], "school-email": ["unsure"], "friend-chat": ["ask", "reply"],
           "police-call": ["transfer"], "fan-page": ["check"], "real-site": ["fake"]}


@pytest.fixture
def worked(app, sign_up, join, page_form):
    """A class named with a Đ, a teacher, a student who took the recognition quiz
    (wrong on purpose) and one who never started it."""
    teacher = sign_up(app, "lan@school.example")
    class_url = teacher.post("/classes/new", data={"name": "Đội 7A", "language": "vi"}).location
    teacher.post(class_url + "/assign", data={"item": f"quiz:{QUIZ}"})
    teacher.post(class_url + "/assign", data={"item": "lesson:first-lesson"})
    code = re.search(r'id="join-code">(\w+)<', teacher.get(class_url).text).group(1)
    student, _ = join(app, code, "An")
    join(app, code, "Bình")
    student.post(f"/me/quizzes/{QUIZ}/start")
    with app.app_context():
        seed = get_session().exec(select(QuizAttempt)).one().seed
    for question, choices in ANSWERS.items():
        student.post(f"/me/quizzes/{QUIZ}/answer",
                     data=page_form(app, QUIZ, question, choices, seed=seed, confidence="75"))
    student.post(f"/me/quizzes/{QUIZ}/answer",
                 data=page_form(app, QUIZ, "after-scam", seed=seed, confidence="75",
                                positions={"bank": 1, "stop": 2, "evidence": 3, "report": 4}))
    side = "AB"[[s.id for s in app.extensions["content"].library.quizzes[QUIZ].question("real-site")
                 .presented(Shown(seed, ""))].index("fake")]
    return {"teacher": teacher, "base": class_url + "/reports", "side": side, "student": 1}


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#39;", "'").replace("&amp;", "&")


@pytest.mark.parametrize("lang, expected", [
    ("en", ["Is this a scam, or is it safe? (TESTBANK)", "Which parts of this are warning signs?",
            "Safe: 1", "What happened?: 1", "Move money to a safe account: 1", "The fake one (https://testbank.vn.login-secure.top): 1",
            "Counts each student’s first finished attempt."]),
    ("vi", ["Đây là lừa đảo hay an toàn? (TESTBANK)", "An toàn: 1", "Chuyển tiền vào tài khoản an toàn: 1",
            "Mẫu giả (https://testbank.vn.login-secure.top): 1", "Tính lần làm xong đầu tiên của mỗi học sinh."]),
])
def test_quiz_report_names_questions_and_wrong_answers_in_words(worked, lang, expected):
    html = _text(worked["teacher"].get(f"{worked['base']}/quizzes/{QUIZ}?lang={lang}").text)
    for words in expected:
        assert words in html, words
    for question_id in ("bank-sms", "school-email", "friend-chat", "real-site"):
        assert question_id not in html


@pytest.mark.parametrize("lang, expected", [
    ("en", ["Answer: Safe", "Answer: Not sure", "Answer: Lend me 2 million now; What happened?",
            "Answer: Move money to a safe account", "(not genuine)", "1. Call your bank; 2. Stop sending money",
            "This attempt counts", "Counts each student’s first finished attempt."]),
    ("vi", ["Câu trả lời: An toàn", "Câu trả lời: Không chắc", "(mẫu giả)", "Lần làm này được tính"]),
])
def test_student_report_shows_each_answer_in_words(worked, lang, expected):
    html = _text(worked["teacher"].get(f"{worked['base']}/students/{worked['student']}?lang={lang}").text)
    for words in expected:
        assert words in html, words
    assert ("Example " if lang == "en" else "Mẫu ") + worked["side"] in html
    for stored in ("(safe)", "(unsure)", "(ask,reply)", "(fake)", "bank-sms", "friend-chat"):
        assert stored not in html


def _csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.mark.parametrize("lang, type_name_, wrong, pct", [("en", "Scam or safe", "Safe", "Right answers (%)"),
                                                          ("vi", "Lừa đảo hay an toàn", "An toàn", "Tỉ lệ trả lời đúng (%)")])
def test_quiz_export_in_words_with_translated_types(worked, lang, type_name_, wrong, pct):
    rows = _csv(worked["teacher"].get(f"{worked['base']}/quizzes/{QUIZ}.csv?lang={lang}").data)
    header, first = rows[0], rows[1]
    assert pct in header
    assert "TESTBANK" in first[0] and "bank-sms" not in first[0]
    assert first[1] == type_name_
    assert first[7] == wrong and first[8] == "1"  # most chosen wrong answer, in words, and how often
    assert "verdict" not in {row[1] for row in rows[1:]} and "red_flags" not in {row[1] for row in rows[1:]}


@pytest.mark.parametrize("lang, started, score, answer", [("en", "Started", "Score (%)", "Safe"),
                                                          ("vi", "Đã bắt đầu", "Điểm (%)", "An toàn")])
def test_student_export_dates_are_date_cells_and_answers_words(worked, lang, started, score, answer):
    response = worked["teacher"].get(f"{worked['base']}/students/{worked['student']}.xlsx?lang={lang}")
    sheet = load_workbook(io.BytesIO(response.data)).active
    header = [c.value for c in sheet[1]]
    assert score in header
    cell = sheet.cell(2, header.index(started) + 1)
    assert isinstance(cell.value, datetime) and cell.is_date
    assert sheet.cell(2, header.index(score) + 1).data_type == "n"
    assert answer in [sheet.cell(row, 5).value for row in range(2, sheet.max_row + 1)]
    rows = _csv(worked["teacher"].get(f"{worked['base']}/students/{worked['student']}.csv?lang={lang}").data)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", rows[1][1])


def test_export_file_names_keep_vietnamese_letters(worked):
    disposition = worked["teacher"].get(f"{worked['base']}/grid.csv").headers["Content-Disposition"]
    fallback = re.search(r'filename="([^"]+)"', disposition).group(1)
    utf8 = re.search(r"filename\*=UTF-8''(\S+)", disposition).group(1)
    assert fallback == "Doi-7A-progress.csv" and fallback.isascii()
    assert unquote(utf8) == "Đội 7A-progress.csv"


@pytest.mark.parametrize("lang, not_started, quiz, lesson", [("en", "Not started", "Quiz", "Lesson"),
                                                            ("vi", "Chưa bắt đầu", "Bài trắc nghiệm", "Bài học")])
def test_grid_says_not_started_and_which_columns_are_quizzes(worked, lang, not_started, quiz, lesson):
    html = worked["teacher"].get(f"{worked['base']}/grid?lang={lang}").text
    head = _text(re.search(r"<thead>(.*?)</thead>", html, re.S).group(1))
    assert re.search(rf"{quiz} ?: \S", head) and re.search(rf"{lesson} ?: \S", head)
    rows = dict(re.findall(r'<th scope="row"><a [^>]+>([^<]+)</a></th>(.*?)</tr>', html, re.S))
    assert _text(rows["Bình"]).split() == (not_started + " " + not_started).split()
