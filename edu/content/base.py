"""Building blocks shared by every content model.

Every model forbids unknown keys: a typo in a field name is an error an
author sees, not a silently ignored setting.
"""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

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


