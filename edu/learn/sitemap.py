"""sitemap.xml (every public page, each with its address in both languages)
and robots.txt (which points to it and keeps crawlers out of class pages)."""
from __future__ import annotations

from flask import Blueprint, Response, render_template, url_for

from ..content.models import LANGUAGES
from ..web.content import current_library
from ..web.discovery import absolute

bp = Blueprint("sitemap", __name__)

# Pages about a person or a class: nothing there for a search engine.
PRIVATE_PREFIXES = ("/classes", "/me", "/admin", "/auth", "/join")


def public_paths() -> list[str]:
    library = current_library()
    paths = [url_for("main.home"), url_for("lessons.index"), url_for("quizzes.index"), url_for("help.index")]
    paths += [url_for("lessons.show", slug=slug) for slug in sorted(library.lessons)]
    paths += [url_for("quizzes.show", slug=slug) for slug in sorted(library.quizzes)]
    return paths


@bp.get("/sitemap.xml")
def sitemap():
    pages = [{lang: absolute(f"{path}?lang={lang}") for lang in LANGUAGES} for path in public_paths()]
    xml = render_template("learn/sitemap.xml", pages=pages, languages=LANGUAGES)
    return Response(xml, mimetype="application/xml", headers={"Cache-Control": "public, max-age=3600"})


@bp.get("/robots.txt")
def robots():
    lines = ["User-agent: *", *(f"Disallow: {prefix}" for prefix in PRIVATE_PREFIXES),
             f"Sitemap: {absolute(url_for('.sitemap'))}", ""]
    return Response("\n".join(lines), mimetype="text/plain", headers={"Cache-Control": "public, max-age=3600"})
