"""Scam or safe? "Not sure" scores nothing and is counted apart."""
from __future__ import annotations

from typing import ClassVar, Literal

from ..base import LangText
from ..mockups import Mockup
from .base import Option, WithMockup
from .words import N_, Phrase, Words


class VerdictQuestion(WithMockup):
    """The buttons keep one order (scam, safe, not sure) on every question:
    it is a scale a student learns once, not a list to shuffle."""

    family: ClassVar[str] = "verdict"
    type_name: ClassVar[str] = N_("Scam or safe")
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

    @classmethod
    def default_prompt(cls, wording: str) -> str:
        return N_("Is this a scam, or is it safe?") if wording == "scam" else N_("Is this okay, or is it a warning sign?")

    def choice_words(self, choice_id: str, wording: str) -> Words | None:
        """Scam / Safe, or Not okay / Okay where the quiz is about abuse; Not sure."""
        if self.option(choice_id) is None:
            return None
        if choice_id == "unsure":
            return Phrase(N_("Not sure"))
        if wording == "scam":
            return Phrase(N_("Scam") if choice_id == "scam" else N_("Safe"))
        return Phrase(N_("Not okay") if choice_id == "scam" else N_("Okay"))
