"""Each question type on its own: it validates, reads a submitted form and
scores, and shows its options in an order fixed by the attempt's seed."""
from __future__ import annotations

import pytest
from flask_babel import gettext
from pydantic import TypeAdapter, ValidationError
from werkzeug.datastructures import MultiDict

from edu.content.questions import QUESTION_TYPES, TYPES, AnswerRejected, AnyQuestion, Shown, read_confidence

TEXT = {"vi": "x", "en": "x"}
QUESTION = TypeAdapter(AnyQuestion)
SEEDS = range(40)
KEY = "secret"


def shown(seed: int = 1) -> Shown:
    return Shown(seed, KEY)


def pick(question, *ids, seed: int = 1):
    """The form a page sends when these options are chosen."""
    return form(choice=[question.form_value(i, shown(seed)) for i in ids])
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


def test_a_type_is_its_class_and_two_templates_and_speaks_both_languages(app):
    """A new type is one class plus two templates: each registered type has its
    form and feedback templates, and a name (and, when its prompt is optional, a
    default prompt) that its class holds as a msgid the catalogue translates."""
    names = {}
    for kind, cls in zip(QUESTION_TYPES, TYPES):
        for folder in ("forms", "feedback"):
            assert app.jinja_env.get_template(f"learn/quizzes/{folder}/{kind}.html"), (kind, folder)
        msgids = [cls.type_name] + [prompt for wording in ("scam", "abuse")
                                    if (prompt := cls.default_prompt(wording)) is not None]
        for lang in ("en", "vi"):
            with app.test_request_context(f"/?lang={lang}"):
                words = [gettext(msgid) for msgid in msgids]
            assert all(words) and (words == msgids) == (lang == "en"), (kind, lang, words)
        names[kind] = cls.type_name
    assert len(set(names.values())) == len(TYPES)  # no two types under one name


# --- single, multiple, best_response -------------------------------------------

@pytest.mark.parametrize("chosen, right", [("b", True), ("a", False), ("c", False)])
def test_single_is_all_or_nothing(chosen, right):
    question = choice("single", "b")
    mark = question.score(question.read(pick(question, chosen), shown()))
    assert (mark.correct, mark.score) == (right, 1.0 if right else 0.0)


def test_single_refuses_two_answers_and_unknown_options_and_nothing():
    question = choice("single", "b")
    for bad, retry in ((pick(question, "a", "b"), False), (form(choice="b"), False), (form(), True)):
        with pytest.raises(AnswerRejected) as caught:
            question.read(bad, shown())  # form(choice="b"): an author's id is not what the page sends
        assert caught.value.retry is retry


def test_single_must_have_exactly_one_right_option():
    with pytest.raises(ValidationError, match="exactly one correct option"):
        choice("single", "ab")
    with pytest.raises(ValidationError, match="no option is marked correct"):
        choice("single", "")


@pytest.mark.parametrize("chosen, right", [(["a", "b"], True), (["a"], False), (["a", "b", "c"], False)])
def test_multiple_needs_exactly_the_right_set(chosen, right):
    question = choice("multiple", "ab")
    assert question.score(question.read(pick(question, *chosen), shown())).correct is right


def test_best_response_takes_several_answers_only_when_several_are_right():
    assert not choice("best_response", "a").multiple
    several = choice("best_response", "ac")
    assert several.multiple and several.score(several.read(pick(several, "c", "a", seed=3), shown(3))).correct


def test_options_are_shuffled_per_seed_and_stable_for_one_seed():
    question = choice("single", "b")
    orders = {tuple(o.id for o in question.presented(shown(seed))) for seed in SEEDS}
    assert len(orders) > 10  # many different orders across attempts...
    assert all(question.presented(shown(7)) == question.presented(shown(7)) for _ in range(3))  # ...one per attempt
    firsts = {question.presented(shown(seed))[0].id for seed in SEEDS}
    assert firsts == set("abcde")  # the right option is not always in one place


def test_options_are_named_in_the_page_by_nothing_an_author_wrote():
    question = choice("single", "b", ids="abcde")
    names = {question.form_value(i, shown()) for i in question.choice_ids}
    assert len(names) == 5 and not names & set("abcde") and all(n.startswith("x") for n in names)
    assert question.token(shown()) != "q" and question.form_value("b", Shown(1, "other key")) not in names


# --- true_false and verdict: fixed orders, the scale is the same every time ---------

