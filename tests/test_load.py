"""Load and fault tests against a real gunicorn: a school lab submitting at
once, a worker killed mid-load, the database restarted mid-load.

They run on the suite's database engine (SQLite, then PostgreSQL in the
second run); the PostgreSQL restart always uses the local server.
"""
from __future__ import annotations

import os
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from flask import Flask
from flask.sessions import SecureCookieSessionInterface
from sqlalchemy import create_engine
from sqlmodel import Session, select

from edu.models import QuizAnswer, QuizAttempt

from edu.bench.servers import create_postgres_schema

from .conftest import SCHEMA_PREFIX, SERVER_URL, _database_url
from .serving import Student, gunicorn, write_quiz_content

QUESTIONS = 20
SECRET = "load-test"
LOCAL_POSTGRES = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture
def served(tmp_path):
    """Environment for a gunicorn serving a 20-question quiz on the suite's database."""
    content = write_quiz_content(tmp_path / "content", QUESTIONS)
    url = _database_url(tmp_path)
    return {"DATABASE_URL": url, "EDU_CONTENT_DIR": str(content), "SECRET_KEY": SECRET, "EDU_AUTO_MIGRATE": "1"}


def learner_of(student: Student) -> str:
    """The learner key inside the student's signed session cookie."""
    app = Flask(__name__)
    app.secret_key = SECRET
    return SecureCookieSessionInterface().get_signing_serializer(app).loads(student.client.cookies["session"])["learner"]


def stored_by_learner(database_url: str) -> set[tuple[str, str]]:
    engine = create_engine(database_url)
    with Session(engine) as db:
        rows = db.exec(select(QuizAttempt.learner_key, QuizAnswer.question_id)
                       .join(QuizAttempt, QuizAnswer.attempt_id == QuizAttempt.id)).all()
    engine.dispose()
    return {tuple(r) for r in rows}


def stored(database_url: str) -> list[tuple[int, str, str]]:
    engine = create_engine(database_url)
    with Session(engine) as db:
        rows = db.exec(select(QuizAnswer.attempt_id, QuizAnswer.question_id, QuizAnswer.choice)).all()
    engine.dispose()
    return [tuple(r) for r in rows]


def test_200_students_submit_20_answers_each(served):
    """A national contest minute: every answer stored exactly once, no 5xx."""
    with gunicorn(served, workers=4) as server:
        students = [Student(server.url) for _ in range(200)]
        with ThreadPoolExecutor(max_workers=50) as pool:
            list(pool.map(Student.start, students))

            def take(student: Student) -> list[int]:
                return [student.answer(f"q{n}", "a" if n % 2 else "b") for n in range(QUESTIONS)]

            statuses = [code for codes in pool.map(take, students) for code in codes]
        for student in students:
            student.close()
    assert len(statuses) == 200 * QUESTIONS
    assert all(200 <= code < 300 for code in statuses), sorted(set(statuses))
    rows = stored(served["DATABASE_URL"])
    assert len(rows) == 200 * QUESTIONS
    assert len({(attempt, question) for attempt, question, _ in rows}) == len(rows)


def test_killing_a_worker_loses_no_acknowledged_answer(served):
    """kill -9 a worker while answers arrive: every answer that got a 2xx is stored."""
    acknowledged: list[tuple[str, str]] = []
    with gunicorn(served, workers=2) as server:
        students = [Student(server.url) for _ in range(30)]
        for student in students:
            student.start()

        def take(student: Student) -> None:
            for n in range(QUESTIONS):
                try:
                    code = student.answer(f"q{n}", "a")
                except httpx.TransportError:  # the killed worker's connection: not acknowledged
                    continue
                if 200 <= code < 300:
                    acknowledged.append((learner_of(student), f"q{n}"))
                time.sleep(0.01)

        with ThreadPoolExecutor(max_workers=30) as pool:
            futures = [pool.submit(take, s) for s in students]
            time.sleep(0.5)
            victim = server.worker_pids()[0]
            os.kill(victim, 9)
            for future in futures:
                future.result()
        assert victim not in server.worker_pids()  # gunicorn replaced it
        for student in students:
            student.close()
    rows = stored(served["DATABASE_URL"])
    assert len({(a, q) for a, q, _ in rows}) == len(rows)  # nothing twice
    assert len(acknowledged) > 100
    missing = set(acknowledged) - stored_by_learner(served["DATABASE_URL"])
    assert missing == set()


def _restart_postgres() -> None:
    version = subprocess.run(["ls", "/etc/postgresql"], capture_output=True, text=True).stdout.split()[0]
    # "fast" ends open sessions at once, as a crash or a failover would.
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart", "--mode", "fast"],
                   check=True, capture_output=True, timeout=60)


def test_app_recovers_after_postgres_restarts(tmp_path):
    """Restart PostgreSQL during a load: requests fail while it is down, then
    the same workers serve again without being restarted."""
    content = write_quiz_content(tmp_path / "content", QUESTIONS)
    database_url = _database_url(tmp_path) if SERVER_URL else \
        f"{LOCAL_POSTGRES}?options=-csearch_path%3D{create_postgres_schema(SCHEMA_PREFIX, LOCAL_POSTGRES)}"
    # Retrying every 50 ms through the outage would otherwise hit the per-learner limit.
    env = {"DATABASE_URL": database_url, "EDU_CONTENT_DIR": str(content), "SECRET_KEY": SECRET,
           "RATELIMIT_ANSWERS": "100000 per minute"}
    with gunicorn({**env, "EDU_AUTO_MIGRATE": "1"}, workers=2) as server:
        workers_before = sorted(server.worker_pids())
        students = [Student(server.url) for _ in range(10)]
        for student in students:
            student.start()
        stop = threading.Event()
        results: list[int] = []

        def keep_answering(student: Student) -> None:
            n = 0
            while not stop.is_set() and n < QUESTIONS:
                try:
                    code = student.answer(f"q{n}", "a")
                except httpx.TransportError:
                    code = 0
                results.append(code)
                if 200 <= code < 300:
                    n += 1
                time.sleep(0.05)

        with ThreadPoolExecutor(max_workers=10) as pool:
            futures = [pool.submit(keep_answering, s) for s in students]
            time.sleep(0.5)
            _restart_postgres()
            for future in futures:
                future.result(timeout=120)
        healthy = httpx.get(f"{server.url}/healthz", timeout=10)
        assert healthy.status_code == 200, healthy.text
        assert sorted(server.worker_pids()) == workers_before  # recovered without a restart
        for student in students:
            student.close()
    rows = stored(database_url)
    assert len(rows) == 10 * QUESTIONS  # everyone finished once the database was back
    assert len({(a, q) for a, q, _ in rows}) == len(rows)
