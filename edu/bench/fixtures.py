"""Content and classes the benchmarks and load tests run on: generated, in a
temporary folder, never the shipped content."""
from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

import yaml

from ..content.questions import Shown
from ..models import Assignment, QuizAnswer, QuizAttempt, Student, utcnow
from ..services import accounts, classes, codes
from ..web.db import get_session

TEXT = {"vi": "Nội dung", "en": "Text"}


def write_content(root: Path, quizzes: int, questions: int) -> None:
    lesson = root / "lessons" / "bench-lesson"
    lesson.mkdir(parents=True)
    for lang in ("vi", "en"):
        (lesson / f"{lang}.md").write_text(
            "---\ntitle: Bench\nsummary: Bench\ntopic: scams\naudience: [community-adults]\nreading_minutes: 1\n---\nText\n",
            encoding="utf-8")
    (root / "quizzes").mkdir()
    for q in range(quizzes):
        data = {"title": TEXT, "summary": TEXT, "topic": ["scams", "privacy", "account-security"][q % 3],
                "audience": ["community-adults"], "questions": [
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
                attempt = QuizAttempt(learner_key=key, quiz_slug=slug, context="class", context_id=classroom.id,
                                      started_at=started,
                                      finished_at=started + timedelta(minutes=rng.randint(2, 15)), max_score=questions)
                db.add(attempt)
                db.flush()
                right = [rng.random() < 0.3 + 0.6 * ability for _ in range(questions)]
                db.add_all(QuizAnswer(attempt_id=attempt.id, question_id=f"q{n}", choice="a" if ok else "b",
                                      is_correct=ok, score=1.0 if ok else 0.0) for n, ok in enumerate(right))
                attempt.score = float(sum(right))
        db.commit()
        return classroom.id


def write_single_choice_quiz(path: Path, questions: int) -> None:
    """A quiz of `questions` single-choice questions q0, q1, ... whose answer is "a"."""
    text = {"vi": "Câu hỏi", "en": "Question"}
    quiz = {"title": text, "summary": text, "topic": "scams", "audience": ["community-adults"], "questions": [
        {"id": f"q{n}", "type": "single", "prompt": text,
         "options": [{"id": o, "text": text, "explanation": text, "correct": o == "a"} for o in "abc"]}
        for n in range(questions)]}
    path.write_text(yaml.safe_dump(quiz, allow_unicode=True), encoding="utf-8")


def answer_fields(secret: str, question_id: str, choice: str) -> dict:
    """The form fields a page sends for one single-choice answer (see Shown):
    load clients compute them as the page would, from the server's secret."""
    shown = Shown(0, secret)
    return {"question": shown.name(question_id), "choice": shown.name(question_id, choice)}
