"""The kiosk's screens with the test client: who may reach them, what a play
stores, the reset, the warning without JavaScript, the day's board, and the
take-away tips."""
from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from sqlmodel import select

from edu.models import Kiosk, KioskPlay, QuizAnswer, QuizAttempt
from edu.services import kiosk_devices, kiosk_plays
from tests.conftest import CLOCK_START
from tests.database import run

HX = {"HX-Request": "true", "HX-Target": "kiosk-screen"}


@pytest.fixture
def app(make_app):
    return make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)


def _setup_path(app, kiosk_id: int) -> str:
    return "/kiosk/setup/" + run(app, lambda db: kiosk_devices.new_setup_link(db, db.get(Kiosk, kiosk_id), CLOCK_START))


def _device(app, kiosk_id: int):
    client = app.test_client()
    assert client.post(_setup_path(app, kiosk_id)).status_code == 303
    return client


def _answer_form(page: str) -> dict:
    question = re.search(r'name="question" value="([^"]+)"', page).group(1)
    choice = re.search(r'name="choice"[^>]* value="([^"]+)"|value="([^"]+)"[^>]* name="choice"', page)
    return {"question": question, "choice": choice.group(1) or choice.group(2)}


def _play_to_the_end(client) -> str:
    page = client.post("/kiosk/play", data={"language": "en"}).text
    while "question-form" in page:
        client.post("/kiosk/answer", data=_answer_form(page))
        page = client.get("/kiosk/").text
    return page


def test_a_device_reaches_only_its_own_kiosk(app, kiosk_factory, clock):
    first, second = kiosk_factory(app, name="Hội chợ"), kiosk_factory(app, name="Nhà văn hoá")
    one, two = _device(app, first), _device(app, second)
    one.post("/kiosk/play", data={"language": "en"})
    with one.session_transaction() as session:
        play_of_one = session["kiosk_play"]
    with two.session_transaction() as session:
        session["kiosk_play"] = play_of_one  # another kiosk's play, in this device's session
    page = two.get("/kiosk/").text
    assert 'data-screen="attract"' in page and "Nhà văn hoá" in page
    assert run(app, lambda db: db.get(KioskPlay, play_of_one).kiosk_id) == first


def test_no_credential_or_a_revoked_one_reaches_nothing(app, kiosk_factory, clock):
    kiosk_id = kiosk_factory(app)
    assert app.test_client().get("/kiosk/").status_code == 403
    device = _device(app, kiosk_id)
    assert device.get("/kiosk/").status_code == 200
    run(app, lambda db: kiosk_devices.revoke_device(db, db.get(Kiosk, kiosk_id)))
    for path in ("/kiosk/", "/kiosk/language", "/kiosk/ping"):
        response = device.get(path)
        assert response.status_code == 403 and "không phải ki-ốt" in response.text, path
    assert device.post("/kiosk/play", data={"language": "vi"}).status_code == 403


def test_the_credential_is_sent_to_kiosk_pages_only_and_opens_no_staff_page(app, kiosk_factory, clock):
    device = _device(app, kiosk_factory(app))
    cookie = device.get_cookie("kiosk_device", path="/kiosk")
    assert cookie is not None and cookie.http_only and cookie.path == "/kiosk"
    assert device.get("/kiosks/").status_code == 302  # to the sign-in page


def test_a_set_up_link_works_once_and_not_after_it_expires(app, kiosk_factory, clock):
    kiosk_id = kiosk_factory(app)
    path = _setup_path(app, kiosk_id)
    client = app.test_client()
    english = {"Accept-Language": "en"}
    assert "Make this device the kiosk" in client.get(path, headers=english).text
    assert client.post(path).status_code == 303
    used = app.test_client().post(path, headers=english)
    assert used.status_code == 404 and "used already" in used.text
    late = _setup_path(app, kiosk_id)
    clock.shift(timedelta(days=3))
    assert "expired" in app.test_client().get(late, headers=english).text


def test_setting_up_signs_staff_out_and_clears_other_cookies(app, kiosk_factory, kiosk_staff, clock):
    staff = kiosk_staff(app)
    staff.set_cookie("lang", "en")
    kiosk_id = run(app, lambda db: db.exec(select(Kiosk)).first()) or kiosk_factory(app)
    response = staff.post(_setup_path(app, kiosk_id if isinstance(kiosk_id, int) else kiosk_id.id))
    cookies = response.headers.getlist("Set-Cookie")
    assert any(c.startswith("lang=;") for c in cookies) and any(c.startswith("session=;") for c in cookies)
    assert staff.get("/kiosks/").status_code == 302  # no staff session left on the device


