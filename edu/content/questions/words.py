"""How a question and its answers read for a teacher, with nothing translated
here (content never imports Flask-Babel): a type says what a choice is (its
author's text, a fixed phrase, a part of its mockup) and teach/wording.py puts
that in words, in the report's language.

Fixed phrases are msgids marked with N_, which pybabel extracts (it is one of
its default keywords) and teach/wording.py translates where they are shown.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..base import LangText


def N_(msgid: str) -> str:
    """Marks a msgid for extraction, translated later by whoever shows it."""
    return msgid


@dataclass(frozen=True)
class MockupName:
    """A mockup by what tells it apart (its sender and subject, its address)."""

    mockup: object


@dataclass(frozen=True)
class Phrase:
    """A fixed phrase: an N_-marked msgid and its parameters (plain text, or a MockupName)."""

    msgid: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class AuthorText:
    """What the author wrote for an option or a step, cut to `limit` characters."""

    text: LangText
    limit: int = 60


@dataclass(frozen=True)
class MockupPart:
    """A part of a mockup, by what it shows ("Sender: TESTBANK", a link's text)."""

    mockup: object
    part: str


Words = Phrase | AuthorText | MockupPart
