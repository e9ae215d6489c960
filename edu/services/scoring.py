"""Marks for one answer. Server-side only: the browser never sees a key."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mark:
    correct: bool
    score: float  # 0 to 1


def score_answer(question, chosen: tuple[str, ...]) -> Mark:
    """How much one answer is worth.

    - red_flags: (flags found - wrong marks) / flags, never below zero;
    - ordering: the share of steps in their right place;
    - every other type is all or nothing: right only when exactly the right
      options are chosen ("not sure" on a verdict is simply not right).
    """
    if question.type == "red_flags":
        flags = question.correct_ids
        found = len(flags.intersection(chosen))
        wrong = len(set(chosen) - flags)
        return Mark(correct=found == len(flags) and wrong == 0, score=max(0, found - wrong) / len(flags))
    if question.keeps_order:
        in_place = sum(given == right for given, right in zip(chosen, question.correct_order))
        return Mark(correct=in_place == len(question.correct_order), score=in_place / len(question.correct_order))
    correct = frozenset(chosen) == question.correct_ids
    return Mark(correct=correct, score=1.0 if correct else 0.0)
