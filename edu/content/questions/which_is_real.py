"""Two mockups side by side; exactly one is genuine."""
from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, model_validator

from ..base import LangText, Slug
from ..mockups import Mockup
from .base import Clues, Option, Question, Shown, shuffled, unique

SIDE_NAMES = "ab"


class Side(Clues):
    id: Slug
    mockup: Mockup
    genuine: bool = False
    explanation: LangText


class WhichIsRealQuestion(Question):
    family: ClassVar[str] = "which_is_real"
    type: Literal["which_is_real"]
    sides: list[Side] = Field(min_length=2, max_length=2)

    @model_validator(mode="after")
    def _one_genuine(self):
        unique((s.id for s in self.sides), "side")
        genuine = sum(s.genuine for s in self.sides)
        if genuine != 1:
            raise ValueError(f"exactly one side must have genuine: true (found {genuine})")
        return self

    @property
    def options(self) -> list[Option]:
        return [Option(id=s.id, correct=s.genuine, explanation=s.explanation) for s in self.sides]

    def side(self, side_id: str) -> Side | None:
        return next((s for s in self.sides if s.id == side_id), None)

    def presented(self, shown: Shown) -> list[Side]:
        return shuffled(self.sides, shown.seed, self.id)

    def form_value(self, choice_id: str, shown: Shown) -> str:
        """Sides are named by where this attempt shows them ("a" on the left):
        an author's id ("real") would tell."""
        return SIDE_NAMES[[s.id for s in self.presented(shown)].index(choice_id)]
