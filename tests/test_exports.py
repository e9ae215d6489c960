"""CSV and XLSX exports: numbers stay numbers, text never becomes a formula
(OWASP's CSV-injection rule), and every sheet title is one Excel accepts."""
from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from edu.models import Student
from edu.services.exports import Table, as_text, sheet_title, to_csv, to_xlsx
from edu.web.db import get_session

DANGEROUS = ['=HYPERLINK("http://x.example","Hi")', "+cmd|' /C calc'!A0", "@SUM(A1)", "-2+3", "=1+1"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def read_xlsx(data: bytes):
    return load_workbook(io.BytesIO(data)).active


def is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def assert_no_formula_in_csv(rows):
    """Only a number (a negative discrimination index, say) may start with "-"."""
    for row in rows:
        for value in row:
            assert is_number(value) or not value.lstrip(" ").startswith(FORMULA_STARTS), value


def assert_no_formula_in_xlsx(sheet):
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                assert cell.data_type == "s", (cell.coordinate, cell.value, cell.data_type)
                assert not cell.value.lstrip(" ").startswith(FORMULA_STARTS), cell.value
            else:
                assert cell.data_type != "f", cell.coordinate


# --- the export functions ---------------------------------------------------------------

@pytest.mark.parametrize("text", DANGEROUS + ["\tx", "\r=1", "  =1+1"])
def test_text_that_would_start_a_formula_gets_a_leading_quote(text):
    assert as_text(text) == "'" + text


@pytest.mark.parametrize("text", ["Nguyễn Văn An", "Lan-Anh", "2+3", "a=b", "'quoted", "", "#N/A"])
def test_other_text_is_left_alone(text):
    assert as_text(text) == text


def test_csv_neutralises_text_and_keeps_numbers():
    table = Table("=title", ["Student", "-score"], [[name, 1] for name in DANGEROUS] + [["Lan", -2.5], ["Hoa", None]])
    rows = read_csv(to_csv(table))
    assert rows[0] == ["Student", "'-score"]
    assert [r[0] for r in rows[1:len(DANGEROUS) + 1]] == ["'" + name for name in DANGEROUS]
    assert rows[-2] == ["Lan", "-2.5"] and rows[-1] == ["Hoa", ""]  # numbers are written as numbers
    assert_no_formula_in_csv(rows)


def test_xlsx_text_cells_are_strings_never_formulas_and_numbers_stay_numbers():
    table = Table("Progress", ["=Student", "Score"],
                  [[name, 3] for name in DANGEROUS] + [["#N/A", -2.5], ["bell\x07", None]])
    sheet = read_xlsx(to_xlsx(table))
    assert_no_formula_in_xlsx(sheet)
    assert sheet["A1"].value == "'=Student"
    assert [sheet.cell(row, 1).value for row in range(2, len(DANGEROUS) + 2)] == ["'" + name for name in DANGEROUS]
    assert sheet["B2"].value == 3 and sheet["B2"].data_type == "n"
    last = len(DANGEROUS) + 2
    assert sheet.cell(last, 1).value == "#N/A" and sheet.cell(last, 2).value == -2.5  # text, not Excel's error
    assert sheet.cell(last + 1, 1).value == "bell"  # a control character XLSX cannot hold is dropped


@pytest.mark.parametrize("title, expected", [
    ("Progress", "Progress"),
    ("a/b:c[d]*e?f\\g", "a b c d e f g"),
    ("[]/:*?\\", "Report"),
    ("", "Report"),
    ("'quoted'", "quoted"),
    ("history", "Report"),
    ("Nguyễn Thị Minh Khai lớp 7A trường Hoa Sen", "Nguyễn Thị Minh Khai lớp 7A trư"),
])
def test_sheet_titles_are_ones_excel_accepts(title, expected):
    assert sheet_title(title) == expected
    sheet = read_xlsx(to_xlsx(Table(title, ["x"], [["y"]])))
    assert sheet.title == expected and len(sheet.title) <= 31


# --- every export, through the app --------------------------------------------------------

SLASHED = "a/b:c[d]*e?f\\g"
QUIZ_TITLE = '=HYPERLINK("http://x.example","quiz")'


@pytest.fixture
def dangerous_content(content):
    """The test content with a quiz title and a prompt a spreadsheet would run."""
    quiz = content / "quizzes/first-quiz.yaml"
    text = quiz.read_text(encoding="utf-8")
    text = text.replace("title: {vi: Bài kiểm tra đầu tiên, en: The first quiz}",
                        "title: {vi: '-Bài kiểm tra', en: '" + QUIZ_TITLE + "'}")
    text = text.replace("prompt: {vi: Chọn B., en: Choose B.}", "prompt: {vi: '@Chọn B', en: '+Choose B'}")
    quiz.write_text(text, encoding="utf-8")
    return content


def test_every_export_neutralises_dangerous_names_and_titles(make_app, dangerous_content, sign_up, join):
    app = make_app(dangerous_content, WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)
    teacher = sign_up(app, "lan@school.example")
    class_url = teacher.post("/classes/new", data={"name": "=7A", "language": "vi"}).location
    teacher.post(class_url + "/assign", data={"item": "quiz:first-quiz"})
    code = re.search(r'id="join-code">(\w+)<', teacher.get(class_url).text).group(1)
    for name in DANGEROUS + [SLASHED]:
        student, _ = join(app, code, name)
        student.post("/me/quizzes/first-quiz/start")
        student.post("/me/quizzes/first-quiz/answer", data={"question": "pick-one", "choice": "b"})
    with app.app_context():
        students = {s.display_name: s.id for s in get_session().exec(select(Student)).all()}
    assert set(students) == set(DANGEROUS + [SLASHED])

    base = class_url + "/reports"
    reports = ["grid", "quizzes/first-quiz", "topics"] + [f"students/{i}" for i in students.values()]
    for lang in ("en", "vi"):
        for report in reports:
            for fmt in ("csv", "xlsx"):
                response = teacher.get(f"{base}/{report}.{fmt}?lang={lang}")
                assert response.status_code == 200, (report, fmt, lang)
                if fmt == "csv":
                    assert_no_formula_in_csv(read_csv(response.data))
                else:
                    assert_no_formula_in_xlsx(read_xlsx(response.data))

    grid_csv = read_csv(teacher.get(f"{base}/grid.csv?lang=en").data)
    assert {row[0] for row in grid_csv[1:]} == {"'" + n for n in DANGEROUS} | {SLASHED}
    assert "'" + QUIZ_TITLE in grid_csv[0]
    grid_xlsx = read_xlsx(teacher.get(f"{base}/grid.xlsx?lang=en").data)
    assert {grid_xlsx.cell(row, 1).value for row in range(2, grid_xlsx.max_row + 1)} == \
        {"'" + n for n in DANGEROUS} | {SLASHED}
    student = read_xlsx(teacher.get(f"{base}/students/{students['@SUM(A1)']}.xlsx?lang=en").data)
    assert student["A2"].value == "'" + QUIZ_TITLE and student["D2"].value == "'+Choose B"
    assert read_xlsx(teacher.get(f"{base}/students/{students[SLASHED]}.xlsx").data).title == "a b c d e f g"
