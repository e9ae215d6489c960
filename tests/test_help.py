"""The help directory page, the help panel on every page, and which pages
offer the quick exit (and are never cached)."""
from __future__ import annotations

import re

import pytest
import yaml

from edu.config import REPO_ROOT

PAGES = ["/", "/lessons/", "/quizzes/", "/quizzes/first-quiz", "/lessons/first-lesson", "/join", "/auth/signin", "/help"]


@pytest.mark.parametrize("lang, words", [
    ("vi", ("Cần giúp đỡ ngay?", "Tổng đài quốc gia bảo vệ trẻ em", "Tất cả các kênh hỗ trợ")),
    ("en", ("Need help now?", "National Child Protection Hotline", "Every help and reporting channel")),
])
def test_every_page_has_the_help_panel(client, lang, words):
    for page in PAGES:
        html = client.get(f"{page}?lang={lang}").text
        panel = html[html.index('class="help-panel"'):]
        assert all(word in panel for word in words), (page, lang)
        assert '<a href="tel:111"><strong>111</strong></a>' in panel and '<a href="tel:113"><strong>113</strong></a>' in panel
        assert '<a href="/help">' in panel
        assert re.search(r'<a class="help-link" href="/help"', html), page


def test_the_panel_and_the_page_read_the_directory_file(make_app, content):
    """The content folder's own directory replaces the shipped one: one place to correct a number."""
    data = yaml.safe_load((REPO_ROOT / "lessons" / "help-directory.yaml").read_text(encoding="utf-8"))
    data["channels"][0]["contact"] = "1111"
    data["channels"][0]["url"] = "tel:1111"
    (content / "lessons" / "help-directory.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    client = make_app(content).test_client()
    assert '<a href="tel:1111"><strong>1111</strong></a>' in client.get("/?lang=en").text
    assert "call 1111" in client.get("/help?lang=en").text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_help_page_lists_every_channel_with_how_to_use_it(client, app, lang):
    directory = app.extensions["content"].library.help
    response = client.get(f"/help?lang={lang}")
    html = response.text
    assert response.status_code == 200 and "no-store" in response.headers["Cache-Control"]
    for channel in directory.channels:
        assert f'id="{channel.id}"' in html and f'href="#{channel.id}"' in html
        for field in (channel.name, channel.purpose):
            assert field.get(lang).split(" ")[0] in html
    assert "S &lt;" in html or "<code>S &lt;" in html  # 5656's syntax is taught here, once
    assert ("Kiểm tra lần cuối" if lang == "vi" else "Last checked") in html


def test_quick_exit_on_pages_about_abuse_only(make_app, content, client):
    assert "data-quick-exit" in client.get("/help").text
    assert "data-quick-exit" not in client.get("/lessons/first-lesson").text  # a lesson on scams
    quiz = client.get("/quizzes/first-quiz")
    assert "data-quick-exit" not in quiz.text and "no-store" not in quiz.headers.get("Cache-Control", "")
    for lang in ("vi", "en"):
        path = content / "lessons" / "first-lesson" / f"{lang}.md"
        path.write_text(path.read_text(encoding="utf-8").replace("topic: scams", "topic: image-abuse"), encoding="utf-8")
    page = make_app(content).test_client().get("/lessons/first-lesson?lang=en")
    exit_link = re.search(r'<a class="quick-exit-button" href="([^"]+)" rel="noreferrer" data-quick-exit>Exit this page</a>',
                          page.text)
    assert exit_link and exit_link.group(1).startswith("https://www.google.com/search")
    assert "no-store" in page.headers["Cache-Control"]


def test_the_exit_address_is_configurable(make_app):
    client = make_app(QUICK_EXIT_URL="https://weather.example/").test_client()
    assert 'href="https://weather.example/" rel="noreferrer" data-quick-exit' in client.get("/help").text
