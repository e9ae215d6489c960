"""The served HTML of every page type passes the Nu HTML checker (vnu-jar,
the npm package pinned in tests/package-lock.json) with no error, in both
languages: public pages, every shipped quiz's questions, feedback, result and
explained questions, every question type of the test content with its
refusals, the student's and the teacher's pages and the admin's.

The pages are fetched with the test client and checked in one Java run."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from edu.config import REPO_ROOT

VNU = Path(__file__).parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PASSWORD = "a long enough passphrase"
QUESTION_FORM = re.compile(r'<form method="post" action="([^"#]+)[^"]*"[^>]*class="question-form[^"]*">(.*?)</form>', re.S)

# Slow: starts a Java virtual machine. Markup does not change with the database the rows come from.
pytestmark = [pytest.mark.slow, pytest.mark.database_independent]


class Pages:
    """What a test client was served, by state; each page must be HTML that renders."""

    def __init__(self, lang: str):
        self.lang, self.pages = lang, {}

    def keep(self, state: str, response, status=(200,)):
        assert response.status_code in status, (state, response.status_code, response.text[:300])
        assert response.mimetype == "text/html", (state, response.mimetype)
        self.pages[f"{state} [{self.lang}]"] = response.get_data(as_text=True)
        return response.get_data(as_text=True)

    def get(self, client, path, state, status=(200,)):
        return self.keep(state, client.get(f"{path}{'&' if '?' in path else '?'}lang={self.lang}"), status)

    def post(self, client, path, data, state, status=(200,)):
        return self.keep(state, client.post(f"{path}?lang={self.lang}", data=data), status)


def first_answer(html: str) -> tuple[str, dict]:
    """The question form on a page, answered with its first choice (steps numbered in order)."""
    action, form = QUESTION_FORM.search(html).groups()
    data = {"question": re.search(r'name="question" value="([^"]+)"', form).group(1)}
    steps = re.findall(r'<select id="([^"]+)"', form)
    for number, step in enumerate(steps, start=1):
        data[step] = str(number)
    if not steps:
        data["choice"] = re.search(r'name="choice" value="([^"]+)"', form).group(1)
    return action, data


def take(pages: Pages, client, base: str, slug: str, refusals: bool = False):
    """Every question of a quiz and its feedback, the result, each question explained."""
    intro = pages.get(client, base, f"{slug}: intro")
    client.post(f"{base}/start", data={"age_band": "18"} if "age_band" in intro else {})
    number = 0
    while True:
        number += 1
        html = pages.get(client, f"{base}/question", f"{slug}: question {number}")
        action, data = first_answer(html)
        if refusals and "question-red_flags" in html:
            pages.post(client, action, {"question": data["question"]}, f"{slug}: question {number}, nothing marked", (400,))
        if refusals and len([key for key in data if key != "question"]) > 1:
            pages.post(client, action, {**data, **{key: "1" for key in data if key != "question"}},
                       f"{slug}: question {number}, a step number twice", (400,))
        feedback = pages.post(client, action, data, f"{slug}: feedback {number}")
        if f'href="{base}/result"' in feedback:
            break
    pages.get(client, f"{base}/result", f"{slug}: result")
    for n in range(1, number + 1):
        pages.get(client, f"{base}/result/{n}", f"{slug}: question {n} explained")


def public_and_shipped(pages: Pages, app):
    visitor = app.test_client()
    for path, state in (("/", "home"), ("/lessons/", "lessons"), ("/quizzes/", "quizzes"), ("/help", "help"),
                        ("/lessons/?topic=privacy&audience=primary-8-10", "lessons, none match"),
                        ("/quizzes/?topic=privacy&audience=primary-8-10", "quizzes, none match"),
                        ("/auth/signin", "sign in"), ("/auth/signup", "sign up"), ("/join", "join"),
                        ("/join/continue", "continue with a personal code")):
        pages.get(visitor, path, state)
    pages.get(visitor, "/no-such-page", "404", (404,))
    pages.post(visitor, "/auth/signin", {"email": "nobody@school.example", "password": "wrong"}, "sign in refused", (400, 401, 200))
    pages.post(visitor, "/auth/signup", {"email": "not an email"}, "sign up with errors", (400,))
    pages.post(visitor, "/join", {"code": "ZZZZ-ZZZZ", "display_name": "Lan"}, "join refused", (400, 404))
    pages.post(visitor, "/join/continue", {"code": ""}, "continue, nothing typed", (400,))
    library = app.extensions["content"].library
    for slug in library.lessons:
        pages.get(visitor, f"/lessons/{slug}", f"lesson {slug}")
    for slug, quiz in library.quizzes.items():
        if quiz.gated:
            pages.post(visitor, f"/quizzes/{slug}/start", {}, f"{slug}: age band missing", (400,))
        take(pages, app.test_client(), f"/quizzes/{slug}", slug)


def small_quiz_states(pages: Pages, app, closed_app):
    visitor = app.test_client()
    for slug in ("recognition", "first-quiz", "new-mockups"):
        take(pages, visitor, f"/quizzes/{slug}", slug, refusals=True)
    pages.get(visitor, "/quizzes/first-quiz", "first-quiz: intro, finished")
    visitor.post("/quizzes/first-quiz/start", data={"restart": "1"})
    pages.get(visitor, "/quizzes/first-quiz", "first-quiz: intro, in progress")
    pages.get(visitor, "/quizzes/first-quiz/restart", "first-quiz: start over?")
    pages.get(closed_app.test_client(), "/auth/signup", "sign up closed", (403,))


def classroom(pages: Pages, app):
    lang = pages.lang
    made = app.test_cli_runner().invoke(args=["users", "create-admin", f"vnu-admin-{lang}@school.example", "--password", PASSWORD])
    assert made.exit_code == 0, made.output
    admin = app.test_client()
    admin.post("/auth/signin", data={"email": f"vnu-admin-{lang}@school.example", "password": PASSWORD})
    pages.get(admin, "/admin/invites", "admin: invites")
    link = re.search(r'class="invite-link">[^<]*(/auth/signup/[^<]+)<', pages.post(admin, "/admin/invites", {}, "admin: invite made")).group(1)
    pages.get(admin, "/admin/staff", "admin: staff")

    teacher = app.test_client()
    pages.get(teacher, link, "sign up by invite")
    teacher.post(link, data={"email": f"vnu-teacher-{lang}@school.example", "password": PASSWORD, "confirm": PASSWORD})
    pages.get(teacher, "/classes/", "classes, none yet")
    pages.get(teacher, "/classes/new", "new class")
    pages.post(teacher, "/classes/new", {"name": ""}, "new class with an error", (400,))
    made = teacher.post("/classes/new", data={"name": f"7A {lang}", "language": lang, "results_released": "y"})
    cls = made.location.split("?")[0].rsplit("/", 1)[1]
    pages.get(teacher, f"/classes/{cls}", "class, nobody yet")
    for item in ("lesson:first-lesson", "quiz:first-quiz"):
        teacher.post(f"/classes/{cls}/assign", data={"item": item, "due_on": "2026-12-20"})
    code = re.search(r'id="join-code">(\w+)<', teacher.get(f"/classes/{cls}").text).group(1)

    students = []
    for name in ("Mihn", "Minh Anh"):
        student = app.test_client()
        student.post("/join", data={"code": code, "display_name": name})
        students.append(student)
    student = students[0]
    pages.get(student, "/me", "student: /me with the new code")
    pages.get(student, "/lessons/first-lesson", "student: lesson to finish")
    student.post("/lessons/first-lesson/finished")
    pages.get(student, "/lessons/first-lesson", "student: lesson finished")
    take(pages, student, "/me/quizzes/first-quiz", "homework")
    pages.get(student, "/me", "student: /me, homework done")

    ids = re.findall(r'/reports/students/(\d+)"', teacher.get(f"/classes/{cls}").text)
    for path, state in ((f"/classes/{cls}", "class with students"), (f"/classes/{cls}/join-sheet", "join sheet"),
                        (f"/classes/{cls}/reports/grid", "grid"), (f"/classes/{cls}/reports/quizzes/first-quiz", "quiz report"),
                        (f"/classes/{cls}/reports/topics", "topics"), (f"/classes/{cls}/reports/students/{ids[0]}", "student report"),
                        (f"/classes/{cls}/students/{ids[0]}/rename", "rename"), (f"/classes/{cls}/students/merge", "merge"),
                        (f"/classes/{cls}/students/merge?keep={ids[0]}&other={ids[1]}", "merge, what each has"),
                        (f"/classes/{cls}/students/remove?student={ids[0]}", "remove, confirm"),
                        (f"/classes/{cls}/delete", "delete, confirm"), (f"/classes/{cls}/edit", "edit class"),
                        ("/auth/password", "change password")):
        pages.get(teacher, path, state)
    pages.get(teacher, f"/classes/{cls}/students/merge?keep=&other={ids[1]}", "merge, one entry missing", (400,))
    pages.post(teacher, f"/classes/{cls}/students/{ids[0]}/rename", {"display_name": "0901 234 567"}, "rename refused", (400,))
    pages.post(teacher, f"/classes/{cls}/students/{ids[0]}/code", {}, "new personal code")
    pages.post(teacher, "/auth/password", {"current": "not it"}, "change password refused", (400,))
    teacher.post(f"/classes/{cls}/release", data={"value": "hide"})
    pages.get(student, "/me/quizzes/first-quiz/result", "student: result held back")
    teacher.post(f"/classes/{cls}/archive", data={"value": "archive"})
    pages.get(teacher, "/classes/", "classes, one archived")


def kiosks(pages: Pages, app):
    """Kiosk staff's pages and statistics, then a device's every screen."""
    lang = pages.lang
    staff = app.test_client()
    staff.post("/auth/signup", data={"email": f"vnu-kiosk-{lang}@campaign.example", "password": PASSWORD, "confirm": PASSWORD})
    app.test_cli_runner().invoke(args=["users", "set-role", f"vnu-kiosk-{lang}@campaign.example", "kiosk_staff"])
    pages.get(staff, "/kiosks/", "kiosks, none yet")
    pages.get(staff, "/kiosks/statistics", "kiosk statistics, no kiosks")
    pages.get(staff, "/kiosks/new", "new kiosk")
    pages.post(staff, "/kiosks/new", {"name": ""}, "new kiosk with errors", (400,))
    made = staff.post("/kiosks/new", data={"name": f"Hội chợ {lang}", "place": "Hà Nội", "starts_on": "2026-12-01",
                                          "ends_on": "2026-12-03", "language": lang, "quiz_slug": "", "question_count": "5",
                                          "idle_seconds": "60", "attract_vi": "Thật hay lừa?", "attract_en": "Real or scam?"})
    kiosk = made.location.rstrip("/").rsplit("/", 1)[1]
    pages.get(staff, f"/kiosks/{kiosk}", "kiosk, no device")
    setup = pages.post(staff, f"/kiosks/{kiosk}/setup", {}, "kiosk set-up link")
    link = re.search(r"(/kiosk/setup/[\w-]+)", setup).group(1)

    device = app.test_client()
    pages.get(device, "/kiosk/", "kiosk: not a kiosk", (403,))
    pages.get(device, link, "kiosk: set up this device")
    device.post(link)
    pages.get(device, "/kiosk/", "kiosk: attract")
    pages.get(device, "/kiosk/language", "kiosk: language")
    html = pages.post(device, "/kiosk/play", {"language": lang}, "kiosk: question 1")
    pages.get(device, "/kiosk/still-there", "kiosk: still there? (no JavaScript)")
    for number in range(1, 6):
        action, data = first_answer(html)
        pages.post(device, action, data, f"kiosk: feedback {number}")
        html = device.get("/kiosk/").text
    pages.keep("kiosk: result", device.get("/kiosk/"))
    nickname = re.search(r'name="nickname" value="([^"]+)"', html).group(1)
    pages.post(device, "/kiosk/nickname", {"nickname": nickname}, "kiosk: result, on the board")
    device.post("/kiosk/reset")
    pages.get(device, "/kiosk/", "kiosk: attract with today's board")
    pages.get(device, "/kiosk/offline", "kiosk: reconnecting")
    pages.get(staff, f"/kiosks/{kiosk}/revoke", "kiosk: switch the device off?")
    for path, state in (("/kiosks/", "kiosks"), ("/kiosks/statistics", "kiosk statistics"),
                        ("/kiosks/statistics/print", "kiosk statistics, print")):
        pages.get(staff, path, state)
    pages.get(staff, "/kiosks/statistics?start=x", "kiosk statistics, bad filter", (200, 400))


@pytest.fixture
def closed_app(make_app):
    return make_app(WTF_CSRF_ENABLED=False)


def test_every_page_type_is_valid_html(make_app, closed_app, tmp_path):
    assert VNU.is_file(), f"{VNU} is missing: run `npm ci` in tests/ (tests/run.sh does)"
    assert shutil.which("java"), "the Nu checker needs Java (tests/run.sh installs default-jre-headless)"
    shipped = make_app(REPO_ROOT, WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)
    small = make_app(WTF_CSRF_ENABLED=False)
    names = {}
    for lang in ("vi", "en"):
        pages = Pages(lang)
        public_and_shipped(pages, shipped)
        small_quiz_states(pages, small, closed_app)
        classroom(pages, small)
        kiosks(pages, shipped)
        for state, html in pages.pages.items():
            path = tmp_path / f"page{len(names)}.html"
            path.write_text(html, encoding="utf-8")
            names[path.name] = state
    assert len(names) > 300, len(names)
    # A canary with the audit's own finding (a form inside a paragraph): proof the checker read these files.
    (tmp_path / "canary.html").write_text('<!doctype html><html lang="en"><title>c</title><p><form></form></p>',
                                          encoding="utf-8")

    checked = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--errors-only", *sorted(tmp_path.glob("*.html"))],
                             capture_output=True, text=True, timeout=600)
    messages = json.loads(checked.stderr)["messages"]
    canary = [m for m in messages if m["url"].endswith("/canary.html")]
    assert canary and all(m["type"] == "error" for m in canary), messages[:3]
    messages = [m for m in messages if m not in canary]
    errors = [f"{names[m['url'].rsplit('/', 1)[1]]}, line {m.get('lastLine')}: {m['message']}\n    {m.get('extract', '').strip()}"
              for m in messages]
    assert not errors, f"{len(errors)} HTML error(s) in {len(names)} pages:\n" + "\n".join(errors[:200])
