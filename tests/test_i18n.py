"""Which language a visitor gets, and that the catalogue is complete."""
import re

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from edu.config import REPO_ROOT

PO = REPO_ROOT / "translations/vi/LC_MESSAGES/messages.po"


def html_lang(response):
    return re.search(r'<html lang="(\w+)">', response.text).group(1)


@pytest.mark.parametrize("headers, expected", [
    ({}, "vi"),
    ({"Accept-Language": "en-US,en;q=0.9"}, "en"),
    ({"Accept-Language": "fr-FR, vi;q=0.5"}, "vi"),
    ({"Accept-Language": "fr-FR"}, "vi"),
])
def test_accept_language_or_vietnamese(client, headers, expected):
    assert html_lang(client.get("/", headers=headers)) == expected


def test_query_parameter_wins_and_is_remembered(client):
    response = client.get("/lessons/?lang=en", headers={"Accept-Language": "vi"})
    assert html_lang(response) == "en"
    assert "lang=en" in response.headers["Set-Cookie"]
    assert html_lang(client.get("/", headers={"Accept-Language": "vi"})) == "en"
    assert html_lang(client.get("/?lang=vi")) == "vi"
    assert html_lang(client.get("/")) == "vi"


def test_unknown_language_is_ignored(client):
    response = client.get("/?lang=fr", headers={"Accept-Language": "en"})
    assert html_lang(response) == "en" and "lang=" not in response.headers.get("Set-Cookie", "")


def test_interface_and_content_follow_the_language(client):
    vi = client.get("/lessons/first-lesson?lang=vi").text
    en = client.get("/lessons/first-lesson?lang=en").text
    assert "Bài học đầu tiên" in vi and "Bài học" in vi and "Mẹo" in vi
    assert "The first lesson" in en and "Lessons" in en and "Do not pay" in en


def test_language_switch_keeps_the_page_and_its_filters(client):
    html = client.get("/lessons/?topic=scams&lang=vi").text
    assert 'href="/lessons/?topic=scams&amp;lang=en"' in html


def test_language_switch_after_an_answer_points_to_a_page_not_the_post(client, page_form):
    client.post("/quizzes/first-quiz/start")
    html = client.post("/quizzes/first-quiz/answer", data=page_form(client.application, "first-quiz", "pick-one", "a")).text
    assert 'href="/quizzes/first-quiz/question?lang=en"' in html


def test_numbers_and_dates_are_formatted_for_the_language(client, page_form):
    client.post("/quizzes/first-quiz/start")
    for q, c in (("pick-one", "b"), ("pick-many", "x"), ("statement", "false")):
        client.post("/quizzes/first-quiz/answer", data=page_form(client.application, "first-quiz", q, c))
    assert re.search(r"Hoàn thành ngày \d+ tháng \d+, \d{4}", client.get("/quizzes/first-quiz/result?lang=vi").text)
    assert re.search(r"Finished on \w+ \d+, \d{4}", client.get("/quizzes/first-quiz/result?lang=en").text)


def test_vietnamese_catalogue_is_complete():
    catalog = read_po(PO.open("rb"), locale="vi")
    untranslated = [m.id for m in catalog if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert untranslated == [] and fuzzy == []


def test_compiled_catalogue_matches_the_source():
    def entries(catalog):
        as_key = lambda value: tuple(value) if isinstance(value, (list, tuple)) else value  # noqa: E731
        return {as_key(m.id): as_key(m.string) for m in catalog if m.id}

    source = entries(read_po(PO.open("rb"), locale="vi"))
    compiled = entries(read_mo(PO.with_suffix(".mo").open("rb")))
    assert compiled == source, "run: pybabel compile -d translations"
