"""Viet Nam's 34 provincial units since July 2025 (edu/data/provinces.yaml),
and the unit a name on an older list belongs to: school lists from before the
merger name the 63 former provinces, in many spellings ("Tỉnh Bà Rịa - Vũng
Tàu", "TP.HCM", "ha giang")."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "provinces.yaml"
# Words a list may put before a name: "Tỉnh Nghệ An", "Thành phố Hà Nội", "TP. Cần Thơ".
_PREFIX = re.compile(r"^(tinh|thanh pho|tp)\b\.?\s*")
# Everyday short forms of the largest city.
_SHORT_FORMS = {"hcm": "ho chi minh", "tphcm": "ho chi minh", "sai gon": "ho chi minh"}


@dataclass(frozen=True)
class Province:
    name: str
    city: bool  # centrally run city (thành phố trực thuộc trung ương)
    former: tuple[str, ...]  # former provinces merged into it on 1 July 2025
    aliases: tuple[str, ...] = ()


def _plain(name: str) -> str:
    """Lower case, no tone marks or đ, dashes and dots as spaces, no leading 'tỉnh'/'thành phố'."""
    text = unicodedata.normalize("NFD", name.strip().lower()).replace("đ", "d")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    text = _PREFIX.sub("", re.sub(r"\s+", " ", re.sub(r"[-–—.]", " ", text)).strip()).strip()
    return _SHORT_FORMS.get(text.replace(" ", ""), _SHORT_FORMS.get(text, text))


@lru_cache(maxsize=1)
def provinces() -> tuple[Province, ...]:
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    return tuple(Province(name=u["name"], city=u.get("city", False), former=tuple(u.get("former", ())),
                          aliases=tuple(u.get("aliases", ()))) for u in data["units"])


@lru_cache(maxsize=1)
def _by_plain_name() -> dict[str, Province]:
    index: dict[str, Province] = {}
    for unit in provinces():
        for name in (unit.name, *unit.former, *unit.aliases):
            index[_plain(name)] = unit
    return index


def current_unit(name: str) -> Province | None:
    """The unit in force for a current or former name, however it is spelt; None if unknown."""
    return _by_plain_name().get(_plain(name))
