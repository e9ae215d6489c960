"""What a template needs to draw one mockup in one state.

The same mockup is drawn three ways: to look at (`view`), to mark suspicious
parts on (`mark`, red_flags questions), and after the answer with its clues
numbered on it (`reveal`).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class NumberedClue:
    number: int
    flag: object
    red: bool


@dataclass
class MockupView:
    mockup: object
    mode: str
    prefix: str
    marked: frozenset = frozenset()
    clues: list[NumberedClue] = field(default_factory=list)

    @property
    def clue_numbers(self) -> dict[str, list[NumberedClue]]:
        numbers: dict[str, list[NumberedClue]] = {}
        for clue in self.clues:
            numbers.setdefault(clue.flag.part, []).append(clue)
        return numbers


def mockup_view(mockup, mode: str, prefix: str, clues=(), marked=()) -> MockupView:
    numbered = [NumberedClue(n, flag, red) for n, (flag, red) in enumerate(clues, start=1)] if mode == "reveal" else []
    return MockupView(mockup=mockup, mode=mode, prefix=prefix, marked=frozenset(marked), clues=numbered)


def initials(name: str) -> str:
    """Avatar letters for a chat contact or profile: 'Minh Anh' -> 'MA'; none
    for a bare number, as a phone shows an unknown caller: no name, no face."""
    if not any(c.isalpha() for c in name):
        return ""
    words = [w for w in name.replace("_", " ").split() if w[:1].isalnum()]
    return "".join(w[0] for w in words[:2]).upper() or "?"
