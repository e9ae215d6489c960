"""The report benchmark keeps working (a tiny run; the figures are not judged here)."""
from edu import bench_reports


def test_report_benchmark_runs(capsys):
    bench_reports.main(["--students", "3", "--quizzes", "2", "--questions", "2", "--repeat", "1"])
    output = capsys.readouterr().out
    assert "Seeded 3 students x 2 quizzes x 2 questions (12 answers)" in output
    for report in ("class grid", "quiz report XLSX", "student report"):
        assert report in output
