"""Campaign staff read their kiosks' statistics in a real browser, in
Vietnamese and English, on a 360 px phone and a 1366 px laptop: the three
tables (items missed most first), a CSV download, the print view as printed;
nothing wider than the screen but the tables' own scrolling boxes, which take
keyboard focus; the filter without JavaScript; and axe finds nothing.

Plays are written straight into the live server's database (one kiosk, two
Viet Nam days, both languages); the words come from the app's catalogue in
the page's language, so the test reads what a person in that language reads."""
from __future__ import annotations

import csv
import io
from datetime import date, time, timedelta

import pytest
from playwright.sync_api import expect

from edu.models import Kiosk, utcnow
from edu.services import accounts, kiosk_plays
from edu.services.contests import in_viet_nam, viet_nam_to_utc
from edu.web.db import get_session
from tests.test_kiosk_stats import add_play

from .axe import Auditor, audit_context
from .staff import say
from .test_reports_words import SPLIT_WORDS

EMAIL, PASSWORD = "kiosk-stats@campaign.example", "a long enough passphrase"
PAGE_OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture(scope="module")
def stats_kiosk(live_server):
    """A staff member's kiosk with eight plays yesterday and today (Viet Nam
    time): nobody recognised the first item, everyone the second; today's
    plays in English, one of them left unfinished. Its id and first item."""
    app = live_server.app
    refs = kiosk_plays.pool(app.extensions["content"].library, "")[:3]
    now = utcnow()
    with app.app_context():
        db = get_session()
        owner = accounts.create_user(db, EMAIL, PASSWORD, role="kiosk_staff")
        today = in_viet_nam(now).date()
        kiosk = Kiosk(owner_id=owner.id, name="Triển lãm Không Một Mình", place="Hanoi Convention Centre",
                      starts_on=today - timedelta(days=1), ends_on=today, last_seen_at=now)
        db.add(kiosk)
        db.flush()
        for n in range(8):  # yesterday at noon, today just after midnight (Viet Nam): two days whenever the test runs
            when, language = ((viet_nam_to_utc(today - timedelta(days=1), time(12, n)), "vi") if n < 5
                              else (viet_nam_to_utc(today, time(0, n)), "en"))
            add_play(db, kiosk.id, when, language, {refs[0]: False, refs[1]: True, refs[2]: n % 2 == 0},
                     finished=n != 7)
        db.commit()
        return {"id": kiosk.id, "first": refs[0], "today": today}


def signed_in(context, base):
    page = context.new_page()
    page.goto(f"{base}/auth/signin?lang=en")
    page.locator("#email").fill(EMAIL)
    page.locator("#password").fill(PASSWORD)
    page.locator("#password").press("Enter")
    page.wait_for_load_state("load")
    return page


def test_staff_read_the_figures_download_a_csv_and_print(browser, live_server, stats_kiosk, lang, size):
    app, base = live_server.app, live_server.url
    viewport = {"phone": {"width": 360, "height": 740}, "laptop": {"width": 1366, "height": 768}}[size]
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    page = signed_in(context, base)
    page.goto(f"{base}/kiosks/statistics?lang={lang}")
    expect(page.get_by_role("heading", level=1)).to_have_text(say(app, lang, "Kiosk statistics"))

    items = page.get_by_role("region", name=say(app, lang, "Items: what visitors miss most"))
    rows = items.locator("tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.first.locator("td").nth(1)).to_have_text("0%")  # nobody recognised it: first
    expect(rows.last.locator("td").nth(1)).to_have_text("100%")
    expect(rows.first.locator("td").nth(3)).to_have_text("0%")  # in Vietnamese (five plays yesterday)
    days = page.get_by_role("region", name=say(app, lang, "Per day")).locator("tbody tr")
    expect(days).to_have_count(2)
    for region in page.locator(".table-scroll").all():  # each box can be scrolled from the keyboard
        region.focus()
        expect(region).to_be_focused()
    assert page.evaluate(PAGE_OVERFLOW) <= 0 and page.evaluate(SPLIT_WORDS) == []

    with page.expect_download() as download:
        page.get_by_role("link", name=say(app, lang, "Download the items (CSV)")).click()
    text = download.value.path().read_bytes().decode("utf-8")
    assert text.startswith("\ufeff") and download.value.suggested_filename.endswith(".csv")
    table = list(csv.reader(io.StringIO(text[1:])))
    assert table[0][0] == say(app, lang, "Item") and table[1][2] == stats_kiosk["first"]
    assert table[1][3:5] == ["8", "0.0"]

    page.get_by_role("link", name=say(app, lang, "Print view")).click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(say(app, lang, "Kiosk statistics"))  # every kiosk of theirs
    expect(page.locator(".site-nav")).to_be_hidden()
    assert page.evaluate(PAGE_OVERFLOW) <= 0
    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-footer", ".kiosk-print .actions"):
        expect(page.locator(hidden)).to_be_hidden()
    expect(page.locator(".kiosk-print table")).to_have_count(3)
    box = page.locator(".kiosk-print .table-scroll").first
    assert box.evaluate("el => getComputedStyle(el).overflowX") == "visible"  # printed whole, not cut at the box
    context.close()


def test_the_filter_works_without_javascript(browser, live_server, stats_kiosk, lang):
    app, base = live_server.app, live_server.url
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = signed_in(context, base)
    page.goto(f"{base}/kiosks/statistics?lang={lang}")
    page.locator("#kiosk").select_option(str(stats_kiosk["id"]))
    page.locator("#since").fill(stats_kiosk["today"].isoformat())
    page.get_by_role("button", name=say(app, lang, "Show")).click()
    expect(page).to_have_url(f"{base}/kiosks/statistics?kiosk={stats_kiosk['id']}"
                             f"&since={stats_kiosk['today'].isoformat()}&until=")
    days = page.get_by_role("region", name=say(app, lang, "Per day")).locator("tbody tr")
    expect(days).to_have_count(1)  # today only
    expect(page.get_by_role("region", name=say(app, lang, "Per kiosk")).locator("tbody td").first).to_have_text("3")
    page.locator("#until").fill((stats_kiosk["today"] - timedelta(days=2)).isoformat())
    page.get_by_role("button", name=say(app, lang, "Show")).click()
    expect(page.locator("#until-error")).to_have_text(say(app, lang, "The end date is before the start date."))
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_axe_finds_nothing_on_the_statistics(browser, live_server, stats_kiosk, lang, javascript):
    audit = Auditor(javascript)
    context = audit_context(browser, javascript)
    page = signed_in(context, live_server.url)
    for path, state in (("/kiosks/statistics", "statistics"), ("/kiosks/statistics?since=x", "bad filter"),
                        (f"/kiosks/statistics/print?kiosk={stats_kiosk['id']}", "print view"),
                        (f"/kiosks/statistics?since={date(2001, 1, 1)}&until={date(2001, 1, 2)}", "no plays")):
        page.goto(f"{live_server.url}{path}{'&' if '?' in path else '?'}lang={lang}")
        audit(page, state)
    context.close()
    audit.assert_clean()
