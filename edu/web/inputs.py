"""What no honest form or address contains is refused before any view runs,
with a 400 instead of a crash further down: an id too large for the database,
a NUL byte (PostgreSQL refuses it in text)."""
from __future__ import annotations

from flask import Flask, abort, request
from werkzeug.routing import IntegerConverter

LARGEST_ID = 2**31 - 1  # an INTEGER column on SQLite and PostgreSQL alike


class IdConverter(IntegerConverter):
    """`<int:…>` in every route: a number past any id is simply not found
    (404), not an overflow in the database driver (500)."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", LARGEST_ID)
        super().__init__(map, *args, **kwargs)


def _refuse_nul_bytes():
    for values in (request.args, request.form):
        if any("\x00" in key or "\x00" in value for key, value in values.items(multi=True)):
            abort(400)


def init_app(app: Flask) -> None:
    app.url_map.converters["int"] = IdConverter
    app.before_request(_refuse_nul_bytes)
