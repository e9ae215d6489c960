"""Shared fixtures: an app per test on a fresh SQLite file, a live server for
browser tests, and Playwright pointed at Debian's Chromium."""
from __future__ import annotations

import os
import shutil
import threading
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from werkzeug.serving import make_server

from edu import create_app
from edu.config import REPO_ROOT

TEST_CONTENT = Path(__file__).parent / "data" / "content"
CHROMIUM = "/usr/bin/chromium"


# The suite runs on SQLite, and again on PostgreSQL when TEST_DATABASE_URL names
# a server (tests/run.sh does both). Each app then gets a schema of its own.
SERVER_URL = os.environ.get("TEST_DATABASE_URL")
SCHEMA_PREFIX = "edu_test_"


def _database_url(tmp_path: Path) -> str:
    if not SERVER_URL:
        return f"sqlite:///{tmp_path / 'test.sqlite3'}"
    schema = SCHEMA_PREFIX + uuid.uuid4().hex[:12]
    with create_engine(SERVER_URL).begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in SERVER_URL else "?"
    return f"{SERVER_URL}{separator}options=-csearch_path%3D{schema}"


@pytest.fixture(scope="session", autouse=True)
def _drop_test_schemas():
    yield
    if SERVER_URL:
        with create_engine(SERVER_URL).begin() as connection:
            schemas = connection.execute(text(
                "SELECT nspname FROM pg_namespace WHERE nspname LIKE :prefix"), {"prefix": SCHEMA_PREFIX + "%"}).scalars()
            for schema in list(schemas):
                connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))


def make_app(tmp_path: Path, content_dir: Path = TEST_CONTENT, **config):
    settings = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "DATABASE_URL": _database_url(tmp_path),
        "AUTO_MIGRATE": True,
        "CONTENT_DIR": content_dir,
    }
    settings.update(config)
    return create_app(settings)


@pytest.fixture
def app(tmp_path):
    """The small, stable test content; CSRF off so tests post plain forms."""
    return make_app(tmp_path, WTF_CSRF_ENABLED=False)


@pytest.fixture
def content(tmp_path):
    """A copy of the test content that a test may break."""
    root = tmp_path / "content"
    shutil.copytree(TEST_CONTENT, root)
    return root


@pytest.fixture
def client(app):
    return app.test_client()


def _serve(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_port}"
    server.app = app
    return server


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """The real app with the shipped content, served on a free local port."""
    server = _serve(make_app(tmp_path_factory.mktemp("live"), content_dir=REPO_ROOT, OPEN_SIGNUP=True))
    yield server
    server.shutdown()


@pytest.fixture(scope="session")
def test_content_server(tmp_path_factory):
    """The real app with the small test content: one question of each type."""
    server = _serve(make_app(tmp_path_factory.mktemp("live-test-content")))
    yield server
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"],
    }
