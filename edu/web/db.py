"""One SQLAlchemy engine per app, one session and one transaction per request.

Services write into the request's session and never commit; the response
hook below commits once, when the action is complete, so a user action is
one transaction (a view whose page is slow to render may commit that same
transaction just before rendering: `commit_before_rendering`). An action that failed on our side (5xx) is rolled back when
the session closes; refusals (4xx) are raised before anything is written, and
what a refusal must record (a failed sign-in) is committed with it.
"""
from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from flask import Flask, current_app, g
from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlmodel import Session, create_engine

from .. import models  # noqa: F401  (registers the tables)


def _sqlite_pragmas(dbapi_connection, _record):
    # WAL lets readers work while one student's answer is being written;
    # synchronous FULL makes an acknowledged answer survive a power cut.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _sqlite_file(url: str) -> Path | None:
    database = make_url(url).database
    return Path(database) if database and database != ":memory:" else None


def make_engine(url: str):
    """The engine. Its errors never carry statement parameters into logs:
    those are children's names, codes and emails."""
    if url.startswith("sqlite"):
        path = _sqlite_file(url)
        if path is not None and path.parent.is_dir() and not path.exists():
            # Readable by its owner only; SQLite gives its -wal and -shm files the same mode.
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        engine = create_engine(url, connect_args={"check_same_thread": False}, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


def get_session() -> Session:
    if "db_session" not in g:
        g.db_session = Session(current_app.extensions["db_engine"], expire_on_commit=False)
    return g.db_session


def commit_before_rendering() -> None:
    """The action is complete: commit now, before its page is rendered, so
    SQLite's one write lock is held for the write alone. For the hottest
    write (an answer); the hook below then finds nothing left to commit."""
    session = g.get("db_session")
    if session is not None:
        session.commit()


def _commit(response):
    session = g.get("db_session")
    if session is not None and response.status_code < 500:
        session.commit()  # before the response leaves: an acknowledged action is stored
    return response


def _close_session(_exc):
    session = g.pop("db_session", None)
    if session is not None:
        session.close()  # rolls back whatever was not committed


def alembic_config(connection=None) -> Config:
    config = Config()
    config.set_main_option("script_location", "edu:migrations")
    config.attributes["connection"] = connection
    return config


@contextmanager
def _migration_lock(engine):
    """One process migrates at a time: gunicorn workers started without
    --preload each create the app, and two migrating at once would collide."""
    path = _sqlite_file(str(engine.url)) if engine.dialect.name == "sqlite" else None
    if path is None:
        yield
        return
    with open(f"{path}.migrate-lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def upgrade(engine) -> None:
    """Bring the schema to the newest migration."""
    with _migration_lock(engine), engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(7164328)"))  # the same, across servers
        command.upgrade(alembic_config(connection), "head")
    # No pooled connection may outlive this: gunicorn --preload forks workers
    # after create_app, and a socket shared by two processes corrupts both.
    engine.dispose()


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["db_engine"] = engine
    if app.config.get("AUTO_MIGRATE", engine.dialect.name == "sqlite"):
        # The embedded default sets itself up; a shared server is migrated on purpose (flask db upgrade).
        upgrade(engine)
    app.after_request(_commit)
    app.teardown_appcontext(_close_session)
