"""What teachers see: the class grid, quiz item analysis, topics, one student.

Every function loads what it needs in a few queries for the whole class (not
one per student), so a class of 50 with 20 quizzes renders quickly.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import Row
from sqlmodel import Session, col, select

from ..content import Library, Quiz
from ..models import Assignment, Classroom, LessonProgress, QuizAnswer, QuizAttempt, Student, as_utc
from . import collation, statistics
from .classes import assignments_of, students_of

NEEDS_HELP_BELOW = 50  # % on the attempt that counts; shown to teachers as the rule


class Cell(NamedTuple):
    """One student and one assignment. A tuple, not a dataclass: a grid makes
    a thousand, and equal cells are one object (see class_grid)."""

    status: str  # "not_started", "in_progress", "done", "needs_help"
    score: float | None = None  # % of the attempt that counts
    attempts: int = 0


@dataclass
class Grid:
    assignments: list[Assignment]
    rows: list[tuple[Row, list[Cell]]]  # a student's id, display_name and learner_key, and their cells


def _attempts_of(db: Session, classroom: Classroom, keys: list[str], slugs: list[str]) -> list[Row]:
    """The class's attempts (its homework, not practice), as plain rows of the
    columns reports read, through SQLAlchemy Core: a class's worth of ORM
    objects, or even of ORM-loaded rows, would cost more than the report itself."""
    if not keys or not slugs:
        return []
    return list(db.connection().execute(
        select(QuizAttempt.id, QuizAttempt.learner_key, QuizAttempt.quiz_slug,
               col(QuizAttempt.finished_at).is_not(None).label("finished"), QuizAttempt.score, QuizAttempt.max_score)
        .where(QuizAttempt.context == "class", QuizAttempt.context_id == classroom.id,
               col(QuizAttempt.learner_key).in_(keys), col(QuizAttempt.quiz_slug).in_(slugs))
        .order_by(QuizAttempt.id)).all())


def _percent(attempt: QuizAttempt | Row) -> float:
    return 100 * (attempt.score or 0) / attempt.max_score if attempt.max_score else 0.0


def counted(finished: list, rule: str, percent=_percent):
    """The finished attempt (oldest first in `finished`) that counts under the
    class's rule (classes.ATTEMPT_RULES; "first" suits assessments); the best
    one's tie goes to the earliest. None with none. `finished` may also be
    the attempts' percentages, with `percent=float`."""
    if not finished:
        return None
    if rule == "latest":
        return finished[-1]
    if rule == "best":
        return max(finished, key=percent)  # max keeps the first of equals
    return finished[0]


def counted_attempt(db: Session, classroom: Classroom, learner_key: str, quiz_slug: str) -> QuizAttempt | None:
    """One student's counted homework attempt (what /me shows them)."""
    finished = db.exec(select(QuizAttempt).where(
        QuizAttempt.learner_key == learner_key, QuizAttempt.quiz_slug == quiz_slug, QuizAttempt.context == "class",
        QuizAttempt.context_id == classroom.id, col(QuizAttempt.finished_at).is_not(None)).order_by(QuizAttempt.id)).all()
    return counted(list(finished), classroom.attempt_rule)


