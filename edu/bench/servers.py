"""Servers the benchmarks and load tests drive: the app or a baseline under a
real gunicorn on a free local port, and PostgreSQL schemas to run it on."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager

POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def hello_app():
    """The baseline: Flask doing nothing but answer."""
    from flask import Flask

    app = Flask("hello")
    app.add_url_rule("/", "hello", lambda: "Hello")
    return app


def durable_insert_app():
    """The floor under any answer submission: Flask storing one row per POST
    in SQLite, committed as the app commits (WAL, synchronous FULL), and
    doing nothing else: no session, CSRF, scoring or page."""
    import sqlite3

    from flask import Flask, request

    path = os.environ["BENCH_FLOOR_DB"]
    with sqlite3.connect(path) as setup:
        setup.execute("PRAGMA journal_mode=WAL")
        setup.execute("CREATE TABLE IF NOT EXISTS answer (id INTEGER PRIMARY KEY, body TEXT)")
    connections: dict[int, sqlite3.Connection] = {}  # one per worker, opened after the fork

    app = Flask("floor")

    @app.post("/")
    def store():
        connection = connections.get(os.getpid())
        if connection is None:
            connection = connections[os.getpid()] = sqlite3.connect(path, timeout=5)
        connection.execute("INSERT INTO answer (body) VALUES (?)", (request.get_data(as_text=True),))
        connection.commit()
        return "stored"

    return app


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "wrk"], check=True,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}, stdout=subprocess.DEVNULL)
    return shutil.which("wrk")


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
def gunicorn(target: str, env: dict, workers: int = 2, ready_path: str = "/", core: int | None = None):
    """Serve `target` with gunicorn on a free local port until every worker is
    up; with `core`, master and workers pinned to that one core (taskset)."""
    import httpx

    port = free_port()
    # The log goes to a file, never a pipe: a pipe nobody reads fills up with
    # error tracebacks and then blocks every worker that writes to it.
    log = tempfile.TemporaryFile()
    pinned = ["taskset", "-c", str(core)] if core is not None else []
    process = subprocess.Popen([*pinned, sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}",
                                "--preload", "--graceful-timeout", "2", "--log-level", "warning", target],
                               env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=log, start_new_session=True)
    server = Server(process, f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                ready = httpx.get(server.url + ready_path, timeout=2).status_code < 500 or ready_path == "/healthz"
            except httpx.TransportError:
                ready = False
            if ready and len(server.worker_pids()) == workers:
                break
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError(f"gunicorn did not start: {log.read().decode()[-2000:]}")
            try:  # no sleep: wait on the process itself, so a gunicorn that dies is noticed at once
                process.wait(timeout=0.1)
            except subprocess.TimeoutExpired:
                pass
        yield server
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
        log.close()


def create_postgres_schema(prefix: str = "edu_bench_", server_url: str = POSTGRES_URL) -> str:
    """A fresh schema on the PostgreSQL server, so runs never meet each other's rows."""
    from sqlalchemy import create_engine, text

    schema = prefix + uuid.uuid4().hex[:12]
    engine = create_engine(server_url)
    with engine.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    engine.dispose()
    return schema


def drop_schema(schema: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(POSTGRES_URL)
    with engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
    engine.dispose()
