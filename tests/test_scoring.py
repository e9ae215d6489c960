"""Scoring is all or nothing per question, for every question type."""
import pytest

from edu.content.questions import ChoiceQuestion, TrueFalseQuestion
from edu.services.scoring import score_answer

TEXT = {"vi": "x", "en": "x"}


def choice(kind, correct):
    return ChoiceQuestion.model_validate({
        "id": "q", "type": kind, "prompt": TEXT,
        "options": [{"id": i, "text": TEXT, "explanation": TEXT, "correct": i in correct} for i in "abc"],
    })


@pytest.mark.parametrize("chosen, right", [({"b"}, True), ({"a"}, False), ({"c"}, False)])
def test_single_choice(chosen, right):
    mark = score_answer(choice("single", "b"), frozenset(chosen))
    assert (mark.correct, mark.score) == (right, 1.0 if right else 0.0)


@pytest.mark.parametrize("chosen, right", [
    ({"a", "b"}, True), ({"a"}, False), ({"a", "b", "c"}, False), ({"c"}, False),
])
def test_multiple_choice_needs_exactly_the_right_set(chosen, right):
    assert score_answer(choice("multiple", "ab"), frozenset(chosen)).correct is right


@pytest.mark.parametrize("answer, chosen, right", [
    (True, "true", True), (True, "false", False), (False, "false", True), (False, "true", False),
])
def test_true_false(answer, chosen, right):
    question = TrueFalseQuestion.model_validate(
        {"id": "q", "type": "true_false", "prompt": TEXT, "answer": answer,
         "explanation_true": TEXT, "explanation_false": TEXT})
    assert score_answer(question, frozenset({chosen})).correct is right
