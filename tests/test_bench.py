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
