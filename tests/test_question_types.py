"""Each question type on its own: it validates, reads a submitted form and
scores, and shows its options in an order fixed by the attempt's seed."""
from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError
from werkzeug.datastructures import MultiDict

from edu.content.questions import TYPES, AnswerRejected, AnyQuestion, read_confidence

TEXT = {"vi": "x", "en": "x"}
QUESTION = TypeAdapter(AnyQuestion)
SEEDS = range(40)
SMS = {"kind": "sms", "sender": "Bank", "messages": [
    {"id": "greeting", "text": TEXT}, {"id": "ask", "text": TEXT}, {"id": "link", "text": TEXT}]}
PAGE = {"kind": "web", "address": "bank.example", "title": TEXT, "blocks": [{"id": "body", "text": TEXT}]}


def form(**fields) -> MultiDict:
    return MultiDict([(k, v) for k, values in fields.items() for v in (values if isinstance(values, list) else [values])])


def choice(kind: str, correct: str, ids: str = "abcde"):
    return QUESTION.validate_python({"id": "q", "type": kind, "prompt": TEXT, "options": [
        {"id": i, "text": TEXT, "explanation": TEXT, "correct": i in correct} for i in ids]})


def true_false(answer: bool):
    return QUESTION.validate_python({"id": "q", "type": "true_false", "prompt": TEXT, "answer": answer,
                                     "explanation_true": TEXT, "explanation_false": TEXT})


def verdict(answer: str, allow_unsure: bool = True):
    return QUESTION.validate_python({"id": "q", "type": "verdict", "mockup": SMS, "answer": answer,
                                     "allow_unsure": allow_unsure, "explanation": TEXT})


def red_flags(*parts: str):
    return QUESTION.validate_python({"id": "q", "type": "red_flags", "mockup": SMS,
                                     "red_flags": [{"part": p, "explanation": TEXT} for p in parts]})


def which_is_real():
    return QUESTION.validate_python({"id": "q", "type": "which_is_real", "sides": [
        {"id": "copy", "mockup": PAGE, "explanation": TEXT},
        {"id": "bank", "mockup": PAGE, "genuine": True, "explanation": TEXT}]})


def ordering():
    return QUESTION.validate_python({"id": "q", "type": "ordering", "prompt": TEXT, "explanation": TEXT,
                                     "steps": [{"id": s, "text": TEXT} for s in ("stop", "call", "keep", "tell")]})


def test_every_type_is_one_registered_class():
    assert [t.model_fields["type"].annotation.__args__[0] for t in TYPES] == [
        "single", "multiple", "true_false", "best_response", "verdict", "red_flags", "which_is_real", "ordering"]


# --- single, multiple, best_response -------------------------------------------

@pytest.mark.parametrize("chosen, right", [("b", True), ("a", False), ("c", False)])
def test_single_is_all_or_nothing(chosen, right):
    question = choice("single", "b")
    mark = question.score(question.read(form(choice=chosen), seed=1))
    assert (mark.correct, mark.score) == (right, 1.0 if right else 0.0)


def test_single_refuses_two_answers_and_unknown_options_and_nothing():
    question = choice("single", "b")
    for bad, retry in ((form(choice=["a", "b"]), False), (form(choice="z"), False), (form(), True)):
        with pytest.raises(AnswerRejected) as caught:
            question.read(bad, seed=1)
        assert caught.value.retry is retry


def test_single_must_have_exactly_one_right_option():
    with pytest.raises(ValidationError, match="exactly one correct option"):
        choice("single", "ab")
    with pytest.raises(ValidationError, match="no option is marked correct"):
        choice("single", "")


@pytest.mark.parametrize("chosen, right", [(["a", "b"], True), (["a"], False), (["a", "b", "c"], False)])
def test_multiple_needs_exactly_the_right_set(chosen, right):
    question = choice("multiple", "ab")
    assert question.score(question.read(form(choice=chosen), seed=1)).correct is right


def test_best_response_takes_several_answers_only_when_several_are_right():
    assert not choice("best_response", "a").multiple
    several = choice("best_response", "ac")
    assert several.multiple and several.score(several.read(form(choice=["c", "a"]), seed=3)).correct


def test_options_are_shuffled_per_seed_and_stable_for_one_seed():
    question = choice("single", "b")
    orders = {tuple(o.id for o in question.presented(seed)) for seed in SEEDS}
    assert len(orders) > 10  # many different orders across attempts...
    assert all(question.presented(7) == question.presented(7) for _ in range(3))  # ...one order per attempt
    firsts = {question.presented(seed)[0].id for seed in SEEDS}
    assert firsts == set("abcde")  # the right option is not always in one place


