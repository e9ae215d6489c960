"""Kiosk statistics for campaign staff (services/kiosk_stats.py, kiosk/statistics.py):
exact figures from plays written straight into the database, Viet Nam day
boundaries, the filter, who may see what, and the CSV, XLSX and print view.

The plays (two kiosks of one staff member, one of another's that must never
count), on the test content's items:

    P1  kiosk A  24 Nov 08:00 UTC (VN 24th 15:00)  vi  finished 3/4  pick-one wrong
    P2  kiosk A  24 Nov 17:30 UTC (VN 25th 00:30)  en  finished 2/4  bank-sms, pick-one wrong
    P3  kiosk A  24 Nov 16:59 UTC (VN 24th 23:59)  vi  left after one answer: bank-sms wrong
    P4  kiosk B  25 Nov 03:00 UTC (VN 25th 10:00)  en  finished 4/4
"""
from __future__ import annotations

import csv
import io
import json
import secrets
from datetime import date, datetime, timedelta, timezone

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from edu.models import KioskPlay, QuizAnswer, QuizAttempt, User
from edu.services import kiosk_stats, kiosks
from edu.web.db import get_session

from tests.conftest import KIOSK_STAFF_EMAIL

from .database import run

GONE = "old-quiz/gone"  # an item the content no longer has
BANK, SCHOOL, PICK = "recognition/bank-sms", "recognition/school-email", "first-quiz/pick-one"
OTHER_EMAIL = "other-campaign@ngo.example"
B_NAME = '=HYPERLINK("http://evil.example")'  # a kiosk's name is typed by staff: never a formula in a file


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=timezone.utc)


def add_play(db, kiosk_id: int, started_at: datetime, language: str, answers: dict[str, bool],
             finished: bool = True, max_score: int | None = None) -> None:
    """A visitor's play as the kiosk stores it: the attempt, the play, an answer per item."""
    attempt = QuizAttempt(learner_key=secrets.token_hex(16), quiz_slug=f"kiosk-{kiosk_id}", context="kiosk",
                          context_id=kiosk_id, max_score=max_score or len(answers), started_at=started_at,
                          score=float(sum(answers.values())),
                          finished_at=started_at + timedelta(minutes=3) if finished else None)
    db.add(attempt)
    db.flush()
    db.add(KioskPlay(kiosk_id=kiosk_id, attempt_id=attempt.id, language=language, questions=json.dumps(list(answers)),
                     started_at=started_at))
    db.add_all(QuizAnswer(attempt_id=attempt.id, question_id=ref, choice="x", is_correct=right, score=float(right))
               for ref, right in answers.items())


@pytest.fixture
def app(make_app):
    return make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)


@pytest.fixture
def seeded(app, clock, kiosk_staff, kiosk_factory):
    """The staff member's client and kiosks A and B with P1-P4; another staff
    member's client and kiosk C, with plays of its own."""
    client, other = kiosk_staff(app), kiosk_staff(app, email=OTHER_EMAIL)
    a = kiosk_factory(app, name="Không Một Mình", last_seen_at=utc(24, 9, 5))
    b = kiosk_factory(app, name=B_NAME, place="Hội LHPN")
    c = kiosk_factory(app, owner=OTHER_EMAIL, name="Someone else's")

    def plays(db):
        add_play(db, a, utc(24, 8), "vi", {BANK: True, SCHOOL: True, PICK: False, GONE: True})
        add_play(db, a, utc(24, 17, 30), "en", {BANK: False, SCHOOL: True, PICK: False, GONE: True})
        add_play(db, a, utc(24, 16, 59), "vi", {BANK: False}, finished=False, max_score=4)
        add_play(db, b, utc(25, 3), "en", {BANK: True, SCHOOL: True, PICK: True, GONE: True})
        for hour in range(3):
            add_play(db, c, utc(24, 10 + hour), "vi", {PICK: True, BANK: True})
    run(app, plays)
    return {"client": client, "other": other, "a": a, "b": b, "c": c}


