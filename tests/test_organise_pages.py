"""The organiser's pages over HTTP: every URL for the organiser who owns the
contest, another organiser, a teacher, an admin and nobody signed in; forms
that refuse bad input with a translated 400 and store nothing; publishing,
bringing in qualifiers and deleting. On the frozen `clock` (2026-11-24
08:00 UTC, 15:00 in Viet Nam)."""
from __future__ import annotations

import json
import re
import subprocess
from datetime import datetime, timedelta, timezone

from pathlib import Path

import pytest
from sqlmodel import func, select

from edu.models import ContestRound, Participant, QuizAttempt, School, User, as_utc
from edu.web.db import get_session

NOW = datetime(2026, 11, 24, 8, 0, tzinfo=timezone.utc)


@pytest.fixture
def app(make_app):
    """Staff sessions outlast the days the clock moves on here."""
    return make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True, STAFF_IDLE_HOURS=24 * 7)


def organiser(app, sign_up, email: str):
    client = sign_up(app, email)
    with app.app_context():
        db = get_session()
        db.exec(select(User).where(User.email == email)).one().role = "organiser"
        db.commit()
    return client


@pytest.fixture
def people(app, sign_up, password, clock):
    """The contest's organiser, another organiser, a teacher, an admin and a visitor."""
    app.test_cli_runner().invoke(args=["users", "create-admin", "boss@school.example", "--password", password])
    admin = app.test_client()
    assert admin.post("/auth/signin", data={"email": "boss@school.example", "password": password}).status_code == 302
    with app.app_context():
        get_session().add(School(name="THCS Hoa Sen", province="Hà Nội"))
        get_session().commit()
    return {"owner": organiser(app, sign_up, "org@example.org"), "other": organiser(app, sign_up, "org2@example.org"),
            "teacher": sign_up(app, "lan@school.example"), "admin": admin, "nobody": app.test_client()}


CONTEST = {"title_vi": "Học sinh với an toàn thông tin", "title_en": "Students and information security",
           "rules_vi": "**Một** lượt", "rules_en": "**One** attempt <script>alert(1)</script>", "grades": ["6", "7"]}


def round_form(**changes) -> dict:
    """A round opening tomorrow 08:00 and closing 17:00 in Viet Nam, drawing 3 questions."""
    return {"name_vi": "Vòng trường", "name_en": "School round", "opens_on": "2026-11-25", "opens_time": "08:00",
            "closes_on": "2026-11-25", "closes_time": "17:00", "time_limit_minutes": "30", "draw_kind": "bank",
            "pick-scams-2": "3", "scope": "everyone", "entry": "eligible", "publish": "manual", **changes}


def make_contest(client) -> int:
    response = client.post("/organise/contests/new", data=CONTEST)
    assert response.status_code == 303, response.text
    return int(response.location.rsplit("/", 1)[1])


def make_round(client, contest_id: int, **changes) -> int:
    response = client.post(f"/organise/contests/{contest_id}/rounds/new", data=round_form(**changes))
    assert response.status_code == 303, response.text
    return int(response.location.rsplit("/", 1)[1])


def rounds_stored(app) -> int:
    with app.app_context():
        return get_session().exec(select(func.count()).select_from(ContestRound)).one()


def stored_round(app, round_id: int) -> ContestRound:
    with app.app_context():
        return get_session().get(ContestRound, round_id)


@pytest.fixture
def contest(people):
    contest_id = make_contest(people["owner"])
    return {"id": contest_id, "round": make_round(people["owner"], contest_id)}


def urls(contest) -> tuple[list[str], list[str]]:
    base = f"/organise/contests/{contest['id']}"
    round_ = f"{base}/rounds/{contest['round']}"
    gets = [f"{base}", f"{base}/edit", f"{base}/rounds/new", round_, f"{round_}/edit", f"{round_}/delete"]
    posts = [f"{base}/edit", f"{base}/rounds/new", f"{round_}/edit", f"{round_}/publish", f"{round_}/qualifiers",
             f"{round_}/delete"]
    return gets, posts