def class_grid(db: Session, classroom: Classroom, sort: str = "name") -> Grid:
    """Students by assignments, sorted by name in Vietnamese order or with
    the least progress first (then by name). A thousand cells: the class is
    read as plain rows and each student's cells found by slug in a dict."""
    students = sorted(db.connection().execute(select(Student.id, Student.display_name, Student.learner_key)
                                              .where(Student.class_id == classroom.id)),
                      key=lambda s: collation.sort_key(s.display_name))
    assignments = assignments_of(db, classroom)
    keys = [s.learner_key for s in students]
    quiz_slugs = [a.slug for a in assignments if a.kind == "quiz"]
    lesson_slugs = [a.slug for a in assignments if a.kind == "lesson"]

    # Per student and quiz: [attempts started, then each finished one's percentage, oldest first].
    tallies: dict[str, dict[str, list]] = defaultdict(dict)
    for _id, key, slug, finished, score, max_score in _attempts_of(db, classroom, keys, quiz_slugs):
        tally = tallies[key].get(slug)
        if tally is None:
            tally = tallies[key][slug] = [0]
        tally[0] += 1
        if finished:
            tally.append(100 * (score or 0) / max_score if max_score else 0.0)
    # Per student: every assignment's cell that is not "not started", by slug (lessons and quizzes apart).
    found: dict[str, dict[tuple[str, str], Cell]] = defaultdict(dict)
    rule = classroom.attempt_rule
    for key, by_quiz in tallies.items():
        found[key] = {("quiz", slug): _quiz_cell(tally, rule) for slug, tally in by_quiz.items()}
    if keys and lesson_slugs:
        for key, slug, finished in db.connection().execute(
                select(LessonProgress.learner_key, LessonProgress.lesson_slug,
                       col(LessonProgress.finished_at).is_not(None))
                .where(col(LessonProgress.learner_key).in_(keys), col(LessonProgress.lesson_slug).in_(lesson_slugs))):
            found[key]["lesson", slug] = DONE if finished else IN_PROGRESS

    columns = [(a.kind, a.slug) for a in assignments]
    rows = []
    for student, key in zip(students, keys):
        cells = found.get(key, {})
        rows.append((student, [cells.get(column, NOT_STARTED) for column in columns]))
    if sort == "progress":
        rows.sort(key=lambda row: sum(c.status in FINISHED for c in row[1]))  # stable: by name within
    return Grid(assignments, rows)


NOT_STARTED, IN_PROGRESS, DONE = Cell("not_started"), Cell("in_progress"), Cell("done")
FINISHED = frozenset({"done", "needs_help"})


def _quiz_cell(tally: list, rule: str) -> Cell:
    """`tally`: [attempts started, each finished one's percentage...]."""
    if len(tally) == 1:
        return Cell("in_progress", attempts=tally[0])
    score = tally[1] if len(tally) == 2 else counted(tally[1:], rule, percent=float)  # one finished: it counts
    return Cell("needs_help" if score < NEEDS_HELP_BELOW else "done", score, len(tally) - 1)


# --- quiz report --------------------------------------------------------------

@dataclass(frozen=True)
class ChoiceCount:
    choice_id: str
    count: int
    correct: bool


@dataclass
class QuestionReport:
    question: object
    stats: statistics.ItemStats
    answered: int
    choices: list[ChoiceCount] = field(default_factory=list)

    @property
    def wrong_choices(self) -> list[ChoiceCount]:
        return [c for c in self.choices if not c.correct and c.count]


@dataclass
class QuizReport:
    quiz: Quiz
    students: int
    attempts: int
    test: statistics.TestStats
    histogram: list[int]
    questions: list[QuestionReport]
    difficult: list[QuestionReport]
    item_analysis: bool  # enough attempts for facility/discrimination to mean something


def counted_attempts(db: Session, classroom: Classroom, students: list[Student], quiz_slug: str) -> dict[int, Row]:
    """Each student's finished attempt that counts under the class's rule."""
    by_key = {s.learner_key: s for s in students}
    finished: dict[int, list[Row]] = defaultdict(list)
    for attempt in _attempts_of(db, classroom, list(by_key), [quiz_slug]):
        if attempt.finished:
            finished[by_key[attempt.learner_key].id].append(attempt)
    return {student_id: counted(rows, classroom.attempt_rule) for student_id, rows in finished.items()}


def answers_of(db: Session, attempt_ids: list[int]) -> dict[int, dict[str, QuizAnswer]]:
    answers: dict[int, dict[str, QuizAnswer]] = defaultdict(dict)
    if attempt_ids:
        for answer in db.exec(select(QuizAnswer).where(QuizAnswer.attempt_id.in_(attempt_ids))).all():
            answers[answer.attempt_id][answer.question_id] = answer
    return answers


