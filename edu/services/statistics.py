"""Item and test statistics for a quiz, with Moodle's definitions, so teachers
can see which questions are too hard or do not tell strong students from weak.

Input: the quiz's ordered question ids and one dict {question_id: mark} per
attempt, marks in [0, 1] (max mark 1). A question missing from an attempt
counts as 0. Callers pass one finished attempt per student, the one their
class's rule counts (the first by default, as in Moodle: later attempts are
practice and would skew the numbers).
"""
from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

# Below this a correlation is noise; Moodle-style reports show nothing instead.
MIN_ATTEMPTS_FOR_ITEM_ANALYSIS = 5


@dataclass(frozen=True)
class ItemStats:
    question_id: str
    attempts: int
    facility: float | None  # % of the max mark; None with no attempts
    discrimination: float | None  # 100 * r(item, rest of total); None when not meaningful
    needs_checking: str | None  # "very likely", "likely", "unlikely"; None with no discrimination

    @property
    def negative(self) -> bool:
        """A red flag: students who do well on the rest tend to get this one wrong."""
        return self.discrimination is not None and self.discrimination < 0


@dataclass(frozen=True)
class TestStats:
    __test__ = False  # not a pytest test class, despite the name

    attempts: int
    max_score: int  # number of questions (each worth 1)
    mean: float | None  # % of max_score
    median: float | None  # % of max_score
    sd: float | None  # sample SD (n-1), % of max_score
    alpha: float | None  # Cronbach's alpha


def _marks(question_id: str, attempts: list[dict[str, float]]) -> list[float]:
    return [float(attempt.get(question_id, 0.0)) for attempt in attempts]


def _constant(values: list[float]) -> bool:
    """Zero variance, tested exactly: no float noise can pass for a spread."""
    return len(set(values)) < 2


def _discrimination(marks: list[float], rests: list[float]) -> float | None:
    """Correlate with the rest of the total, not the total: the total contains the
    item itself, which would inflate the correlation, most of all on short quizzes."""
    if len(marks) < MIN_ATTEMPTS_FOR_ITEM_ANALYSIS or _constant(marks) or _constant(rests):
        return None
    return 100 * statistics.correlation(marks, rests)


def needs_checking_for(discrimination: float | None) -> str | None:
    """Moodle's bands; a negative index falls in "very likely" and is the worst case."""
    if discrimination is None:
        return None
    if discrimination < 30:
        return "very likely"
    if discrimination < 50:
        return "likely"
    return "unlikely"


def item_statistics(question_ids: list[str], attempts: list[dict[str, float]]) -> list[ItemStats]:
    """One ItemStats per question, in quiz order."""
    marks = {qid: _marks(qid, attempts) for qid in question_ids}
    result = []
    for qid in question_ids:
        # Sum the other items directly rather than total minus this item, so equal
        # rests are exactly equal and the zero-variance check is reliable.
        rests = [math.fsum(marks[other][i] for other in question_ids if other != qid)
                 for i in range(len(attempts))]
        discrimination = _discrimination(marks[qid], rests)
        result.append(ItemStats(
            question_id=qid,
            attempts=len(attempts),
            facility=100 * statistics.fmean(marks[qid]) if attempts else None,
            discrimination=discrimination,
            needs_checking=needs_checking_for(discrimination),
        ))
    return result


def _alpha(question_ids: list[str], attempts: list[dict[str, float]], totals: list[float]) -> float | None:
    """Cronbach's alpha: how consistently the questions measure the same thing.
    Like the other indexes, it waits for enough attempts to mean something."""
    p = len(question_ids)
    if len(attempts) < MIN_ATTEMPTS_FOR_ITEM_ANALYSIS or p < 2 or _constant(totals):
        return None
    item_variance = math.fsum(statistics.variance(_marks(qid, attempts)) for qid in question_ids)
    return p / (p - 1) * (1 - item_variance / statistics.variance(totals))


def test_statistics(question_ids: list[str], attempts: list[dict[str, float]]) -> TestStats:
    """Whole-quiz figures, as % of the max score so quizzes of any length compare."""
    p = len(question_ids)
    totals = [math.fsum(attempt.get(qid, 0.0) for qid in question_ids) for attempt in attempts]
    scored = bool(totals) and p > 0  # an empty quiz has no percentages to give

    def percent(value: float) -> float:
        return 100 * value / p

    return TestStats(
        attempts=len(attempts),
        max_score=p,
        mean=percent(statistics.fmean(totals)) if scored else None,
        median=percent(statistics.median(totals)) if scored else None,
        sd=percent(statistics.stdev(totals)) if scored and len(totals) >= 2 else None,
        alpha=_alpha(question_ids, attempts, totals),
    )


test_statistics.__test__ = False  # not a pytest test, despite the name


def score_histogram(percentages: list[float], bins: int = 10) -> list[int]:
    """Counts per equal band of 0-100; 100 itself goes in the last band, and
    values outside 0-100 are clamped so every attempt is counted somewhere."""
    if bins < 1:
        raise ValueError("bins must be at least 1")
    counts = [0] * bins
    for value in percentages:
        clamped = min(max(value, 0.0), 100.0)
        counts[min(int(clamped * bins / 100), bins - 1)] += 1
    return counts


def difficult_questions(items: list[ItemStats], threshold: float = 80.0) -> list[ItemStats]:
    """Kolibri's list: facility under the threshold, hardest first. The sort is
    stable, so ties keep quiz order; questions nobody attempted are left out."""
    hard = [item for item in items if item.facility is not None and item.facility < threshold]
    return sorted(hard, key=lambda item: item.facility)
