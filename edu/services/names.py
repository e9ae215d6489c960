"""Students' display names: what a teacher reads in a list, so it must show
who it is and nobody else.

Refused: names with nothing visible (spaces, zero-width characters, marks
alone), hidden or direction-changing characters (bidi overrides and
isolates, other control and format characters) that can make a name look
like another or scramble the teacher's page, a name that looks like a phone
number or an email address (a child's contact details are not stored), and a
name that looks the same as a classmate's (case, accents and look-alike forms
ignored).
"""
from __future__ import annotations

import re
import unicodedata

from .errors import ClassError

DISPLAY_NAME_MAX = 40
MAX_MARKS = 2  # after NFC every Vietnamese letter is one character; more stacked marks only smear the page

# Control, format (zero-width, bidi), surrogates, private use, unassigned.
_HIDDEN = {"Cc", "Cf", "Cs", "Co", "Cn"}

# Contact details typed where a name goes: 8 or more digits in a row, with
# spaces, dots, dashes or brackets between them (0912 345 678, +84.912.345.678),
# or anything@anything. "Minh 2" or "Lan 7A" still pass.
_PHONE = re.compile(r"\d(?:[\s.\-()]*\d){7,}")
_EMAIL = re.compile(r"[^\s@]@[^\s@]")


def clean_display_name(raw: str) -> str:
    """The name as it will be stored (NFC, whitespace folded), or a ClassError."""
    name = " ".join(unicodedata.normalize("NFC", raw).split())
    if not name:
        raise ClassError("class.name_missing")
    if len(name) > DISPLAY_NAME_MAX:
        raise ClassError("class.name_too_long", num=DISPLAY_NAME_MAX)
    marks = 0
    for char in name:
        category = unicodedata.category(char)
        marks = marks + 1 if category.startswith("M") else 0
        if category in _HIDDEN or marks > MAX_MARKS:
            raise ClassError("class.name_hidden_characters")
    if not any(unicodedata.category(char)[0] in "LN" for char in name):
        raise ClassError("class.name_no_letters")
    folded = unicodedata.normalize("NFKC", name)  # full-width digits and ＠ count too
    if _PHONE.search(folded) or _EMAIL.search(folded):
        raise ClassError("class.name_contact")
    return name


def name_key(name: str) -> str:
    """What two names are compared by: "Lan", "LAN", "Lân", "Ｌａｎ" and
    "Lan" with a combining mark are all "lan"."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name).casefold())
    bare = "".join(char for char in folded if not unicodedata.category(char).startswith("M"))
    return " ".join(bare.replace("đ", "d").split())


def check_unique(name: str, classmates: list[str]) -> None:
    key = name_key(name)
    if any(name_key(other) == key for other in classmates):
        raise ClassError("class.name_taken")