@pytest.mark.parametrize("answer, chosen, right", [(True, "true", True), (True, "false", False), (False, "false", True)])
def test_true_false(answer, chosen, right):
    question = true_false(answer)
    assert question.score(question.read(form(choice=chosen), shown())).correct is right
    assert [o.id for o in question.presented(shown(5))] == ["true", "false"]


def test_verdict_not_sure_scores_nothing_and_can_be_left_out():
    question = verdict("scam")
    assert question.score(("unsure",)).score == 0 and question.score(("scam",)).correct
    assert [o.id for o in question.presented(shown(9))] == ["scam", "safe", "unsure"]
    with pytest.raises(AnswerRejected):
        verdict("safe", allow_unsure=False).read(form(choice="unsure"), shown())


# --- red_flags --------------------------------------------------------------------

def test_red_flags_are_named_by_position_and_scored_found_minus_wrong():
    question = red_flags("ask", "link")
    token = {part: question.form_value(part, shown()) for part in question.mockup.part_ids()}
    assert token == {"sender": "p1", "greeting": "p2", "ask": "p3", "link": "p4"}
    assert question.score(question.read(form(choice=[token["ask"], token["link"]]), shown())).correct
    assert question.score(question.read(form(choice=[token["ask"], token["greeting"]]), shown())).score == 0
    assert question.score(question.read(form(choice=[token["link"]]), shown())).score == 0.5
    with pytest.raises(AnswerRejected):
        question.read(form(choice="ask"), shown())  # an author's id is not a form value
    with pytest.raises(AnswerRejected) as nothing:
        question.read(form(), shown())
    assert nothing.value.retry and nothing.value.code == "answer.mark_a_part"


def test_red_flags_must_point_at_parts_of_the_mockup():
    with pytest.raises(ValidationError, match="not in the mockup"):
        red_flags("missing")


# --- which_is_real -------------------------------------------------------------------

def test_which_is_real_sides_are_letters_in_this_attempts_order():
    question = which_is_real()
    lefts = set()
    for seed in SEEDS:
        order = [side.id for side in question.presented(shown(seed))]
        assert [question.form_value(side, shown(seed)) for side in order] == ["a", "b"]
        real = question.form_value("bank", shown(seed))
        assert question.read(form(choice=real), shown(seed)) == ("bank",)
        lefts.add(order[0])
    assert lefts == {"copy", "bank"}  # the genuine one is sometimes left, sometimes right
    with pytest.raises(AnswerRejected):
        question.read(form(choice="bank"), shown())


def test_which_is_real_needs_exactly_one_genuine_side():
    with pytest.raises(ValidationError, match="exactly one side"):
        QUESTION.validate_python({"id": "q", "type": "which_is_real", "sides": [
            {"id": "a", "mockup": PAGE, "explanation": TEXT}, {"id": "b", "mockup": PAGE, "explanation": TEXT}]})


# --- ordering -------------------------------------------------------------------------

def numbered(question, **positions):
    return form(**{question.field(step, shown()): n for step, n in positions.items()})


def test_ordering_reads_positions_and_scores_steps_in_place():
    question = ordering()
    right = question.read(numbered(question, stop="1", call="2", keep="3", tell="4"), shown())
    assert right == ("stop", "call", "keep", "tell") and question.score(right).correct
    swapped = question.read(numbered(question, stop="1", call="2", keep="4", tell="3"), shown())
    assert question.score(swapped).score == 0.5
    assert not any("stop" in name for name in numbered(question, stop="1"))  # step ids stay off the page


def test_ordering_is_never_shown_in_the_right_order():
    question = ordering()
    orders = {tuple(s.id for s in question.presented(shown(seed))) for seed in SEEDS}
    assert question.correct_order not in orders and len(orders) > 5


@pytest.mark.parametrize("positions, retry", [
    (("1", "1", "3", "4"), True), (("1", "", "3", "4"), True), (("1", "9", "3", "4"), False),
    (("1", "x", "3", "4"), False), (("1", "²", "3", "4"), False),
])
def test_bad_orderings_are_refused(positions, retry):
    question = ordering()
    fields = dict(zip(("stop", "call", "keep", "tell"), positions))
    with pytest.raises(AnswerRejected) as caught:
        question.read(numbered(question, **fields), shown())
    assert caught.value.retry is retry


# --- confidence -------------------------------------------------------------------------

def test_confidence_levels():
    assert read_confidence(form(confidence="75")) == 75
    assert read_confidence(form()) is None
    for bad in ("99", "²", "7５"):
        with pytest.raises(AnswerRejected):
            read_confidence(form(confidence=bad))
