"""One SQLAlchemy engine per app, one session per request."""
from __future__ import annotations

import click
from alembic import command
from alembic.config import Config
from flask import Flask, current_app, g
from flask.cli import AppGroup
from sqlalchemy import event
from sqlmodel import Session, create_engine

from . import models  # noqa: F401  (registers the tables)


def _sqlite_pragmas(dbapi_connection, _record):
    # WAL lets readers work while one student's answer is being written.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str):
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def get_session() -> Session:
    if "db_session" not in g:
        g.db_session = Session(current_app.extensions["db_engine"], expire_on_commit=False)
    return g.db_session


def _close_session(_exc):
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


def alembic_config(connection=None) -> Config:
    config = Config()
    config.set_main_option("script_location", "edu:migrations")
    config.attributes["connection"] = connection
    return config


def upgrade(engine) -> None:
    """Bring the schema to the newest migration."""
    with engine.begin() as connection:
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
    app.teardown_appcontext(_close_session)
    app.cli.add_command(db_cli)


@click.group("db", cls=AppGroup)
def db_cli():
    """Database schema (Alembic migrations)."""


@db_cli.command("upgrade")
def upgrade_command():
    """Apply every migration not yet applied."""
    upgrade(current_app.extensions["db_engine"])
    click.echo("Database is up to date.")


@db_cli.command("revision")
@click.option("-m", "--message", required=True)
def revision_command(message):
    """Write a new migration from the difference between models.py and the database."""
    with current_app.extensions["db_engine"].begin() as connection:
        command.revision(alembic_config(connection), message=message, autogenerate=True)
