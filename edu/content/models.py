"""Typed models for lessons and quizzes.

Content files are validated into these models once, so the rest of the app
never sees a half-valid quiz.
"""
from __future__ import annotations

import hashlib
from functools import cached_property

from pydantic import Field, model_validator

from .base import LANGUAGES, SLUG_PATTERN, Audience, LangText, NonEmpty, Slug, Strict, Topic
from .questions import QUESTION_TYPES, AnyQuestion

__all__ = ["LANGUAGES", "QUESTION_TYPES", "SLUG_PATTERN", "LangText", "Lesson", "LessonMeta", "LessonText", "Quiz"]


class Quiz(Strict):
    slug: Slug
    title: LangText
    summary: LangText
    topic: Topic
    audience: list[Audience] = Field(min_length=1)
    order: int = 100
    related_lessons: list[Slug] = []
    ask_confidence: bool = False
    questions: list[AnyQuestion] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_question_ids(self):
        seen: set[str] = set()
        for question in self.questions:
            if question.id in seen:
                raise ValueError(f"question id {question.id!r} is used twice")
            seen.add(question.id)
        return self

    def question(self, question_id: str):
        return next((q for q in self.questions if q.id == question_id), None)

    def question_named(self, token: str, shown):
        """The question a page called `token` (see Shown), or None."""
        return next((q for q in self.questions if q.token(shown) == token), None)

    @property
    def question_ids(self) -> list[str]:
        return [q.id for q in self.questions]

    @cached_property
    def fingerprint(self) -> str:
        """The version of the quiz an attempt began on, kept with the attempt."""
        return hashlib.sha256(self.model_dump_json().encode()).hexdigest()[:16]

    def asks_confidence(self, question) -> bool:
        return question.ask_confidence if question.ask_confidence is not None else self.ask_confidence


class LessonMeta(Strict):
    """The front matter of one language file of a lesson."""

    title: NonEmpty
    summary: NonEmpty
    topic: Topic
    audience: list[Audience] = Field(min_length=1)
    reading_minutes: int = Field(ge=1, le=60)
    order: int = 100
    related_quizzes: list[Slug] = []


SHARED_LESSON_FIELDS = ("topic", "audience", "order", "related_quizzes")


class LessonText(Strict):
    meta: LessonMeta
    html: str


class Lesson(Strict):
    slug: Slug
    texts: dict[str, LessonText]

    def text(self, lang: str) -> LessonText:
        return self.texts[lang]

    @property
    def meta(self) -> LessonMeta:
        """Language-independent fields (checked equal across languages)."""
        return self.texts["vi"].meta
