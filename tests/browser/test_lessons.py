"""Reading lessons in both languages, switching language, filtering."""
import re

import pytest
from playwright.sync_api import expect


OTHER = {"vi": "en", "en": "vi"}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_read_a_lesson_and_switch_language(page, live_server, library, lang, ui):
    lesson = library.sorted_lessons(lang)[0]
    other = OTHER[lang]
    page.goto(f"{live_server.url}/lessons/?lang={lang}")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_role("heading", level=1)).to_have_text(ui[lang]["lessons"])

    page.get_by_role("link", name=lesson.text(lang).meta.title).click()
    expect(page).to_have_url(re.compile(f"/lessons/{lesson.slug}"))
    expect(page.get_by_role("heading", level=1)).to_have_text(lesson.text(lang).meta.title)
    expect(page.locator(".prose h2").first).to_be_visible()
    expect(page.locator(".callout-help")).to_be_visible()

    page.get_by_role("navigation", name=re.compile("Language|Ngôn ngữ")).get_by_role("link", name=ui[other]["language"]).click()
    expect(page).to_have_url(re.compile(f"/lessons/{lesson.slug}\\?lang={other}$"))
    expect(page.locator("html")).to_have_attribute("lang", other)
    expect(page.get_by_role("heading", level=1)).to_have_text(lesson.text(other).meta.title)

    # The choice is remembered on pages without ?lang=.
    page.goto(f"{live_server.url}/lessons/")
    expect(page.locator("html")).to_have_attribute("lang", other)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_filter_lessons_by_topic_without_javascript(no_js_page, live_server, library, lang):
    page = no_js_page
    page.goto(f"{live_server.url}/lessons/?lang={lang}")
    topic = library.sorted_lessons(lang)[0].meta.topic
    expected = [l.text(lang).meta.title for l in library.sorted_lessons(lang) if l.meta.topic == topic]
    page.locator("#topic").select_option(topic)
    page.locator("form.filters button").click()
    expect(page).to_have_url(re.compile(f"topic={topic}"))
    expect(page.locator(".card-title")).to_have_text(expected)


def test_lesson_images_load(page, live_server, library):
    for lesson in library.lessons.values():
        page.goto(f"{live_server.url}/lessons/{lesson.slug}")
        for image in page.locator(".prose img").all():
            assert image.evaluate("img => img.complete && img.naturalWidth > 0"), image.get_attribute("src")
