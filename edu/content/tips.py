"""Take-away tips: what a kiosk visitor reads on the way out, in one content
file (lessons/take-away-tips.yaml). A few words each, for a person standing
at a screen: the longer advice stays with each question."""
from __future__ import annotations

from pydantic import Field, model_validator

from .base import LangText, Slug, Strict, Topic

TIPS_FILE = "take-away-tips.yaml"  # inside lessons/
MAX_TIP_CHARS = 160


class Tip(Strict):
    id: Slug
    topics: list[Topic] = []  # the quiz topics it follows from; none: good after any quiz
    text: LangText

    @model_validator(mode="after")
    def _short(self):
        for lang in ("vi", "en"):
            if len(self.text.get(lang)) > MAX_TIP_CHARS:
                raise ValueError(f"text.{lang} is longer than {MAX_TIP_CHARS} characters: a tip is read standing up")
        return self


class TakeAwayTips(Strict):
    tips: list[Tip] = Field(min_length=3)

    def for_topics(self, missed: list[str], seen: list[str], count: int = 3) -> list[Tip]:
        """`count` tips: first for the topics a visitor missed, then for those
        they met, then general ones, each tip once."""
        chosen: list[Tip] = []
        for wanted in (missed, seen, [None]):
            for topic in wanted:
                for tip in self.tips:
                    if len(chosen) < count and tip not in chosen and (topic in tip.topics if topic else not tip.topics):
                        chosen.append(tip)
        for tip in self.tips:  # a file with few general tips still gives `count`
            if len(chosen) < count and tip not in chosen:
                chosen.append(tip)
        return chosen


NO_TIPS = TakeAwayTips.model_construct(tips=[])
