"""Vietnamese order for names (services/collation.py): letters of the
Vietnamese alphabet first, tones only between otherwise equal names, then case."""
from __future__ import annotations

import random

import pytest
from sqlmodel import text as sql

from edu.models import Classroom
from edu.services.classes import students_of
from edu.services.collation import sort_key
from edu.web.db import get_session


def ordered(*names: str) -> list[str]:
    shuffled = list(names)
    random.Random(3).shuffle(shuffled)
    return sorted(shuffled, key=sort_key)


def test_d_with_stroke_is_a_letter_after_d():
    """The audit's case: code points put Đặng after Vũ."""
    assert sorted(["Vũ", "Đặng", "Dung"]) == ["Dung", "Vũ", "Đặng"]  # what code points do
    assert ordered("Vũ", "Đặng", "Dung", "Em", "Duy") == ["Dung", "Duy", "Đặng", "Em", "Vũ"]


def test_the_vowel_letters_follow_their_base_letter():
    assert ordered("Ân", "Ăn", "Anh", "Bình") == ["Anh", "Ăn", "Ân", "Bình"]
    assert ordered("Ơn", "Ôn", "Oanh", "Phúc") == ["Oanh", "Ôn", "Ơn", "Phúc"]
    assert ordered("Ưng", "Uyên", "Vân") == ["Uyên", "Ưng", "Vân"]
    assert ordered("Êm", "Em", "Gấm") == ["Em", "Êm", "Gấm"]


def test_tones_count_only_between_otherwise_equal_names():
    assert ordered("Mạ", "Má", "Mã", "Mả", "Mà", "Ma") == ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"]
    assert ordered("Ánh", "Anna", "Anh") == ["Anh", "Ánh", "Anna"]
    assert ordered("Hà", "Hai", "Hải") == ["Hà", "Hai", "Hải"]  # "Ha" is a prefix of "Hai"


def test_tones_and_letter_marks_on_one_vowel():
    # ấ is â with sắc, ậ is â with nặng, ằ is ă with huyền: the letter decides first.
    assert ordered("Ấn", "Ằn", "Ận", "Án") == ["Án", "Ằn", "Ấn", "Ận"]
    assert sort_key("Ấn") == sort_key("A\u0302\u0301n")  # composed or decomposed, the same


def test_case_is_the_last_difference():
    assert ordered("an", "An", "Ăn") == ["an", "An", "Ăn"]


@pytest.mark.parametrize("names, expected", [
    (["Lan 2", "Lan", "Lan 10"], ["Lan", "Lan 10", "Lan 2"]),  # digits compare as characters
    (["Zoë", "Yến", "Wendy"], ["Wendy", "Yến", "Zoë"]),  # foreign letters where Latin puts them
    (["  Hoa", "Hoa"], ["  Hoa", "Hoa"]),  # outer spaces ignored, then the text breaks the tie
])
def test_other_characters_still_give_a_total_order(names, expected):
    assert ordered(*names) == expected


def test_full_names_compare_word_by_word():
    assert ordered("Nguyễn Văn An", "Nguyễn An", "Đỗ Minh", "Đinh Lan", "Dương Hà") == [
        "Dương Hà", "Đinh Lan", "Đỗ Minh", "Nguyễn An", "Nguyễn Văn An"]


def test_a_class_lists_its_students_in_vietnamese_order(make_app, sign_up, join):
    app = make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)
    teacher = sign_up(app, "t@school.example")
    teacher.post("/classes/new", data={"name": "7A", "language": "vi"})
    with app.app_context():
        code = get_session().exec(sql("SELECT join_code FROM classroom")).scalar()
    for name in ("Vũ An", "Đặng Bình", "Dương Chi", "Ánh"):
        join(app, code, name)
    with app.app_context():
        db = get_session()
        names = [s.display_name for s in students_of(db, db.get(Classroom, 1))]
    assert names == ["Ánh", "Dương Chi", "Đặng Bình", "Vũ An"]
