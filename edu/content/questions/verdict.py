"""Scam or safe? "Not sure" scores nothing and is counted apart."""
from __future__ import annotations

from typing import ClassVar, Literal

from ..base import LangText
from ..mockups import Mockup
from .base import Option, WithMockup


class VerdictQuestion(WithMockup):
    """The buttons keep one order (scam, safe, not sure) on every question:
    it is a scale a student learns once, not a list to shuffle."""

    family: ClassVar[str] = "verdict"
    type: Literal["verdict"]
    mockup: Mockup
    answer: Literal["scam", "safe"]
    # "scam": Scam / Safe. "abuse": Not okay / Okay, for harassment, stalking,
    # grooming... Unset: "scam" in quizzes on scams, "abuse" elsewhere.
    wording: Literal["scam", "abuse"] | None = None
    allow_unsure: bool = True
    explanation: LangText

    @property
    def options(self) -> list[Option]:
        ids = ["scam", "safe", "unsure"] if self.allow_unsure else ["scam", "safe"]
        return [Option(id=i, correct=i == self.answer, explanation=self.explanation) for i in ids]