def test_only_the_owner_and_admins_reach_a_contest(app, people, contest):
    gets, posts = urls(contest)
    for url in ["/organise/", "/organise/contests/new", *gets]:
        assert people["nobody"].get(url).location.startswith("/auth/signin"), url
        assert people["teacher"].get(url).status_code == 404, url
        assert people["owner"].get(url).status_code == 200, url
        assert people["admin"].get(url).status_code == 200, url
    for url in gets:
        assert people["other"].get(url).status_code == 404, url
    for url in ["/organise/contests/new", *posts]:
        assert people["nobody"].post(url, data=round_form()).location.startswith("/auth/signin"), url
        assert people["teacher"].post(url, data=round_form()).status_code == 404, url
    for url in posts:
        assert people["other"].post(url, data=round_form() | CONTEST).status_code == 404, url
    assert rounds_stored(app) == 1 and stored_round(app, contest["round"]).name_en == "School round"
    admin_edit = people["admin"].post(f"/organise/contests/{contest['id']}/rounds/{contest['round']}/edit",
                                      data=round_form(name_en="Checked by an admin"))
    assert admin_edit.status_code == 303 and stored_round(app, contest["round"]).name_en == "Checked by an admin"
    assert CONTEST["title_vi"] in people["admin"].get("/organise/").text
    assert CONTEST["title_en"] in people["admin"].get("/organise/?lang=en").text
    assert CONTEST["title_vi"] not in people["other"].get("/organise/").text
    assert people["owner"].get(f"/organise/contests/{contest['id']}/rounds/{2**31}").status_code == 404


def test_a_round_of_another_contest_is_not_found_under_this_one(people, contest):
    second = make_contest(people["owner"])
    assert people["owner"].get(f"/organise/contests/{second}/rounds/{contest['round']}").status_code == 404
    assert people["owner"].post(f"/organise/contests/{second}/rounds/{contest['round']}/delete").status_code == 404


def test_the_organiser_sees_the_public_code_and_times_in_viet_nam(app, people, contest):
    stored = stored_round(app, contest["round"])
    assert as_utc(stored.opens_at) == datetime(2026, 11, 25, 1, 0, tzinfo=timezone.utc)  # 08:00 in Viet Nam
    assert as_utc(stored.closes_at) == datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)
    page = people["owner"].get(f"/organise/contests/{contest['id']}/rounds/{contest['round']}?lang=en")
    assert f'id="public-code">{stored.public_code}<' in page.text
    assert "Wednesday, November 25, 2026 8:00\u202fAM (Viet Nam time)" in page.text
    assert "One attempt per participant." in page.text
    assert page.headers["Cache-Control"] == "no-store, private"
    listing = people["owner"].get(f"/organise/contests/{contest['id']}?lang=vi").text
    assert "25 tháng 11, 2026 08:00" in listing and stored.public_code in listing
    assert "<strong>Một</strong> lượt" in listing and "<script>" not in listing  # the rules, sanitised


@pytest.mark.parametrize("changes, message", [
    ({"closes_on": "2026-11-25", "closes_time": "07:59"}, "The round must close after it opens."),
    ({"pick-scams-2": "11"}, "The bank has only 10 questions on Scams and fake messages at difficulty 2; the draw asks for 11."),
    ({"pick-scams-2": ""}, "A round draws between 1 and 100 questions."),
    ({"draw_kind": "fixed", "fixed": ["first-quiz/pick-one", "first-quiz/forged"]},
     "The question bank has no question first-quiz/forged."),
    ({"time_limit_minutes": "301"}, "The time limit is from 1 to 300 minutes."),
    ({"time_limit_minutes": "٣"}, "Enter a whole number."),
    ({"opens_time": "25:99"}, "Enter a time, for example 08:00."),
    ({"scope": "school", "scope_school": "99999"}, "Choose the school the round is for."),
    ({"scope": "province", "scope_province": "Atlantis"}, "Choose the province the round is for."),
    ({"entry": "qualified", "qualify_round": "1", "qualify_top_k": "3"},
     "Choose an earlier round of this contest to qualify from."),  # round 1 belongs to another contest
    ({"entry": "qualified"}, "Choose an earlier round of this contest to qualify from."),
])
def test_a_bad_round_is_refused_beside_its_field_and_nothing_is_stored(app, people, contest, changes, message):
    second = make_contest(people["owner"])
    response = people["owner"].post(f"/organise/contests/{second}/rounds/new?lang=en", data=round_form(**changes))
    assert response.status_code == 400
    assert re.search(rf'class="field-message" id="[\w-]+">{re.escape(message)}</p>', response.text), response.text
    assert rounds_stored(app) == 1


