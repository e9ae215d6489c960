"""Marks for one answer. Server-side only: the browser never sees a key."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mark:
    correct: bool
    score: float


def score_answer(question, chosen: frozenset[str]) -> Mark:
    """Single, true/false and "select all that apply" questions are all or
    nothing: right only when exactly the correct options are chosen."""
    correct = chosen == question.correct_ids
    return Mark(correct=correct, score=1.0 if correct else 0.0)
