"""A teacher on a 1366 px laptop or a 360 px phone, in Vietnamese or English,
reads the quiz report and a student's report in words (never the authors'
ids), sees the class's rule for which attempt counts, and no table header is
split inside a word ("Facili ty index")."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect
from werkzeug.datastructures import MultiDict

from edu.content.questions import Shown
from edu.services import accounts, attempts, classes
from edu.web.db import get_session

QUIZ = "scam-recognition"
PASSWORD = "a long enough passphrase"
VIEWPORTS = {"laptop": {"width": 1366, "height": 768}, "phone": {"width": 360, "height": 740}}
RULE = {"en": "Counts each student’s best finished attempt.", "vi": "Tính lần làm xong có điểm cao nhất của mỗi học sinh."}
GENUINE = {"en": "(genuine)", "vi": "(mẫu thật)"}

# Words split across lines inside a header cell: one range per word, more than one box means a break inside it.
SPLIT_WORDS = """() => {
  const split = [];
  for (const th of document.querySelectorAll('table.data thead th')) {
    const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) split.push(match[0]);
      }
    }
  }
  return split;
}"""


def _answer_form(quiz, question, shown: Shown, right: bool) -> MultiDict:
    """What the page would post: the first right (or first wrong) choice, by its page name."""
    if question.keeps_order:  # ordering: each step's number, right or reversed
        order = list(question.correct_order) if right else list(reversed(question.correct_order))
        form = MultiDict([("question", question.token(shown))] +
                         [(question.field(step, shown), str(order.index(step) + 1)) for step in order])
        if quiz.asks_confidence(question):
            form["confidence"] = "75"
        return form
    if question.family == "red_flags":
        ids = sorted(question.correct_ids) if right else [c for c in question.choice_ids if c not in question.correct_ids][:1]
    else:
        ids = [o.id for o in question.options if o.correct == right][:1]
    form = MultiDict([("question", question.token(shown))] + [("choice", question.form_value(i, shown)) for i in ids])
    if quiz.asks_confidence(question):
        form["confidence"] = "75"
    return form


@pytest.fixture(scope="module")
def worked_class(live_server):
    """A class on the "best" rule, three students who took the quiz (two of them wrong on every
    other question), made through the services in one transaction."""
    app = live_server.app
    with app.app_context():
        db = get_session()
        teacher = accounts.create_user(db, "reports-words@school.example", PASSWORD)
        classroom = classes.create_class(db, teacher, "Đội 7A", "", "", "vi", attempt_rule="best")
        classes.assign(db, classroom, "quiz", QUIZ, None)
        quiz = app.extensions["content"].library.quizzes[QUIZ]
        context = attempts.class_context(classroom.id)
        for number, name in enumerate(["An", "Bình", "Chi"]):
            student = classes.join(db, app.secret_key, classroom.join_code, name).student
            attempt = attempts.start_attempt(db, student.learner_key, quiz, context)
            shown = attempts.shown(attempt, app.secret_key)
            for index, question in enumerate(quiz.questions):
                attempts.record_answer(db, student.learner_key, quiz, context,
                                       _answer_form(quiz, question, shown, right=number == 0 or index % 2 == 0),
                                       app.secret_key)
        db.commit()
        return {"id": classroom.id, "student": student.id, "quiz": quiz}


def _sign_in(page, base):
    page.goto(f"{base}/auth/signin?lang=en")
    page.locator("#email").fill("reports-words@school.example")
    page.locator("#password").fill(PASSWORD)
    page.locator("#password").press("Enter")
    page.wait_for_url(f"{base}/classes/**")


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_reports_in_words_with_the_rule_and_whole_words_in_headers(browser, live_server, worked_class, lang, viewport):
    page = browser.new_context(viewport=VIEWPORTS[viewport]).new_page()
    _sign_in(page, live_server.url)
    base = f"{live_server.url}/classes/{worked_class['id']}/reports"
    ids = [q.id for q in worked_class["quiz"].questions]

    page.goto(f"{base}/quizzes/{QUIZ}?lang={lang}")
    expect(page.locator(".rule")).to_have_text(RULE[lang])
    questions = page.locator("table.data tbody th").all_inner_texts()
    assert len(questions) == len(ids)
    text = page.locator("main").inner_text()
    assert not [i for i in ids if i in text]
    assert page.evaluate(SPLIT_WORDS) == []

    page.goto(f"{base}/students/{worked_class['student']}?lang={lang}")
    expect(page.locator(".rule")).to_have_text(RULE[lang])
    text = page.locator("main").inner_text()
    assert not [i for i in ids if i in text]
    assert GENUINE[lang] in text or ("(not genuine)" if lang == "en" else "(mẫu giả)") in text

    page.goto(f"{base}/grid?lang={lang}")
    expect(page.locator(".rule")).to_contain_text(RULE[lang])
    assert page.evaluate(SPLIT_WORDS) == []
    page.context.close()
