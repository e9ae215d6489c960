"""A lesson's minimum age and key messages: the same age in both language
files, and the messages shown above the lesson in its reader's language."""
from __future__ import annotations

import pytest


def _front_matter(content, lang: str, extra: str) -> None:
    path = content / "lessons" / "first-lesson" / f"{lang}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("order: 1\n", f"order: 1\n{extra}", 1), encoding="utf-8")


@pytest.fixture
def lesson_app(make_app, content):
    _front_matter(content, "vi", "min_age: 11\nkey_messages:\n  - Dừng lại trước khi bấm.\n  - Hỏi người lớn bạn tin.\n")
    _front_matter(content, "en", "min_age: 11\nkey_messages:\n  - Stop before you tap.\n  - Ask an adult you trust.\n")
    return make_app(content)


@pytest.mark.parametrize("lang, age, first", [("vi", "Từ 11 tuổi", "Dừng lại trước khi bấm."),
                                                ("en", "From age 11", "Stop before you tap.")])
def test_key_messages_and_age_show_above_the_lesson(lesson_app, lang, age, first):
    page = lesson_app.test_client().get(f"/lessons/first-lesson?lang={lang}").text
    assert age in page and first in page
    assert page.index("key-messages") < page.index('class="prose"')


def test_the_minimum_age_must_match_in_both_languages(content, problems):
    _front_matter(content, "vi", "min_age: 11\n")
    _front_matter(content, "en", "min_age: 13\n")
    assert any("first-lesson/en.md" in p and "min_age" in p for p in problems(content))


def test_at_most_five_key_messages(content, problems):
    _front_matter(content, "en", "key_messages: [a, b, c, d, e, f]\n")
    assert any("first-lesson/en.md" in p and "key_messages" in p for p in problems(content))
