"""Mark the suspicious parts of a mockup."""
from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from ..base import LangText
from ..mockups import Flag, Mockup
from .base import Mark, Shown, WithMockup
from .words import N_, MockupPart, Words


class RedFlagsQuestion(WithMockup):
    family: ClassVar[str] = "red_flags"
    type_name: ClassVar[str] = N_("Warning signs")
    nothing_chosen: ClassVar[str] = "answer.mark_a_part"
    type: Literal["red_flags"]
    mockup: Mockup
    red_flags: list[Flag] = Field(min_length=1)
    explanation: LangText | None = None

    @property
    def multiple(self) -> bool:
        return True

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(f.part for f in self.red_flags)

    @property
    def choice_ids(self) -> list[str]:
        return self.mockup.part_ids()

    def form_value(self, choice_id: str, shown: Shown) -> str:
        """Parts are named by position in the mockup (p1, p2, ...): neutral."""
        return self.mockup.token(choice_id)

    @classmethod
    def default_prompt(cls, wording: str) -> str:
        return N_("Which parts of this are warning signs? Mark every one.")

    def choice_words(self, choice_id: str, wording: str) -> Words:
        return MockupPart(self.mockup, choice_id)

    def score(self, chosen: tuple[str, ...]) -> Mark:
        """(flags found - wrong marks) / flags, never below zero: marking
        everything is not a strategy."""
        flags = self.correct_ids
        found = len(flags.intersection(chosen))
        wrong = len(set(chosen) - flags)
        return Mark(correct=found == len(flags) and wrong == 0, score=max(0, found - wrong) / len(flags))