# --- true_false and verdict: fixed orders, the scale is the same every time ---------

@pytest.mark.parametrize("answer, chosen, right", [(True, "true", True), (True, "false", False), (False, "false", True)])
def test_true_false(answer, chosen, right):
    question = true_false(answer)
    assert question.score(question.read(form(choice=chosen), seed=1)).correct is right
    assert [o.id for o in question.presented(5)] == ["true", "false"]


def test_verdict_not_sure_scores_nothing_and_can_be_left_out():
    question = verdict("scam")
    assert question.score(("unsure",)).score == 0 and question.score(("scam",)).correct
    assert [o.id for o in question.presented(9)] == ["scam", "safe", "unsure"]
    with pytest.raises(AnswerRejected):
        verdict("safe", allow_unsure=False).read(form(choice="unsure"), seed=1)


# --- red_flags --------------------------------------------------------------------

def test_red_flags_are_named_by_position_and_scored_found_minus_wrong():
    question = red_flags("ask", "link")
    token = {part: question.form_value(part) for part in question.mockup.part_ids()}
    assert token == {"sender": "p1", "greeting": "p2", "ask": "p3", "link": "p4"}
    assert question.score(question.read(form(choice=[token["ask"], token["link"]]), seed=1)).correct
    assert question.score(question.read(form(choice=[token["ask"], token["greeting"]]), seed=1)).score == 0
    assert question.score(question.read(form(choice=[token["link"]]), seed=1)).score == 0.5
    with pytest.raises(AnswerRejected):
        question.read(form(choice="ask"), seed=1)  # an author's id is not a form value
    with pytest.raises(AnswerRejected) as nothing:
        question.read(form(), seed=1)
    assert nothing.value.retry and nothing.value.code == "answer.mark_a_part"


def test_red_flags_must_point_at_parts_of_the_mockup():
    with pytest.raises(ValidationError, match="not in the mockup"):
        red_flags("missing")


# --- which_is_real -------------------------------------------------------------------

def test_which_is_real_sides_are_letters_in_this_attempts_order():
    question = which_is_real()
    lefts = set()
    for seed in SEEDS:
        shown = [side.id for side in question.presented(seed)]
        assert [question.form_value(side, seed) for side in shown] == ["a", "b"]
        real = question.form_value("bank", seed)
        assert question.read(form(choice=real), seed) == ("bank",)
        lefts.add(shown[0])
    assert lefts == {"copy", "bank"}  # the genuine one is sometimes left, sometimes right
    with pytest.raises(AnswerRejected):
        question.read(form(choice="bank"), seed=1)


def test_which_is_real_needs_exactly_one_genuine_side():
    with pytest.raises(ValidationError, match="exactly one side"):
        QUESTION.validate_python({"id": "q", "type": "which_is_real", "sides": [
            {"id": "a", "mockup": PAGE, "explanation": TEXT}, {"id": "b", "mockup": PAGE, "explanation": TEXT}]})


# --- ordering -------------------------------------------------------------------------

def test_ordering_reads_positions_and_scores_steps_in_place():
    question = ordering()
    right = question.read(form(**{"position-stop": "1", "position-call": "2", "position-keep": "3", "position-tell": "4"}), 1)
    assert right == ("stop", "call", "keep", "tell") and question.score(right).correct
    swapped = question.read(form(**{"position-stop": "1", "position-call": "2", "position-keep": "4", "position-tell": "3"}), 1)
    assert question.score(swapped).score == 0.5


def test_ordering_is_never_shown_in_the_right_order():
    question = ordering()
    orders = {tuple(s.id for s in question.presented(seed)) for seed in SEEDS}
    assert question.correct_order not in orders and len(orders) > 5


@pytest.mark.parametrize("positions, retry", [
    (("1", "1", "3", "4"), True), (("1", "", "3", "4"), True), (("1", "9", "3", "4"), False),
    (("1", "x", "3", "4"), False), (("1", "²", "3", "4"), False),
])
def test_bad_orderings_are_refused(positions, retry):
    fields = {f"position-{step}": value for step, value in zip(("stop", "call", "keep", "tell"), positions)}
    with pytest.raises(AnswerRejected) as caught:
        ordering().read(form(**fields), seed=1)
    assert caught.value.retry is retry


# --- confidence -------------------------------------------------------------------------

def test_confidence_levels():
    assert read_confidence(form(confidence="75")) == 75
    assert read_confidence(form()) is None
    for bad in ("99", "²", "7５"):
        with pytest.raises(AnswerRejected):
            read_confidence(form(confidence=bad))
