"""What search engines and link previews read: each page's address in both
languages (hreflang, with x-default for "let the browser's language choose"),
its canonical address, and share-preview tags. Absolute addresses are built on
BASE_URL, never on the Host header a request claims."""
from __future__ import annotations

from urllib.parse import urlencode

from flask import Flask, current_app, g, request

from ..content.models import LANGUAGES
from .i18n import current_language
from .security import is_private_page

OPEN_GRAPH_LOCALES = {"vi": "vi_VN", "en": "en_US"}


def absolute(path: str) -> str:
    return current_app.config["BASE_URL"].rstrip("/") + path


def page_address(lang: str | None) -> str:
    """This page's absolute address in `lang`, or with None the address that
    lets the visitor's browser choose (x-default)."""
    path = g.get("page_url") or request.path
    args = {k: v for k, v in request.args.items() if k != "lang"} if "page_url" not in g else {}
    if lang:
        args["lang"] = lang
    return absolute(f"{path}?{urlencode(args)}" if args else path)


def alternates() -> list[tuple[str, str]]:
    """(hreflang, address) for a public page; none for one about a person or a class."""
    if is_private_page():
        return []
    return [(lang, page_address(lang)) for lang in LANGUAGES] + [("x-default", page_address(None))]


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        alternates=alternates,
        canonical_url=lambda: page_address(current_language()),
        open_graph_locale=lambda: OPEN_GRAPH_LOCALES[current_language()],
        other_open_graph_locales=lambda: [OPEN_GRAPH_LOCALES[l] for l in LANGUAGES if l != current_language()],
        private_page=is_private_page,
    )