def test_a_play_stores_the_kiosk_time_items_and_answers_only(app, kiosk_factory, clock):
    kiosk_id = kiosk_factory(app)
    device = _device(app, kiosk_id)
    result = _play_to_the_end(device)
    assert 'data-screen="result"' in result

    def stored(db):
        play = db.exec(select(KioskPlay)).one()
        attempt = db.get(QuizAttempt, play.attempt_id)
        answers = db.exec(select(QuizAnswer).where(QuizAnswer.attempt_id == attempt.id)).all()
        return play, attempt, answers

    play, attempt, answers = run(app, stored)
    assert (play.kiosk_id, play.language, play.nickname) == (kiosk_id, "en", "")
    assert attempt.context == "kiosk" and attempt.context_id == kiosk_id and attempt.finished_at is not None
    assert sorted(a.question_id for a in answers) == sorted(json.loads(play.questions))


def test_results_show_tips_help_numbers_and_a_qr_code_and_no_link_leaves(app, kiosk_factory, clock):
    device = _device(app, kiosk_factory(app))
    pages = [device.get("/kiosk/").text, device.get("/kiosk/language").text]
    page = device.post("/kiosk/play", data={"language": "en"}).text
    while "question-form" in page:
        pages.append(page)
        pages.append(device.post("/kiosk/answer", data=_answer_form(page)).text)
        page = device.get("/kiosk/").text
    pages.append(page)
    assert page.count('<li>') >= 3 and "111" in page and "<svg" in page
    for html in pages:
        for href in re.findall(r'<a\b[^>]*\shref="([^"]*)"', html):
            assert href.startswith("/kiosk"), href


def test_reset_forgets_the_visitor_and_every_cookie_but_the_credential(app, kiosk_factory, clock):
    device = _device(app, kiosk_factory(app))
    device.set_cookie("lang", "en")
    device.post("/kiosk/play", data={"language": "en"})
    response = device.post("/kiosk/reset", headers={"X-Kiosk-Reset": "1"})
    assert response.status_code == 204
    cleared = {c.split("=")[0] for c in response.headers.getlist("Set-Cookie") if "=;" in c}
    assert cleared == {"lang", "session"}
    assert device.get_cookie("kiosk_device", path="/kiosk") is not None
    page = device.get("/kiosk/").text
    assert 'data-screen="attract"' in page and 'lang="vi"' in page


def test_without_javascript_an_unanswered_warning_ends_the_visit(app, kiosk_factory, clock):
    device = _device(app, kiosk_factory(app))
    device.post("/kiosk/play", data={"language": "en"})
    question = device.get("/kiosk/").text
    assert 'http-equiv="refresh" content="60; url=/kiosk/still-there"' in question
    warning = device.get("/kiosk/still-there").text
    assert "Are you still there?" in warning and 'content="30; url=/kiosk/"' in warning
    clock.shift(20)
    assert device.post("/kiosk/continue").status_code == 303
    assert 'data-screen="question"' in device.get("/kiosk/").text  # "still here" keeps the visit
    device.get("/kiosk/still-there")
    clock.shift(30)
    assert 'data-screen="attract"' in device.get("/kiosk/").text
    assert 'data-screen="attract"' in device.get("/kiosk/").text


def test_a_play_left_too_long_is_over_whatever_the_screen_did(app, kiosk_factory, clock):
    device = _device(app, kiosk_factory(app))
    device.post("/kiosk/play", data={"language": "en"})
    clock.shift(kiosk_plays.ABANDONED_AFTER - timedelta(seconds=1))
    assert 'data-screen="question"' in device.get("/kiosk/").text
    clock.shift(2)
    assert 'data-screen="attract"' in device.get("/kiosk/").text


def test_a_refused_answer_keeps_the_question_and_says_why(app, kiosk_factory, clock):
    device = _device(app, kiosk_factory(app))
    page = device.post("/kiosk/play", data={"language": "en"}, headers=HX).text
    form = _answer_form(page)
    response = device.post("/kiosk/answer", data={"question": form["question"]}, headers=HX)
    assert response.status_code == 400 and 'data-screen="question"' in response.text
    assert response.headers.get("HX-Retarget") is None
    forged = device.post("/kiosk/answer", data={"question": form["question"], "choice": "not-an-option"})
    assert forged.status_code == 400 and "not one of this question" in forged.text


