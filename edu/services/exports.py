"""CSV and XLSX files that match a report on screen, numbers kept as numbers."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Font

Value = str | int | float | None


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[Value]]


def to_csv(table: Table) -> bytes:
    """UTF-8 with a byte-order mark: without it Excel shows Vietnamese as mojibake."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.headers)
    writer.writerows(["" if v is None else v for v in row] for row in table.rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(table: Table) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = table.title[:31] or "Report"  # Excel's limit
    sheet.append(table.headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append(row)
    for index, header in enumerate(table.headers, start=1):
        width = max([len(str(header))] + [len(str(r[index - 1])) for r in table.rows if r[index - 1] is not None])
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(60, width + 2)
    sheet.freeze_panes = "B2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
