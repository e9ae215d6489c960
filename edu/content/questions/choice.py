"""Choice questions: single, multiple ("select all that apply"),
best_response (what to do next, optionally about a mockup) and true_false."""
from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, model_validator

from ..base import LangText
from .base import Option, Question, Shown, WithMockup, shuffled, unique
from .words import N_, Phrase, Words


class _Choice(WithMockup):
    """Options written by the author, shown in a per-attempt order."""

    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _check_options(self):
        if self.prompt is None:
            raise ValueError("prompt: this field is required")
        unique((o.id for o in self.options), "option")
        for option in self.options:
            if option.text is None:
                raise ValueError(f"option {option.id!r} has no text")
        if not any(o.correct for o in self.options):
            raise ValueError("no option is marked correct: true")
        return self

    def presented(self, shown: Shown) -> list[Option]:
        return shuffled(self.options, shown.seed, self.id)

    def form_value(self, choice_id: str, shown: Shown) -> str:
        return shown.name(self.id, choice_id)


class SingleQuestion(_Choice):
    type_name: ClassVar[str] = N_("Single choice")
    type: Literal["single"]

    @model_validator(mode="after")
    def _one_right(self):
        if len(self.correct_ids) > 1:
            raise ValueError("a single-choice question has exactly one correct option; use type: multiple")
        return self


class MultipleQuestion(_Choice):
    type_name: ClassVar[str] = N_("Multiple choice")
    type: Literal["multiple"]

    @property
    def multiple(self) -> bool:
        return True


class BestResponseQuestion(_Choice):
    """What to do next: one right response, or several (then chosen like "multiple")."""

    type_name: ClassVar[str] = N_("What to do")
    type: Literal["best_response"]

    @property
    def multiple(self) -> bool:
        return len(self.correct_ids) > 1


class TrueFalseQuestion(Question):
    """Authors give the answer and one explanation per side; the two options
    are built here so reports treat every question alike. True comes first,
    always: the order of two sides gives nothing away."""

    type_name: ClassVar[str] = N_("True or false")
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

    def choice_words(self, choice_id: str, wording: str) -> Words | None:
        return {"true": Phrase(N_("True")), "false": Phrase(N_("False"))}.get(choice_id)