def stats_for(app, kiosk_id=None, since=None, until=None):
    """The service's figures for the staff member's kiosks, as the page asks for them."""
    with app.app_context():
        db = get_session()
        owner = db.exec(select(User).where(User.email == KIOSK_STAFF_EMAIL)).one()
        chosen = kiosk_stats.scope(kiosks.kiosks_of(db, owner), kiosk_id, since, until)
        return chosen and kiosk_stats.kiosk_stats(db, app.extensions["content"].library, chosen)


def by_name(stats) -> dict:
    return {row.kiosk.name: row.figures for row in stats.kiosks}


# --- the figures ------------------------------------------------------------------------

def test_per_kiosk_plays_completion_and_average_over_completed_plays(app, seeded):
    stats = stats_for(app)
    a, b = by_name(stats)["Không Một Mình"], by_name(stats)[B_NAME]
    assert (a.plays, a.completed) == (3, 2) and a.completion == pytest.approx(200 / 3)
    assert a.average == pytest.approx(62.5)  # (75 + 50) / 2: the play left unfinished does not count
    assert (b.plays, b.completed, b.completion, b.average) == (1, 1, 100, 100)
    total = stats.total
    assert (total.plays, total.completed, total.completion, total.average) == (4, 3, 75, 75)
    assert "Someone else's" not in by_name(stats)


def test_days_are_viet_nam_days(app, seeded):
    """17:30 UTC on the 24th is 00:30 on the 25th in Viet Nam; 16:59 UTC is still the 24th."""
    days = {(row.day, row.kiosk.name): row.figures for row in stats_for(app).days}
    assert set(days) == {(date(2026, 11, 24), "Không Một Mình"), (date(2026, 11, 25), "Không Một Mình"),
                         (date(2026, 11, 25), B_NAME)}
    first = days[(date(2026, 11, 24), "Không Một Mình")]
    assert (first.plays, first.completed, first.average) == (2, 1, 75)
    assert days[(date(2026, 11, 25), "Không Một Mình")].average == 50
    assert [row.day for row in stats_for(app).days] == sorted(row.day for row in stats_for(app).days)


def test_items_missed_most_first_with_the_share_by_language(app, seeded):
    items = stats_for(app).items
    assert [row.ref for row in items] == [PICK, BANK, GONE, SCHOOL]  # 1/3, 2/4, then 3/3 twice, by reference
    pick, bank = items[0], items[1]
    assert (pick.overall.answered, pick.overall.recognised) == (3, 1)
    assert (pick.language("vi").answered, pick.language("vi").percent) == (1, 0)
    assert (pick.language("en").answered, pick.language("en").percent) == (2, 50)
    assert (bank.overall.percent, bank.language("vi").answered, bank.language("en").answered) == (50, 2, 2)
    assert items[2].question is None and items[2].quiz is None  # gone from the content: named by its reference
    assert pick.question.id == "pick-one" and pick.quiz.slug == "first-quiz"


def test_the_date_filter_takes_viet_nam_dates_both_included(app, seeded):
    since = stats_for(app, since=date(2026, 11, 25))
    assert since.total.plays == 2 and {row.day for row in since.days} == {date(2026, 11, 25)}
    until = stats_for(app, until=date(2026, 11, 24))
    assert until.total.plays == 2 and [row.ref for row in until.items] == [PICK, BANK, GONE, SCHOOL]
    assert until.items[1].overall.answered == 2  # P1 and P3
    assert stats_for(app, since=date(2026, 11, 26)).total.plays == 0


def test_one_kiosk_and_someone_elses_kiosk(app, seeded):
    one = stats_for(app, kiosk_id=seeded["b"])
    assert [row.kiosk.name for row in one.kiosks] == [B_NAME] and one.total.plays == 1
    assert all(row.overall.percent == 100 for row in one.items)
    assert stats_for(app, kiosk_id=seeded["c"]) is None


def test_no_kiosks_no_plays(app, clock, kiosk_staff, kiosk_factory):
    kiosk_staff(app)
    stats = stats_for(app)
    assert (stats.kiosks, stats.days, stats.items, stats.total.plays) == ([], [], [], 0)
    kiosk_factory(app)
    stats = stats_for(app)
    assert stats.total.plays == 0 and stats.total.completion is None and stats.total.average is None


# --- the pages --------------------------------------------------------------------------

