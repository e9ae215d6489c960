"""Vietnamese alphabetical order for names, without ICU.

Code-point order puts "Đặng" after "Vũ" (Đ is U+0110) and "Ánh" after "Yến".
Vietnamese dictionaries and class lists compare in three levels:

1. letters, in the Vietnamese alphabet: a ă â b c d đ e ê g h i k l m n o ô ơ
   p q r s t u ư v x y (the foreign f j w z where Latin puts them), so
   "Dung" < "Đào" < "Em" and "Anh" < "Ăn" < "Ân";
2. tones, only between names whose letters are equal: none, huyền (`),
   hỏi (?), ngã (~), sắc ('), nặng (.), so "Ma" < "Mà" < "Mả" < "Mã" < "Má" < "Mạ";
3. case, lower first.

sort_key(text) gives a tuple that sorts by those levels. It is plain Python on
NFD-decomposed text: tone marks and the letter-making marks (breve, circumflex,
horn) are separate combining characters there, and đ is its own letter.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
RANK = {letter: index for index, letter in enumerate(ALPHABET)}
# Combining marks that make a letter of its own (a + breve = ă): part of level 1.
LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn
# Tone marks in dictionary order: part of level 2 (0 is no tone).
TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền, hỏi, ngã, sắc, nặng

# Level-1 classes: separators before digits before letters; letters outside
# the alphabet (other scripts, other accents) after it, by code point.
SEPARATOR, DIGIT, LETTER, OTHER = range(4)


def _letters(text: str):
    """(base letter with its letter-making marks, tone, is upper case) for each letter of `text`."""
    decomposed = unicodedata.normalize("NFD", text)
    index = 0
    while index < len(decomposed):
        char = decomposed[index]
        index += 1
        marks = ""
        tone = 0
        while index < len(decomposed) and unicodedata.combining(decomposed[index]):
            mark = decomposed[index]
            index += 1
            if mark in TONES:
                tone = TONES[mark]
            elif mark in LETTER_MARKS:
                marks += mark
        lower = char.lower()
        yield unicodedata.normalize("NFC", lower + marks), tone, char != lower


def _primary(letter: str) -> tuple[int, int]:
    if letter in RANK:
        return LETTER, RANK[letter]
    if letter.isdigit():
        return DIGIT, ord(letter)
    if letter.isspace() or not letter.isalnum():
        return SEPARATOR, ord(letter)
    return OTHER, ord(letter[0])


@lru_cache(maxsize=4096)
def sort_key(text: str) -> tuple:
    """Sorts `text` in Vietnamese order (letters, then tones, then case); a
    final tie is broken by the text itself (NFC), so the order is total."""
    letters = list(_letters(text.strip()))
    return (tuple(_primary(letter) for letter, _tone, _upper in letters),
            tuple(tone for _letter, tone, _upper in letters),
            tuple(upper for _letter, _tone, upper in letters),
            unicodedata.normalize("NFC", text))
