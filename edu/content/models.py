"""Typed models for lessons and quizzes.

Content files are validated into these models once, so the rest of the app
never sees a half-valid quiz.
"""
from __future__ import annotations

import hashlib
from functools import cached_property

from pydantic import Field, model_validator

from .base import LANGUAGES, SENSITIVE_TOPICS, SLUG_PATTERN, Audience, LangText, NonEmpty, Slug, Strict, Topic
from .questions import QUESTION_TYPES, AnyQuestion
from .teacher_notes import TeacherNotes

__all__ = ["LANGUAGES", "QUESTION_TYPES", "SLUG_PATTERN", "LangText", "Lesson", "LessonMeta", "LessonText", "Quiz"]


# Self-serve practice asks a learner's age band, never their age: the lower end
# of each band is what min_age is compared with.
AGE_BANDS = (8, 11, 15, 18)
ADULT_AGE = 18


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

    @property
    def sensitive(self) -> bool:
        return self.topic in SENSITIVE_TOPICS or any(q.sensitivity == "teacher-led" for q in self.questions)

    @property
    def gated(self) -> bool:
        """Whether some question is kept from younger learners in self-serve practice."""
        return any(q.min_age is not None or q.sensitivity == "teacher-led" for q in self.questions)

    def for_learner(self, age: int | None) -> "Quiz":
        """The quiz as self-serve practice gives it to a learner of `age` (the
        lower end of the age band they chose; None: not said, so the youngest):
        no question below its min_age, no teacher-led question before 18.
        A teacher's homework always gives the whole quiz."""
        age = age if age is not None else AGE_BANDS[0]
        kept = [q for q in self.questions if (q.min_age is None or age >= q.min_age)
                and (q.sensitivity != "teacher-led" or age >= ADULT_AGE)]
        if len(kept) == len(self.questions):
            return self
        # A fresh model, not model_copy: the copy would keep the full quiz's cached fingerprint.
        fields = {name: getattr(self, name) for name in Quiz.model_fields}
        return Quiz.model_construct(**(fields | {"questions": kept}))

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
    # The youngest reader it is written for (none: any age in its audiences).
    min_age: int | None = Field(None, ge=6, le=99)
    # Three to five sentences a reader should leave with, shown above the lesson.
    key_messages: list[NonEmpty] = Field([], max_length=5)

    @property
    def sensitive(self) -> bool:
        return self.topic in SENSITIVE_TOPICS


SHARED_LESSON_FIELDS = ("topic", "audience", "order", "related_quizzes", "min_age")


class LessonText(Strict):
    meta: LessonMeta
    html: str


class Lesson(Strict):
    slug: Slug
    texts: dict[str, LessonText]
    notes: TeacherNotes | None = None  # for the teacher who runs it in class

    def text(self, lang: str) -> LessonText:
        return self.texts[lang]

    @property
    def meta(self) -> LessonMeta:
        """Language-independent fields (checked equal across languages)."""
        return self.texts["vi"].meta
