"""Every phone number, account number and domain the content uses, and where:
the list a campaign checks before it prints anything, since a fictional
number or domain can belong to someone real by the time it is printed."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .discipline import identifier_uses, identifiers, mockup_texts, quiz_file
from .loader import Library

TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Contact:
    identifier: str
    kind: str  # "phone", "account" or "domain"
    uses: dict[str, list[str]]  # role -> places


def kind_of(identifier: str) -> str:
    if not identifier.isdigit():
        return "domain"
    return "phone" if identifier.startswith("0") and len(identifier) in (10, 11) else "account"


def contacts(library: Library) -> list[Contact]:
    """Mockups by role (scam, genuine), the help directory, and anything else a
    lesson or question mentions ("text"), sorted by kind then identifier."""
    uses = identifier_uses(library)
    for slug, lesson in library.lessons.items():
        for lang, text in lesson.texts.items():
            for ident in identifiers(TAGS.sub(" ", text.html)):
                uses[ident]["text"].append(f"lessons/{slug}/{lang}.md")
    for quiz in library.authored_quizzes():
        for question in quiz.questions:
            for text in mockup_texts(question):
                for ident in identifiers(text):
                    if ident not in uses or not uses[ident]:
                        uses[ident]["text"].append(f"{quiz_file(quiz)} {question.id}")
    listed = [Contact(ident, kind_of(ident), {role: sorted(set(places)) for role, places in roles.items()})
              for ident, roles in uses.items() if roles]
    return sorted(listed, key=lambda c: (c.kind, c.identifier))
