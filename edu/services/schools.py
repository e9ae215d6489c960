"""Schools: the list organisers import from a CSV file, finding a school in
it, and the school a teacher says they teach at (the one whose contest
entrants they confirm, once an organiser confirmed it: school_teachers.py).

School lists come from education departments as spreadsheets saved as CSV:
written before the July 2025 merger (the 63 former provinces, "Tỉnh ..."),
with Vietnamese headers and level words ("THCS"), separated by commas or, in
a Vietnamese Excel, semicolons. The import reads all of that, imports every
good row, and reports every bad one by line and field, so an organiser fixes
the few bad lines and imports the file again: rows already imported are
recognised and skipped, never doubled.
"""
from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from dataclasses import dataclass, field

from sqlmodel import Session, select

from ..models import School, User, utcnow
from .errors import ServiceError
from .names import name_key
from .provinces import current_unit

LEVELS = ("primary", "lower-secondary", "upper-secondary", "multi-level")
MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 20_000  # a province's list fits many times over; a national list comes in parts
NAME_MAX, COMMUNE_MAX = 150, 80  # the columns' sizes
PAGE_SIZE = 50

# What a header cell or a level may say, compared by `_words` (no case, tone marks or punctuation).
_COLUMNS = {
    "name": ("name", "school", "school name", "ten", "ten truong", "truong"),
    "province": ("province", "tinh", "tinh thanh", "tinh thanh pho", "thanh pho"),
    "commune": ("commune", "ward", "commune ward", "xa", "phuong", "xa phuong", "phuong xa"),
    "level": ("level", "cap", "cap hoc"),
}
_LEVEL_WORDS = {
    "primary": ("primary", "tieu hoc", "th"),
    "lower-secondary": ("lower secondary", "thcs", "trung hoc co so"),
    "upper-secondary": ("upper secondary", "thpt", "trung hoc pho thong"),
    "multi-level": ("multi level", "multilevel", "lien cap", "th thcs", "thcs thpt", "th thcs thpt"),
}
_PUNCTUATION = re.compile(r"[-–—./&,()]")


def _words(text: str) -> str:
    """Lower case, no tone marks or đ, punctuation as spaces: "TH&THCS" is "th thcs"."""
    return name_key(_PUNCTUATION.sub(" ", text))


_HEADERS = {_words(word): column for column, words in _COLUMNS.items() for word in words}
_LEVELS = {_words(word): level for level, words in _LEVEL_WORDS.items() for word in words}


class SchoolError(ServiceError):
    """A school list or a choice of school refused as a whole."""


@dataclass(frozen=True)
class RowProblem:
    """One bad value on one line. `code` and `params` are said in the
    organiser's language by the web layer, like a ServiceError's."""

    line: int
    field: str  # "name", "province", "commune" or "level"
    code: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Mapped:
    """A row whose province is written otherwise than the unit it was filed
    under: a former province, or another spelling."""

    line: int
    written: str
    unit: str


@dataclass
class ImportReport:
    added: int = 0
    existing: int = 0  # already in the list: skipped
    problems: list[RowProblem] = field(default_factory=list)
    mapped: list[Mapped] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        """Rows not imported (a row may have several problems)."""
        return len({problem.line for problem in self.problems})

    def mappings(self) -> list[tuple[str, str, int]]:
        """(as written, unit, number of rows), in the order first met."""
        counts: dict[tuple[str, str], int] = {}
        for row in self.mapped:
            counts[row.written, row.unit] = counts.get((row.written, row.unit), 0) + 1
        return [(written, unit, count) for (written, unit), count in counts.items()]


