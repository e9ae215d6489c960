"""Recognition question types: validation, reading answers, scoring, the HTTP flow."""
import html
import re

import pytest
import yaml
from sqlmodel import select

from edu.config import REPO_ROOT
from edu.content.questions import QUESTION_TYPES, Shown
from edu.web.db import get_session
from edu.models import QuizAnswer, QuizAttempt

QUIZ_FILE = "quizzes/recognition.yaml"
URL = "/quizzes/recognition"


@pytest.fixture
def quiz(content, load):
    return load(content).quizzes["recognition"]


def question(quiz, question_id):
    return quiz.question(question_id)


def edit(root, change):
    path = root / QUIZ_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


# --- validation -----------------------------------------------------------

def test_every_type_and_mockup_kind_loads(quiz):
    assert {q.type for q in quiz.questions} == {"verdict", "red_flags", "best_response", "which_is_real", "ordering"}
    kinds = {q.mockup.kind for q in quiz.questions if getattr(q, "mockup", None)}
    kinds |= {side.mockup.kind for q in quiz.questions if q.type == "which_is_real" for side in q.sides}
    assert kinds == {"sms", "email", "chat", "call", "social", "web"}


def test_red_flag_must_point_at_an_existing_part(content, problems):
    edit(content, lambda d: d["questions"][0]["red_flags"][0].update(part="nowhere"))
    [problem] = problems(content)
    assert problem.startswith(f"{QUIZ_FILE}: questions[0]: red_flags: part 'nowhere' is not in the mockup (its parts: sender, old, threat, link)")


def test_which_is_real_needs_exactly_one_genuine_side(content, problems):
    edit(content, lambda d: d["questions"][5]["sides"][0].update(genuine=True))
    assert problems(content) == [f"{QUIZ_FILE}: questions[5]: exactly one side must have genuine: true (found 2)"]


def test_mockup_explanations_need_both_languages(content, problems):
    edit(content, lambda d: d["questions"][2]["red_flags"][1]["explanation"].pop("vi"))
    edit(content, lambda d: d["questions"][3]["mockup"]["transcript"][0]["text"].pop("en"))
    assert sorted(problems(content)) == [
        f"{QUIZ_FILE}: questions[2].red_flags[1].explanation.vi: the Vietnamese text is missing",
        f"{QUIZ_FILE}: questions[3].mockup.transcript[0].text.en: the English text is missing",
    ]


def test_unknown_mockup_kind_and_duplicate_parts(content, problems):
    edit(content, lambda d: d["questions"][0]["mockup"].update(kind="fax"))
    edit(content, lambda d: d["questions"][1]["mockup"]["attachments"][0].update(id="p1"))
    assert sorted(problems(content)) == [
        f"{QUIZ_FILE}: questions[0].mockup: unknown mockup kind 'fax'; use one of: sms, chat, email, social, web, call, "
        "notification, group_chat, document, qr, bank_transfer, video_call",
        f"{QUIZ_FILE}: questions[1].mockup: part id 'p1' is used twice in this mockup",
    ]


# --- over HTTP -------------------------------------------------------------

# (question, chosen ids, other fields); "real-site" is answered with the genuine side.
ANSWERS = [
    ("bank-sms", ["scam"], {"confidence": "100"}),
    ("school-email", ["unsure"], {}),
    ("friend-chat", ["call", "ask"], {"confidence": "100"}),
    ("police-call", ["hang-up"], {}),
    ("fan-page", ["check"], {}),
    ("real-site", ["real"], {}),
    ("after-scam", [], {"positions": {"stop": "1", "bank": "2", "evidence": "4", "report": "3"}}),
]


def attempt_seed(app) -> int:
    with app.app_context():
        return get_session().exec(select(QuizAttempt.seed).order_by(QuizAttempt.id.desc())).first()


def test_question_pages_hold_no_answer_key(client, app, page_form):
    client.post(f"{URL}/start")
    seed = attempt_seed(app)
    for question_id, chosen, fields in ANSWERS:
        page = html.unescape(client.get(f"{URL}/question?lang=en").text)
        assert 'class="clue-list"' not in page and "part-red" not in page
        for secret in ("Banks do not send verification links.", "A lock threat", "The school's own domain",
                       "An urgent loan.", "Worth doing.", "A fake domain.", "A bank can stop a transfer"):
            assert secret not in page
        # No id an author wrote reaches the page: not the question's, an option's, a side's or a step's.
        question = client.application.extensions["content"].library.quizzes["recognition"].question(question_id)
        # (Red-flag parts are named p1, p2... and verdicts by their visible labels.)
        options = [] if question.type == "red_flags" else question.choice_ids
        authored = {question.id, *options} - {"scam", "safe", "unsure", "true", "false"}
        for name in authored:
            assert f'"{name}"' not in page and f'-{name}"' not in page, name
        client.post(f"{URL}/answer", data=page_form(app, "recognition", question_id, chosen, seed=seed, **fields))


