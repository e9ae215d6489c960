"""Responses leave compressed (Flask-Compress): brotli when the browser asks
for it, gzip otherwise, nothing when it asks for neither; exports and files
sent from disk still arrive whole."""
from __future__ import annotations

import gzip
import io
import zipfile

import brotli
import httpx
import pytest

from .serving import gunicorn, write_quiz_content

BROWSER = "gzip, deflate, br, zstd"  # what Chromium sends over HTTPS
DECODE = {"br": brotli.decompress, "gzip": gzip.decompress}


@pytest.fixture
def app(make_app):
    return make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)


def fetch(client, url: str, accept: str):
    response = client.get(url, headers={"Accept-Encoding": accept})
    assert response.status_code == 200, (url, response.status_code)
    return response


def body(response) -> bytes:
    coding = response.headers.get("Content-Encoding")
    return DECODE[coding](response.data) if coding else response.data


@pytest.mark.parametrize("accept, coding", [(BROWSER, "br"), ("gzip, deflate", "gzip"), ("br;q=0.5, gzip", "gzip"),
                                            ("identity", None)])
def test_a_page_and_a_static_file_come_in_the_asked_encoding(client, accept, coding, unsigned):
    plain_page = fetch(client, "/lessons/first-lesson?lang=en", "identity")
    css_url = "/static/site.css"
    plain_css = fetch(client, css_url, "identity")
    for url, plain in (("/lessons/first-lesson?lang=en", plain_page), (css_url, plain_css)):
        response = fetch(client, url, accept)
        assert response.headers.get("Content-Encoding") == coding, url
        assert "Accept-Encoding" in response.headers["Vary"], url
        assert unsigned(body(response)) == unsigned(plain.data), url
        if coding:
            assert len(response.data) < len(plain.data) / 2, url  # text shrinks well over half


def test_an_htmx_fragment_is_compressed_too(app, homework_student):
    teacher, _ = homework_student(app, "Lan")
    response = teacher.get("/classes/1/reports/grid?sort=name", headers={
        "Accept-Encoding": BROWSER, "HX-Request": "true", "HX-Target": "grid"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "br"
    assert b"Lan" in body(response)


def test_exports_arrive_whole(app, homework_student):
    teacher, _ = homework_student(app, "Lan")
    csv = fetch(teacher, "/classes/1/reports/grid.csv?lang=en", BROWSER)
    assert body(csv).decode("utf-8-sig").splitlines()[1].startswith("Lan,")
    xlsx = fetch(teacher, "/classes/1/reports/grid.xlsx?lang=en", BROWSER)
    assert "Content-Encoding" not in xlsx.headers  # a zip already: compressing it again gains nothing
    assert zipfile.ZipFile(io.BytesIO(xlsx.data)).testzip() is None


def test_a_file_streamed_from_disk_is_compressed_as_it_goes(make_app, content):
    """Lesson images are sent from disk as they are read (a streamed response):
    an SVG is compressed chunk by chunk and decodes to the file."""
    drawing = "<svg xmlns='http://www.w3.org/2000/svg'>" + "<rect width='1' height='1'/>" * 400 + "</svg>"
    (content / "lessons" / "first-lesson" / "big.svg").write_text(drawing)
    client = make_app(content).test_client()
    for accept, coding in ((BROWSER, "br"), ("gzip", "gzip"), ("identity", None)):
        response = client.get("/lessons/first-lesson/media/big.svg", headers={"Accept-Encoding": accept},
                              buffered=False)
        assert response.is_streamed  # read from disk as it goes, never whole in memory
        assert response.headers.get("Content-Encoding") == coding
        assert body(response).decode() == drawing
        response.close()


def test_small_responses_stay_as_they_are(client):
    response = fetch(client, "/healthz", BROWSER)
    assert "Content-Encoding" not in response.headers


@pytest.mark.slow
def test_gunicorn_alone_serves_compressed_pages(tmp_path, fresh_database_url):
    """The production set-up of the README: gunicorn with nothing in front."""
    content = write_quiz_content(tmp_path / "content")
    env = {"DATABASE_URL": fresh_database_url(), "EDU_CONTENT_DIR": str(content), "SECRET_KEY": "compress",
           "EDU_AUTO_MIGRATE": "1"}
    with gunicorn(env, workers=1) as server:
        for accept, coding in ((BROWSER, "br"), ("gzip", "gzip")):
            # httpx decodes br and gzip itself: the raw stream shows what travelled
            with httpx.stream("GET", server.url + "/lessons/load-lesson", headers={"Accept-Encoding": accept}) as page:
                raw = b"".join(page.iter_raw())
            assert page.headers["Content-Encoding"] == coding
            assert b"<html" in DECODE[coding](raw) and b"<html" not in raw
