"""A report as a file: CSV or XLSX (services/exports.py), named for the
person who downloads it, never cached. Teachers' reports, round reports and
kiosk statistics all download through here."""
from __future__ import annotations

from flask import Response, abort

from ..services.exports import Table, content_disposition, to_csv, to_xlsx

FORMATS = {"csv": ("text/csv; charset=utf-8", to_csv),
           "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", to_xlsx)}


def download(table: Table | list[Table], fmt: str, name: str) -> Response:
    if fmt not in FORMATS:
        abort(404)
    mimetype, render = FORMATS[fmt]
    return Response(render(table), mimetype=mimetype,
                    headers={"Content-Disposition": content_disposition(f"{name}.{fmt}"), "Cache-Control": "no-store"})


def one_decimal(value):
    """A figure as a file holds it: a number to one decimal, or empty."""
    return None if value is None else round(value, 1)