def quiz_report(db: Session, classroom: Classroom, quiz: Quiz) -> QuizReport:
    students = students_of(db, classroom)
    firsts = counted_attempts(db, classroom, students, quiz.slug)
    answers = answers_of(db, [a.id for a in firsts.values()])
    marks = [{qid: a.score for qid, a in answers[attempt.id].items()} for attempt in firsts.values()]
    question_ids = [q.id for q in quiz.questions]
    items = statistics.item_statistics(question_ids, marks)
    reports = []
    for question, item in zip(quiz.questions, items):
        given = [answers[a.id][question.id] for a in firsts.values() if question.id in answers[a.id]]
        reports.append(QuestionReport(question, item, len(given), _choice_counts(question, given)))
    by_id = {r.question.id: r for r in reports}
    test = statistics.test_statistics(question_ids, marks)
    return QuizReport(
        quiz=quiz, students=len(students), attempts=len(firsts), test=test,
        histogram=statistics.score_histogram([_percent(a) for a in firsts.values()]),
        questions=reports,
        difficult=[by_id[item.question_id] for item in statistics.difficult_questions(items)],
        item_analysis=len(firsts) >= statistics.MIN_ATTEMPTS_FOR_ITEM_ANALYSIS,
    )


def _choice_counts(question, given: list[QuizAnswer]) -> list[ChoiceCount]:
    """How often each option (or, for red flags, each part) was chosen."""
    if question.keeps_order:
        return []
    counts = Counter(choice for answer in given for choice in answer.chosen)
    correct = question.correct_ids
    return [ChoiceCount(choice, counts[choice], choice in correct) for choice in question.choice_ids]


# --- topics -------------------------------------------------------------------

@dataclass(frozen=True)
class TopicSummary:
    topic: str
    quizzes: int
    attempts: int
    mean: float | None  # % over the attempts that count


def topic_summary(db: Session, classroom: Classroom, library: Library) -> list[TopicSummary]:
    students = students_of(db, classroom)
    quizzes = [library.quizzes[a.slug] for a in assignments_of(db, classroom)
               if a.kind == "quiz" and a.slug in library.quizzes]
    by_topic: dict[str, list[float]] = defaultdict(list)
    quiz_count: Counter = Counter()
    for quiz in quizzes:
        quiz_count[quiz.topic] += 1
        by_topic[quiz.topic].extend(_percent(a) for a in counted_attempts(db, classroom, students, quiz.slug).values())
    summaries = [TopicSummary(topic, quiz_count[topic], len(scores), sum(scores) / len(scores) if scores else None)
                 for topic, scores in by_topic.items()]
    return sorted(summaries, key=lambda s: (s.mean is None, s.mean if s.mean is not None else 0))


# --- one student ----------------------------------------------------------------

@dataclass
class AttemptReport:
    quiz: Quiz
    attempt: QuizAttempt
    answers: dict[str, QuizAnswer]
    counts: bool = False  # the attempt the class's rule counts for this quiz

    @property
    def percent(self) -> float:
        return _percent(self.attempt)

    @property
    def minutes(self) -> float | None:
        if not self.attempt.finished_at:
            return None
        return (as_utc(self.attempt.finished_at) - as_utc(self.attempt.started_at)).total_seconds() / 60


def student_report(db: Session, student: Student, library: Library) -> list[AttemptReport]:
    attempts = [a for a in db.exec(select(QuizAttempt).where(QuizAttempt.learner_key == student.learner_key,
                                                             QuizAttempt.context == "class",
                                                             QuizAttempt.context_id == student.class_id)
                                   .order_by(QuizAttempt.id)).all() if a.quiz_slug in library.quizzes]
    answers = answers_of(db, [a.id for a in attempts])
    classroom = db.get(Classroom, student.class_id)
    by_quiz: dict[str, list[QuizAttempt]] = defaultdict(list)
    for attempt in attempts:
        if attempt.finished_at is not None:
            by_quiz[attempt.quiz_slug].append(attempt)
    counting = {id(counted(rows, classroom.attempt_rule)) for rows in by_quiz.values()}
    return [AttemptReport(library.quizzes[a.quiz_slug], a, answers[a.id], id(a) in counting) for a in attempts]


def lesson_progress_of(db: Session, student: Student) -> dict[str, LessonProgress]:
    rows = db.exec(select(LessonProgress).where(LessonProgress.learner_key == student.learner_key)).all()
    return {row.lesson_slug: row for row in rows}
