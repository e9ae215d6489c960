"""Students' display names: what a teacher reads in a list, so it must show
who it is and nobody else.

Refused: names with nothing visible (spaces, zero-width characters, marks
alone), hidden or direction-changing characters (bidi overrides and
isolates, other control and format characters, and the "letters" that draw
nothing, such as the Hangul fillers and the combining grapheme joiner) that
can make a name look like another or scramble the teacher's page, a name
that looks like a phone number or an email address (a child's contact
details are not stored), and a name that looks the same as a classmate's
(case, accents, width and Cyrillic or Greek look-alike letters ignored).
"""
from __future__ import annotations

import re
import unicodedata

from .errors import ClassError

DISPLAY_NAME_MAX = 40
MAX_MARKS = 2  # after NFC every Vietnamese letter is one character; more stacked marks only smear the page

# Control, format (zero-width, bidi), surrogates, private use, unassigned.
_HIDDEN = {"Cc", "Cf", "Cs", "Co", "Cn"}

# Code points that draw nothing though their category says letter or mark
# (Unicode's Default_Ignorable_Code_Point beyond the categories above: the
# Hangul fillers, the combining grapheme joiner, Khmer inherent vowels,
# Mongolian variation selectors), and the blank Braille pattern. Variation
# selectors FE00-FE0F stay allowed: they only choose how the character
# before them is drawn (the emoji form of a heart).
_INVISIBLE = {0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180C, 0x180D, 0x180F, 0x2800, 0x3164, 0xFFA0}

# Cyrillic and Greek letters drawn like Latin ones, upper and lower case apart
# (Greek capital Nu is an N, small nu a v), for the duplicate check only.
_LOOK_ALIKES = str.maketrans(
    "АВЕКМНОРСТУХЅІЈԚԜҮӀ" "асеорухѕіјһԁԛԝӏүк" "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ" "αοριυχνκγεϲ" "ıɑɡ",
    "ABEKMHOPCTYXSIJQWYI" "aceopyxsijhdqwlyk" "ABEZHIKMNOPTYX" "aopiuxvkyec" "iag",
)

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
        if category in _HIDDEN or ord(char) in _INVISIBLE or marks > MAX_MARKS:
            raise ClassError("class.name_hidden_characters")
    if not any(unicodedata.category(char)[0] in "LN" for char in name):
        raise ClassError("class.name_no_letters")
    folded = unicodedata.normalize("NFKC", name)  # full-width digits and ＠ count too
    if _PHONE.search(folded) or _EMAIL.search(folded):
        raise ClassError("class.name_contact")
    return name


def _bare(text: str) -> str:
    """Decomposed, with every mark (accent, tone) left out."""
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.category(char).startswith("M"))


def name_key(name: str) -> str:
    """What two names are compared by: "Lan", "LAN", "Lân", "Ｌａｎ", "Lan"
    with a combining mark and "Lаn" with a Cyrillic а are all "lan"."""
    latin = _bare(unicodedata.normalize("NFKC", name)).translate(_LOOK_ALIKES)
    return " ".join(_bare(latin.casefold()).replace("đ", "d").split())


def check_unique(name: str, classmates: list[str]) -> None:
    key = name_key(name)
    if any(name_key(other) == key for other in classmates):
        raise ClassError("class.name_taken")