def test_the_page_shows_the_three_tables(app, seeded):
    page = seeded["client"].get("/kiosks/statistics?lang=en")
    assert page.status_code == 200
    html = page.text
    for heading in ("Per kiosk", "Per day", "Items: what visitors miss most"):
        assert heading in html
    assert html.count('class="table-scroll" tabindex="0" role="region"') == 3
    assert "Choose B." in html and GONE in html and "Someone else" not in html
    assert html.index("Choose B.") < html.index(GONE)  # missed most first
    assert "33%" in html and "67%" in html  # pick-one; kiosk A's completion rate
    assert "62%" in html  # kiosk A's average, 62.5 rounded to even
    assert "Wednesday, November 25, 2026" in html  # P2's day in Viet Nam
    assert "Never" in html  # kiosk B has made no contact
    vi = seeded["client"].get("/kiosks/statistics?lang=vi").text
    assert "Chọn B." in vi and "33%" in vi and "Thứ Tư, 25 tháng 11, 2026" in vi


def test_numbers_follow_the_locale(app, seeded):
    run(app, lambda db: [add_play(db, seeded["a"], utc(26, 2), "vi", {BANK: True}) for _ in range(1200)])
    assert "1,203" in seeded["client"].get("/kiosks/statistics?lang=en").text
    assert "1.203" in seeded["client"].get("/kiosks/statistics?lang=vi").text


def test_filter_by_kiosk_and_dates(app, seeded):
    client, b = seeded["client"], seeded["b"]
    html = client.get(f"/kiosks/statistics?lang=en&kiosk={b}&since=2026-11-25&until=2026-11-25").text
    assert f'<option selected value="{b}">' in html or f'value="{b}" selected' in html
    assert "Không Một Mình" not in html.split("</form>", 1)[1]
    assert "from November 25, 2026 to November 25, 2026" in html
    empty = client.get("/kiosks/statistics?lang=en&since=2027-01-01").text
    assert "No plays yet in this period." in empty


def test_a_bad_filter_is_said_beside_its_field(app, seeded):
    client = seeded["client"]
    page = client.get("/kiosks/statistics?lang=en&since=25/11/2026")
    assert page.status_code == 400 and "Enter a date, for example 2026-11-24." in page.text
    page = client.get("/kiosks/statistics?lang=en&since=2026-11-25&until=2026-11-24")
    assert page.status_code == 400 and "The end date is before the start date." in page.text
    for path in ("/kiosks/statistics.csv", "/kiosks/statistics.xlsx", "/kiosks/statistics/print"):
        assert client.get(f"{path}?since=yesterday").status_code == 400


def test_the_empty_state(app, clock, kiosk_staff, kiosk_factory):
    client = kiosk_staff(app)
    assert "You have no kiosks yet." in client.get("/kiosks/statistics?lang=en").text
    kiosk_factory(app)
    html = client.get("/kiosks/statistics?lang=en").text
    assert "No plays yet in this period." in html and "Items: what visitors miss most" not in html


PATHS = ("/kiosks/statistics", "/kiosks/statistics.csv", "/kiosks/statistics.xlsx", "/kiosks/statistics/print")


def test_someone_elses_kiosk_is_not_found(app, seeded, sign_up):
    other = seeded["other"]
    for path in PATHS:
        assert other.get(f"{path}?kiosk={seeded['a']}").status_code == 404
        assert other.get(f"{path}?kiosk={seeded['c']}").status_code == 200
        assert seeded["client"].get(f"{path}?kiosk={seeded['c']}").status_code == 404
        assert seeded["client"].get(f"{path}?kiosk=abc").status_code == 404
        assert seeded["client"].get(f"{path}?kiosk=99999999999").status_code == 404
    assert "Không Một Mình" not in other.get("/kiosks/statistics").text
    teacher = sign_up(app, "lan@school.example")
    for path in PATHS:
        assert teacher.get(path).status_code == 404
        assert app.test_client().get(path).status_code == 302  # to sign in


