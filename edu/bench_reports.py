"""Benchmark: how long teachers' reports take for a full class.

    python -m edu.bench_reports [--students 50] [--quizzes 20] [--questions 10] [--repeat 5]

Seeds a throwaway SQLite database with one class in which every student has
taken every quiz, then renders each report and export through the real app
(test client, signed in as the teacher) and prints the median and slowest
time of each. Nothing outside a temporary folder is touched.
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import yaml

from . import create_app
from .db import get_session
from .models import Assignment, QuizAnswer, QuizAttempt, Student, utcnow
from .services import accounts, classes, codes

TEXT = {"vi": "Nội dung", "en": "Text"}


def write_content(root: Path, quizzes: int, questions: int) -> None:
    lesson = root / "lessons" / "bench-lesson"
    lesson.mkdir(parents=True)
    for lang in ("vi", "en"):
        (lesson / f"{lang}.md").write_text(
            "---\ntitle: Bench\nsummary: Bench\ntopic: scams\naudience: [adults]\nreading_minutes: 1\n---\nText\n",
            encoding="utf-8")
    (root / "quizzes").mkdir()
    for q in range(quizzes):
        data = {"title": TEXT, "summary": TEXT, "topic": ["scams", "privacy", "account-security"][q % 3],
                "audience": ["adults"], "questions": [
                    {"id": f"q{n}", "type": "single", "prompt": TEXT, "review_lesson": "bench-lesson",
                     "options": [{"id": o, "text": TEXT, "explanation": TEXT, "correct": o == "a"} for o in "abcd"]}
                    for n in range(questions)]}
        (root / "quizzes" / f"quiz-{q:02d}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def seed(app, students: int, quizzes: int, questions: int):
    rng = random.Random(42)
    with app.app_context():
        db = get_session()
        teacher = accounts.create_user(db, "bench@school.example", "bench passphrase", role="teacher")
        classroom = classes.create_class(db, teacher, "Bench class", "Bench school", "9", "vi")
        slugs = [f"quiz-{q:02d}" for q in range(quizzes)]
        db.add_all(Assignment(class_id=classroom.id, kind="quiz", slug=slug) for slug in slugs)
        for s in range(students):
            key = f"bench-learner-{s}"
            db.add(Student(class_id=classroom.id, display_name=f"Học sinh {s + 1}", learner_key=key,
                           reentry_hash=codes.digest("bench", f"CODE{s}")))
            ability = rng.random()
            for slug in slugs:
                started = utcnow() - timedelta(minutes=rng.randint(5, 60))
                attempt = QuizAttempt(learner_key=key, quiz_slug=slug, started_at=started,
                                      finished_at=started + timedelta(minutes=rng.randint(2, 15)), max_score=questions)
                db.add(attempt)
                db.flush()
                right = [rng.random() < 0.3 + 0.6 * ability for _ in range(questions)]
                db.add_all(QuizAnswer(attempt_id=attempt.id, question_id=f"q{n}", choice="a" if ok else "b",
                                      is_correct=ok, score=1.0 if ok else 0.0) for n, ok in enumerate(right))
                attempt.score = float(sum(right))
        db.commit()
        return classroom.id


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
        print(f"{'report':<20}{'median ms':>12}{'slowest ms':>12}{'size KB':>10}")
        for name, url in pages.items():
            timings, size = [], 0
            for _ in range(args.repeat):
                began = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - began) * 1000)
                assert response.status_code == 200, (url, response.status_code)
                size = len(response.data)
            print(f"{name:<20}{statistics.median(timings):>12.1f}{max(timings):>12.1f}{size / 1024:>10.1f}")


if __name__ == "__main__":
    main()
