"""Pathways: a suggested order of lessons per audience on the lessons page;
a pathway naming a lesson that does not exist is a content problem."""
from __future__ import annotations

import pytest

PATHWAYS = """pathways:
  - audience: lower-secondary-11-14
    intro: {vi: Bắt đầu từ đây., en: Start here.}
    lessons: [%s]
"""


def _write(content, lessons="first-lesson"):
    (content / "lessons" / "pathways.yaml").write_text(PATHWAYS % lessons, encoding="utf-8")


@pytest.mark.parametrize("lang, intro", [("vi", "Bắt đầu từ đây."), ("en", "Start here.")])
def test_pathways_show_on_the_lessons_page(make_app, content, lang, intro):
    _write(content)
    client = make_app(content).test_client()
    page = client.get(f"/lessons/?lang={lang}").text
    assert intro in page and 'href="/lessons/first-lesson"' in page.split('class="pathways"')[1]
    chosen = client.get(f"/lessons/?lang={lang}&audience=lower-secondary-11-14").text
    assert "<details open>" in chosen
    other = client.get(f"/lessons/?lang={lang}&audience=parents").text
    assert 'class="pathways"' not in other


def test_a_pathway_to_a_missing_lesson_names_the_file_and_field(content, problems):
    _write(content, "first-lesson, no-such-lesson")
    assert any("lessons/pathways.yaml" in p and "pathways[0].lessons[1]" in p for p in problems(content))


def test_a_folder_without_pathways_shows_none(make_app):
    assert 'class="pathways"' not in make_app().test_client().get("/lessons/").text
