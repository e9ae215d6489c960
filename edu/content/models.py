"""Typed models for lessons and quizzes.

Content files are validated into these models once, so the rest of the app
never sees a half-valid quiz. Every model forbids unknown keys: a typo in a
field name is an error an author sees, not a silently ignored setting.
"""
from __future__ import annotations

from typing import Annotated, ClassVar, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

LANGUAGES = ("vi", "en")

SLUG_PATTERN = r"[a-z0-9]+(-[a-z0-9]+)*"
Slug = Annotated[str, StringConstraints(pattern=f"^{SLUG_PATTERN}$")]
Topic = Literal["scams", "image-abuse", "account-security", "harassment", "privacy", "getting-help"]
Audience = Literal["students-10-14", "students-15-18", "adults", "parents-teachers"]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LangText(Strict):
    """One text in both languages; authors write `{vi: ..., en: ...}`."""

    vi: NonEmpty
    en: NonEmpty

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


class Option(Strict):
    id: Slug
    text: LangText | None = None
    correct: bool = False
    explanation: LangText


class _Question(Strict):
    id: Slug
    prompt: LangText
    review_lesson: Slug | None = None

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.options if o.correct)

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


def _check_unique_option_ids(options: list[Option]) -> None:
    seen: set[str] = set()
    for option in options:
        if option.id in seen:
            raise ValueError(f"option id {option.id!r} is used twice")
        seen.add(option.id)


class ChoiceQuestion(_Question):
    type: Literal["single", "multiple"]
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _check_options(self):
        _check_unique_option_ids(self.options)
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
        return self.type == "multiple"


class TrueFalseQuestion(_Question):
    """Authors give the answer and one explanation per side; the two options
    are built here so scoring and templates treat every question alike."""

    type: Literal["true_false"]
    answer: bool
    explanation_true: LangText
    explanation_false: LangText

    multiple: ClassVar[bool] = False

    @property
    def options(self) -> list[Option]:
        return [
            Option(id="true", correct=self.answer, explanation=self.explanation_true),
            Option(id="false", correct=not self.answer, explanation=self.explanation_false),
        ]


QUESTION_TYPES = ("single", "multiple", "true_false")
Question = Annotated[Union[ChoiceQuestion, TrueFalseQuestion], Field(discriminator="type")]


class Quiz(Strict):
    slug: Slug
    title: LangText
    summary: LangText
    topic: Topic
    audience: list[Audience] = Field(min_length=1)
    order: int = 100
    related_lessons: list[Slug] = []
    questions: list[Question] = Field(min_length=1)

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
