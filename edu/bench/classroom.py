"""Benchmark: a class of 50 on one core.

    python -m edu.bench classroom [--students 50] [--seconds 120] [--think 2 6] [--grid-every 5]

Serves the app with gunicorn, one worker, pinned to one core (taskset), on
SQLite, and plays a lesson: every student opens their homework quiz (the
page and its files, as a first visit), then answers one question every few
seconds (think time drawn between the two --think values) as htmx sends it,
and opens the next question; the teacher's grid of the class (50 students by
21 assignments, 20 of them with a full history) refreshes every --grid-every
seconds. Students arrive within the first think time, not in one
millisecond. The players run in this process, pinned to the other cores. It
prints the requests, p50, p99 and slowest time per endpoint against the
target (p99 under 200 ms).
"""
from __future__ import annotations

import argparse
import asyncio
import math
import os
import random
import re
import shutil
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .fixtures import answer_fields, seed, write_content, write_single_choice_quiz
from .load import csrf_token
from .servers import gunicorn
from .weight import BROWSER_ENCODINGS, assets_of

QUIZ = "class-quiz"
QUESTIONS = 60  # more than a student answers in two minutes
SECRET = "bench"
TARGET_P99_MS = 200
HTMX = {"HX-Request": "true", "HX-Target": "quiz-panel"}  # what the answer form's hx-post sends


@dataclass
class Timings:
    by_endpoint: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    async def timed(self, endpoint: str, request, expect=(200,)):
        began = time.perf_counter()
        response = await request
        self.by_endpoint[endpoint].append((time.perf_counter() - began) * 1000)
        if response.status_code not in expect:
            self.errors[endpoint] += 1
        return response


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile: the smallest value with `fraction` of all at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def session_cookie(secret: str, learner_key: str) -> str:
    """A student's signed session, as /join/continue would leave it in their browser."""
    from flask import Flask
    from flask.sessions import SecureCookieSessionInterface

    app = Flask(__name__)
    app.secret_key = secret
    return SecureCookieSessionInterface().get_signing_serializer(app).dumps({"learner": learner_key, "_permanent": True})


def question_names(secret: str) -> dict[str, str]:
    """The page's name of each question -> its id (see Shown)."""
    return {answer_fields(secret, f"q{n}", "a")["question"]: f"q{n}" for n in range(QUESTIONS)}


async def play_student(client, timings: Timings, secret: str, deadline: float, think: tuple[float, float],
                       rng: random.Random, answers: int | None = None, arrive: tuple[float, float] = (0, 0)) -> int:
    """One student: open the homework (page and files), start, then answer and
    move on until the time is up (or `answers` are given). Returns answers given."""
    base = f"/me/quizzes/{QUIZ}"
    await asyncio.sleep(rng.uniform(*arrive))  # a class does not click in the same millisecond
    intro = await timings.timed("quiz intro", client.get(base))
    for url in assets_of(intro.text):
        await timings.timed("static file", client.get(url, headers={"Accept-Encoding": BROWSER_ENCODINGS}))
    token = csrf_token(intro.text)
    await timings.timed("start", client.post(f"{base}/start", data={"csrf_token": token}), expect=(303,))
    names, given = question_names(secret), 0
    while time.monotonic() < deadline and (answers is None or given < answers):
        page = await timings.timed("question page", client.get(f"{base}/question"))
        shown = re.search(r'name="question" value="([^"]+)"', page.text)
        if shown is None:
            break  # every question answered
        await asyncio.sleep(rng.uniform(*think))
        fields = answer_fields(secret, names[shown[1]], rng.choice("ab"))
        await timings.timed("answer (htmx)", client.post(f"{base}/answer", data={"csrf_token": token, **fields},
                                                         headers=HTMX))
        given += 1
    return given


async def play_teacher(client, timings: Timings, class_id: int, deadline: float, every: float,
                       refreshes: int | None = None) -> None:
    token = csrf_token((await client.get("/auth/signin")).text)
    await client.post("/auth/signin", data={"csrf_token": token, "email": "bench@school.example",
                                            "password": "bench passphrase"})
    done = 0
    while time.monotonic() < deadline and (refreshes is None or done < refreshes):
        await timings.timed("teacher grid", client.get(f"/classes/{class_id}/reports/grid"))
        done += 1
        await asyncio.sleep(every)


