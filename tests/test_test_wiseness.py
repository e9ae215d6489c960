"""A simulated class of test-wise students takes every shipped quiz: each
answers by position (always the first, second or last choice shown) or by
length (always the longest or shortest option), on the order the app really
shows them (a fresh seed per attempt). Scored by the app's own marking and
summarised by the teachers' item statistics, no strategy beats what a student
guessing at random reaches by luck one time in twenty.

The simulation is seeded: the same students every run."""
from __future__ import annotations

import random
import statistics

import pytest

from edu.config import REPO_ROOT
from edu.content import load_library
from edu.content.questions import Shown
from edu.services.statistics import item_statistics, test_statistics

pytestmark = pytest.mark.database_independent  # content and scoring only

STRATEGIES = ("first", "second", "last", "longest", "shortest")


def answerable_by(strategy: str, questions) -> list:
    """The questions a strategy can be used on: length needs options with text."""
    if strategy in ("longest", "shortest"):
        return [q for q in questions if q.type in ("single", "multiple", "best_response")]
    return list(questions)
CLASS_SIZE = 400
FIXED_ORDER_MARGIN = 10  # percentage points: content check's 40-60% true/false balance


def strategy_answer(question, shown: Shown, strategy: str) -> tuple[str, ...]:
    """What a student answering by `strategy` submits (authors' ids, as the app stores them)."""
    if question.type == "ordering":
        return tuple(step.id for step in question.presented(shown))  # numbers the steps as they come
    if question.type == "red_flags":
        parts = question.mockup.part_ids()
        return (parts[-1] if strategy == "last" else parts[0],)
    options = question.options
    if strategy in ("longest", "shortest"):
        choose = max if strategy == "longest" else min
        return (choose(options, key=lambda o: len(o.text.get("vi"))).id,)
    shown_ids = [item.id for item in question.presented(shown) if item.id != "unsure"]
    return (shown_ids[{"first": 0, "second": 1, "last": -1}.get(strategy, 0)],)


def guess(question, rng: random.Random) -> tuple[str, ...]:
    """A student who knows nothing: one choice at random ("not sure" is not a guess)."""
    if question.type == "ordering":
        return tuple(rng.sample(question.correct_order, len(question.steps)))
    return (rng.choice([i for i in question.choice_ids if i != "unsure"]),)


def simulated_class(questions, answer) -> list[dict[str, float]]:
    rng = random.Random(2026)
    attempts = []
    for _ in range(CLASS_SIZE):
        shown = Shown(rng.randrange(2**31), "simulated")
        attempts.append({q.id: q.score(answer(q, shown, rng)).score for q in questions})
    return attempts


def luck_ceiling(questions) -> float:
    """The score (%) random guessing beats only one time in twenty."""
    question_ids = [q.id for q in questions]
    totals = sorted(100 * sum(a.values()) / len(question_ids)
                    for a in simulated_class(questions, lambda q, shown, rng: guess(q, rng)))
    return totals[int(0.95 * len(totals))]


def class_mean(questions, strategy: str) -> float:
    attempts = simulated_class(questions, lambda q, shown, rng: strategy_answer(q, shown, strategy))
    return test_statistics([q.id for q in questions], attempts).mean


@pytest.fixture(scope="module")
def shipped():
    return load_library(REPO_ROOT, media_url=lambda slug, name: name, callout_titles={"vi": {}, "en": {}})


def beaten_by(questions) -> list[str]:
    """The strategies that score above what luck reaches on the questions they apply to."""
    beaten = []
    for strategy in STRATEGIES:
        items = answerable_by(strategy, questions)
        if items:
            mean, ceiling = class_mean(items, strategy), luck_ceiling(items)
            if mean > ceiling:
                beaten.append(f"always {strategy}: {mean:.0f}% on {len(items)} questions (luck reaches {ceiling:.0f}%)")
    return beaten


def test_no_strategy_beats_luck_on_any_quiz(shipped):
    assert {quiz.slug: beaten_by(quiz.questions) for quiz in shipped.authored_quizzes() if beaten_by(quiz.questions)} == {}


def test_no_strategy_beats_luck_over_all_the_content(shipped):
    """Over every question the luck band is narrow: a small bias would show.
    Types whose buttons keep one order (true/false, scam/safe) are also taken
    alone: there "always false" or "always safe" is not shuffled away, so it
    may beat a coin by no more than the 40-60% balance content check allows."""
    # Named as a contest draw names them ("quiz/question"): ids are unique within a quiz only.
    questions = [q.model_copy(update={"id": f"{quiz.slug}/{q.id}"}) for quiz in shipped.authored_quizzes()
                 for q in quiz.questions]
    assert beaten_by(questions) == []
    for kind in ("true_false", "verdict"):
        items = [q for q in questions if q.type == kind]
        for strategy in ("first", "second"):
            assert class_mean(items, strategy) <= 50 + FIXED_ORDER_MARGIN, (kind, strategy)


def test_answering_by_position_is_exactly_chance_on_shuffled_items(shipped):
    """Where the app shuffles, item statistics for "always the first" sit at chance."""
    for quiz in shipped.authored_quizzes():
        shuffled = [q for q in quiz.questions if q.type in ("single", "best_response", "which_is_real")
                    and len(q.correct_ids) == 1]
        if not shuffled:
            continue
        attempts = simulated_class(shuffled, lambda q, shown, rng: strategy_answer(q, shown, "first"))
        facility = statistics.mean(item.facility for item in item_statistics([q.id for q in shuffled], attempts))
        chance = 100 * statistics.mean(1 / len(q.options) for q in shuffled)
        assert abs(facility - chance) < 5, (quiz.slug, facility, chance)


def test_the_simulation_catches_a_test_wise_quiz(shipped):
    """The check can fail: make every right option the longest, or every
    true/false key "false", and those strategies leave luck far behind."""
    questions = [q for quiz in shipped.authored_quizzes() for q in quiz.questions]
    singles = [q for q in questions if q.type in ("single", "best_response") and len(q.correct_ids) == 1]
    longest_right = []
    for question in singles:
        wrong_max = max(len(o.text.vi) for o in question.options if not o.correct)
        options = [o.model_copy(update={"text": o.text.model_copy(update={"vi": "x" * (wrong_max + 5)})})
                   if o.correct else o for o in question.options]
        longest_right.append(question.model_copy(update={"options": options}))
    assert class_mean(longest_right, "longest") == 100 > luck_ceiling(longest_right)
    all_false = [q.model_copy(update={"answer": False}) for q in questions if q.type == "true_false"]
    assert class_mean(all_false, "second") == 100 > luck_ceiling(all_false)
    three_in_four_false = [q.model_copy(update={"answer": i % 4 == 0}) for i, q in enumerate(all_false)]
    assert class_mean(three_in_four_false, "second") > 50 + FIXED_ORDER_MARGIN  # the review's 75% "always false"
