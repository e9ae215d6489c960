"""What search engines and link previews read: hreflang alternates with
x-default on public pages (absolute, on BASE_URL), share previews in the
page's language, noindex on pages about a person or a class, the sitemap and
robots.txt."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

BASE = "https://lachan.example"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def app(make_app):
    return make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)


def links(html: str, rel: str) -> dict[str, str]:
    return dict(re.findall(rf'<link rel="{rel}" hreflang="([^"]+)" href="([^"]+)">', html))


def meta(html: str, name: str) -> str:
    return re.search(rf'<meta (?:name|property)="{name}" content="([^"]*)">', html).group(1)


def test_public_pages_name_both_languages_and_a_default(client):
    html = client.get("/lessons/?topic=scams&lang=en", headers={"Host": "evil.example"}).text
    assert links(html, "alternate") == {
        "vi": f"{BASE}/lessons/?topic=scams&amp;lang=vi",
        "en": f"{BASE}/lessons/?topic=scams&amp;lang=en",
        "x-default": f"{BASE}/lessons/?topic=scams",
    }
    assert f'<link rel="canonical" href="{BASE}/lessons/?topic=scams&amp;lang=en">' in html


@pytest.mark.parametrize("lang, locale, other", [("vi", "vi_VN", "en_US"), ("en", "en_US", "vi_VN")])
def test_share_previews_speak_the_page_language(client, app, lang, locale, other):
    lesson = app.extensions["content"].library.lessons["first-lesson"].text(lang).meta
    html = client.get(f"/lessons/first-lesson?lang={lang}").text
    assert meta(html, "og:title") == lesson.title
    assert meta(html, "og:description") == meta(html, "description") == lesson.summary
    assert meta(html, "og:locale") == locale and meta(html, "og:locale:alternate") == other
    assert meta(html, "og:url") == f"{BASE}/lessons/first-lesson?lang={lang}"
    quiz = client.get(f"/quizzes/first-quiz?lang={lang}").text
    assert meta(quiz, "og:description") == app.extensions["content"].library.quizzes["first-quiz"].summary.get(lang)


def test_pages_about_a_class_are_kept_out_of_search(app, teacher):
    teacher.post("/classes/new", data={"name": "7A", "language": "en"})
    html = teacher.get("/classes/1").text
    assert '<meta name="robots" content="noindex">' in html
    assert not links(html, "alternate") and "og:title" not in html


def test_the_sitemap_lists_every_public_page_in_both_languages(client, app):
    response = client.get("/sitemap.xml")
    assert response.mimetype == "application/xml"
    root = ET.fromstring(response.data)
    urls = {u.find(f"{SITEMAP}loc").text: {a.get("hreflang"): a.get("href") for a in u.findall(f"{XHTML}link")}
            for u in root.findall(f"{SITEMAP}url")}
    library = app.extensions["content"].library
    paths = ["/", "/lessons/", "/quizzes/", "/help"] + [f"/lessons/{s}" for s in library.lessons] + \
        [f"/quizzes/{s}" for s in library.quizzes]
    expected = {f"{BASE}{path}?lang={lang}" for path in paths for lang in ("vi", "en")}
    assert set(urls) == expected
    assert urls[f"{BASE}/quizzes/first-quiz?lang=en"] == {"vi": f"{BASE}/quizzes/first-quiz?lang=vi",
                                                          "en": f"{BASE}/quizzes/first-quiz?lang=en"}


def test_robots_point_to_the_sitemap_and_away_from_classes(client):
    text = client.get("/robots.txt").text
    assert f"Sitemap: {BASE}/sitemap.xml" in text
    assert "Disallow: /classes" in text and "Disallow: /me" in text
