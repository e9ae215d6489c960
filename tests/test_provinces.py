"""The provincial units in force since 1 July 2025, and old names mapped to them."""
from __future__ import annotations

import pytest

from edu.services.provinces import current_unit, provinces

MERGED_INTO = {  # reference: Resolution 202/2025/QH15
    "Hà Giang": "Tuyên Quang", "Yên Bái": "Lào Cai", "Bắc Kạn": "Thái Nguyên", "Vĩnh Phúc": "Phú Thọ",
    "Hòa Bình": "Phú Thọ", "Bắc Giang": "Bắc Ninh", "Thái Bình": "Hưng Yên", "Hải Dương": "Hải Phòng",
    "Hà Nam": "Ninh Bình", "Nam Định": "Ninh Bình", "Quảng Bình": "Quảng Trị", "Quảng Nam": "Đà Nẵng",
    "Kon Tum": "Quảng Ngãi", "Bình Định": "Gia Lai", "Ninh Thuận": "Khánh Hòa", "Đắk Nông": "Lâm Đồng",
    "Bình Thuận": "Lâm Đồng", "Phú Yên": "Đắk Lắk", "Bình Dương": "TP Hồ Chí Minh",
    "Bà Rịa–Vũng Tàu": "TP Hồ Chí Minh", "Bình Phước": "Đồng Nai", "Long An": "Tây Ninh",
    "Sóc Trăng": "Cần Thơ", "Hậu Giang": "Cần Thơ", "Bến Tre": "Vĩnh Long", "Trà Vinh": "Vĩnh Long",
    "Tiền Giang": "Đồng Tháp", "Bạc Liêu": "Cà Mau", "Kiên Giang": "An Giang",
}


def test_thirty_four_units_six_of_them_cities():
    units = provinces()
    assert len(units) == 34 and len({u.name for u in units}) == 34
    assert {u.name for u in units if u.city} == {"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "TP Hồ Chí Minh", "Cần Thơ"}


def test_all_sixty_three_former_provinces_map_to_a_unit():
    former_names = {u.name for u in provinces()} | {name for u in provinces() for name in u.former}
    assert len(former_names) == 63
    for old, new in MERGED_INTO.items():
        assert current_unit(old).name == new, old
    for unit in provinces():
        assert current_unit(unit.name) is unit


@pytest.mark.parametrize("written, unit", [
    ("Tỉnh Bà Rịa - Vũng Tàu", "TP Hồ Chí Minh"), ("TP.HCM", "TP Hồ Chí Minh"), ("Thành phố Hồ Chí Minh", "TP Hồ Chí Minh"),
    ("ha giang", "Tuyên Quang"), ("HOÀ BÌNH", "Phú Thọ"), ("Thừa Thiên Huế", "Huế"), ("Dak Lak", "Đắk Lắk"),
    ("  Tỉnh   Nghệ An ", "Nghệ An"),
])
def test_names_as_old_lists_write_them(written, unit):
    assert current_unit(written).name == unit


@pytest.mark.parametrize("unknown", ["Atlantis", "", "Quận 1", "Hà"])
def test_an_unknown_name_is_none(unknown):
    assert current_unit(unknown) is None