def test_a_contest_needs_eligible_grades(app, people):
    for grades in ([], ["13"], ["x"]):
        response = people["owner"].post("/organise/contests/new?lang=en", data=CONTEST | {"grades": grades})
        assert response.status_code == 400 and "Choose at least one grade, from 1 to 12." in response.text


def test_a_round_edited_after_opening_keeps_its_opening_and_says_draws_stay(app, people, contest, clock):
    base = f"/organise/contests/{contest['id']}/rounds/{contest['round']}"
    clock.shift(timedelta(hours=18))  # 2026-11-25 02:00 UTC: open
    form = people["owner"].get(f"{base}/edit?lang=en").text
    assert "Questions already drawn for participants who have started stay as they are" in form
    assert 'name="opens_on"' not in form and 'name="scope"' not in form
    edited = round_form(name_en="School round, extended", closes_time="18:00", time_limit_minutes="40")
    assert people["owner"].post(f"{base}/edit", data=edited).status_code == 303
    stored = stored_round(app, contest["round"])
    assert (stored.name_en, stored.time_limit_minutes) == ("School round, extended", 40)
    assert as_utc(stored.closes_at) == datetime(2026, 11, 25, 11, 0, tzinfo=timezone.utc)
    assert as_utc(stored.opens_at) == datetime(2026, 11, 25, 1, 0, tzinfo=timezone.utc)


def enter(app, round_id: int, key: str, score=None, started=None, school: str = "THCS Hoa Sen"):
    """A confirmed participant, with an attempt submitted 12:05 after `started` when given."""
    with app.app_context():
        db = get_session()
        school_id = db.exec(select(School.id).where(School.name == school)).first()
        if school_id is None:
            db.add(found := School(name=school, province="Hà Nội"))
            db.flush()
            school_id = found.id
        db.add(Participant(round_id=round_id, learner_key=key, display_name=key.title(), school_id=school_id,
                           grade="7", class_name="7A", identity=f"{school_id}|7|7a|{key}", code_hash=f"{round_id}{key}",
                           confirmed_at=NOW))
        if started:
            db.add(QuizAttempt(learner_key=key, quiz_slug="contest", context="contest", context_id=round_id,
                               started_at=started, finished_at=started + timedelta(minutes=12, seconds=5),
                               score=score, max_score=3))
        db.commit()


