"""What the audit found in the markup, fixed and kept fixed: form fields with
no attribute reading "None" (fresh fields are not invalid); headings that
never skip a level, with the quiz's name and the question as headings; a
<title> of its own for every question and every feedback; the no-JS answer
opening at its feedback; required selects starting empty; Print buttons
waiting for JavaScript."""
from __future__ import annotations

import re
from html.parser import HTMLParser

QUIZ = "/quizzes/recognition"


class Outline(HTMLParser):
    """The page's headings in order, as (level, text)."""

    def __init__(self, html: str):
        super().__init__()
        self.headings, self._open = [], None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self._open = [int(tag[1]), ""]

    def handle_data(self, data):
        if self._open:
            self._open[1] += data

    def handle_endtag(self, tag):
        if self._open and tag == f"h{self._open[0]}":
            self.headings.append((self._open[0], " ".join(self._open[1].split())))
            self._open = None


def assert_no_skipped_level(html: str, page: str) -> list:
    headings = Outline(html).headings
    assert headings and headings[0][0] == 1, (page, headings)
    for (before, _), (level, text) in zip(headings, headings[1:]):
        assert level <= before + 1, f"{page}: h{before} then h{level} ({text})"
    return headings


def title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def test_form_fields_carry_no_none_attributes(make_app, password):
    app = make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)
    visitor = app.test_client()
    fresh = {path: visitor.get(path).text for path in ("/join", "/join/continue", "/auth/signin", "/auth/signup")}
    teacher = app.test_client()
    teacher.post("/auth/signup", data={"email": "t@school.example", "password": password, "confirm": password})
    fresh.update({path: teacher.get(path).text for path in ("/auth/password", "/classes/new")})
    for path, html in fresh.items():
        assert '"None"' not in html, path
        assert "aria-invalid" not in html, path  # nothing typed yet: nothing is invalid
    assert 'autocomplete="username"' in fresh["/auth/signin"] and 'aria-describedby="code-hint"' in fresh["/join/continue"]
    refused = visitor.post("/join", data={"code": "", "display_name": "Lan"}).text
    field = re.search(r'<input [^>]*id="code"[^>]*>', refused).group(0)
    assert 'aria-describedby="code-error"' in field and 'aria-invalid="true"' in field and 'autocomplete="off"' in field


def test_required_selects_start_with_an_empty_choice(make_app, password):
    app = make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)
    teacher = app.test_client()
    teacher.post("/auth/signup", data={"email": "t@school.example", "password": password, "confirm": password})
    teacher.post("/classes/new", data={"name": "7A", "language": "en"})
    page = teacher.get("/classes/1?lang=en").text
    assert re.search(r'<select id="item" name="item" required><option value="">Choose a lesson or quiz</option>', page)
    assert "<p id=\"joining-state\"" not in page and '<div id="joining-state"' in page  # a form is never inside a <p>
    code = re.search(r'id="join-code">(\w+)<', page).group(1)
    for name in ("An", "Binh"):
        app.test_client().post("/join", data={"code": code, "display_name": name})
    merge = teacher.get("/classes/1/students/merge?lang=en").text
    for field in ("keep", "other"):
        assert re.search(rf'<select id="{field}" name="{field}" required><option selected value="">Choose a student</option>', merge)
    assert teacher.get("/classes/1/students/merge?keep=&other=2").status_code == 400  # the empty choice is no choice


def test_print_buttons_wait_for_javascript(make_app, password):
    app = make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)
    teacher = app.test_client()
    teacher.post("/auth/signup", data={"email": "t@school.example", "password": password, "confirm": password})
    teacher.post("/classes/new", data={"name": "7A", "language": "en"})
    for path in ("/classes/1/join-sheet", "/classes/1/reports/grid", "/classes/1/reports/topics"):
        buttons = re.findall(r"<button[^>]*data-print[^>]*>", teacher.get(path).text)
        assert buttons and all(" hidden" in b for b in buttons), (path, buttons)


def test_quiz_pages_have_headings_and_titles_of_their_own(client, page_form):
    client.post(f"{QUIZ}/start")
    titles = []
    while True:
        question = client.get(f"{QUIZ}/question?lang=en").text
        if 'class="question-form' not in question:
            break
        headings = assert_no_skipped_level(question, "question")
        assert headings[0] == (1, "Recognition") and headings[1][0] == 2  # the quiz, then the question
        assert re.search(r'<form method="post" action="/quizzes/recognition/answer#feedback"', question)
        titles.append(title(question))
        form = re.search(r'<form method="post" action="[^"]+"(.*?)</form>', question, re.S).group(1)
        data = {"question": re.search(r'name="question" value="([^"]+)"', form).group(1)}
        steps = re.findall(r'<select id="([^"]+)"', form)
        data.update({step: str(n) for n, step in enumerate(steps, start=1)} if steps else
                    {"choice": re.search(r'name="choice" value="([^"]+)"', form).group(1)})
        feedback = client.post(f"{QUIZ}/answer?lang=en", data=data).text
        assert 'id="feedback"' in feedback  # where the page opens without JS
        levels = [level for level, _ in assert_no_skipped_level(feedback, "feedback")]
        assert levels[:3] == [1, 2, 3]  # the quiz, the verdict, the question
        titles.append(title(feedback))
    total = len(titles) // 2
    assert total == 7 and len(set(titles)) == len(titles), titles
    assert titles[:2] == ["Question 1 of 7: Recognition · Lá Chắn", "Answer to question 1 of 7: Recognition · Lá Chắn"]
    explained = client.get(f"{QUIZ}/result/3?lang=en").text
    assert title(explained) == "Question 3 of 7, explained: Recognition · Lá Chắn"
    assert [level for level, _ in assert_no_skipped_level(explained, "explained")][:2] == [1, 2]


def test_list_pages_never_skip_a_heading_level(make_app, password):
    app = make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)
    visitor = app.test_client()
    for path in ("/", "/lessons/", "/quizzes/", "/help", "/lessons/first-lesson", f"{QUIZ}"):
        for lang in ("vi", "en"):
            assert_no_skipped_level(visitor.get(f"{path}?lang={lang}").text, path)
    cards = Outline(visitor.get("/lessons/?lang=en").text).headings
    assert cards[1] == (2, "The first lesson")  # a card right under the page's h1
