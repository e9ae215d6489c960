"""Static files under fingerprinted names, cached for a year.

`url_for('static', filename='site.css')` gives /static/site.<hash>.css, the
hash taken from the file's bytes at start-up, so templates stay as they are
and a changed file gets a new address. That address never changes meaning,
so the browser may keep it for a year without asking again (`immutable`):
the next page on a slow line costs its HTML alone.

The plain name (/static/site.css) and a stale fingerprint (a page cached
before a deploy) still get the current file, with a short cache, so old
links keep working. Each file is read and compressed (brotli at its best,
and gzip) once per process and served from memory.
"""
from __future__ import annotations

import gzip
import hashlib
import mimetypes
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import brotli
from flask import Flask, Response, abort, request
from flask.sessions import SecureCookieSessionInterface

IMMUTABLE = "public, max-age=31536000, immutable"
SHORT = "public, max-age=600"  # the plain name: old links work, and pick up a new file within minutes
FINGERPRINTED = re.compile(r"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{10})(?P<suffix>\.[^./]+)$")
ENCODINGS = ("br", "gzip")


def fingerprinted_name(name: str, digest: str) -> str:
    """"css/site.css" with digest "0123456789..." -> "css/site.0123456789.css"."""
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}.{digest[:10]}.{suffix}" if dot and "/" not in suffix else f"{name}.{digest[:10]}"


@dataclass(frozen=True)
class Asset:
    name: str
    body: bytes
    mimetype: str
    digest: str
    encoded: dict[str, bytes] = field(default_factory=dict)  # "br"/"gzip" -> body, only when smaller

    @property
    def url_name(self) -> str:
        return fingerprinted_name(self.name, self.digest)


# A CSS comment, or a string kept whole (a "/*" inside quotes is not a comment).
_CSS_COMMENT = re.compile(rb"""("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')|/\*.*?\*/""", re.S)


def without_css_comments(css: bytes) -> bytes:
    """The stylesheet's comments are for its authors: a tenth of its weight on the wire."""
    return _CSS_COMMENT.sub(lambda m: m[1] or b"", css)


@lru_cache(maxsize=256)
def _load(path: Path, _mtime_ns: int, _size: int, name: str) -> Asset:
    """One file, read, hashed and compressed once per process (tests make
    hundreds of apps; a changed file has a new mtime and is read again)."""
    body = path.read_bytes()
    digest = hashlib.sha256(body).hexdigest()
    if name.endswith(".css"):
        body = without_css_comments(body)
    mimetype = mimetypes.guess_type(name)[0] or "application/octet-stream"
    encoded = {}
    if mimetype.startswith("text/") or mimetype in ("application/javascript", "image/svg+xml", "application/json"):
        candidates = {"br": brotli.compress(body, quality=11), "gzip": gzip.compress(body, 9, mtime=0)}
        encoded = {coding: data for coding, data in candidates.items() if len(data) < len(body)}
    return Asset(name, body, mimetype, digest, encoded)


class Assets:
    """Every file under the static folder, by plain and fingerprinted name."""

    def __init__(self, folder: Path):
        self.by_name: dict[str, Asset] = {}
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                name = path.relative_to(folder).as_posix()
                stat = path.stat()
                self.by_name[name] = _load(path, stat.st_mtime_ns, stat.st_size, name)
        self.by_url_name = {asset.url_name: asset for asset in self.by_name.values()}

    def url_name(self, name: str) -> str:
        asset = self.by_name.get(name)
        return asset.url_name if asset else name

    def find(self, filename: str) -> tuple[Asset, bool] | None:
        """The asset a URL names, and whether the name is its current fingerprint."""
        if filename in self.by_url_name:
            return self.by_url_name[filename], True
        if filename in self.by_name:
            return self.by_name[filename], False
        stale = FINGERPRINTED.match(filename)  # a page from before the file changed
        asset = stale and self.by_name.get(stale["stem"] + stale["suffix"])
        return (asset, False) if asset else None


def serve(assets: Assets, filename: str) -> Response:
    found = assets.find(filename) or abort(404)
    asset, current = found
    coding = request.accept_encodings.best_match([c for c in ENCODINGS if c in asset.encoded])
    response = Response(asset.encoded[coding] if coding else asset.body, mimetype=asset.mimetype)
    if coding:
        response.headers["Content-Encoding"] = coding
    response.vary.add("Accept-Encoding")
    response.headers["Cache-Control"] = IMMUTABLE if current else SHORT
    # A file is never a page that loads anything: the strictest policy (it stops
    # an SVG opened on its own from running script) and shorter than the pages' one.
    response.headers["Content-Security-Policy"] = "default-src 'none'"
    response.set_etag(f"{asset.digest[:20]}-{coding or 'identity'}")
    return response.make_conditional(request)


class _NoCookieForStatic(SecureCookieSessionInterface):
    """Static files leave the session alone. Otherwise a student's permanent
    session would be sent again with every file (and a response that sets a
    cookie is private: web/security.py), and `Vary: Cookie` would make the
    browser ask again whenever the cookie changed, which it does on every page."""

    def save_session(self, app, session, response) -> None:
        if request.endpoint != "static":
            super().save_session(app, session, response)


def init_app(app: Flask) -> None:
    assets = app.extensions["assets"] = Assets(Path(app.static_folder))

    @app.url_defaults
    def _fingerprint(endpoint, values):
        if endpoint == "static" and "filename" in values:
            values["filename"] = assets.url_name(values["filename"])

    app.view_functions["static"] = lambda filename: serve(assets, filename)
    app.session_interface = _NoCookieForStatic()