def test_results_publishing_and_qualifiers(app, people, contest, clock):
    owner, base = people["owner"], f"/organise/contests/{contest['id']}"
    first = f"{base}/rounds/{contest['round']}"
    second_id = make_round(owner, contest["id"], name_en="Final", entry="qualified", qualify_round=contest["round"],
                           qualify_min_percent="60", opens_on="2026-11-28", closes_on="2026-11-28")
    enter(app, contest["round"], "an", 3, datetime(2026, 11, 25, 2, 0, tzinfo=timezone.utc))
    enter(app, contest["round"], "binh", 1, datetime(2026, 11, 25, 2, 0, tzinfo=timezone.utc))
    enter(app, contest["round"], "chi")
    enter(app, contest["round"], "dung", school="THCS Mai Dịch")
    assert owner.post(f"{base}/rounds/{second_id}/qualifiers?lang=en").status_code == 400  # first round unpublished
    refused = owner.post(f"{first}/publish?lang=en")
    assert refused.status_code == 400 and "Results can be published once the round has closed." in refused.text

    clock.shift(timedelta(days=2))  # the first round has closed
    page = owner.get(f"{first}?lang=en").text
    assert re.search(r"<td>1</td>\s*<th scope=\"row\">An</th>.*?Submitted.*?100%.*?12:05", page, re.S)
    assert re.search(r"<td>–</td>\s*<th scope=\"row\">Chi</th>.*?Not started", page, re.S)
    assert "Dung" in page and "4 participants" in page
    hoa_sen = owner.get(f"{first}?lang=en&school=1").text
    assert "Dung" not in hoa_sen and re.search(r"<td>1</td>\s*<th scope=\"row\">An</th>", hoa_sen)
    assert owner.post(f"{first}/publish").status_code == 303
    assert stored_round(app, contest["round"]).published_at is not None
    assert "Publish results" not in owner.get(f"{first}?lang=en").text

    assert owner.post(f"{base}/rounds/{second_id}/qualifiers").status_code == 303
    assert owner.post(f"{base}/rounds/{second_id}/qualifiers").status_code == 303  # twice: nobody added twice
    with app.app_context():
        keys = get_session().exec(select(Participant.learner_key).where(Participant.round_id == second_id)).all()
    assert keys == ["an"]
    deleting = owner.post(f"{first}/delete?lang=en")  # started, and the final takes its qualifiers
    assert deleting.status_code == 400 and rounds_stored(app) == 2


def test_a_round_nobody_started_is_deleted_with_its_entries(app, people, contest):
    url = f"/organise/contests/{contest['id']}/rounds/{contest['round']}/delete"
    enter(app, contest["round"], "an")
    assert "1 participant is entered in this round" in people["owner"].get(f"{url}?lang=en").text
    assert people["owner"].post(url).location == f"/organise/contests/{contest['id']}"
    with app.app_context():
        assert get_session().exec(select(func.count()).select_from(Participant)).one() == 0
    assert rounds_stored(app) == 0


VNU = Path(__file__).parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.mark.slow
def test_every_organiser_page_is_valid_html(app, people, contest, clock, tmp_path):
    """Every organiser page, fresh, refused and with results, in both languages,
    passes the Nu HTML checker (vnu-jar, as tests/test_html_valid.py runs it)."""
    owner, base = people["owner"], f"/organise/contests/{contest['id']}"
    first = f"{base}/rounds/{contest['round']}"
    second = make_round(owner, contest["id"], entry="qualified", qualify_round=contest["round"], qualify_top_k="2")
    enter(app, contest["round"], "an", 2, datetime(2026, 11, 25, 2, 0, tzinfo=timezone.utc))
    enter(app, contest["round"], "binh")
    pages = []
    for lang in ("vi", "en"):
        for url in ("/organise/", "/organise/contests/new", base, f"{base}/edit", f"{base}/rounds/new", first,
                    f"{first}/edit", f"{first}/delete", f"{base}/rounds/{second}"):
            pages.append(owner.get(f"{url}?lang={lang}"))
        pages.append(owner.post(f"/organise/contests/new?lang={lang}", data=CONTEST | {"grades": [], "title_en": ""}))
        pages.append(owner.post(f"{base}/rounds/new?lang={lang}", data=round_form(
            closes_time="07:00", time_limit_minutes="x", **{"pick-scams-2": "30"})))
        pages.append(owner.post(f"{base}/rounds/new?lang={lang}", data=round_form(**{"pick-scams-2": "30"})))
        pages.append(owner.post(f"{first}/publish?lang={lang}"))
    clock.shift(timedelta(days=2))
    for lang in ("vi", "en"):
        pages += [owner.get(f"{first}/edit?lang={lang}"), owner.get(f"{first}?lang={lang}&school=1")]
    assert {p.status_code for p in pages} == {200, 400}
    for number, page in enumerate(pages):
        (tmp_path / f"page{number}.html").write_text(page.text, encoding="utf-8")
    checked = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--errors-only",
                              *sorted(tmp_path.glob("*.html"))], capture_output=True, text=True, timeout=600)
    messages = json.loads(checked.stderr)["messages"]
    assert not messages, [(m["url"].rsplit("/", 1)[1], m.get("lastLine"), m["message"], m.get("extract")) for m in messages][:12]