def test_an_admin_sees_only_their_own_kiosks(app, seeded, password):
    app.test_cli_runner().invoke(args=["users", "create-admin", "boss@ngo.example", "--password", password])
    admin = app.test_client()
    assert admin.post("/auth/signin", data={"email": "boss@ngo.example", "password": password}).status_code == 302
    page = admin.get("/kiosks/statistics?lang=en")
    assert page.status_code == 200 and "You have no kiosks yet." in page.text and "Không Một Mình" not in page.text
    assert admin.get(f"/kiosks/statistics?kiosk={seeded['a']}").status_code == 404


# --- files and print ----------------------------------------------------------------------

def read_csv(response) -> list[list[str]]:
    assert response.content_type.startswith("text/csv") and response.data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))


def test_csv_of_items_kiosks_and_days(app, seeded):
    client = seeded["client"]
    response = client.get("/kiosks/statistics.csv?lang=en")
    assert "attachment" in response.headers["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0][:5] == ["Item", "From the quiz", "Reference", "Times answered", "Recognised (%)"]
    assert rows[1][:9] == ["Choose B.", "The first quiz", PICK, "3", "33.3", "1", "0.0", "2", "50.0"]
    assert rows[3][:3] == [GONE, "", GONE]
    kiosk_rows = read_csv(client.get("/kiosks/statistics.csv?lang=en&part=kiosks"))
    named = {row[0]: row for row in kiosk_rows[1:]}
    assert named["Không Một Mình"][2:7] == ["3", "2", "66.7", "62.5", "2026-11-24 16:05"]  # last contact in Viet Nam
    assert "'=HYPERLINK(\"http://evil.example\")" in named  # a formula never runs
    day_rows = read_csv(client.get("/kiosks/statistics.csv?lang=en&part=days&kiosk=%d" % seeded["a"]))
    assert [row[:3] for row in day_rows[1:]] == [["2026-11-24", "Không Một Mình", "2"],
                                                 ["2026-11-25", "Không Một Mình", "1"]]
    assert client.get("/kiosks/statistics.csv?part=answers").status_code == 404


def test_xlsx_holds_every_table_with_numbers_as_numbers(app, seeded):
    response = seeded["client"].get("/kiosks/statistics.xlsx?lang=en")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.data))
    assert workbook.sheetnames == ["Items", "Per kiosk", "Per day"]
    items = list(workbook["Items"].iter_rows(values_only=True))
    assert items[1][:5] == ("Choose B.", "The first quiz", PICK, 3, 33.3)
    kiosk_rows = {row[0]: row for row in workbook["Per kiosk"].iter_rows(min_row=2, values_only=True)}
    assert kiosk_rows["Không Một Mình"][2:7] == (3, 2, 66.7, 62.5, datetime(2026, 11, 24, 16, 5))
    formula_like = [cell for cell in workbook["Per kiosk"]["A"] if cell.value.startswith("'")]
    assert [(cell.value, cell.data_type) for cell in formula_like] == [("'" + B_NAME, "s")]
    days = list(workbook["Per day"].iter_rows(min_row=2, values_only=True))
    assert days[0][0] == datetime(2026, 11, 24) and isinstance(days[0][2], int)


def test_file_names_say_the_kiosk_and_dates(app, seeded):
    response = seeded["client"].get(f"/kiosks/statistics.xlsx?lang=vi&kiosk={seeded['a']}&since=2026-11-24")
    disposition = response.headers["Content-Disposition"]
    assert "Kh%C3%B4ng%20M%E1%BB%99t%20M%C3%ACnh-2026-11-24.xlsx" in disposition


def test_the_print_view(app, seeded):
    page = seeded["client"].get(f"/kiosks/statistics/print?lang=en&kiosk={seeded['a']}&until=2026-11-24")
    assert page.status_code == 200
    html = page.text
    assert "Kiosk statistics: Không Một Mình" in html and "Hanoi Convention Centre" in html
    assert "Event from November 24, 2026 to November 26, 2026" in html
    assert "Không Một Mình, up to November 24, 2026 (Viet Nam dates)." in html
    assert "Printed on November 24, 2026." in html  # the frozen clock's day in Viet Nam
    assert 'class="filters' not in html and "Download" not in html and "Choose B." in html
    vi = seeded["client"].get("/kiosks/statistics/print?lang=vi").text
    assert "24 tháng 11, 2026" in vi