def _text(data: bytes | str) -> str:
    raw = data.encode() if isinstance(data, str) else data
    if len(raw) > MAX_BYTES:
        raise SchoolError("school.file_too_large", mb=MAX_BYTES // (1024 * 1024))
    encoding = "utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"  # Excel's "Unicode text" is UTF-16
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise SchoolError("school.not_utf8") from None


def _clean(cell: str) -> str:
    """NFC, whitespace folded, and no control or invisible format characters
    (a NUL would be refused by PostgreSQL, a bidi override garbles a list)."""
    visible = "".join(c for c in unicodedata.normalize("NFC", cell)
                      if c.isspace() or unicodedata.category(c) not in ("Cc", "Cf"))
    return " ".join(visible.split())


def _records(text: str):
    """(line where the record starts, cells) for every non-blank record; the
    delimiter is what the first line uses most: ",", ";" (a Vietnamese
    Excel's CSV) or a tab."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=max(",;\t", key=first.count))
    start = 1
    try:
        for cells in reader:
            cells = [_clean(cell) for cell in cells]
            if any(cells):
                yield start, cells
            start = reader.line_num + 1
    except csv.Error:  # a cell past the csv module's size limit: a quote left open
        raise SchoolError("school.unreadable", line=start) from None


def _columns(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        column = _HEADERS.get(_words(cell))
        if column and column not in columns:
            columns[column] = index
    missing = [name for name in ("name", "province") if name not in columns]
    if missing:
        raise SchoolError("school.header", columns=", ".join(missing))
    return columns


def _cell(cells: list[str], index: int | None) -> str:
    """A row's value in a column; "" for a column the file lacks or a short row."""
    return cells[index] if index is not None and index < len(cells) else ""


def _check(line: int, row: dict[str, str], problems: list[RowProblem]) -> School | None:
    """The school a row describes, or None with its problems added."""
    found: list[RowProblem] = []
    name, written, commune, level = row["name"], row["province"], row["commune"], row["level"]
    if not name:
        found.append(RowProblem(line, "name", "school.row_name_missing"))
    elif len(name) > NAME_MAX:
        found.append(RowProblem(line, "name", "school.row_too_long", {"max": NAME_MAX}))
    unit = current_unit(written) if written else None
    if not written:
        found.append(RowProblem(line, "province", "school.row_province_missing"))
    elif unit is None:
        found.append(RowProblem(line, "province", "school.row_province_unknown", {"province": written}))
    if len(commune) > COMMUNE_MAX:
        found.append(RowProblem(line, "commune", "school.row_too_long", {"max": COMMUNE_MAX}))
    canonical = _LEVELS.get(_words(level), "") if level else ""
    if level and not canonical:
        found.append(RowProblem(line, "level", "school.row_level_unknown", {"level": level}))
    problems.extend(found)
    return None if found else School(name=name, province=unit.name, commune=commune, level=canonical)


def _key(province: str, commune: str, name: str) -> tuple[str, str, str]:
    """Two rows are the same school when these match, whatever the case or tone marks."""
    return province, name_key(commune), name_key(name)


def import_csv(db: Session, data: bytes | str) -> ImportReport:
    """Add the good rows of a CSV school list and report the rest. A file that
    cannot be read (too large, not UTF-8, no name or province column, too
    many rows) is refused whole with a SchoolError, before anything is written;
    otherwise every good row is added in the request's one transaction."""
    records = _records(_text(data))
    header = next(records, None)
    if header is None:
        raise SchoolError("school.empty")
    columns = _columns(header[1])
    report, seen, schools = ImportReport(), {}, []
    for count, (line, cells) in enumerate(records, start=1):
        if count > MAX_ROWS:
            raise SchoolError("school.too_many_rows", max=MAX_ROWS)
        row = {column: _cell(cells, columns.get(column)) for column in _COLUMNS}
        school = _check(line, row, report.problems)
        if school is None:
            continue
        key = _key(school.province, school.commune, school.name)
        if key in seen:
            report.problems.append(RowProblem(line, "name", "school.row_duplicate", {"line": seen[key]}))
            continue
        seen[key] = line
        if school.province != row["province"]:
            report.mapped.append(Mapped(line, row["province"], school.province))
        schools.append((key, school))
    provinces = sorted({school.province for _, school in schools})
    known = {_key(*existing) for existing in db.exec(
        select(School.province, School.commune, School.name).where(School.province.in_(provinces))).all()}
    new = [school for key, school in schools if key not in known]
    report.added, report.existing = len(new), len(schools) - len(new)
    db.add_all(new)
    db.flush()
    return report


# --- finding schools -----------------------------------------------------------------

@dataclass(frozen=True)
class Page:
    schools: list[School]
    number: int
    pages: int
    total: int


def search(db: Session, name: str = "", province: str = "", page: int = 1, per_page: int = PAGE_SIZE) -> Page:
    """Schools by province (the unit's name) and a part of the name, however it
    is typed ("thcs le loi" finds "Trường THCS Lê Lợi"), by province and name."""
    query = select(School.id, School.name).order_by(School.province, School.name, School.id)
    if province:
        query = query.where(School.province == province)
    rows = db.exec(query).all()
    wanted = _words(name)
    ids = [school_id for school_id, school_name in rows if wanted in _words(school_name)] if wanted else [r[0] for r in rows]
    pages = max(1, math.ceil(len(ids) / per_page))
    number = min(max(page, 1), pages)
    chosen = ids[(number - 1) * per_page:number * per_page]
    found = {s.id: s for s in db.exec(select(School).where(School.id.in_(chosen))).all()} if chosen else {}
    return Page([found[school_id] for school_id in chosen], number, pages, len(ids))


def get(db: Session, school_id: int) -> School | None:
    return db.get(School, school_id)


def in_province(db: Session, province: str) -> list[School]:
    return list(db.exec(select(School).where(School.province == province).order_by(School.name, School.id)).all())


def neighbours(db: Session, school: School) -> list[School]:
    """The schools of the same commune or ward, `school` among them: where a
    teacher's classes are, also when they teach at two schools."""
    return list(db.exec(select(School).where(School.province == school.province, School.commune == school.commune)
                        .order_by(School.name, School.id)).all())


def school_of(db: Session, teacher: User) -> School | None:
    return db.get(School, teacher.school_id) if teacher.school_id else None


def set_school(db: Session, teacher: User, school_id: int | None) -> School | None:
    """The teacher's school from now on (None: no school). A school that does
    not exist is refused before anything changes. Another school (or none)
    withdraws an organiser's confirmation: a new claim waits for a new one
    (see school_teachers.py); choosing the same school again changes nothing."""
    school = None
    if school_id is not None:
        school = db.get(School, school_id)
        if school is None:
            raise SchoolError("school.unknown")
    if school_id != teacher.school_id:
        teacher.school_id = school_id
        teacher.school_chosen_at = utcnow() if school_id is not None else None
        teacher.school_confirmed_at = teacher.school_confirmed_by = None
        db.add(teacher)
    return school
