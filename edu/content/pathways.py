"""Pathways: a suggested order of lessons for each audience, so a school, a
parents' evening or a community group knows where to start and what comes
next; and contest practice, sets drawn from the question bank the way a
contest round draws (lessons/pathways.yaml, shown on the lessons and quiz pages)."""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import SENSITIVE_TOPICS, Audience, LangText, Slug, Strict, Topic

PRACTICE_SLUG = "contest-practice-{number}"

PATHWAYS_FILE = "pathways.yaml"  # inside lessons/


class Pathway(Strict):
    audience: Audience
    intro: LangText
    lessons: list[Slug] = Field(min_length=1)


class PracticePick(Strict):
    topic: Topic
    difficulty: Literal[1, 2, 3]
    count: int = Field(ge=1, le=20)

    @model_validator(mode="after")
    def _not_sensitive(self):
        # Practice is self-serve: abuse and help topics are for a lesson with a
        # trusted adult, never for a drill.
        if self.topic in SENSITIVE_TOPICS:
            raise ValueError(f"topic {self.topic!r} is taught in a lesson, not drilled in practice")
        return self


class ContestPractice(Strict):
    """`sets` quizzes, each drawn once from the bank by the same picks with
    its own seed: fixed, so an attempt, a retake and a friend see the same
    set, and several, so practice does not become learning one list by heart."""

    title: LangText
    intro: LangText
    audience: list[Audience] = Field(min_length=1)
    youngest_age: int = Field(ge=8, le=18)  # no question written for older learners is drawn
    sets: int = Field(ge=1, le=10)
    picks: list[PracticePick] = Field(min_length=1)

    @model_validator(mode="after")
    def _numbered_title(self):
        if "{number}" not in self.title.vi or "{number}" not in self.title.en:
            raise ValueError("title must hold {number} in both languages, so each set has its own name")
        return self

    def slugs(self) -> list[str]:
        return [PRACTICE_SLUG.format(number=n) for n in range(1, self.sets + 1)]


class Pathways(Strict):
    pathways: list[Pathway] = Field(min_length=1)
    contest_practice: ContestPractice | None = None

    @model_validator(mode="after")
    def _one_per_audience(self):
        audiences = [p.audience for p in self.pathways]
        twice = sorted({a for a in audiences if audiences.count(a) > 1})
        if twice:
            raise ValueError(f"audience {twice[0]!r} has two pathways")
        return self


NO_PATHWAYS = Pathways.model_construct(pathways=[])
