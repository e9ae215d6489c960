"""Static files under names made from their bytes, kept by the browser for a
year; plain and stale names still work, with a short cache."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from edu.config import STATIC_DIR
from edu.web.assets import IMMUTABLE, SHORT, Assets, fingerprinted_name, without_css_comments

STATIC_URL = re.compile(r'(?:href|src)="/static/([^"?#]+)"')


def digest(name: str) -> str:
    return hashlib.sha256((STATIC_DIR / name).read_bytes()).hexdigest()[:10]


def test_pages_link_every_static_file_by_its_fingerprint(client):
    names = STATIC_URL.findall(client.get("/?lang=en").text)
    assert {"site.css", "app.js", "shield.svg"} <= {re.sub(r"\.[0-9a-f]{10}\.", ".", n) for n in names}
    for name in names:
        stem, fingerprint, suffix = re.fullmatch(r"(.+)\.([0-9a-f]{10})\.(\w+)", name).groups()
        assert fingerprint == digest(f"{stem}.{suffix}"), name


def test_a_fingerprinted_file_is_cached_for_a_year(client):
    url = "/static/" + fingerprinted_name("site.css", digest("site.css"))
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == IMMUTABLE == "public, max-age=31536000, immutable"
    assert response.data == without_css_comments((STATIC_DIR / "site.css").read_bytes())
    assert response.mimetype == "text/css"
    again = client.get(url, headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""


@pytest.mark.parametrize("name", ["site.css", "site.0123456789.css"])
def test_plain_and_stale_names_get_the_current_file_briefly(client, name):
    """Old links (a bookmark, a page cached before a deploy) still get the file,
    but only for minutes: the name does not pin these bytes."""
    response = client.get(f"/static/{name}")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == SHORT
    assert "immutable" not in response.headers["Cache-Control"]
    assert response.data == without_css_comments((STATIC_DIR / "site.css").read_bytes())


@pytest.mark.parametrize("url", ["/static/nothing.css", "/static/nothing.0123456789.css", "/static/../edu/config.py",
                                 "/static/%2e%2e/edu/config.py"])
def test_unknown_files_are_not_found(client, url):
    assert client.get(url).status_code == 404


def test_static_files_never_carry_the_session(app):
    """A student's permanent session would otherwise come back with every file,
    making it private and, through Vary: Cookie, asked for again on each page."""
    student = app.test_client()
    student.post("/quizzes/first-quiz/start")
    assert student.get_cookie("session")
    response = student.get("/static/" + fingerprinted_name("app.js", digest("app.js")))
    assert "Set-Cookie" not in response.headers
    assert response.vary.as_set() == {"accept-encoding"}
    assert not response.cache_control.private


def test_a_changed_file_gets_a_new_name(tmp_path: Path):
    (tmp_path / "site.css").write_text("body { color: black }")
    before = Assets(tmp_path).url_name("site.css")
    (tmp_path / "site.css").write_text("body { color: navy }")
    after = Assets(tmp_path).url_name("site.css")
    assert before != after
    assert before.startswith("site.") and before.endswith(".css")


def test_compressed_once_and_only_when_smaller(tmp_path: Path):
    (tmp_path / "big.js").write_text("var a = 1;\n" * 500)
    (tmp_path / "tiny.css").write_text("a{}")
    assets = Assets(tmp_path)
    assert set(assets.by_name["big.js"].encoded) == {"br", "gzip"}
    assert assets.by_name["tiny.css"].encoded == {}  # compressing 3 bytes makes them longer


def test_stylesheets_travel_without_their_comments():
    css = b'a{color:red} /* why */ b{content:"/* kept */"} /* two\nlines */ i{content:\'/*\'}'
    assert without_css_comments(css) == b'a{color:red}  b{content:"/* kept */"}  i{content:\'/*\'}'
