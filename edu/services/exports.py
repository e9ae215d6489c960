"""CSV and XLSX files that match a report on screen, numbers kept as numbers.

Every text cell holds words a person typed (a student's display name, a class
or quiz title), so every one goes through `as_text` before it is written: a
spreadsheet must never take it for a formula (OWASP, "CSV injection").
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import quote

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

Value = str | int | float | date | datetime | None
DATE_FORMAT, DATETIME_FORMAT = "yyyy-mm-dd", "yyyy-mm-dd hh:mm"  # read the same in every language

# A cell starting with one of these is a formula to Excel, LibreOffice or
# Google Sheets (tab and carriage return too, once the cell is trimmed).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SHEET_TITLE_MAX = 31  # Excel's limit
SHEET_TITLE_FORBIDDEN = re.compile(r"[\\/*?:\[\]]")
DEFAULT_SHEET_TITLE = "Report"


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[Value]]


def as_text(value: str) -> str:
    """Text a spreadsheet shows and never runs: a leading single quote before
    anything that would start a formula, even after leading spaces."""
    return "'" + value if value.lstrip(" ").startswith(FORMULA_STARTS) else value


def _cells(values: list[Value]) -> list[Value]:
    """Numbers stay numbers (so spreadsheets can sum them); only str is text."""
    return [as_text(v) if isinstance(v, str) else v for v in values]


def _csv_value(value: Value) -> Value:
    """CSV has no dates: ISO 8601, which every spreadsheet reads as one."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else value


def content_disposition(name: str) -> str:
    """RFC 6266: the name in UTF-8 (filename*) keeps Vietnamese letters such as
    Đ; the plain filename is an ASCII fallback for old clients."""
    ascii_name = unicodedata.normalize("NFKD", name.replace("Đ", "D").replace("đ", "d"))
    ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_name.encode("ascii", "ignore").decode()).strip("-.") or "report"
    utf8_name = re.sub(r'[\x00-\x1f\x7f/\\"]+', "-", name).strip() or ascii_name
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(utf8_name, safe='')}"


def to_csv(table: Table) -> bytes:
    """UTF-8 with a byte-order mark: without it Excel shows Vietnamese as mojibake."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_cells(table.headers))
    writer.writerows(_cells([_csv_value(v) for v in row]) for row in table.rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def sheet_title(title: str) -> str:
    """A sheet title Excel accepts: none of \\ / * ? : [ ], not starting or
    ending with a quote, at most 31 characters, never empty."""
    cleaned = " ".join(SHEET_TITLE_FORBIDDEN.sub(" ", ILLEGAL_CHARACTERS_RE.sub("", title)).split())
    cleaned = cleaned[:SHEET_TITLE_MAX].strip(" '")
    return cleaned if cleaned and cleaned.casefold() != "history" else DEFAULT_SHEET_TITLE  # "History" is Excel's own


def _xlsx_row(values: list[Value]) -> list[Value]:
    """As for CSV, minus the control characters an XLSX file cannot hold."""
    return [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in _cells(values)]


def to_xlsx(tables: Table | list[Table]) -> bytes:
    """One sheet per table, in order: a report of several tables is one file."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in [tables] if isinstance(tables, Table) else tables:
        _fill(workbook.create_sheet(sheet_title(table.title)), table)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _fill(sheet, table: Table) -> None:
    for values in [table.headers, *table.rows]:
        sheet.append(_xlsx_row(values))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, nor an error cell for "#N/A"
            elif isinstance(cell.value, datetime):
                cell.number_format = DATETIME_FORMAT  # a date cell, which sorts and filters as one
            elif isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
    for index, header in enumerate(table.headers, start=1):
        width = max([len(str(header))] + [len(str(_csv_value(r[index - 1]))) for r in table.rows
                                          if r[index - 1] is not None])
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(60, width + 2)
    sheet.freeze_panes = "B2"
