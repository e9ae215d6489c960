"""Two mockups side by side; exactly one is genuine."""
from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, model_validator

from ..base import LangText, Slug
from ..mockups import Mockup
from .base import Clues, Option, Question, Shown, shuffled, unique
from .words import N_, MockupName, Phrase, Words

SIDE_NAMES = "ab"


class Side(Clues):
    id: Slug
    mockup: Mockup
    genuine: bool = False
    explanation: LangText


class WhichIsRealQuestion(Question):
    family: ClassVar[str] = "which_is_real"
    type_name: ClassVar[str] = N_("Which is real")
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

    @property
    def mockups(self) -> list[Mockup]:
        return [side.mockup for side in self.sides]

    @classmethod
    def default_prompt(cls, wording: str) -> str:
        return N_("One of these is genuine. Which one?")

    def choice_words(self, choice_id: str, wording: str) -> Words | None:
        side = self.side(choice_id)
        if side is None:
            return None
        label = {"label": MockupName(side.mockup)}
        return Phrase(N_("The genuine one (%(label)s)") if side.genuine else N_("The fake one (%(label)s)"), label)

    def answer_words(self, chosen: tuple[str, ...], seed: int) -> Words | None:
        """The side as the student's page showed it (the seed fixes which was A),
        and whether it was the genuine one."""
        order = [s.id for s in self.presented(Shown(seed, ""))]
        side = self.side(chosen[0]) if chosen else None
        if side is None or side.id not in order:
            return None
        letter = {"letter": "AB"[order.index(side.id)]}
        return Phrase(N_("Example %(letter)s (genuine)") if side.genuine else N_("Example %(letter)s (not genuine)"), letter)
