"""A real gunicorn serving the app, and students that drive it over HTTP,
for the load and fault tests. Everything stays on 127.0.0.1."""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import yaml

TEXT = {"vi": "Câu hỏi", "en": "Question"}


def write_quiz_content(root: Path, questions: int = 20) -> Path:
    """A content folder with one lesson and one quiz of `questions` questions."""
    lesson = root / "lessons" / "load-lesson"
    lesson.mkdir(parents=True)
    for lang in ("vi", "en"):
        (lesson / f"{lang}.md").write_text("---\ntitle: Load\nsummary: Load\ntopic: scams\naudience: [adults]\n"
                                           "reading_minutes: 1\n---\nText\n", encoding="utf-8")
    (root / "quizzes").mkdir()
    quiz = {"title": TEXT, "summary": TEXT, "topic": "scams", "audience": ["adults"], "questions": [
        {"id": f"q{n}", "type": "single", "prompt": TEXT,
         "options": [{"id": o, "text": TEXT, "explanation": TEXT, "correct": o == "a"} for o in "abc"]}
        for n in range(questions)]}
    (root / "quizzes" / "load.yaml").write_text(yaml.safe_dump(quiz, allow_unicode=True), encoding="utf-8")
    return root


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, process: subprocess.Popen, url: str):
        self.process, self.url = process, url

    def worker_pids(self) -> list[int]:
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(self.process.pid)], capture_output=True, text=True).stdout
        return [int(pid) for pid in out.split()]


@contextmanager
def gunicorn(env: dict, workers: int = 2, app: str = "edu:create_app()"):
    """Start gunicorn on a free port with `env`, wait for /healthz, stop it after."""
    port = free_port()
    # The log goes to a file, never a pipe: a pipe nobody reads fills up with
    # error tracebacks and then blocks every worker that writes to it.
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}", "--preload",
         "--graceful-timeout", "2", "--log-level", "warning", app],
        env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=log, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                ready = httpx.get(f"{url}/healthz", timeout=2).status_code in (200, 503)
            except httpx.TransportError:
                ready = False
            server = Server(process, url)
            if ready and len(server.worker_pids()) == workers:
                break
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError(f"gunicorn did not start: {log.read().decode()[-2000:]}")
            time.sleep(0.2)
        yield server
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
        log.close()


class Student:
    """One browser: its own cookies and CSRF token, answering one question at a time."""

    def __init__(self, url: str, quiz: str = "load"):
        self.client = httpx.Client(base_url=url, timeout=30, follow_redirects=False)
        self.quiz = quiz
        self.token = ""

    def start(self) -> None:
        page = self.client.get(f"/quizzes/{self.quiz}")
        self.token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        response = self.client.post(f"/quizzes/{self.quiz}/start", data={"csrf_token": self.token})
        assert response.status_code == 303, response.status_code

    def answer(self, question: str, choice: str) -> int:
        return self.client.post(f"/quizzes/{self.quiz}/answer",
                                data={"csrf_token": self.token, "question": question, "choice": choice}).status_code

    def close(self) -> None:
        self.client.close()
