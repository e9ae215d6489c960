"""The benchmarks keep working (tiny runs; the figures are not judged here)."""
import asyncio
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from werkzeug.serving import make_server

from edu import create_app
from edu.bench import classroom, servers
from edu.bench import reports as bench_reports


def test_report_benchmark_runs(capsys):
    bench_reports.main(["--students", "3", "--quizzes", "2", "--questions", "2", "--repeat", "1"])
    output = capsys.readouterr().out
    assert "Seeded 3 students x 2 quizzes x 2 questions (12 answers)" in output
    for report in ("class grid", "quiz report XLSX", "student report"):
        assert report in output


def test_floor_app_stores_one_row_per_post(tmp_path, monkeypatch):
    database = tmp_path / "floor.sqlite3"
    monkeypatch.setenv("BENCH_FLOOR_DB", str(database))
    client = servers.durable_insert_app().test_client()
    for _ in range(3):
        assert client.post("/", data="question=q0&choice=a").text == "stored"
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM answer").fetchone() == (3,)


def test_page_weight_counts_what_a_browser_fetches(app):
    """A first visit fetches the page and its files, compressed; the next page
    of the kind only its HTML, the files being cached for a year."""
    import httpx

    from edu.bench.weight import assets_of, page_weight

    with httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://bench") as client:
        html = client.get("/lessons/first-lesson?lang=en").text
        files = assets_of(html)
        assert {url.split("/")[2].split(".")[0] for url in files} >= {"site", "app", "shield"}
        assert not any("lang=" in url for url in files)  # hreflang alternates are links, not files
        weight = page_weight(client, "/lessons/first-lesson?lang=en")
        plain = sum(len(client.get(url, headers={"Accept-Encoding": "identity"}).content) for url in files)
    assert weight.assets == len(files)
    assert weight.next_page == weight.html < weight.first_visit
    assert weight.first_visit - weight.html < plain  # the files came compressed


def test_classroom_percentile_is_the_nearest_rank():
    values = list(range(1, 101))
    assert classroom.percentile(values, 0.99) == 99 and classroom.percentile(values, 0.5) == 50
    assert classroom.percentile([7.0], 0.99) == 7.0


def test_classroom_benchmark_plays_a_short_class(tmp_path):
    """Three students give two answers each and the teacher's grid refreshes
    once, against the app served in this process: every endpoint answered, no
    error. Bounded by answers, not by the clock, and nobody thinks."""
    env, class_id, keys = classroom.prepare(tmp_path, students=3)
    app = create_app({"DATABASE_URL": env["DATABASE_URL"], "CONTENT_DIR": Path(env["EDU_CONTENT_DIR"]),
                      "SECRET_KEY": classroom.SECRET})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        # A thread of its own: Playwright's sync API keeps an event loop running
        # in the main thread once a browser test has run in this session.
        play = classroom.play_class(f"http://127.0.0.1:{server.server_port}", classroom.SECRET, class_id, keys,
                                    seconds=60, think=(0, 0), grid_every=0, answers=2, refreshes=1)
        with ThreadPoolExecutor(1) as player:
            timings = player.submit(asyncio.run, play).result()
    finally:
        server.shutdown()
        app.extensions["db_engine"].dispose()
    counts = {endpoint: len(values) for endpoint, values in timings.by_endpoint.items()}
    assert counts == {"quiz intro": 3, "static file": 3 * 3, "start": 3, "question page": 6, "answer (htmx)": 6,
                      "teacher grid": 1}
    assert not any(timings.errors.values()), dict(timings.errors)
    assert "answer (htmx)" in classroom.report(timings)


def test_cpu_seconds_of_a_process_grow_as_it_works():
    import os

    before = classroom.cpu_seconds(os.getpid())
    deadline = before + 0.05
    while classroom.cpu_seconds(os.getpid()) < deadline:
        sum(range(10_000))
    assert classroom.cpu_seconds(os.getpid()) >= deadline
