"""A real gunicorn serving the app, and students that drive it over HTTP,
for the load and fault tests. Everything stays on 127.0.0.1."""
from __future__ import annotations

import re
from pathlib import Path

import httpx

from edu.bench.servers import gunicorn as _gunicorn
from edu.bench.fixtures import answer_fields, write_single_choice_quiz


def write_quiz_content(root: Path, questions: int = 20) -> Path:
    """A content folder with one lesson and one quiz of `questions` questions."""
    lesson = root / "lessons" / "load-lesson"
    lesson.mkdir(parents=True)
    for lang in ("vi", "en"):
        (lesson / f"{lang}.md").write_text("---\ntitle: Load\nsummary: Load\ntopic: scams\naudience: [community-adults]\n"
                                           "reading_minutes: 1\n---\nText\n", encoding="utf-8")
    (root / "quizzes").mkdir()
    write_single_choice_quiz(root / "quizzes" / "load.yaml", questions)
    return root


def gunicorn(env: dict, workers: int = 2):
    """The app under gunicorn, ready once /healthz answers and every worker is up."""
    return _gunicorn("edu:create_app()", env, workers=workers, ready_path="/healthz")


class Student:
    """One browser: its own cookies and CSRF token, answering one question at a time."""

    def __init__(self, url: str, secret: str, quiz: str = "load"):
        self.client = httpx.Client(base_url=url, timeout=30, follow_redirects=False)
        self.secret = secret  # the server's: the page names questions and options with it
        self.quiz = quiz
        self.token = ""

    def start(self) -> None:
        page = self.client.get(f"/quizzes/{self.quiz}")
        self.token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        response = self.client.post(f"/quizzes/{self.quiz}/start", data={"csrf_token": self.token})
        assert response.status_code == 303, response.status_code

    def answer(self, question: str, choice: str) -> int:
        return self.client.post(f"/quizzes/{self.quiz}/answer", data={
            "csrf_token": self.token, **answer_fields(self.secret, question, choice)}).status_code

    def close(self) -> None:
        self.client.close()
