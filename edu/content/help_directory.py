"""The help directory: every hotline, short code and reporting site in one
content file (lessons/help-directory.yaml), so a number is checked and
corrected in one place, and lessons and explanations link to it
(`[111](/help#child-protection)`) instead of repeating its details."""
from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from .base import LangText, NonEmpty, Slug, Strict

HELP_FILE = "help-directory.yaml"  # inside lessons/
HELP_LINK = re.compile(r"\]\(/help#([a-z0-9-]+)\)")
# A Markdown link to the directory, removed before looking for bare numbers.
HELP_LINK_WHOLE = re.compile(r"\[[^\]]*\]\(/help#[a-z0-9-]+\)")


class Channel(Strict):
    id: Slug
    name: LangText
    kind: Literal["phone", "sms", "website", "app"]
    contact: NonEmpty  # the number to call or text, or the address to open
    url: NonEmpty | None = None  # a tel:, sms: or https: link when there is one
    purpose: LangText  # what it is for
    serves: LangText  # who it serves
    how: LangText  # how to use it, step by step when there is a syntax
    urgent: bool = False  # shown in the help panel on every page
    last_checked: date

    @model_validator(mode="after")
    def _check_url(self):
        if self.url and not re.match(r"^(tel:|sms:|https://)", self.url):
            raise ValueError("url must start with tel:, sms: or https://")
        return self


class HelpDirectory(Strict):
    channels: list[Channel] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self):
        ids = [c.id for c in self.channels]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"channel id {twice[0]!r} is used twice")
        return self

    def channel(self, channel_id: str) -> Channel | None:
        return next((c for c in self.channels if c.id == channel_id), None)

    @property
    def urgent(self) -> list[Channel]:
        return [c for c in self.channels if c.urgent]

    @property
    def short_numbers(self) -> frozenset[str]:
        """Numbers a lesson should link rather than repeat (111, 5656...)."""
        return frozenset(c.contact for c in self.channels if c.kind in ("phone", "sms") and c.contact.isdigit())


EMPTY = HelpDirectory.model_construct(channels=[])
