"""Shared fixtures: an app per test on a fresh SQLite file, a live server for
browser tests, and Playwright pointed at Debian's Chromium."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from edu import create_app
from edu.config import REPO_ROOT

TEST_CONTENT = Path(__file__).parent / "data" / "content"
CHROMIUM = "/usr/bin/chromium"


def make_app(tmp_path: Path, content_dir: Path = TEST_CONTENT, **config):
    settings = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'test.sqlite3'}",
        "CONTENT_DIR": content_dir,
    }
    settings.update(config)
    return create_app(settings)


@pytest.fixture
def app(tmp_path):
    """The small, stable test content; CSRF off so tests post plain forms."""
    return make_app(tmp_path, WTF_CSRF_ENABLED=False)


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
