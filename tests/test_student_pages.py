"""What a student reads and keeps: scores as whole points and a percentage, a
result page that opens with its summary, an ordering answer with a repeated
number coming back kept and marked, "start over" asked first, and /me telling
a quiz not started from one in progress."""
from __future__ import annotations

import re

from flask import render_template_string


QUIZ = "/quizzes/first-quiz"
RECOGNITION = "/quizzes/recognition"
NUMBER_WORDS = {"en": {"ten": 10, "twelve": 12, "fifteen": 15, "sixteen": 16, "eighteen": 18, "twenty": 20},
                "vi": {"mười": 10, "mười hai": 12, "mười lăm": 15, "mười sáu": 16, "mười tám": 18, "hai mươi": 20}}


def answer(client, page_form, base, question, choice, quiz="first-quiz", **fields):
    return client.post(f"{base}/answer", data=page_form(client.application, quiz, question, choice, **fields))


def test_partial_credit_reads_as_whole_points_and_a_percentage(app):
    for lang, partial, whole in (("vi", "11/18 điểm, cộng điểm đúng một phần (65%)", "12/18 điểm (67%)"),
                                 ("en", "11 of 18 points and partial credit (65%)", "12 of 18 points (67%)")):
        with app.test_request_context(f"/?lang={lang}"):
            assert render_template_string("{{ 11.617|score_text(18) }}") == partial  # never "11,617/18"
            assert render_template_string("{{ 12.0|score_text(18) }}") == whole


def test_result_page_opens_with_its_summary_and_links_each_question(client, page_form):
    client.post(f"{QUIZ}/start")
    answer(client, page_form, QUIZ, "pick-one", "a")
    answer(client, page_form, QUIZ, "pick-many", ["x", "y"])
    answer(client, page_form, QUIZ, "statement", "false")
    result = client.get(f"{QUIZ}/result?lang=vi").text
    assert 'class="score-value">2/3 điểm (67%)<' in result
    assert "2 of 3 points (67%)" in client.get(f"{QUIZ}?lang=en").text  # the quiz intro
    # The summary and its actions come before the questions, each a link to its explanation.
    assert result.index('class="score-value"') < result.index(f'action="{QUIZ}/start"') < result.index("review-list")
    links = re.findall(r'<a class="review-link" href="([^"]+)">(.*?)</a>', result, re.S)
    assert [href for href, _ in links] == [f"{QUIZ}/result/{n}" for n in (1, 2, 3)]
    assert "Câu 1" in links[0][1]
    first = client.get(f"{QUIZ}/result/1?lang=en").text
    assert "<title>Question 1 of 3, explained: " in first and "A is wrong." in first
    assert f'href="{QUIZ}/result/2"' in first and f'href="{QUIZ}/result"' in first  # next, and back


def test_a_repeated_step_number_comes_back_kept_and_marked(client, page_form, app):
    client.post(f"{RECOGNITION}/start")
    response = answer(client, page_form, RECOGNITION, "after-scam", (), quiz="recognition",
                      positions={"stop": 1, "bank": 1, "evidence": 2, "report": 2}, confidence="100")
    assert response.status_code == 400
    page = response.text
    assert "Số bị dùng nhiều lần: 1, 2." in page
    assert page.count('aria-invalid="true"') == 4 and page.count('class="clash-mark"') == 4
    assert len(re.findall(r'<option value="1" selected>', page)) == 2
    assert re.search(r'name="confidence" value="100" checked', page)


def test_start_over_asks_first(client, page_form):
    assert client.get(f"{QUIZ}/restart").status_code == 303  # nothing to throw away yet
    client.post(f"{QUIZ}/start")
    answer(client, page_form, QUIZ, "pick-one", "b")
    intro = client.get(f"{QUIZ}?lang=en").text
    assert f'href="{QUIZ}/restart"' in intro and 'name="restart"' not in intro
    confirm = client.get(f"{QUIZ}/restart?lang=en")
    assert confirm.status_code == 200
    assert "You have answered 1 question." in confirm.text
    assert f'action="{QUIZ}/start"' in confirm.text and 'name="restart" value="1"' in confirm.text
    assert client.get(f"{QUIZ}/question").text.count("Choose X and Y") == 1  # nothing thrown away by asking


def test_homework_start_over_and_me_tell_not_started_from_in_progress(make_app, homework_student, page_form):
    app = make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)
    _, student = homework_student(app, "Lan", language="vi")
    status = lambda: re.search(r'<p class="status">(.*?)</p>', student.get("/me?lang=vi").text, re.S).group(1).strip()
    assert status() == "Chưa bắt đầu"
    student.post("/me/quizzes/first-quiz/start")
    answer(student, page_form, "/me/quizzes/first-quiz", "pick-one", "b")
    assert status() == "Đang làm"
    confirm = student.get("/me/quizzes/first-quiz/restart?lang=en")
    assert confirm.status_code == 200 and 'action="/me/quizzes/first-quiz/start"' in confirm.text


def test_shipped_quiz_summaries_count_what_the_quiz_has(live_server):
    for quiz in live_server.app.extensions["content"].library.quizzes.values():
        for lang, words in NUMBER_WORDS.items():
            summary = quiz.summary.get(lang).lower()
            said = [n for word, n in words.items() if re.search(rf"(^|\W){word}(\W|$)", summary)]
            assert not said or max(said) == len(quiz.questions), (quiz.slug, lang, summary)


def test_clue_explanations_render_their_markdown(make_app, content, page_form):
    quiz = content / "quizzes" / "recognition.yaml"
    quiz.write_text(quiz.read_text().replace("vi: Hỏi vay gấp.", "vi: Hỏi vay `gấp`."))
    app = make_app(content, WTF_CSRF_ENABLED=False)
    client = app.test_client()
    client.post(f"{RECOGNITION}/start")
    feedback = answer(client, page_form, RECOGNITION, "friend-chat", ["ask"], quiz="recognition").text
    assert "Hỏi vay <code>gấp</code>." in feedback and "`gấp`" not in feedback
