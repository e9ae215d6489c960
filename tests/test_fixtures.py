"""The shared fixtures hold on their own: a test file, or one test of it, run
alone gets the same fixtures as in the whole suite."""
from __future__ import annotations

import subprocess
import sys

from edu.config import REPO_ROOT
from edu.web.limits import limiter


def test_the_clock_can_come_before_any_app(monkeypatch, request, make_app):
    monkeypatch.setattr(limiter, "_storage", None)  # as in a run where no app was made yet
    clock = request.getfixturevalue("clock")
    app = make_app(WTF_CSRF_ENABLED=False, RATELIMIT_GUESS="1 per minute")
    client = app.test_client()
    assert [client.post("/join/continue", data={"code": "AAAA-AAAA"}).status_code for _ in range(2)] == [400, 429]
    clock.shift(61)
    assert client.post("/join/continue", data={"code": "AAAA-AAAA"}).status_code == 400


def test_the_limit_tests_pass_when_run_alone():
    run = subprocess.run([sys.executable, "-m", "pytest", "tests/test_security.py", "-k", "limit", "-q", "-p", "no:cacheprovider"],
                         cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "3 passed" in run.stdout
