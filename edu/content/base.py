"""Building blocks shared by every content model.

Every model forbids unknown keys: a typo in a field name is an error an
author sees, not a silently ignored setting.
"""
from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints

LANGUAGES = ("vi", "en")

SLUG_PATTERN = r"[a-z0-9]+(-[a-z0-9]+)*"
Slug = Annotated[str, StringConstraints(pattern=f"^{SLUG_PATTERN}$")]
Topic = Literal["scams", "image-abuse", "account-security", "harassment", "privacy", "getting-help"]
Audience = Literal["primary-8-10", "lower-secondary-11-14", "upper-secondary-15-18", "parents", "teachers",
                   "community-adults"]
# Items that only make sense with an adult to talk them through: never in
# self-serve practice for children, flagged to teachers in reports.
Sensitivity = Literal["teacher-led"]
# Pages on these topics offer the quick exit and are never cached.
SENSITIVE_TOPICS = frozenset({"image-abuse", "harassment", "getting-help"})
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LangText(Strict):
    """One text in both languages; authors write `{vi: ..., en: ...}`."""

    vi: NonEmpty
    en: NonEmpty

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi




class Source(Strict):
    """The public warning a scenario is based on, so a reviewer can check it
    still matches what scammers do."""

    name: NonEmpty
    # A warning is often known only by its month: "2025-08" or "2025-08-14".
    date: Annotated[str, BeforeValidator(lambda v: v.isoformat() if isinstance(v, date) else v),
                    StringConstraints(pattern=r"^20\d\d-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")]
    url: Annotated[str, StringConstraints(pattern=r"^https://\S+$")] | None = None
