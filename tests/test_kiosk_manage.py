"""Kiosk staff's pages over HTTP (issue 14, items 1 and 8): creating and
editing a kiosk, every field's refusal beside the field with nothing stored,
a quiz too small for a play, set-up links (shown once, one at a time) and
revoking a device; and who may see what: the owner only, never another
staff member, a teacher or an admin, and a sign-in first. On the frozen
`clock` (2026-11-24 08:00 UTC, 15:00 in Viet Nam)."""
from __future__ import annotations

import html
import re
from datetime import datetime, timedelta, timezone

import pytest
from sqlmodel import func, select

from edu.models import AuditEvent, Kiosk, User
from edu.services import accounts, kiosk_devices, kiosks
from edu.services.kiosk_devices import KioskSetupError
from edu.services.kiosks import KioskError
from edu.config import REPO_ROOT
from tests.database import run

OTHER_EMAIL = "other@campaign.example"
CLOCK_START = datetime(2026, 11, 24, 8, 0, tzinfo=timezone.utc)  # the frozen `clock`


@pytest.fixture
def app(make_app):
    return make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)


@pytest.fixture
def staff(app, kiosk_staff, clock):
    return kiosk_staff(app)


def kiosk_form(**changes) -> dict:
    return {"name": "Không Một Mình", "place": "Hanoi Convention Centre", "starts_on": "2026-11-24",
            "ends_on": "2026-11-26", "language": "vi", "quiz_slug": "recognition", "question_count": "5",
            "idle_seconds": "60", "attract_vi": "Bạn có nhận ra lừa đảo?\nChạm để thử.",
            "attract_en": "Can you spot a scam?", **changes}


def create(client, **changes) -> int:
    response = client.post("/kiosks/new?lang=en", data=kiosk_form(**changes))
    assert response.status_code == 303, response.text
    return int(response.location.rsplit("/", 1)[1])


def stored(app, kiosk_id: int) -> Kiosk:
    return run(app, lambda db: db.get(Kiosk, kiosk_id))


def count_kiosks(app) -> int:
    return run(app, lambda db: db.exec(select(func.count()).select_from(Kiosk)).one())


def field_error(page: str, field: str) -> str:
    found = re.search(rf'<p class="field-message" id="{field}-error">([^<]*)</p>', page)
    return html.unescape(found.group(1)) if found else ""


# --- creating and editing ------------------------------------------------------------

def test_a_new_kiosk_starts_from_today_in_viet_nam_with_good_defaults(app, staff):
    page = staff.get("/kiosks/new?lang=en").text
    values = dict(re.findall(r'<input[^>]* name="(\w+)"[^>]* value="([^"]*)"', page))
    del values["csrf_token"]
    assert values == {"name": "", "place": "", "starts_on": "2026-11-24", "ends_on": "2026-11-26",
                      "question_count": "6", "idle_seconds": "60"}
    assert '<option selected value="vi">' in page and '<option selected value="">A mix of recognition items (all quizzes)' in page
    assert "Spot the scam" not in page and '<option value="recognition">Recognition</option>' in page  # titles, not slugs
    assert "Can you spot a scam? Touch to find out." in page and "Bạn có nhận ra tin nhắn lừa đảo? Chạm để thử." in page
    vi = staff.get("/kiosks/new?lang=vi").text
    assert '<option value="recognition">Nhận diện</option>' in vi  # the quiz's title in the page's language


def test_create_then_edit_a_kiosk(app, staff, kiosk_factory):
    kiosk_id = create(staff, name="  Hội chợ  ", attract_vi="\n Một \n\n Hai \n")
    kiosk = stored(app, kiosk_id)
    assert (kiosk.name, kiosk.quiz_slug, kiosk.question_count, kiosk.attract_vi) == ("Hội chợ", "recognition", 5, "Một\nHai")
    page = staff.get(f"/kiosks/{kiosk_id}?lang=en").text
    assert "Kiosk created." in page and "No device set up" in page and "Nov 24\u2009–\u200926, 2026" in page
    assert "5 questions per play from Recognition" in page
    response = staff.post(f"/kiosks/{kiosk_id}?lang=en", data=kiosk_form(name="Hội chợ", question_count="7",
                                                                          language="en", ends_on="2026-12-02"))
    assert response.status_code == 303
    kiosk = stored(app, kiosk_id)
    assert (kiosk.question_count, kiosk.language, kiosk.ends_on.isoformat()) == (7, "en", "2026-12-02")
    kiosk_factory(app, name="Mix kiosk")  # the test content's mix is too small to choose on the form
    listing = html.unescape(staff.get("/kiosks/?lang=en").text)
    assert "Hội chợ" in listing and "from a mix of every quiz's recognition items" in listing and "Nov 24\u2009–\u2009Dec 2, 2026" in listing


