"""Teacher notes: a printable page for the teacher who runs a lesson in class
(lessons/<slug>/teacher-notes.yaml): goals, a 45-minute plan, discussion
questions, a class activity, what to do if a student discloses, and a
take-home card for families, in both languages."""
from __future__ import annotations

from pydantic import Field, model_validator

from .base import LangText, Strict

NOTES_FILE = "teacher-notes.yaml"  # inside a lesson's folder
PERIOD_MINUTES = 45  # a Vietnamese class period
TAKE_HOME_MAX = 600  # characters: a card a family reads at the table


class Step(Strict):
    minutes: int = Field(ge=1, le=PERIOD_MINUTES)
    what: LangText


class TeacherNotes(Strict):
    goals: list[LangText] = Field(min_length=2, max_length=4)
    plan: list[Step] = Field(min_length=2)
    discussion: list[LangText] = Field(min_length=3, max_length=5)
    activity: LangText
    disclosure: LangText
    take_home: LangText

    @model_validator(mode="after")
    def _fits(self):
        total = sum(step.minutes for step in self.plan)
        if total != PERIOD_MINUTES:
            raise ValueError(f"the plan's minutes add up to {total}, not {PERIOD_MINUTES}")
        for lang in ("vi", "en"):
            if len(self.take_home.get(lang)) > TAKE_HOME_MAX:
                raise ValueError(f"take_home.{lang} is longer than {TAKE_HOME_MAX} characters: it is a card")
        return self

    def timeline(self) -> list[tuple[int, int, Step]]:
        """(from minute, to minute, step): the plan as a clock on the wall reads it."""
        start, rows = 0, []
        for step in self.plan:
            rows.append((start, start + step.minutes, step))
            start += step.minutes
        return rows
