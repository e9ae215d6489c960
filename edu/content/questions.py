"""Question types.

Each type knows its options (what a student can choose), which are right,
and which template family draws it. Scoring lives in services.scoring.
"""
from __future__ import annotations

import hashlib
from typing import Annotated, ClassVar, Literal, Union

from pydantic import Field, model_validator

from .base import LangText, Slug, Strict
from .mockups import Flag, Mockup

QUESTION_TYPES = ("single", "multiple", "true_false", "best_response", "verdict", "red_flags", "which_is_real", "ordering")


class Option(Strict):
    id: Slug
    text: LangText | None = None
    correct: bool = False
    explanation: LangText


def _unique(ids, what: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise ValueError(f"{what} id {item!r} is used twice")
        seen.add(item)


def _check_flags(mockup, flags: list[Flag], field: str) -> None:
    parts = set(mockup.part_ids()) if mockup else set()
    for flag in flags:
        if flag.part not in parts:
            known = ", ".join(mockup.part_ids()) if mockup else "none: this question has no mockup"
            raise ValueError(f"{field}: part {flag.part!r} is not in the mockup (its parts: {known})")


class _Question(Strict):
    family: ClassVar[str] = "choice"
    multiple: ClassVar[bool] = False
    keeps_order: ClassVar[bool] = False

    id: Slug
    prompt: LangText | None = None
    review_lesson: Slug | None = None
    ask_confidence: bool | None = None
    advice: LangText | None = None

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.options if o.correct)

    @property
    def choice_ids(self) -> list[str]:
        """Everything a student may pick; anything else is a forged answer."""
        return [o.id for o in self.options]

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    def form_value(self, choice_id: str) -> str:
        """How a choice is named in the page's form."""
        return choice_id

    @property
    def choices_by_form_value(self) -> dict[str, str]:
        return {self.form_value(i): i for i in self.choice_ids}


class _Clues(Strict):
    """A mockup with the clues shown on it after the answer."""

    mockup: Mockup | None = None
    red_flags: list[Flag] = []
    good_signs: list[Flag] = []

    @model_validator(mode="after")
    def _check_clues(self):
        _check_flags(self.mockup, self.red_flags, "red_flags")
        _check_flags(self.mockup, self.good_signs, "good_signs")
        return self

    @property
    def clues(self) -> list[tuple[Flag, bool]]:
        """Red flags then good signs, numbered in this order on the mockup."""
        return [(f, True) for f in self.red_flags] + [(f, False) for f in self.good_signs]


class _WithMockup(_Clues, _Question):
    """A question drawn on one mockup (optional for choice questions)."""


class ChoiceQuestion(_WithMockup):
    """single, multiple ("select all that apply") and best_response (what to do
    next: one or several right, optionally about a mockup)."""

    type: Literal["single", "multiple", "best_response"]
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _check_options(self):
        if self.prompt is None:
            raise ValueError("prompt: this field is required")
        _unique((o.id for o in self.options), "option")
        for option in self.options:
            if option.text is None:
                raise ValueError(f"option {option.id!r} has no text")
        right = sum(o.correct for o in self.options)
        if right == 0:
            raise ValueError("no option is marked correct: true")
        if self.type == "single" and right > 1:
            raise ValueError("a single-choice question has exactly one correct option; use type: multiple")
        return self

    @property
    def multiple(self) -> bool:
        return self.type == "multiple" or (self.type == "best_response" and len(self.correct_ids) > 1)


class TrueFalseQuestion(_Question):
    """Authors give the answer and one explanation per side; the two options
    are built here so scoring and templates treat every question alike."""

    type: Literal["true_false"]
    answer: bool
    explanation_true: LangText
    explanation_false: LangText

    @model_validator(mode="after")
    def _needs_prompt(self):
        if self.prompt is None:
            raise ValueError("prompt: this field is required")
        return self

    @property
    def options(self) -> list[Option]:
        return [
            Option(id="true", correct=self.answer, explanation=self.explanation_true),
            Option(id="false", correct=not self.answer, explanation=self.explanation_false),
        ]


class VerdictQuestion(_WithMockup):
    """Scam or safe? "Not sure" scores nothing and is counted apart."""

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


class RedFlagsQuestion(_WithMockup):
    """Mark the suspicious parts; scored by flags found against wrong marks."""

    family: ClassVar[str] = "red_flags"
    multiple: ClassVar[bool] = True
    type: Literal["red_flags"]
    mockup: Mockup
    red_flags: list[Flag] = Field(min_length=1)
    explanation: LangText | None = None

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(f.part for f in self.red_flags)

    @property
    def choice_ids(self) -> list[str]:
        return self.mockup.part_ids()

    def form_value(self, choice_id: str) -> str:
        return self.mockup.token(choice_id)


class Side(_Clues):
    id: Slug
    mockup: Mockup
    genuine: bool = False
    explanation: LangText


class WhichIsRealQuestion(_Question):
    """Two mockups side by side; exactly one is genuine."""

    family: ClassVar[str] = "which_is_real"
    type: Literal["which_is_real"]
    sides: list[Side] = Field(min_length=2, max_length=2)

    @model_validator(mode="after")
    def _one_genuine(self):
        _unique((s.id for s in self.sides), "side")
        genuine = sum(s.genuine for s in self.sides)
        if genuine != 1:
            raise ValueError(f"exactly one side must have genuine: true (found {genuine})")
        return self

    @property
    def options(self) -> list[Option]:
        return [Option(id=s.id, correct=s.genuine, explanation=s.explanation) for s in self.sides]

    def form_value(self, choice_id: str) -> str:
        """Sides are named by position: an author's id ("real") would tell."""
        return "ab"[[s.id for s in self.sides].index(choice_id)]


class Step(Strict):
    id: Slug
    text: LangText


class OrderingQuestion(_Question):
    """Put steps in order. Authors list them in the right order; students see
    them in a fixed shuffled order. Scored by steps in the right place."""

    family: ClassVar[str] = "ordering"
    keeps_order: ClassVar[bool] = True
    type: Literal["ordering"]
    steps: list[Step] = Field(min_length=3, max_length=9)
    explanation: LangText

    @model_validator(mode="after")
    def _check_steps(self):
        if self.prompt is None:
            raise ValueError("prompt: this field is required")
        _unique((s.id for s in self.steps), "step")
        return self

    @property
    def correct_order(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.steps)

    @property
    def choice_ids(self) -> list[str]:
        return list(self.correct_order)

    @property
    def shuffled_steps(self) -> list[Step]:
        """A stable order that is never the answer (the same on every page load,
        so a reload does not reshuffle under a student's hands)."""
        def key(step):
            return hashlib.sha256(f"{self.id}/{step.id}".encode()).hexdigest()

        shuffled = sorted(self.steps, key=key)
        if [s.id for s in shuffled] == list(self.correct_order):
            shuffled = shuffled[1:] + shuffled[:1]
        return shuffled

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)


Question = Annotated[
    Union[ChoiceQuestion, TrueFalseQuestion, VerdictQuestion, RedFlagsQuestion, WhichIsRealQuestion, OrderingQuestion],
    Field(discriminator="type"),
]
