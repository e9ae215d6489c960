"""Which questions a contest participant gets: drawn from the quiz bank by
topic and difficulty, or a fixed list, then shuffled, from the seed kept
with their attempt.

A question is named across the whole bank by a reference, "quiz/question".
A round stores its draw as JSON:

    {"kind": "bank", "picks": [{"topic": "scams", "difficulty": 1, "count": 3}, ...]}
    {"kind": "fixed", "questions": ["scam-recognition/lucky-draw-email", ...]}

The questions a participant drew are stored with their attempt
(ContestDraw), so editing the round later changes no draw already made.
"""
from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass

from ..content import Library
from ..content.bank import as_quiz, bank, ref, resolve, sample, shortfalls
from .errors import ServiceError

__all__ = ["Draw", "DrawError", "Pick", "as_quiz", "bank", "check", "draw_for", "fingerprint", "ref", "resolve"]

MAX_QUESTIONS = 100


class DrawError(ServiceError):
    """A draw that cannot be made from the bank: a code and the numbers its message needs."""


@dataclass(frozen=True)
class Pick:
    topic: str
    difficulty: int
    count: int


@dataclass(frozen=True)
class Draw:
    """A round's draw: `picks` (from the bank) or `fixed` (references)."""

    picks: tuple[Pick, ...] = ()
    fixed: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        return len(self.fixed) if self.fixed else sum(p.count for p in self.picks)

    def to_json(self) -> str:
        if self.fixed:
            return json.dumps({"kind": "fixed", "questions": list(self.fixed)})
        return json.dumps({"kind": "bank", "picks": [p.__dict__ for p in self.picks]})

    @classmethod
    def from_json(cls, text: str) -> Draw:
        data = json.loads(text)
        if data["kind"] == "fixed":
            return cls(fixed=tuple(data["questions"]))
        return cls(picks=tuple(Pick(p["topic"], int(p["difficulty"]), int(p["count"])) for p in data["picks"]))


def fingerprint(draw_json: str) -> str:
    """The round's draw as it was when an attempt began, kept with the attempt."""
    return hashlib.sha256(draw_json.encode()).hexdigest()[:16]


def check(library: Library, draw: Draw, youngest_age: int | None = None) -> None:
    """Refuse a draw the bank cannot satisfy, before a round is saved."""
    if not 1 <= draw.size <= MAX_QUESTIONS:
        raise DrawError("draw.size", most=MAX_QUESTIONS)
    if draw.fixed:
        unknown = [r for r in draw.fixed if resolve(library, r) is None]
        if unknown:
            raise DrawError("draw.unknown_question", question=unknown[0])
        if len(set(draw.fixed)) != len(draw.fixed):
            raise DrawError("draw.repeated_question")
        return
    missing = shortfalls(bank(library, youngest_age), draw.picks)
    if missing:
        _, pick, have = missing[0]
        raise DrawError("draw.too_few", topic=pick.topic, difficulty=pick.difficulty, want=pick.count, have=have)


def draw_for(library: Library, draw: Draw, seed: int, youngest_age: int | None = None) -> list[str]:
    """One participant's questions, in the order they are shown: the same
    for the same seed, different from their neighbour's."""
    if draw.fixed:
        chosen = list(draw.fixed)
        random.Random(f"{seed}/draw").shuffle(chosen)
        return chosen
    return sample(bank(library, youngest_age), draw.picks, f"{seed}/draw")
