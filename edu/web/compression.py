"""Responses compressed on the way out, for schools behind one slow line.

Flask-Compress does it inside the app, so it works under gunicorn alone (the
README's production set-up has no proxy in front to compress): brotli when
the browser asks for it (every current browser does, over HTTPS), gzip for
the rest. Static files arrive already compressed from web/assets.py, which
compresses each file once at start-up; Flask-Compress leaves a response that
has a Content-Encoding alone.
"""
from __future__ import annotations

from flask import Flask
from flask_compress import Compress

compress = Compress()

# What compresses: pages, fragments, CSS, JS, SVG and CSV exports. XLSX is a
# zip already, and images (PNG, JPEG) do not shrink.
MIMETYPES = ["text/html", "text/css", "text/javascript", "application/javascript", "application/json",
             "image/svg+xml", "text/csv", "text/plain", "application/xml", "text/xml"]

SETTINGS = {
    "COMPRESS_MIMETYPES": MIMETYPES,
    "COMPRESS_ALGORITHM": ["br", "gzip"],  # the browser's preference decides; on a tie, brotli
    "COMPRESS_ALGORITHM_STREAMING": ["br", "gzip"],  # lesson images sent from disk as they are read
    "COMPRESS_LEVEL": 6,  # gzip: zlib's default balance of size and time
    "COMPRESS_BR_LEVEL": 4,  # brotli per response: smaller than gzip 6 and as fast
    "COMPRESS_MIN_SIZE": 500,  # below one packet, compressing saves nothing
}


def init_app(app: Flask) -> None:
    for name, value in SETTINGS.items():
        app.config.setdefault(name, value)
    compress.init_app(app)