def test_whole_recognition_quiz_over_http(client, app, page_form):
    client.post(f"{URL}/start")
    seed = attempt_seed(app)
    for question_id, chosen, fields in ANSWERS:
        data = page_form(app, "recognition", question_id, chosen, seed=seed, **fields)
        response = client.post(f"{URL}/answer", data=data, headers={"Accept-Language": "en"})
        assert response.status_code == 200, response.text
    again = page_form(app, "recognition", "bank-sms", ["scam"], seed=seed, confidence="100")
    assert client.post(f"{URL}/answer", data=again).status_code == 200  # the same answer again: counted once
    result = html.unescape(client.get(f"{URL}/result?lang=en").text)
    # 1 + 0 (not sure) + 1 + 1 + 0 + 1 + 0.5
    assert re.search(r'class="score-value">4 of 7 points and partial credit \(64%\)<', result)
    assert "You answered “not sure” 1 time." in result
    assert "How sure you were" in result and "You were certain about some answers that were wrong" not in result
    assert "Opens: https://testbank-xacthuc.top/login" in html.unescape(client.get(f"{URL}/result/1?lang=en").text)
    with app.app_context():
        stored = {a.question_id: a for a in get_session().exec(select(QuizAnswer)).all()}
    assert stored["friend-chat"].choice == "ask,call" and stored["friend-chat"].confidence == 100
    assert stored["after-scam"].choice == "stop,bank,report,evidence"


def test_red_flags_with_nothing_marked_can_be_retried(client, app, page_form):
    client.post(f"{URL}/start")
    client.post(f"{URL}/answer", data=page_form(app, "recognition", "bank-sms", "scam"))
    client.post(f"{URL}/answer", data=page_form(app, "recognition", "school-email", "safe"))
    response = client.post(f"{URL}/answer", data=page_form(app, "recognition", "friend-chat"),
                           headers={"Accept-Language": "vi"})
    assert response.status_code == 400
    assert "Hãy đánh dấu ít nhất một phần" in response.text
    assert 'name="choice" value="p1"' in response.text  # the question again, to retry


# --- every shipped quiz: no author id in the page ---------------------------------------------

NEUTRAL = {"scam", "safe", "unsure", "true", "false"}  # verdict and true/false choices: their visible labels
ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')
# Attributes that name or point at things on the page (where an id would go), not the look or the kind of element.
PANEL_ONLY = {"HX-Request": "true", "HX-Target": "quiz-panel"}  # the feedback alone: quicker, and not what is checked
NOT_NAMING = {"class", "type", "method", "role", "rel", "content", "src", "lang", "hreflang", "property", "style"}


def authored_ids(question) -> set[str]:
    """Every id an author wrote for a question: its own, its options', sides',
    steps' and its mockups' parts. Sides are named a and b by where they are
    shown, so sides an author also called a and b tell nothing."""
    ids = {question.id, *question.choice_ids} - NEUTRAL
    if question.type == "which_is_real":
        ids -= {"a", "b"}
    mockups = [getattr(question, "mockup", None), *(side.mockup for side in getattr(question, "sides", ()))]
    return ids | {part for mockup in mockups if mockup for part in mockup.part_ids()}


CSRF_TOKEN = re.compile(r'(name="csrf_token"[^>]*?) value="[^"]*"')


def naming_values(page: str) -> set[str]:
    """The words of every naming attribute (id, for, name, value, aria-*, data-*, href#...),
    less the CSRF token's value: random, so now and then it holds a one-letter id by chance."""
    page = CSRF_TOKEN.sub(r"\1", page)
    return {word for attribute, value in ATTRIBUTE.findall(page) if attribute not in NOT_NAMING
            for word in re.split(r"[\s,#]+", html.unescape(value)) if word}


def any_answer(question) -> tuple[list[str], dict]:
    if question.type == "ordering":
        return [], {"positions": {step: str(n) for n, step in enumerate(question.choice_ids, start=1)}}
    return [question.choice_ids[0]], {}


@pytest.mark.database_independent  # markup
def test_no_question_page_names_an_author_id(make_app, page_form):
    """Issue 9 item 9: every question of every shipped quiz, and of the test
    quizzes (the shipped ones have no ordering question), so every type, on a
    fresh attempt's page. Ids reach the browser only as names derived from the
    secret and the seed (Shown), by position (sides a/b, parts p1, p2...) or
    as their visible labels: no naming attribute carries one an author wrote,
    alone or inside a longer name ("opt-genuine-otp"). Names on every page
    alike are the app's own ("quiz-panel-status"), whatever a part is called."""
    apps = [make_app(REPO_ROOT, WTF_CSRF_ENABLED=False), make_app(WTF_CSRF_ENABLED=False)]
    pages = []
    for app, slug, quiz in [(app, slug, quiz) for app in apps
                            for slug, quiz in app.extensions["content"].library.quizzes.items()]:
        client = app.test_client()
        client.post(f"/quizzes/{slug}/start", data={"age_band": "18"} if quiz.gated else {})
        shown = Shown(attempt_seed(app), app.secret_key)
        for _ in quiz.questions:
            page = client.get(f"/quizzes/{slug}/question?lang=en").text
            token = re.search(r'name="question" value="([^"]+)"', page).group(1)
            [question] = [q for q in quiz.questions if q.token(shown) == token]
            pages.append((slug, question, naming_values(page)))
            chosen, fields = any_answer(question)
            answered = client.post(f"/quizzes/{slug}/answer", headers=PANEL_ONLY,
                                   data=page_form(app, slug, question.id, chosen, seed=shown.seed, **fields))
            assert answered.status_code == 200, (slug, question.id, answered.text[:500])
        asked = [question.id for s, question, _ in pages if s == slug and question in quiz.questions]
        assert sorted(asked) == sorted(q.id for q in quiz.questions), slug  # the whole quiz, none left out
    assert {question.type for _, question, _ in pages} == set(QUESTION_TYPES)
    apps_own = set.intersection(*(values for _, _, values in pages))
    for slug, question, values in pages:
        for name in authored_ids(question):
            inside = re.compile(rf"(^|[-_]){re.escape(name)}($|[-_])")
            leaks = [value for value in values - apps_own if inside.search(value)]
            assert not leaks, (slug, question.id, name, leaks)
