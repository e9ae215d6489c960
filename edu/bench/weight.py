"""Bytes on the wire for one page, as a browser on a slow line fetches it.

A first visit fetches the page and every stylesheet, script and image it
names; the next page of the same kind (the next lesson, the next question)
fetches its HTML again and only the files the first visit could not keep
(files served with `immutable` or a max-age stay in the browser's cache).
Counted: what arrives, compressed as the browser asks (brotli), with each
response's status line and headers.
"""
from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

BROWSER_ENCODINGS = "gzip, deflate, br, zstd"  # Chromium's Accept-Encoding over HTTPS


class _Assets(HTMLParser):
    """The files a browser loads to show the page: stylesheets, icons, scripts, images."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and {"stylesheet", "icon"} & set((attrs.get("rel") or "").split()):
            self.urls.append(attrs.get("href"))
        elif tag in ("script", "img") and attrs.get("src"):
            self.urls.append(attrs["src"])


def assets_of(html: str) -> list[str]:
    parser = _Assets()
    parser.feed(html)
    return list(dict.fromkeys(url for url in parser.urls if url and url.startswith("/")))


def wire_size(response) -> int:
    """Body as it travelled (compressed) plus status line and headers."""
    headers = sum(len(name) + len(value) + 4 for name, value in response.headers.raw)
    return response.num_bytes_downloaded + len(f"HTTP/1.1 {response.status_code} {response.reason_phrase}\r\n") + headers + 2


def cacheable(response) -> bool:
    cache = response.headers.get("Cache-Control", "")
    return "immutable" in cache or ("max-age=" in cache and "no-store" not in cache and "max-age=0" not in cache)


@dataclass(frozen=True)
class Weight:
    first_visit: int  # bytes
    next_page: int
    html: int
    assets: int  # how many files the first visit fetched


def page_weight(client, path: str, cookie: str = "") -> Weight:
    """`client` is an httpx.Client on the server; `cookie` the visitor's."""
    headers = {"Accept-Encoding": BROWSER_ENCODINGS, "Cookie": cookie}
    page = client.get(path, headers=headers)
    page.raise_for_status()
    html = wire_size(page)
    first, kept = html, 0
    urls = assets_of(page.text)
    for url in urls:
        asset = client.get(url, headers={"Accept-Encoding": BROWSER_ENCODINGS})
        asset.raise_for_status()
        first += wire_size(asset)
        kept += wire_size(asset) if cacheable(asset) else 0
    return Weight(first_visit=first, next_page=first - kept, html=html, assets=len(urls))
