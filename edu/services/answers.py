"""Reading a submitted answer from a form, for every question type.

Anything a student could not have produced with the page (an unknown option,
a step number out of range, an unknown confidence level) is a forged answer
and is refused; a merely incomplete answer can be retried.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .errors import AnswerRejected

CONFIDENCE_LEVELS = (50, 75, 100)


@dataclass(frozen=True)
class Submitted:
    chosen: tuple[str, ...]
    confidence: int | None

    @property
    def encoded(self) -> str:
        return ",".join(self.chosen)


def _forged() -> AnswerRejected:
    return AnswerRejected("answer.forged")


def _read_order(question, form: Mapping) -> tuple[str, ...]:
    count = len(question.steps)
    positions: dict[str, int] = {}
    for step in question.steps:
        raw = form.get(f"position-{step.id}", "")
        if raw == "":
            raise AnswerRejected("answer.number_every_step", retry=True)
        if not raw.isdigit() or not 1 <= int(raw) <= count:
            raise _forged()
        positions[step.id] = int(raw)
    if len(set(positions.values())) != count:
        raise AnswerRejected("answer.different_numbers", retry=True)
    return tuple(sorted(positions, key=positions.__getitem__))


def _read_choices(question, form: Mapping) -> tuple[str, ...]:
    values = frozenset(form.getlist("choice"))
    if not values:
        if question.type == "red_flags":
            raise AnswerRejected("answer.mark_a_part", retry=True)
        raise AnswerRejected("answer.choose", retry=True)
    known = question.choices_by_form_value
    if not values <= known.keys():
        raise _forged()
    chosen = {known[value] for value in values}
    if not question.multiple and len(chosen) > 1:
        raise AnswerRejected("answer.only_one")
    return tuple(sorted(chosen))


def _read_confidence(form: Mapping) -> int | None:
    raw = form.get("confidence", "")
    if raw == "":
        return None
    if not raw.isdigit() or int(raw) not in CONFIDENCE_LEVELS:
        raise AnswerRejected("answer.confidence")
    return int(raw)


def read_answer(question, form: Mapping) -> Submitted:
    chosen = _read_order(question, form) if question.keeps_order else _read_choices(question, form)
    return Submitted(chosen=chosen, confidence=_read_confidence(form))
