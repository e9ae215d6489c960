"""What every question type shares.

A question type is one class here (it validates itself, reads a submitted
form, scores the answer and says what its type, its default prompt and its
choices are called for a teacher: see words.py) plus two templates named
after its `type`: templates/learn/quizzes/forms/<type>.html and
feedback/<type>.html.

Answers are stored as the ids of what was chosen, never as positions on the
page, and the order a student sees comes from a seed kept with their
attempt: a reload, another device or an audit shows the same order.
"""
from __future__ import annotations

import hashlib
import hmac
import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from pydantic import Field, model_validator

from ...errors import CodedError
from ..base import LangText, Sensitivity, Slug, Source, Strict
from ..mockups import Flag, Mockup
from .words import AuthorText, Words

CONFIDENCE_LEVELS = (50, 75, 100)


class AnswerRejected(CodedError):
    """A bad or forged answer; nothing is stored. `retry` is True when the
    student can simply answer the same question again (they chose nothing)."""

    def __init__(self, code: str, retry: bool = False, **params):
        super().__init__(code, **params)
        self.retry = retry


def forged() -> AnswerRejected:
    """Something no one could have sent with the page: an unknown option, a
    step number out of range."""
    return AnswerRejected("answer.forged")


@dataclass(frozen=True)
class Shown:
    """How one attempt shows its quiz: the order of options comes from the
    attempt's seed, and every name the page's form uses is derived from the
    app's secret key, so no id an author wrote ("genuine-otp",
    "call-the-bank") ever reaches the browser to hint at an answer."""

    seed: int
    key: str

    def name(self, *parts: str) -> str:
        digest = hmac.new(self.key.encode(), "/".join(parts).encode(), hashlib.sha256).hexdigest()
        return "x" + digest[:10]


@dataclass(frozen=True)
class Mark:
    correct: bool
    score: float  # 0 to 1


class Option(Strict):
    id: Slug
    text: LangText | None = None
    correct: bool = False
    explanation: LangText


def unique(ids, what: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise ValueError(f"{what} id {item!r} is used twice")
        seen.add(item)


def shuffled(items: list, seed: int, salt: str) -> list:
    """`items` in the order one attempt shows them: the same for the same seed."""
    order = list(items)
    random.Random(f"{seed}/{salt}").shuffle(order)
    return order


def read_confidence(form: Mapping) -> int | None:
    raw = form.get("confidence", "")
    if raw == "":
        return None
    if raw not in {str(level) for level in CONFIDENCE_LEVELS}:
        raise AnswerRejected("answer.confidence")
    return int(raw)


class Question(Strict):
    """The fields every type has, and all-or-nothing choice behaviour that
    most types keep. Each type provides `options` (a field or a property)."""

    family: ClassVar[str] = "choice"  # the look (CSS) shared by related types
    keeps_order: ClassVar[bool] = False
    type_name: ClassVar[str]  # what a teacher's report calls the type: an N_-marked msgid

    id: Slug
    prompt: LangText | None = None
    review_lesson: Slug | None = None
    ask_confidence: bool | None = None
    advice: LangText | None = None
    # Who may get the question in self-serve practice (see Quiz.for_learner).
    min_age: int | None = Field(None, ge=6, le=99)
    sensitivity: Sensitivity | None = None
    # A scenario (a question drawn on a mockup) says what it is based on and
    # when to check it again: scams change faster than lessons.
    source: Source | None = None
    review_by: date | None = None
    # 1 easy, 2 usual, 3 hard: contest rounds draw N questions per topic and difficulty.
    difficulty: int = Field(2, ge=1, le=3)

    @property
    def multiple(self) -> bool:
        return False

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.options if o.correct)

    @property
    def choice_ids(self) -> list[str]:
        """Everything a student may pick; anything else is a forged answer."""
        return [o.id for o in self.options]

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    # --- in words, for teachers (teach/wording.py translates) ---

    @property
    def mockups(self) -> list[Mockup]:
        """What the question shows, which tells apart two questions without a prompt."""
        mockup = getattr(self, "mockup", None)
        return [mockup] if mockup else []

    @classmethod
    def default_prompt(cls, wording: str) -> str | None:
        """The prompt shown when the author wrote none, an N_-marked msgid;
        None for types that require one. `wording`: "scam" or "abuse"."""
        return None

    def choice_words(self, choice_id: str, wording: str) -> Words | None:
        """What a chosen id is; None when the question has no such choice."""
        option = self.option(choice_id)
        return AuthorText(option.text, limit=120) if option is not None and option.text is not None else None

    def answer_words(self, chosen: tuple[str, ...], seed: int) -> Words | None:
        """A whole answer, for types that say it otherwise than choice by choice."""
        return None

    def token(self, shown: Shown) -> str:
        """What the page calls this question (its hidden field, element ids)."""
        return shown.name(self.id)

    def presented(self, shown: Shown) -> list:
        """The options in the order this attempt shows them."""
        return self.options

    def form_value(self, choice_id: str, shown: Shown) -> str:
        """How a choice is named in the page's form. Here the option's own id,
        for types whose ids are their visible labels (true/false, scam/safe)."""
        return choice_id

    def read(self, form: Mapping, shown: Shown) -> tuple[str, ...]:
        """The chosen ids from a submitted form, sorted."""
        known = {self.form_value(i, shown): i for i in self.choice_ids}
        values = frozenset(form.getlist("choice"))
        if not values:
            raise AnswerRejected(self.nothing_chosen, retry=True)
        if not values <= known.keys():
            raise forged()
        if not self.multiple and len(values) > 1:
            raise AnswerRejected("answer.only_one")
        return tuple(sorted(known[value] for value in values))

    nothing_chosen: ClassVar[str] = "answer.choose"

    def form_data(self, chosen: tuple[str, ...], shown: Shown) -> list[tuple[str, str]]:
        """A stored answer as the page's form would send it: what a page that
        lets a student change their answer (a contest) fills in again."""
        return [("choice", self.form_value(choice, shown)) for choice in chosen]

    def score(self, chosen: tuple[str, ...]) -> Mark:
        """All or nothing: right only when exactly the right options are chosen."""
        correct = frozenset(chosen) == self.correct_ids
        return Mark(correct=correct, score=1.0 if correct else 0.0)


def check_flags(mockup, flags: list[Flag], field: str) -> None:
    parts = set(mockup.part_ids()) if mockup else set()
    for flag in flags:
        if flag.part not in parts:
            known = ", ".join(mockup.part_ids()) if mockup else "none: this question has no mockup"
            raise ValueError(f"{field}: part {flag.part!r} is not in the mockup (its parts: {known})")


class Clues(Strict):
    """A mockup with the clues shown on it after the answer."""

    mockup: Mockup | None = None
    red_flags: list[Flag] = []
    good_signs: list[Flag] = []

    @model_validator(mode="after")
    def _check_clues(self):
        check_flags(self.mockup, self.red_flags, "red_flags")
        check_flags(self.mockup, self.good_signs, "good_signs")
        return self

    @property
    def clues(self) -> list[tuple[Flag, bool]]:
        """Red flags then good signs, numbered in this order on the mockup."""
        return [(f, True) for f in self.red_flags] + [(f, False) for f in self.good_signs]


class WithMockup(Clues, Question):
    """A question drawn on one mockup (optional for choice questions)."""
