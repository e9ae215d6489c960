"""What is the same for every student is rendered once and reused: a lesson's
article, a question's form and mockup (per language, content version and
the order the attempt shows the options in), never a student's own marks."""
from __future__ import annotations

import re

from sqlmodel import select

from edu.content import load_library
from edu.models import QuizAttempt
from edu.web.db import get_session
from edu.content.questions import Shown
from edu.web.fragments import Fragments, presented_ids

FORM = re.compile(r'<fieldset.*</fieldset>', re.S)


def renders(app) -> int:
    return app.extensions["fragments"].renders


def test_a_lesson_article_is_rendered_once_per_language(app, client, unsigned):
    first = client.get("/lessons/first-lesson?lang=en").text
    after_first = renders(app)
    assert unsigned(client.get("/lessons/first-lesson?lang=en").text) == unsigned(first)
    assert app.test_client().get("/lessons/first-lesson?lang=en").text.count("<h1>") == 1
    assert renders(app) == after_first  # two more readers, nothing rendered again
    vietnamese = client.get("/lessons/first-lesson?lang=vi").text
    assert renders(app) == after_first + 1 and "<h1>" in vietnamese and vietnamese != first


def seed_of(app) -> int:
    with app.app_context():
        return get_session().exec(select(QuizAttempt.seed).order_by(QuizAttempt.id.desc())).first()


def first_question_order(app, seed: int) -> tuple:
    quiz = app.extensions["content"].library.quizzes["first-quiz"]
    question = quiz.questions[0]
    return presented_ids(question, Shown(seed, app.secret_key))


def test_a_question_form_is_shared_by_students_who_see_the_same_order(app, monkeypatch):
    import edu.services.attempts as attempts

    other = next(seed for seed in range(8, 100) if first_question_order(app, seed) != first_question_order(app, 7))
    seeds = iter([7, 7, other])
    monkeypatch.setattr(attempts.secrets, "randbelow", lambda _n: next(seeds))
    pages, counts = [], []
    for _ in range(3):
        student = app.test_client()
        student.post("/quizzes/first-quiz/start")
        pages.append(student.get("/quizzes/first-quiz/question?lang=en").text)
        counts.append(renders(app))
    assert counts[1] == counts[0]  # the same order: the first student's form is reused
    assert FORM.search(pages[1])[0] == FORM.search(pages[0])[0]
    assert counts[2] == counts[1] + 1  # another order: a form of its own
    assert FORM.search(pages[2])[0] != FORM.search(pages[0])[0]


def test_a_refused_answer_keeps_the_students_marks_outside_the_cache(client, page_form, app):
    """A refused ordering answer comes back with the student's numbers: that
    form is theirs alone, never stored, never shown to the next student."""
    client.post("/quizzes/recognition/start")
    for clash in ({"stop": 1, "bank": 1, "evidence": 2, "report": 2}, {"stop": 3, "bank": 3, "evidence": 3, "report": 4}):
        refused = client.post("/quizzes/recognition/answer?lang=en", data=page_form(
            app, "recognition", "after-scam", (), positions=clash, seed=seed_of(app)))
        assert refused.status_code == 400
        kept = re.findall(r'<option value="(\d)" selected>', refused.text)
        assert sorted(kept) == sorted(str(n) for n in clash.values())
    assert not [key for key in app.extensions["fragments"].store if "after-scam" in key]


def test_new_content_drops_every_fragment(app, client):
    client.get("/lessons/first-lesson?lang=en")
    fragments: Fragments = app.extensions["fragments"]
    before = renders(app)
    store = app.extensions["content"]
    store._library = load_library(store.root, store.media_url, store.callout_titles())  # what a reload does
    client.get("/lessons/first-lesson?lang=en")
    assert renders(app) == before + 1 and fragments.library is store._library
