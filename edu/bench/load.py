"""Benchmark: the app under gunicorn, driven by wrk, against bare Flask.

    python -m edu.bench [load] [--quick]

Starts gunicorn (2 workers) three times: the app on SQLite, the app on
PostgreSQL (DATABASE_URL of the local server, or BENCH_POSTGRES_URL), and a
bare Flask "hello" app. wrk (installed with apt-get when missing) drives each
at 50 connections and the command prints requests per second, p50 and p99
latency for a lesson page, a quiz question, an answer submission and a
teacher's class grid, each page's ratio to bare Flask, and each page's bytes
on the wire for a first visit and for the next page (weight.py). All traffic
stays on 127.0.0.1.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import tempfile
from pathlib import Path

from .fixtures import answer_fields, seed, write_content, write_single_choice_quiz
from .servers import POSTGRES_URL, create_postgres_schema, drop_schema, ensure_wrk, gunicorn
from .weight import page_weight

ANSWER_QUESTIONS = 60
STUDENT_SESSIONS = 200
CONNECTIONS = 50
FIRST_VISIT_TARGET_KB, NEXT_PAGE_TARGET_KB = 30, 10


def csrf_token(html: str) -> str:
    return re.search(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"', html).group(1)


def open_sessions(url: str, count: int) -> list[tuple[str, str]]:
    """(cookie, csrf token) of `count` students, each with the answers quiz started."""
    import httpx

    sessions = []
    for _ in range(count):
        with httpx.Client(base_url=url) as client:
            page = client.get("/quizzes/bench-answers")
            token = csrf_token(page.text)
            client.post("/quizzes/bench-answers/start", data={"csrf_token": token})
            sessions.append((f"session={client.cookies['session']}", token))
    return sessions


def teacher_cookie(url: str) -> str:
    import httpx

    with httpx.Client(base_url=url) as client:
        token = csrf_token(client.get("/auth/signin").text)
        client.post("/auth/signin", data={"csrf_token": token, "email": "bench@school.example", "password": "bench passphrase"})
        return f"session={client.cookies['session']}"


ANSWER_SCRIPT = """
local sessions = {%s}
local names = {%s}
local questions = %d
local threads, counter, offset = 0, 0, 0
function setup(thread) thread:set("offset", threads); threads = threads + 1 end
function init(args) offset = tonumber(wrk.thread:get("offset")) or 0 end
request = function()
  -- Each thread walks its own students and questions, so every request is a new answer.
  -- Sent as htmx sends it from a browser with JavaScript: the feedback panel comes back.
  local i = counter * 2 + offset
  counter = counter + 1
  local s = sessions[(i %% #sessions) + 1]
  local q = math.floor(i / #sessions) %% questions
  local body = "csrf_token=" .. s[2] .. "&question=" .. names[q + 1][1] .. "&choice=" .. names[q + 1][2]
  return wrk.format("POST", "/quizzes/bench-answers/answer",
    {["Cookie"] = s[1], ["Content-Type"] = "application/x-www-form-urlencoded",
     ["HX-Request"] = "true", ["HX-Target"] = "quiz-panel"}, body)
end
"""

FLOOR_SCRIPT = """
wrk.method = "POST"
wrk.body = "question=q0&choice=a"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
"""

HEADER_SCRIPT = """
request = function() return wrk.format("GET", nil, {["Cookie"] = "%s"}) end
"""

# As a browser asks: the page compressed on the way out (brotli), which costs the server time.
COMPRESSED_SCRIPT = """
request = function() return wrk.format("GET", nil, {["Cookie"] = "%s", ["Accept-Encoding"] = "gzip, deflate, br"}) end
"""


def run_wrk(wrk: str, url: str, seconds: int, script: str | None = None) -> dict:
    args = [wrk, "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", url]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        if script:
            lua.write(script)
            args[1:1] = ["-s", lua.name]
    try:
        out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(lua.name)

    def latency(label: str) -> float:
        value, unit = re.search(rf"{label}\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), "p50": latency("50%"),
            "p99": latency("99%"), "errors": int(non2xx.group(1)) if non2xx else 0}


def measure_app(wrk: str, name: str, database_url: str, seconds: int, folder: Path) -> dict:
    from .. import create_app

    content = folder / f"content-{name}"
    write_content(content, quizzes=20, questions=10)
    write_single_choice_quiz(content / "quizzes" / "bench-answers.yaml", ANSWER_QUESTIONS)
    env = {"DATABASE_URL": database_url, "EDU_CONTENT_DIR": str(content), "SECRET_KEY": "bench", "EDU_AUTO_MIGRATE": "1",
           "RATELIMIT_ANSWERS": "1000000 per minute"}
    app = create_app({"DATABASE_URL": database_url, "CONTENT_DIR": content, "SECRET_KEY": "bench", "AUTO_MIGRATE": True})
    class_id = seed(app, students=50, quizzes=20, questions=10)
    app.extensions["db_engine"].dispose()
    results = {}
    with gunicorn("edu:create_app()", env) as server:
        url = server.url
        students = open_sessions(url, STUDENT_SESSIONS)
        teacher = teacher_cookie(url)
        student_cookie = students[0][0]
        pages = {
            # The app's own floor: session, limits, headers and one query, no page to render.
            "app floor /healthz": ("/healthz", student_cookie, HEADER_SCRIPT % student_cookie),
            "lesson page": ("/lessons/bench-lesson", student_cookie, HEADER_SCRIPT % student_cookie),
            "lesson page, br": ("/lessons/bench-lesson", student_cookie, COMPRESSED_SCRIPT % student_cookie),
            "quiz question": ("/quizzes/bench-answers/question", student_cookie, HEADER_SCRIPT % student_cookie),
            "class grid": (f"/classes/{class_id}/reports/grid", teacher, HEADER_SCRIPT % teacher),
        }
        import httpx

        with httpx.Client(base_url=url) as client:
            weights = {label: page_weight(client, path, cookie) for label, (path, cookie, _script) in pages.items()}
        for label, (path, cookie, script) in pages.items():
            results[label] = run_wrk(wrk, url + path, seconds, script) | {"weight": weights[label]}
        sessions = ", ".join(f'{{"{c}", "{t}"}}' for c, t in students[1:])
        fields = (answer_fields("bench", f"q{n}", "a") for n in range(ANSWER_QUESTIONS))
        names = ", ".join(f'{{"{f["question"]}", "{f["choice"]}"}}' for f in fields)
        results["answer submission"] = run_wrk(wrk, url + "/", seconds,
                                               ANSWER_SCRIPT % (sessions, names, ANSWER_QUESTIONS))
        results["answer submission"]["weight"] = None
    return results


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 seconds per measurement instead of 10")
    args = parser.parse_args(argv)
    seconds = 3 if args.quick else 10
    wrk = ensure_wrk()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        with gunicorn("edu.bench.servers:hello_app()", {}) as server:
            hello = run_wrk(wrk, server.url + "/", seconds)
        print(f"bare Flask hello: {hello['rps']:.0f} req/s, p50 {hello['p50']:.1f} ms, p99 {hello['p99']:.1f} ms "
              f"({CONNECTIONS} connections, 2 gunicorn workers, {seconds} s each)")
        with gunicorn("edu.bench.servers:durable_insert_app()", {"BENCH_FLOOR_DB": str(folder / "floor.sqlite3")}) as server:
            floor = run_wrk(wrk, server.url + "/", seconds, FLOOR_SCRIPT)
        print(f"floor, bare Flask + one durable SQLite insert: {floor['rps']:.0f} req/s ({floor['rps'] / hello['rps']:.2f} "
              f"of hello), p50 {floor['p50']:.1f} ms, p99 {floor['p99']:.1f} ms\n")
        schema = create_postgres_schema()
        try:
            engines = {"SQLite": f"sqlite:///{folder / 'bench.sqlite3'}",
                       "PostgreSQL": f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"}
            for engine, database_url in engines.items():
                results = measure_app(wrk, engine.lower(), database_url, seconds, folder)
                print(f"{engine}")
                print(f"  {'page':<20}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'vs hello':>10}{'non-2xx':>9}"
                      f"{'first KB':>10}{'next KB':>9}")
                for label, r in results.items():
                    w = r["weight"]
                    sizes = f"{w.first_visit / 1024:>10.1f}{w.next_page / 1024:>9.1f}" if w else f"{'-':>10}{'-':>9}"
                    print(f"  {label:<20}{r['rps']:>9.0f}{r['p50']:>9.1f}{r['p99']:>9.1f}"
                          f"{r['rps'] / hello['rps']:>10.2f}{r['errors']:>9}{sizes}")
                print(f"  first KB: a first visit (HTML, CSS, JS, images), next KB: the next page of the kind with the"
                      f" files cached; on the wire as a browser asks (brotli), headers included; targets"
                      f" {FIRST_VISIT_TARGET_KB} and {NEXT_PAGE_TARGET_KB} KB\n")
        finally:
            drop_schema(schema)

