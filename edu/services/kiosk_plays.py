"""A visitor's play at a kiosk: drawn, answered, finished, put on the day's board.

A play draws its questions afresh from the kiosk's pool (its quiz, or the
recognition items of every quiz), so the next visitor does not meet the same
five. Nobody at a kiosk is supervised and anyone may walk up, so the pool
leaves out questions for a teacher to talk through and questions with a
minimum age.
"""
from __future__ import annotations

from ..content import Library
from . import draws

RECOGNITION_FAMILIES = frozenset({"verdict", "red_flags", "which_is_real"})  # "is this a scam?" on a mockup


def _suits_anyone(question) -> bool:
    return not question.sensitivity and not question.min_age


def pool(library: Library, quiz_slug: str) -> list[str]:
    """References ("quiz/question") a play at this kiosk may draw, in a stable order."""
    if quiz_slug:
        quiz = library.quizzes.get(quiz_slug)
        return [draws.ref(quiz, q) for q in quiz.questions if _suits_anyone(q)] if quiz else []
    return [draws.ref(quiz, q) for slug, quiz in sorted(library.quizzes.items())
            for q in quiz.questions if q.family in RECOGNITION_FAMILIES and _suits_anyone(q)]