def test_the_list_is_newest_first(app, staff):
    create(staff, name="Older")
    create(staff, name="Newer")
    listing = staff.get("/kiosks/?lang=en").text
    assert listing.index("Newer") < listing.index("Older")
    assert 'href="/kiosks/statistics' in listing


REFUSALS = [
    ("name", {"name": "   "}, "Give the kiosk a name"),
    ("name", {"name": "x" * 81}, "at most 80 characters"),
    ("place", {"place": "x" * 121}, "at most 120 characters"),
    ("starts_on", {"starts_on": "24/11/2026"}, "Enter a date, for example"),
    ("ends_on", {"ends_on": ""}, "This field is required."),
    ("ends_on", {"ends_on": "2026-11-23"}, "The last day comes before the first day"),
    ("language", {"language": "fr"}, "Choose Vietnamese or English."),
    ("quiz_slug", {"quiz_slug": "no-such-quiz"}, "not available any more"),
    ("question_count", {"question_count": "4"}, "between 5 and 10 questions"),
    ("question_count", {"question_count": "11"}, "between 5 and 10 questions"),
    ("question_count", {"question_count": "six"}, "Enter a whole number."),
    ("idle_seconds", {"idle_seconds": "29"}, "between 30 and 600 seconds"),
    ("idle_seconds", {"idle_seconds": "601"}, "between 30 and 600 seconds"),
    ("attract_vi", {"attract_vi": " \n "}, "Write at least one prompt"),
    ("attract_en", {"attract_en": ""}, "Write at least one prompt"),
    ("attract_en", {"attract_en": "\n".join(["Touch me"] * 9)}, "at most 8 prompts"),
    ("attract_vi", {"attract_vi": "Chào\n" + "x" * 121}, "Prompt 2 is too long"),
    # The test content: "first-quiz" has 3 questions that suit a kiosk, the mix 4, "recognition" 7.
    ("quiz_slug", {"quiz_slug": "first-quiz"}, "Questions here that suit a kiosk: 3"),
    ("quiz_slug", {"quiz_slug": ""}, "Questions here that suit a kiosk: 4"),
    ("question_count", {"question_count": "8"}, "in this choice: 7, fewer than 8"),
]


@pytest.mark.parametrize("field, changes, message", REFUSALS)
def test_each_refusal_is_said_beside_its_field_and_nothing_is_stored(app, staff, field, changes, message):
    response = staff.post("/kiosks/new?lang=en", data=kiosk_form(**changes))
    assert response.status_code == 400
    assert message in field_error(response.text, field), response.text
    assert count_kiosks(app) == 0


def test_a_refused_edit_leaves_the_kiosk_as_it_was(app, staff):
    kiosk_id = create(staff)
    response = staff.post(f"/kiosks/{kiosk_id}?lang=en", data=kiosk_form(name="Renamed", idle_seconds="5"))
    assert response.status_code == 400 and 'value="Renamed"' in response.text  # what was typed stays
    assert (stored(app, kiosk_id).name, stored(app, kiosk_id).idle_seconds) == ("Không Một Mình", 60)


def test_a_shipped_quiz_without_kiosk_questions_is_refused_naming_how_many(load):
    library = load(REPO_ROOT)
    owner = User(id=1, email="a@b.example", password_hash="x", role="kiosk_staff")
    values = {**kiosk_form(quiz_slug="sextortion-response", question_count=5)}
    values.update(starts_on=CLOCK_START.date(), ends_on=CLOCK_START.date())
    with pytest.raises(KioskError) as refused:
        kiosks.save_kiosk(None, library, owner, values)
    assert (refused.value.code, refused.value.params["available"]) == ("kiosk.pool_too_small", 0)


# --- who may see what ------------------------------------------------------------------

def urls(kiosk_id: int) -> list[tuple[str, str]]:
    return [("get", f"/kiosks/{kiosk_id}"), ("post", f"/kiosks/{kiosk_id}"), ("post", f"/kiosks/{kiosk_id}/setup"),
            ("get", f"/kiosks/{kiosk_id}/revoke"), ("post", f"/kiosks/{kiosk_id}/revoke")]