async def play_class(url: str, secret: str, class_id: int, learner_keys: list[str], seconds: float,
                     think: tuple[float, float], grid_every: float, answers: int | None = None,
                     refreshes: int | None = None, seed_value: int = 12) -> Timings:
    """Everyone at once against the server at `url`; `answers` and `refreshes`
    bound a short run (the smoke test) besides the clock."""
    import httpx

    timings = Timings()
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=1)
    clients = [httpx.AsyncClient(base_url=url, timeout=60, limits=limits) for _key in learner_keys]
    for client, key in zip(clients, learner_keys):
        # On the server's host, as its own Set-Cookie would be: the next response replaces it, not a second one.
        client.cookies.set("session", session_cookie(secret, key), domain=httpx.URL(url).host)
    teacher = httpx.AsyncClient(base_url=url, timeout=60)
    try:
        rngs = [random.Random(seed_value + n) for n in range(len(clients))]
        await asyncio.gather(
            play_teacher(teacher, timings, class_id, deadline, grid_every, refreshes),
            *(play_student(c, timings, secret, deadline, think, rng, answers, arrive=(0, think[1]))
              for c, rng in zip(clients, rngs)))
    finally:
        for client in [teacher, *clients]:
            await client.aclose()
    return timings


def report(timings: Timings) -> str:
    lines = [f"  {'endpoint':<16}{'requests':>9}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}{'errors':>8}  p99 < {TARGET_P99_MS} ms"]
    for endpoint, values in timings.by_endpoint.items():
        p99 = percentile(values, 0.99)
        lines.append(f"  {endpoint:<16}{len(values):>9}{percentile(values, 0.5):>9.1f}{p99:>9.1f}{max(values):>9.1f}"
                     f"{timings.errors[endpoint]:>8}  {'met' if p99 < TARGET_P99_MS else 'NOT MET'}")
    return "\n".join(lines)


def prepare(folder: Path, students: int) -> tuple[dict, int, list[str]]:
    """Content and a seeded SQLite database; the server's environment, the class id, the learner keys."""
    from .. import create_app
    from ..models import Assignment
    from ..web.db import get_session

    content, database = folder / "content", f"sqlite:///{folder / 'classroom.sqlite3'}"
    write_content(content, quizzes=20, questions=10)
    write_single_choice_quiz(content / "quizzes" / f"{QUIZ}.yaml", QUESTIONS)
    app = create_app({"DATABASE_URL": database, "CONTENT_DIR": content, "SECRET_KEY": SECRET, "AUTO_MIGRATE": True})
    class_id = seed(app, students=students, quizzes=20, questions=10)
    with app.app_context():
        db = get_session()
        db.add(Assignment(class_id=class_id, kind="quiz", slug=QUIZ))
        db.commit()
    app.extensions["db_engine"].dispose()
    env = {"DATABASE_URL": database, "EDU_CONTENT_DIR": str(content), "SECRET_KEY": SECRET}
    return env, class_id, [f"bench-learner-{s}" for s in range(students)]


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used (Linux /proc): how busy the
    worker's core was, whatever else the machine was doing."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--think", type=float, nargs=2, default=(2.0, 6.0), metavar=("MIN", "MAX"))
    parser.add_argument("--grid-every", type=float, default=5.0)
    parser.add_argument("--core", type=int, default=0, help="the core the server runs on")
    args = parser.parse_args(argv)

    others = set(os.sched_getaffinity(0)) - {args.core}
    if others and shutil.which("taskset"):
        os.sched_setaffinity(0, others)  # the players never take the server's core
    with tempfile.TemporaryDirectory() as folder:
        env, class_id, keys = prepare(Path(folder), args.students)
        with gunicorn("edu:create_app()", env, workers=1, ready_path="/healthz", core=args.core) as server:
            (worker,) = server.worker_pids()
            cpu_before = cpu_seconds(worker)
            timings = asyncio.run(play_class(server.url, SECRET, class_id, keys, args.seconds, tuple(args.think),
                                             args.grid_every))
            busy = cpu_seconds(worker) - cpu_before
    load = os.getloadavg()[0]  # other work on the machine shares the server's core: say how much there was
    answered = len(timings.by_endpoint["answer (htmx)"])
    print(f"A class of {args.students} for {args.seconds:.0f} s on one gunicorn worker pinned to core {args.core} "
          f"(SQLite): {answered} answers ({answered / args.seconds:.1f}/s), one every {args.think[0]:g}-{args.think[1]:g} s "
          f"per student, the teacher's grid every {args.grid_every:g} s; machine load average {load:.1f} "
          f"on {os.cpu_count()} cores at the end")
    print(f"The worker used {busy:.1f} s of CPU in {args.seconds:.0f} s: {100 * busy / args.seconds:.0f}% of its core.")
    print(report(timings))
