"""What a template needs to draw one mockup in one state.

The same mockup is drawn three ways: to look at (`view`), to mark suspicious
parts on (`mark`, red_flags questions), and after the answer with its clues
numbered on it (`reveal`).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from markupsafe import Markup


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


QR_SIZE = 25  # modules a side, as a small real code has


def qr_pattern(target: str) -> Markup:
    """A QR code's look for a mockup, not a code: three finder squares and
    modules drawn from a hash of the target (two targets, two looks), with
    nothing a phone can read. A real code of a fictional address would be a
    live link the day someone registers it; where it goes is shown in words."""
    bits = "".join(f"{byte:08b}" for n in range(3) for byte in hashlib.sha256(f"{n}:{target}".encode()).digest())
    finders = [(0, 0), (QR_SIZE - 7, 0), (0, QR_SIZE - 7)]

    def in_finder(x, y):
        return any(fx - 1 <= x <= fx + 7 and fy - 1 <= y <= fy + 7 for fx, fy in finders)

    cells = []
    for fx, fy in finders:  # a 7x7 ring and a 3x3 centre
        cells += [(fx + i, fy + j) for i in range(7) for j in range(7)
                  if i in (0, 6) or j in (0, 6) or (2 <= i <= 4 and 2 <= j <= 4)]
    cells += [(x, y) for y in range(QR_SIZE) for x in range(QR_SIZE)
              if not in_finder(x, y) and bits[(y * QR_SIZE + x) % len(bits)] == "1"]
    dark, path = set(cells), []
    for y in range(QR_SIZE):  # one rectangle per run of dark modules in a row
        x = 0
        while x < QR_SIZE:
            run = 0
            while (x + run, y) in dark:
                run += 1
            if run:
                path.append(f"M{x} {y}h{run}v1h-{run}z")
            x += run or 1
    path = "".join(path)
    return Markup(f'<svg class="qr-drawing" viewBox="-2 -2 {QR_SIZE + 4} {QR_SIZE + 4}" aria-hidden="true" '
                  f'focusable="false"><rect x="-2" y="-2" width="{QR_SIZE + 4}" height="{QR_SIZE + 4}" fill="#fff"/>'
                  f'<path fill="#111" d="{path}"/></svg>')
