"""Benchmark: how long teachers' reports take for a full class.

    python -m edu.bench reports [--students 50] [--quizzes 20] [--questions 10] [--repeat 5]

Seeds a throwaway SQLite database with one class in which every student has
taken every quiz, then renders each report and export through the real app
(test client, signed in as the teacher) and prints the median, fastest and
slowest time of each. Nothing outside a temporary folder is touched.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from .. import create_app
from .fixtures import seed, write_content


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=50)
    parser.add_argument("--quizzes", type=int, default=20)
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_content(root / "content", args.quizzes, args.questions)
        app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "SECRET_KEY": "bench",
                          "DATABASE_URL": f"sqlite:///{root / 'bench.sqlite3'}", "CONTENT_DIR": root / "content"})
        started = time.perf_counter()
        class_id = seed(app, args.students, args.quizzes, args.questions)
        print(f"Seeded {args.students} students x {args.quizzes} quizzes x {args.questions} questions "
              f"({args.students * args.quizzes * args.questions:,} answers) in {time.perf_counter() - started:.1f} s")
        client = app.test_client()
        client.post("/auth/signin", data={"email": "bench@school.example", "password": "bench passphrase"})
        base = f"/classes/{class_id}/reports"
        pages = {
            "class grid": f"{base}/grid", "class grid CSV": f"{base}/grid.csv", "class grid XLSX": f"{base}/grid.xlsx",
            "quiz report": f"{base}/quizzes/quiz-00", "quiz report CSV": f"{base}/quizzes/quiz-00.csv",
            "quiz report XLSX": f"{base}/quizzes/quiz-00.xlsx", "topics": f"{base}/topics",
            "student report": f"{base}/students/1", "student XLSX": f"{base}/students/1.xlsx",
        }
        # The fastest run beside the median: on a shared machine the median also counts
        # the time other work held the core; the fastest is closest to the report's own cost.
        print(f"{'report':<20}{'median ms':>12}{'fastest ms':>12}{'slowest ms':>12}{'size KB':>10}")
        for name, url in pages.items():
            timings, size = [], 0
            for _ in range(args.repeat):
                began = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - began) * 1000)
                assert response.status_code == 200, (url, response.status_code)
                size = len(response.data)
            print(f"{name:<20}{statistics.median(timings):>12.1f}{min(timings):>12.1f}{max(timings):>12.1f}"
                  f"{size / 1024:>10.1f}")

