"""Markdown to safe HTML.

Authors are trusted to write content, not to run code in students'
browsers, so every rendered fragment goes through nh3 (ammonia) whatever the
Markdown produced.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from html import escape
from pathlib import PurePosixPath
from typing import NamedTuple
from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

from .images import Size

CALLOUT_KINDS = ("tip", "warning", "help")
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"})

_BLOCK_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "code", "pre",
    "blockquote", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "aside", "span", "del",
}
_INLINE_TAGS = {"strong", "em", "code", "a", "br", "span", "del"}
_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "aside": {"class"},
    "table": {"tabindex"},
    "p": {"class"},
    "ol": {"start"},
}
_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _render_callout(kind: str):
    def render(self, tokens: list[Token], idx: int, options, env) -> str:
        token = tokens[idx]
        if token.nesting == -1:
            return "</aside>\n"
        custom_title = token.info.strip()[len(kind):].strip()
        title = custom_title or env.get("callout_titles", {}).get(kind, kind)
        return f'<aside class="callout callout-{kind}">\n<p class="callout-title">{escape(title)}</p>\n'

    return render


def _build_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table").enable("strikethrough")
    for kind in CALLOUT_KINDS:
        md.use(container_plugin, name=kind, render=_render_callout(kind))
    return md


_md = _build_parser()


def sanitize(html: str, inline: bool = False) -> str:
    return nh3.clean(
        html,
        tags=_INLINE_TAGS if inline else _BLOCK_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def is_local_path(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and not url.startswith("/")


class MediaFile(NamedTuple):
    """A lesson's picture: where it is served, and its size when the file says."""

    url: str
    size: Size | None = None


def render_document(text: str, *, callout_titles: dict[str, str], media_file, problems: list[str]) -> str:
    """Render a lesson body.

    `media_file(name)` maps an image path written in the lesson to its URL
    (a string, or a MediaFile that also gives the picture's size for the
    img's width and height), or returns None when no such image exists; each
    missing image is added to `problems` so `content check` can name it.
    """
    env = {"callout_titles": callout_titles}
    tokens = _md.parse(text, env)
    for token in tokens:
        if token.type == "table_open":
            # A lesson's table scrolls sideways on a phone (site.css): a keyboard must reach it to scroll.
            token.attrSet("tabindex", "0")
        for child in token.children or ():
            if child.type != "image":
                continue
            src = str(child.attrGet("src") or "")
            if not is_local_path(src):
                continue
            if PurePosixPath(src).suffix.lower() not in IMAGE_SUFFIXES:
                problems.append(f"image {src!r} is not a picture file ({', '.join(sorted(IMAGE_SUFFIXES))})")
                continue
            found = media_file(src)
            if found is None:
                problems.append(f"image {src!r} is not in the lesson's folder")
            elif isinstance(found, str):
                child.attrSet("src", found)
            else:
                child.attrSet("src", found.url)
                if found.size:
                    child.attrSet("width", str(found.size.width))
                    child.attrSet("height", str(found.size.height))
    return sanitize(_md.renderer.render(tokens, _md.options, env))


@lru_cache(maxsize=8192)
def render_text(text: str) -> str:
    """A quiz prompt or explanation: paragraphs, lists, emphasis, links."""
    return sanitize(_md.render(text))


@lru_cache(maxsize=8192)
def to_plain(text: str) -> str:
    """Markdown as the words a reader sees: for tables, exports and truncated lists."""
    spaced = re.sub(r"</?(p|li|ul|ol|h\d|br|hr|tr|td|th|blockquote|pre)\b[^>]*>", " ", render_text(text))
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", spaced)).split())


@lru_cache(maxsize=8192)
def render_inline(text: str) -> str:
    """An option label: emphasis and links only, no block elements."""
    return sanitize(_md.renderInline(text), inline=True)
