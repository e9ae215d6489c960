"""Contest practice: sets drawn once from the question bank by the picks in
lessons/pathways.yaml, the way a contest round draws, then taken like any
quiz; the bank never draws from them in turn."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from sqlmodel import select

from edu.content.bank import bank, resolve
from edu.models import QuizAnswer, QuizAttempt
from edu.web.db import get_session

PATHWAYS = """pathways:
  - audience: lower-secondary-11-14
    intro: {vi: Bắt đầu từ đây., en: Start here.}
    lessons: [first-lesson]
contest_practice:
  title: {vi: "Luyện thi: đề %(vi_number)s", en: "Practice: set {number}"}
  intro: {vi: Mười câu rút từ ngân hàng., en: Ten questions drawn from the bank.}
  audience: [lower-secondary-11-14]
  youngest_age: 11
  sets: 2
  picks:
    - {topic: %(topic)s, difficulty: 2, count: %(count)s}
    - {topic: scams, difficulty: 3, count: 2}
"""


def _write(content, count=8, topic="scams", vi_number="{number}"):
    text = PATHWAYS % {"count": count, "topic": topic, "vi_number": vi_number}
    (content / "lessons" / "pathways.yaml").write_text(text, encoding="utf-8")
    return content


def _library(app):
    return app.extensions["content"].library


def test_shipped_sets_follow_their_picks_and_the_age_and_sensitivity_rules(make_app):
    library = _library(make_app(Path(__file__).parents[1]))
    practice = library.pathways.contest_practice
    assert [quiz.slug for quiz in library.practice_sets] == practice.slugs() and len(practice.slugs()) >= 3
    wanted = Counter({(p.topic, p.difficulty): p.count for p in practice.picks})
    for quiz in library.practice_sets:
        sources = [resolve(library, question.id) for question in quiz.questions]
        assert all(source is not None for source in sources)
        topics = Counter((library.quizzes[q.id.partition("/")[0]].topic, s.difficulty)
                         for q, s in zip(quiz.questions, sources))
        assert topics == wanted, quiz.slug
        assert not any(s.sensitivity or (s.min_age or 0) > practice.youngest_age for s in sources)
        assert not quiz.sensitive
    drawn = [tuple(q.id for q in quiz.questions) for quiz in library.practice_sets]
    assert len(set(drawn)) == len(drawn)  # each set its own draw
    assert not any(ref.startswith("contest-practice-") for refs in bank(library).values() for ref in refs)


def test_a_set_is_the_same_on_every_load(make_app, content):
    _write(content)
    first, second = (_library(make_app(content)) for _ in range(2))
    assert [[q.id for q in s.questions] for s in first.practice_sets] == \
           [[q.id for q in s.questions] for s in second.practice_sets]
    assert [s.title.en for s in first.practice_sets] == ["Practice: set 1", "Practice: set 2"]


def test_a_pick_the_bank_cannot_fill_names_the_file_and_field(content, problems):
    found = problems(_write(content, count=11))
    assert any("lessons/pathways.yaml" in p and "contest_practice.picks[0]" in p and "has 10" in p for p in found), found


@pytest.mark.parametrize("broken, field", [({"topic": "image-abuse"}, "contest_practice.picks[0]"),
                                           ({"vi_number": "một"}, "contest_practice")])
def test_a_drilled_abuse_topic_or_an_unnumbered_title_is_refused(content, problems, broken, field):
    found = problems(_write(content, **broken))
    assert any("lessons/pathways.yaml" in p and field in p for p in found), found


def test_a_set_is_taken_like_any_quiz(make_app, content, page_form):
    app = make_app(_write(content), WTF_CSRF_ENABLED=False)
    client = app.test_client()
    lessons = client.get("/lessons/?lang=en").text
    assert 'href="/quizzes/contest-practice-1"' in lessons.split('class="practice-sets"')[1]
    assert "Several topics" in client.get("/quizzes/contest-practice-2?lang=en").text
    assert client.post("/quizzes/contest-practice-1/start", data={"age_band": "11"}).status_code == 303
    quiz = _library(app).quizzes["contest-practice-1"]
    first = quiz.questions[0]
    page = client.get("/quizzes/contest-practice-1/question?lang=en").text
    assert "Question 1 of 10" in page
    with app.app_context():
        seed = get_session().exec(select(QuizAttempt)).one().seed
    data = page_form(app, "contest-practice-1", first.id, first.choice_ids[:1], seed=seed)
    feedback = client.post("/quizzes/contest-practice-1/answer?lang=en", data=data)
    assert feedback.status_code == 200 and 'class="feedback-title"' in feedback.text
    with app.app_context():
        attempt = get_session().exec(select(QuizAttempt)).one()
        assert (attempt.quiz_slug, attempt.max_score) == ("contest-practice-1", 10)
        assert [a.question_id for a in get_session().exec(select(QuizAnswer))] == [first.id]


def test_a_list_filtered_by_topic_leaves_the_sets_out(make_app, content):
    client = make_app(_write(content)).test_client()
    assert "contest-practice-1" in client.get("/quizzes/?lang=en").text
    assert "contest-practice-1" not in client.get("/quizzes/?lang=en&topic=scams").text
    assert 'value="mixed"' not in client.get("/quizzes/?lang=en").text