def test_a_nickname_is_picked_from_the_offered_words_and_goes_on_the_day_board(app, kiosk_factory, clock):
    device = _device(app, kiosk_factory(app))
    device.post("/kiosk/play", data={"language": "en"})
    assert device.post("/kiosk/nickname", data={"nickname": "brave/tiger"}).status_code == 400  # too early
    page = device.get("/kiosk/").text  # the play above goes on
    while "question-form" in page:
        device.post("/kiosk/answer", data=_answer_form(page))
        page = device.get("/kiosk/").text
    offered = re.findall(r'name="nickname" value="([^"]+)"', page)
    assert len(offered) == kiosk_plays.NICKNAME_CHOICES
    typed = device.post("/kiosk/nickname", data={"nickname": "<b>anything</b>"})
    assert typed.status_code == 400 and "Pick one of the names" in typed.text
    picked = device.post("/kiosk/nickname", data={"nickname": offered[0]}).text
    assert "You are on today" in picked and 'name="nickname"' not in picked
    device.post("/kiosk/reset")
    assert 'class="kiosk-board"' in device.get("/kiosk/").text


def test_the_day_board_is_a_viet_nam_day(app, kiosk_factory, clock):
    kiosk_id = kiosk_factory(app)

    def finished_play(db, at, nickname, score):
        attempt = QuizAttempt(learner_key=f"k{score}", quiz_slug=f"kiosk-{kiosk_id}", context="kiosk", context_id=kiosk_id,
                              max_score=5, score=score, started_at=at, finished_at=at)
        db.add(attempt)
        db.flush()
        db.add(KioskPlay(kiosk_id=kiosk_id, attempt_id=attempt.id, language="vi", questions="[]", nickname=nickname,
                         started_at=at))

    # 16:59 UTC is 23:59 in Viet Nam: yesterday there. 17:00 UTC is midnight: today.
    now = CLOCK_START.replace(hour=18)
    run(app, lambda db: finished_play(db, now.replace(hour=16, minute=59), "wise/otter", 5))
    run(app, lambda db: finished_play(db, now.replace(hour=17), "kind/panda", 3))
    run(app, lambda db: finished_play(db, now.replace(hour=17, minute=30), "", 4))
    board = run(app, lambda db: kiosk_plays.day_board(db, db.get(Kiosk, kiosk_id), now))
    assert [(line.nickname, line.score) for line in board] == [("kind/panda", 3)]


def test_take_away_tips_follow_what_was_missed(load):
    from edu.config import REPO_ROOT
    tips = load(REPO_ROOT).tips
    chosen = tips.for_topics(["image-abuse"], ["scams"])
    assert len(chosen) == 3 and all("image-abuse" in tip.topics for tip in chosen)
    assert len(tips.for_topics([], [])) == 3
    assert len({t.id for t in tips.for_topics(["scams"], ["scams", "privacy"])}) == 3


def test_a_broken_tips_file_names_the_file_and_the_field(content, problems):
    (content / "lessons" / "take-away-tips.yaml").write_text(
        "tips:\n  - id: one\n    text: {vi: Một}\n  - id: two\n    text: {vi: Hai, en: Two}\n  - id: three\n    text: {vi: Ba, en: Three}\n",
        encoding="utf-8")
    found = problems(content)
    assert any("take-away-tips.yaml" in p and "tips[0].text.en" in p for p in found), found


def test_the_pool_leaves_out_teacher_led_and_age_limited_questions(load):
    from edu.config import REPO_ROOT
    library = load(REPO_ROOT)
    mix = kiosk_plays.pool(library, "")
    assert len(mix) >= 10
    for reference in mix:
        slug, _, question_id = reference.partition("/")
        question = library.quizzes[slug].question(question_id)
        assert question.family in kiosk_plays.RECOGNITION_FAMILIES
        assert not question.sensitivity and not question.min_age
    assert kiosk_plays.pool(library, "sextortion-response") == []


def test_links_out_of_the_kiosk_become_words_and_websites_a_qr_code(load):
    from edu.config import REPO_ROOT
    from edu.kiosk.links import keep_inside
    directory = load(REPO_ROOT).help
    html = ('<a href="/kiosk/language">Start</a> call <a href="/help#child-protection">111</a>, '
            'or use <a href="/help#take-it-down" class="x">Take It Down</a> and <a href="https://example.org/a?b=1&amp;c=2">this</a>; '
            'read <a href="/lessons/scam-messages">the lesson</a>.')
    kept = keep_inside(html, directory, "QR code: %(address)s")
    assert '<a href="/kiosk/language">Start</a>' in kept
    assert re.findall(r"<a\b", kept) == ["<a"]
    assert '<span class="kiosk-link">111</span>,' in kept  # a phone number: its words are enough
    assert "QR code: https://takeitdown.ncmec.org" in kept and "QR code: https://example.org/a?b=1&amp;c=2" in kept
    assert kept.count("<svg") == 2 and '<span class="kiosk-link">the lesson</span>' in kept