def test_another_staff_member_an_admin_and_a_teacher_never_reach_a_kiosk(app, staff, kiosk_staff, sign_up, password):
    kiosk_id = create(staff)
    other = kiosk_staff(app, OTHER_EMAIL)
    app.test_cli_runner().invoke(args=["users", "create-admin", "boss@campaign.example", "--password", password])
    admin = app.test_client()
    assert admin.post("/auth/signin", data={"email": "boss@campaign.example", "password": password}).status_code == 302
    teacher = sign_up(app, "lan@school.example")
    for method, url in urls(kiosk_id):
        for client in (other, admin, teacher):
            assert getattr(client, method)(url, data=kiosk_form(name="Taken")).status_code == 404, (url, method)
    for client in (other, admin):
        assert "Không Một Mình" not in client.get("/kiosks/").text
    assert teacher.get("/kiosks/").status_code == 404 and teacher.get("/kiosks/new").status_code == 404
    assert "/kiosks/" not in teacher.get("/lessons/").text  # no footer link either
    assert stored(app, kiosk_id).name == "Không Một Mình" and stored(app, kiosk_id).setup_hash is None


def test_nobody_signed_in_is_sent_to_sign_in(app, kiosk_factory):
    kiosk_id = kiosk_factory(app)
    visitor = app.test_client()
    for url in ("/kiosks/", "/kiosks/new", f"/kiosks/{kiosk_id}", f"/kiosks/{kiosk_id}/revoke"):
        response = visitor.get(url)
        assert response.status_code == 302 and "/auth/signin" in response.location


def test_an_unknown_kiosk_is_a_404(app, staff):
    assert staff.get("/kiosks/999").status_code == 404


# --- set-up links and revoking ---------------------------------------------------------------

def setup_link(client, kiosk_id: int) -> tuple[str, str]:
    response = client.post(f"/kiosks/{kiosk_id}/setup?lang=en")
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]
    link = re.search(r'<code class="invite-link" id="setup-link">([^<]+)</code>', response.text).group(1)
    return link, response.text


def test_a_set_up_link_is_shown_once_with_its_qr_code_and_sets_up_the_device(app, staff, clock):
    kiosk_id = create(staff)
    link, page = setup_link(staff, kiosk_id)
    assert link.startswith("https://lachan.example/kiosk/setup/")  # the configured address, never the Host header
    assert "<svg" in page and "QR code of the set-up link for Không Một Mình" in page
    assert "until Thursday, November 26, 2026 3:00" in page  # two days, in Viet Nam time
    assert "kiosk mode at https://lachan.example/kiosk/, as the section “Running a kiosk”" in page and "switches the old one off" in page
    token = link.rsplit("/", 1)[1]
    assert token not in repr(run(app, lambda db: db.get(Kiosk, kiosk_id).model_dump()))  # only its hash is kept
    assert "A set-up link is waiting to be opened" in staff.get(f"/kiosks/{kiosk_id}?lang=en").text
    clock.shift(timedelta(minutes=1))
    kiosk, credential = run(app, lambda db: kiosk_devices.set_up_device(db, token, CLOCK_START + timedelta(minutes=1)))
    assert kiosk.id == kiosk_id and credential
    clock.shift(timedelta(minutes=5))
    page = staff.get(f"/kiosks/{kiosk_id}?lang=en").text
    assert "Device set up Tuesday, November 24, 2026 3:01" in page and "last contact 5 minutes ago" in page
    assert "5 phút trước" in staff.get("/kiosks/?lang=vi").text
    events = run(app, lambda db: [e.action for e in db.exec(select(AuditEvent)).all()])
    assert events == ["kiosk.setup_link"]


def test_a_second_link_replaces_the_first(app, staff):
    kiosk_id = create(staff)
    first = setup_link(staff, kiosk_id)[0].rsplit("/", 1)[1]
    second = setup_link(staff, kiosk_id)[0].rsplit("/", 1)[1]
    assert first != second
    with pytest.raises(KioskSetupError):
        run(app, lambda db: kiosk_devices.set_up_device(db, first, CLOCK_START))
    assert run(app, lambda db: kiosk_devices.set_up_device(db, second, CLOCK_START))[0].id == kiosk_id


def test_revoking_switches_the_device_off(app, staff):
    kiosk_id = create(staff)
    token = setup_link(staff, kiosk_id)[0].rsplit("/", 1)[1]
    run(app, lambda db: kiosk_devices.set_up_device(db, token, CLOCK_START))
    confirm = staff.get(f"/kiosks/{kiosk_id}/revoke?lang=en")
    assert confirm.status_code == 200 and "Switch off the device of Không Một Mình?" in confirm.text
    response = staff.post(f"/kiosks/{kiosk_id}/revoke?lang=en")
    assert response.status_code == 303
    assert stored(app, kiosk_id).device_hash is None
    page = staff.get(f"/kiosks/{kiosk_id}?lang=en").text
    assert "The device is switched off" in page and "Device revoked" in page
    assert f"/kiosks/{kiosk_id}/revoke" not in page  # nothing left to switch off
    assert "nothing to switch off" in staff.get(f"/kiosks/{kiosk_id}/revoke?lang=en").text
    assert "Device revoked" in staff.get("/kiosks/?lang=en").text


