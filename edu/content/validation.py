"""Pydantic's validation errors in an author's words: the field as they wrote
it (questions[2].options[0].text.en) and what to do about it."""
from __future__ import annotations

from pydantic import ValidationError

from .mockups import MOCKUP_KINDS
from .models import QUESTION_TYPES
from .problems import Problem

LANGUAGE_NAMES = {"vi": "Vietnamese", "en": "English"}


def _field_path(loc: tuple) -> str:
    """('questions', 2, 'single', 'options', 0, 'text', 'en') -> questions[2].options[0].text.en

    The discriminator tag pydantic inserts after a union member is dropped:
    authors never wrote it.
    """
    out = ""
    previous = None
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif (isinstance(previous, int) and part in QUESTION_TYPES) or (previous == "mockup" and part in MOCKUP_KINDS):
            pass
        else:
            out += f".{part}" if out else str(part)
        previous = part
    return out


def _message(error: dict) -> str:
    loc = error["loc"]
    if error["type"] == "missing" and loc and loc[-1] in LANGUAGE_NAMES:
        return f"the {LANGUAGE_NAMES[loc[-1]]} text is missing"
    if error["type"] == "missing":
        return "this field is required"
    if error["type"] == "extra_forbidden":
        return "unknown field (check its spelling)"
    if error["type"] in ("union_tag_invalid", "union_tag_not_found"):
        what, choices = ("mockup kind", MOCKUP_KINDS) if "kind" in error["ctx"]["discriminator"] else ("question type", QUESTION_TYPES)
        found = f"unknown {what} {error['ctx']['tag']!r}" if error["type"] == "union_tag_invalid" else f"no {what} given"
        return f"{found}; use one of: {', '.join(choices)}"
    return error["msg"].removeprefix("Value error, ")


def validation_problems(file: str, exc: ValidationError, prefix: str = "") -> list[Problem]:
    problems = []
    for error in exc.errors():
        path = _field_path(error["loc"])
        if prefix:
            path = f"{prefix}.{path}" if path else prefix
        problems.append(Problem(file, path, _message(error)))
    return problems
