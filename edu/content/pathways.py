"""Pathways: a suggested order of lessons for each audience, so a school, a
parents' evening or a community group knows where to start and what comes
next (lessons/pathways.yaml, shown on the lessons page)."""
from __future__ import annotations

from pydantic import Field, model_validator

from .base import Audience, LangText, Slug, Strict

PATHWAYS_FILE = "pathways.yaml"  # inside lessons/


class Pathway(Strict):
    audience: Audience
    intro: LangText
    lessons: list[Slug] = Field(min_length=1)


class Pathways(Strict):
    pathways: list[Pathway] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_per_audience(self):
        audiences = [p.audience for p in self.pathways]
        twice = sorted({a for a in audiences if audiences.count(a) > 1})
        if twice:
            raise ValueError(f"audience {twice[0]!r} has two pathways")
        return self


NO_PATHWAYS = Pathways.model_construct(pathways=[])
