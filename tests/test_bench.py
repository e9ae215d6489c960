"""The benchmarks keep working (tiny runs; the figures are not judged here)."""
import sqlite3

from edu.bench import reports as bench_reports
from edu.bench import servers


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
