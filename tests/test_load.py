"""Load and fault tests against a real gunicorn: a school lab submitting at
once, a worker killed mid-load, the database restarted mid-load.

They run on the suite's database engine (SQLite, then PostgreSQL in the
second run). The PostgreSQL restart runs only in the PostgreSQL run (marker
restarts_service; tests/run.sh leaves it out of the SQLite run) and restarts
the local cluster, which TEST_DATABASE_URL must name.

Nothing here sleeps: threads wait on events (enough answers acknowledged, the
database back up) and the server's start-up on the process and HTTP.
"""
from __future__ import annotations

import os
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from flask import Flask
from flask.sessions import SecureCookieSessionInterface
from sqlalchemy import create_engine
from sqlmodel import Session, select

from edu.models import QuizAnswer, QuizAttempt

from .serving import Student, gunicorn, write_quiz_content

pytestmark = pytest.mark.slow

QUESTIONS = 20
SECRET = "load-test"
TIMEOUT = 120  # seconds any wait below may take before the test fails


@pytest.fixture
def served(tmp_path, fresh_database_url):
    """Environment for a gunicorn serving a 20-question quiz on a new database
    of the suite's engine, which the server migrates as it starts."""
    content = write_quiz_content(tmp_path / "content", QUESTIONS)
    return {"DATABASE_URL": fresh_database_url(), "EDU_CONTENT_DIR": str(content), "SECRET_KEY": SECRET,
            "EDU_AUTO_MIGRATE": "1"}


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
        students = [Student(server.url, SECRET) for _ in range(200)]
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
    under_way = threading.Event()  # set once enough answers are in: the load is on
    with gunicorn(served, workers=2) as server:
        students = [Student(server.url, SECRET) for _ in range(30)]
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
                    if len(acknowledged) >= 60:
                        under_way.set()

        with ThreadPoolExecutor(max_workers=30) as pool:
            futures = [pool.submit(take, s) for s in students]
            assert under_way.wait(TIMEOUT), "the answers never got going"
            victim = server.worker_pids()[0]
            os.kill(victim, 9)
            for future in futures:
                future.result(timeout=TIMEOUT)
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
    # "fast" ends open sessions at once, as a crash or a failover would. The
    # command returns once the server accepts connections again.
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart", "--mode", "fast"],
                   check=True, capture_output=True, timeout=60)


@pytest.mark.restarts_service  # collected only in the PostgreSQL run (see conftest)
def test_app_recovers_after_postgres_restarts(tmp_path, fresh_database_url):
    """Restart PostgreSQL during a load: requests fail while it is down, then
    the same workers serve again without being restarted."""
    content = write_quiz_content(tmp_path / "content", QUESTIONS)
    database_url = fresh_database_url()
    # Retrying through the outage would otherwise hit the per-learner limit.
    env = {"DATABASE_URL": database_url, "EDU_CONTENT_DIR": str(content), "SECRET_KEY": SECRET,
           "RATELIMIT_ANSWERS": "100000 per minute"}
    with gunicorn({**env, "EDU_AUTO_MIGRATE": "1"}, workers=2) as server:
        workers_before = sorted(server.worker_pids())
        students = [Student(server.url, SECRET) for _ in range(10)]
        for student in students:
            student.start()
        warmed_up = threading.Barrier(len(students) + 1, timeout=TIMEOUT)
        restarting, back = threading.Event(), threading.Event()
        results: list[int] = []

        def send(student: Student, n: int) -> int:
            try:
                code = student.answer(f"q{n}", "a")
            except httpx.TransportError:
                code = 0
            results.append(code)
            return code

        def keep_answering(student: Student) -> None:
            # A quarter of the quiz before the restart, so every worker holds
            # connections the restart will break; the rest while it happens.
            try:
                for n in range(QUESTIONS // 4):
                    assert 200 <= send(student, n) < 300
            except BaseException:
                warmed_up.abort()  # the main thread stops waiting at once
                raise
            n = QUESTIONS // 4
            warmed_up.wait()
            restarting.wait(TIMEOUT)
            failures_since_back = 0
            while n < QUESTIONS:
                if 200 <= send(student, n) < 300:
                    n += 1
                elif not back.is_set():
                    back.wait(TIMEOUT)  # down: try again once the server is up
                else:
                    failures_since_back += 1  # up again: each worker may meet one broken connection
                    assert failures_since_back < 10, sorted(set(results))

        with ThreadPoolExecutor(max_workers=10) as pool:
            futures = [pool.submit(keep_answering, s) for s in students]
            warmed_up.wait()
            restarting.set()
            _restart_postgres()
            back.set()
            for future in futures:
                future.result(timeout=TIMEOUT)
        healthy = httpx.get(f"{server.url}/healthz", timeout=10)
        assert healthy.status_code == 200, healthy.text
        assert sorted(server.worker_pids()) == workers_before  # recovered without a restart
        for student in students:
            student.close()
    rows = stored(database_url)
    assert len(rows) == 10 * QUESTIONS  # everyone finished once the database was back
    assert len({(a, q) for a, q, _ in rows}) == len(rows)
