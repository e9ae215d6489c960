"""What a finished attempt tells the student: each question reviewed, the
lessons to read again, how well their confidence matched their answers."""
from __future__ import annotations

from dataclasses import dataclass

from ..content import Quiz
from ..content.questions import CONFIDENCE_LEVELS
from ..models import QuizAnswer


@dataclass(frozen=True)
class ReviewedQuestion:
    question: object
    answer: QuizAnswer | None


def review(quiz: Quiz, answers: dict[str, QuizAnswer]) -> list[ReviewedQuestion]:
    return [ReviewedQuestion(q, answers.get(q.id)) for q in quiz.questions]


def lessons_to_review(quiz: Quiz, answers: dict[str, QuizAnswer]) -> tuple[list[str], list[str]]:
    """(lessons behind the questions got wrong, the quiz's other related lessons)."""
    missed: list[str] = []
    for question in quiz.questions:
        answer = answers.get(question.id)
        if question.review_lesson and answer and not answer.is_correct and question.review_lesson not in missed:
            missed.append(question.review_lesson)
    related = [slug for slug in quiz.related_lessons if slug not in missed]
    return missed, related


@dataclass(frozen=True)
class ConfidenceRow:
    level: int
    answered: int
    right: int

    @property
    def share(self) -> float:
        return self.right / self.answered


def confidence_summary(answers: dict[str, QuizAnswer]) -> list[ConfidenceRow]:
    """How often the student was right at each "how sure are you?" level."""
    rows = []
    for level in CONFIDENCE_LEVELS:
        rated = [a for a in answers.values() if a.confidence == level]
        if rated:
            rows.append(ConfidenceRow(level, len(rated), sum(a.is_correct for a in rated)))
    return rows


def unsure_count(answers: dict[str, QuizAnswer]) -> int:
    return sum(a.choice == "unsure" for a in answers.values())
