"""Put steps in order. Authors list them in the right order; each attempt
shows them in its own shuffled order, never the answer."""
from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Literal

from pydantic import Field, model_validator

from ..base import LangText, Slug, Strict
from .base import AnswerRejected, Mark, Question, Shown, forged, shuffled, unique
from .words import N_, AuthorText, Words


class Step(Strict):
    id: Slug
    text: LangText


class OrderingQuestion(Question):
    family: ClassVar[str] = "ordering"
    type_name: ClassVar[str] = N_("Put in order")
    keeps_order: ClassVar[bool] = True
    type: Literal["ordering"]
    steps: list[Step] = Field(min_length=3, max_length=9)
    explanation: LangText
    # Why no two steps could swap; `content check` asks for it, because an
    # order that is only the author's preference measures nothing.
    fixed_because: LangText | None = None

    @model_validator(mode="after")
    def _check_steps(self):
        if self.prompt is None:
            raise ValueError("prompt: this field is required")
        unique((s.id for s in self.steps), "step")
        return self

    @property
    def correct_order(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.steps)

    @property
    def choice_ids(self) -> list[str]:
        return list(self.correct_order)

    def presented(self, shown: Shown) -> list[Step]:
        order = shuffled(self.steps, shown.seed, self.id)
        if [s.id for s in order] == list(self.correct_order):
            order = order[1:] + order[:1]
        return order

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def choice_words(self, choice_id: str, wording: str) -> Words | None:
        step = self.step(choice_id)
        return AuthorText(step.text) if step else None

    def field(self, step_id: str, shown: Shown) -> str:
        """The name of a step's number field."""
        return "position-" + shown.name(self.id, step_id)

    def read(self, form: Mapping, shown: Shown) -> tuple[str, ...]:
        """Step ids in the order the student numbered them."""
        count = len(self.steps)
        positions: dict[str, int] = {}
        for step in self.steps:
            raw = form.get(self.field(step.id, shown), "")
            if raw == "":
                raise AnswerRejected("answer.number_every_step", retry=True)
            if raw not in {str(n) for n in range(1, count + 1)}:
                raise forged()
            positions[step.id] = int(raw)
        if len(set(positions.values())) != count:
            numbers = ", ".join(str(n) for n in sorted(self.repeated(form, shown), key=int))
            raise AnswerRejected("answer.different_numbers", retry=True, numbers=numbers)
        return tuple(sorted(positions, key=positions.__getitem__))

    def form_data(self, chosen: tuple[str, ...], shown: Shown) -> list[tuple[str, str]]:
        return [(self.field(step, shown), str(number)) for number, step in enumerate(chosen, start=1)]

    def repeated(self, form: Mapping, shown: Shown) -> set[str]:
        """The numbers given to more than one step, so the page can mark them."""
        given = [form.get(self.field(step.id, shown), "") for step in self.steps]
        return {n for n in given if n and given.count(n) > 1}

    def score(self, chosen: tuple[str, ...]) -> Mark:
        """The share of steps in their right place."""
        in_place = sum(given == right for given, right in zip(chosen, self.correct_order))
        return Mark(correct=in_place == len(self.correct_order), score=in_place / len(self.correct_order))