# --- forms need their CSRF token ----------------------------------------------------------------

def token_of(page: str) -> str:
    return re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)


def test_every_post_needs_the_csrf_token(make_app, password, clock):
    app = make_app()  # CSRF on
    run(app, lambda db: accounts.create_user(db, "kiosks@campaign.example", password, role="kiosk_staff"))
    staff = app.test_client()
    assert staff.post("/auth/signin", data={"email": "kiosks@campaign.example", "password": password,
                                            "csrf_token": token_of(staff.get("/auth/signin").text)}).status_code == 302
    assert staff.post("/kiosks/new", data=kiosk_form()).status_code == 400 and count_kiosks(app) == 0
    token = token_of(staff.get("/kiosks/new").text)
    kiosk_id = int(staff.post("/kiosks/new", data=kiosk_form(csrf_token=token)).location.rsplit("/", 1)[1])
    assert staff.post(f"/kiosks/{kiosk_id}", data=kiosk_form(name="Forged")).status_code == 400
    assert staff.post(f"/kiosks/{kiosk_id}/setup").status_code == 400 and stored(app, kiosk_id).setup_hash is None
    link = setup_link_with(staff, kiosk_id, token)
    run(app, lambda db: kiosk_devices.set_up_device(db, link.rsplit("/", 1)[1], CLOCK_START))
    assert staff.post(f"/kiosks/{kiosk_id}/revoke").status_code == 400 and stored(app, kiosk_id).device_hash
    assert staff.post(f"/kiosks/{kiosk_id}/revoke", data={"csrf_token": token}).status_code == 303
    assert stored(app, kiosk_id).device_hash is None and stored(app, kiosk_id).name == "Không Một Mình"


def setup_link_with(client, kiosk_id: int, token: str) -> str:
    page = client.post(f"/kiosks/{kiosk_id}/setup", data={"csrf_token": token}).text
    return re.search(r'id="setup-link">([^<]+)<', page).group(1)


# --- the role ------------------------------------------------------------------------------------

def test_an_admin_gives_the_kiosk_staff_role_on_the_staff_page(app, sign_up, password):
    app.test_cli_runner().invoke(args=["users", "create-admin", "boss@campaign.example", "--password", password])
    admin = app.test_client()
    assert admin.post("/auth/signin", data={"email": "boss@campaign.example", "password": password}).status_code == 302
    volunteer = sign_up(app, "mai@campaign.example")
    assert volunteer.get("/kiosks/").status_code == 404
    assert '<option value="kiosk_staff">Kiosk staff</option>' in admin.get("/admin/staff?lang=en").text
    user_id = run(app, lambda db: db.exec(select(User.id).where(User.email == "mai@campaign.example")).one())
    response = admin.post(f"/admin/staff/{user_id}/role?lang=en", data={"role": "kiosk_staff"}, follow_redirects=True)
    assert "mai@campaign.example is now: Kiosk staff." in response.text
    page = volunteer.get("/kiosks/?lang=en")
    assert page.status_code == 200 and '<a href="/kiosks/">Kiosks</a>' in page.text  # the footer link
    assert volunteer.get("/organise/").status_code == 404


def test_the_command_line_gives_the_role_too(app, sign_up):
    sign_up(app, "mai@campaign.example")
    result = app.test_cli_runner().invoke(args=["users", "set-role", "mai@campaign.example", "kiosk_staff"])
    assert result.exit_code == 0, result.output
    assert run(app, lambda db: accounts.find_user(db, "mai@campaign.example").role) == "kiosk_staff"


def test_kiosk_staff_start_at_their_kiosks_and_see_no_teaching_links(make_app, kiosk_staff, password):
    app = make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)
    kiosk_staff(app)
    client = app.test_client()
    response = client.post("/auth/signin", data={"email": "kiosks@campaign.example", "password": password})
    assert response.headers["Location"] == "/kiosks/"
    page = client.get("/kiosks/").text
    assert 'href="/kiosks/"' in page
    for teaching in ("/classes/", "/contests", "/my-school"):
        assert f'href="{teaching}' not in page, teaching
