"""Organising contests: contests and rounds with their rules refused by code,
times typed in Viet Nam time and stored in UTC, standings in CTFd's order,
publishing, qualification into a later round; and every organiser URL for
the organiser, another organiser, a teacher, an admin and nobody signed in.
Time-dependent tests run on the frozen `clock` (2026-11-24 08:00 UTC, 15:00
in Viet Nam)."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
from sqlmodel import func, select

from edu.models import Contest, ContestDraw, ContestRound, Participant, QuizAttempt, School, User, as_utc
from edu.services import codes, contest_results, contests
from edu.services.draws import Draw, Pick
from edu.services.errors import ServiceError
from edu.web.db import get_session

NOW = datetime(2026, 11, 24, 8, 0, tzinfo=timezone.utc)
HOUR = timedelta(hours=1)


@pytest.fixture
def app(make_app):
    return make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)


@pytest.fixture
def library(app):
    return app.extensions["content"].library


@pytest.fixture
def db(app):
    with app.app_context():
        yield get_session()


def settings(**changes) -> dict:
    """A valid round's settings: open from 07:00 to 09:00 UTC, 30 minutes, 3 questions."""
    return {"name_vi": "Vòng trường", "name_en": "School round", "opens_at": NOW - HOUR, "closes_at": NOW + HOUR,
            "time_limit_minutes": 30, "draw": Draw(picks=(Pick("scams", 2, 3),)), "scope": "everyone",
            "scope_school_id": None, "scope_province": "", "entry": "eligible", "qualify_round_id": None,
            "qualify_top_k": None, "qualify_min_percent": None, "publish": "manual", **changes}


@pytest.fixture
def contest(db):
    organiser = User(email="org@example.org", password_hash="x", role="organiser")
    db.add(organiser)
    db.flush()
    return contests.create_contest(db, organiser, title_vi="Học sinh với an toàn thông tin",
                                   title_en="Students and information security", grades=["6", 7, "8"])


def refused(code: str, action, *args, **kwargs):
    with pytest.raises(ServiceError) as caught:
        action(*args, **kwargs)
    assert caught.value.code == code


# --- contests and rounds ------------------------------------------------------------------

def test_a_time_typed_in_viet_nam_is_stored_in_utc():
    assert contests.viet_nam_to_utc(date(2026, 11, 24), time(15, 0)) == NOW
    assert contests.viet_nam_to_utc(date(2026, 1, 1), time(6, 30)) == datetime(2025, 12, 31, 23, 30, tzinfo=timezone.utc)
    assert contests.in_viet_nam(NOW.replace(tzinfo=None)).hour == 15  # SQLite's naive UTC too


def test_a_contest_needs_both_titles_and_a_grade_from_1_to_12(db, contest):
    assert contest.grades == "6,7,8" and contests.youngest_age(contest) == 11
    base = {"title_vi": "Cuộc thi", "title_en": "Contest", "grades": [6]}
    refused("contest.title_missing", contests.create_contest, db, User(id=contest.organiser_id), **base | {"title_en": " "})
    refused("contest.grades", contests.create_contest, db, User(id=contest.organiser_id), **base | {"grades": []})
    refused("contest.grades", contests.update_contest, db, contest, **base | {"grades": [6, 13]})
    assert contest.grades == "6,7,8" and db.exec(select(func.count()).select_from(Contest)).one() == 1


@pytest.mark.parametrize("changes, code", [
    ({"closes_at": NOW - HOUR}, "round.closes_before_opens"),
    ({"closes_at": NOW - 2 * HOUR}, "round.closes_before_opens"),
    ({"time_limit_minutes": 0}, "round.time_limit"),
    ({"time_limit_minutes": 301}, "round.time_limit"),
    ({"name_en": "  "}, "round.name_missing"),
    ({"draw": Draw(picks=(Pick("scams", 2, 11),))}, "draw.too_few"),  # the test bank has 10
    ({"draw": Draw(picks=(Pick("scams", 1, 1),))}, "draw.too_few"),
    ({"draw": Draw()}, "draw.size"),
    ({"draw": Draw(fixed=("first-quiz/pick-one", "first-quiz/nope"))}, "draw.unknown_question"),
    ({"scope": "school", "scope_school_id": 999}, "round.scope_school"),
    ({"scope": "province", "scope_province": "Atlantis"}, "round.scope_province"),
    ({"scope": "planet"}, "round.scope"),
    ({"entry": "qualified"}, "round.qualify_round"),
    ({"publish": "never"}, "round.publish"),
])
def test_a_round_that_cannot_be_run_fairly_is_refused(db, library, contest, changes, code):
    refused(code, contests.create_round, db, library, contest, **settings(**changes))
    assert db.exec(select(func.count()).select_from(ContestRound)).one() == 0


def test_rounds_are_ordered_with_unique_public_codes_and_qualify_only_from_earlier_ones(db, library, contest):
    first = contests.create_round(db, library, contest, **settings())
    assert (first.position, as_utc(first.opens_at), as_utc(first.closes_at)) == (1, NOW - HOUR, NOW + HOUR)
    assert len(first.public_code) == 8 and set(first.public_code) <= set(codes.ALPHABET)
    refused("round.qualify_rule", contests.create_round, db, library, contest,
            **settings(entry="qualified", qualify_round_id=first.id))
    refused("round.qualify_numbers", contests.create_round, db, library, contest,
            **settings(entry="qualified", qualify_round_id=first.id, qualify_min_percent=101))
    second = contests.create_round(db, library, contest, **settings(
        entry="qualified", qualify_round_id=first.id, qualify_top_k=2, scope="province", scope_province="Hà Nội"))
    assert second.position == 2 and second.public_code != first.public_code
    refused("round.qualify_round", contests.update_round, db, library, contest, first, NOW - 2 * HOUR,
            entry="qualified", qualify_round_id=second.id, qualify_top_k=1)  # not from a later round
    other = contests.create_contest(db, User(id=contest.organiser_id), title_vi="Khác", title_en="Other", grades=[9])
    refused("round.qualify_round", contests.create_round, db, library, other,
            **settings(entry="qualified", qualify_round_id=first.id, qualify_top_k=1))  # nor another contest's


def test_after_opening_only_name_close_publishing_draw_and_time_limit_change(db, library, contest):
    round_ = contests.create_round(db, library, contest, **settings())
    participant, attempt = participant_in(db, round_, "early", started=NOW - HOUR / 2)
    db.add(ContestDraw(attempt_id=attempt.id, participant_id=participant.id, questions='["first-quiz/pick-one"]',
                       deadline=NOW))
    refused("round.locked_after_opening", contests.update_round, db, library, contest, round_, NOW,
            opens_at=NOW - 2 * HOUR)
    refused("round.locked_after_opening", contests.update_round, db, library, contest, round_, NOW, scope="province",
            scope_province="Hà Nội")
    contests.update_round(db, library, contest, round_, NOW, name_en="Final school round", closes_at=NOW + 2 * HOUR,
                          publish="at_close", time_limit_minutes=45, draw=Draw(picks=(Pick("scams", 2, 5),)),
                          opens_at=NOW - HOUR)  # unchanged: allowed
    assert (round_.name_en, round_.publish, round_.time_limit_minutes) == ("Final school round", "at_close", 45)
    assert Draw.from_json(round_.draw).size == 5
    assert db.get(ContestDraw, attempt.id).questions == '["first-quiz/pick-one"]'  # the draw made stays
    contests.update_round(db, library, contest, round_, NOW - 2 * HOUR, scope="province", scope_province="Hà Nội")


def test_a_round_is_deleted_only_before_anyone_started(db, library, contest):
    first = contests.create_round(db, library, contest, **settings())
    later = contests.create_round(db, library, contest, **settings(entry="qualified", qualify_round_id=first.id,
                                                                   qualify_top_k=1))
    participant_in(db, later, "waiting", started=None)
    refused("round.feeds_another", contests.delete_round, db, first)
    assert contests.delete_round(db, later) == 1
    participant_in(db, first, "started", started=NOW)
    refused("round.started", contests.delete_round, db, first)
    assert db.exec(select(func.count()).select_from(ContestRound)).one() == 1


# --- standings, publishing, qualification -------------------------------------------------

def school(db, name: str, province: str = "Hà Nội") -> School:
    found = School(name=name, province=province)
    db.add(found)
    db.flush()
    return found


def participant_in(db, round_, key: str, *, started=None, minutes=None, score=None, of=10, school_id=None,
                   confirmed=True, name=None):
    """A participant of `round_` and their attempt: begun at `started`, submitted
    `minutes` later with `score` of `of` (not submitted when minutes is None)."""
    if school_id is None:
        school_id = (db.exec(select(School)).first() or school(db, "THCS Hoa Sen")).id
    person = Participant(round_id=round_.id, learner_key=key, display_name=name or key, school_id=school_id,
                         grade="7", class_name="7A", identity=f"{school_id}|7|7a|{key}", code_hash=f"{round_.id}-{key}",
                         confirmed_at=NOW - 2 * HOUR if confirmed else None)
    db.add(person)
    attempt = None
    if started is not None:
        attempt = QuizAttempt(learner_key=key, quiz_slug=f"contest-{round_.id}", context="contest",
                              context_id=round_.id, started_at=started, max_score=of,
                              finished_at=started + timedelta(minutes=minutes) if minutes is not None else None,
                              score=score if minutes is not None else None)
        db.add(attempt)
    db.flush()
    return person, attempt


def test_standings_rank_by_score_then_time_then_id(db, library, contest):
    round_ = contests.create_round(db, library, contest, **settings())
    start = NOW - HOUR
    for key, minutes, score in (("slow", 20, 8), ("fast", 10, 8), ("best", 25, 9), ("tie-a", 15, 7), ("tie-b", 15, 7),
                                ("partial", 5, 6.5)):
        participant_in(db, round_, key, started=start, minutes=minutes, score=score)
    participant_in(db, round_, "answering", started=start)
    participant_in(db, round_, "absent")
    participant_in(db, round_, "unconfirmed", confirmed=False)
    table = contest_results.standings(db, round_)
    assert [(s.participant.learner_key, s.rank, s.status) for s in table] == [
        ("best", 1, "submitted"), ("fast", 2, "submitted"), ("slow", 3, "submitted"), ("tie-a", 4, "submitted"),
        ("tie-b", 5, "submitted"), ("partial", 6, "submitted"), ("answering", None, "in_progress"),
        ("absent", None, "not_started"), ("unconfirmed", None, "unconfirmed")]
    assert table[1].time_taken == timedelta(minutes=10) and table[5].fraction == 0.65


def test_publishing_by_hand_waits_for_the_close_and_submits_attempts_whose_time_is_up(db, library, contest, clock):
    round_ = contests.create_round(db, library, contest, **settings())
    person, attempt = participant_in(db, round_, "gone", started=NOW - HOUR / 2)
    db.add(ContestDraw(attempt_id=attempt.id, participant_id=person.id, questions="[]", deadline=NOW))
    refused("round.not_closed", contest_results.publish, db, library, round_, NOW)
    after = NOW + 2 * HOUR
    contest_results.publish(db, library, round_, after)
    assert as_utc(round_.published_at) == after
    assert as_utc(attempt.finished_at) == NOW and attempt.score == 0  # submitted at its deadline
    contest_results.publish(db, library, round_, after + HOUR)
    assert as_utc(round_.published_at) == after  # twice changes nothing
    at_close = contests.create_round(db, library, contest, **settings(publish="at_close"))
    refused("round.publishes_at_close", contest_results.publish, db, library, at_close, after)


@pytest.fixture
def two_rounds(db, library, contest):
    """A school round closed at 07:00 (results by hand) with two schools'
    results, and a provincial round for Hà Nội open to its qualifiers."""
    first = contests.create_round(db, library, contest, **settings(opens_at=NOW - 3 * HOUR, closes_at=NOW - HOUR))
    hoa_sen, mai, far = school(db, "THCS Hoa Sen").id, school(db, "THCS Mai Dịch").id, school(db, "THCS Huế", "Huế").id
    start = NOW - 3 * HOUR
    for key, where, score, minutes in (("a1", hoa_sen, 9, 20), ("a2", hoa_sen, 8, 20), ("a3", hoa_sen, 8, 25),
                                       ("a4", hoa_sen, 5, 10), ("b1", mai, 6, 30), ("b2", mai, 4, 30),
                                       ("c1", far, 10, 5)):
        participant_in(db, first, key, started=start, minutes=minutes, score=score, school_id=where)
    second = contests.create_round(db, library, contest, **settings(
        name_en="Provincial round", entry="qualified", qualify_round_id=first.id, qualify_top_k=2,
        qualify_min_percent=50, scope="province", scope_province="Hà Nội"))
    return first, second


def keys(db, round_) -> list[str]:
    return sorted(db.exec(select(Participant.learner_key).where(Participant.round_id == round_.id)).all())


def test_qualifiers_are_the_top_k_of_each_school_at_the_lowest_score_in_scope(db, library, app, two_rounds):
    first, second = two_rounds
    # Hoa Sen's top two (a1, a2: a3 has a2's score but took longer); Mai Dịch's b1 (60%), not b2 (40%, under
    # 50%); nobody from Huế, outside the provincial round's scope, though c1 came first.
    assert [s.participant.learner_key for s in contest_results.qualifiers(db, second)] == ["a1", "a2", "b1"]
    second.qualify_top_k = None
    assert [s.participant.learner_key for s in contest_results.qualifiers(db, second)] == ["a1", "a2", "a3", "b1", "a4"]
    second.qualify_top_k, second.qualify_min_percent = 1, None
    assert [s.participant.learner_key for s in contest_results.qualifiers(db, second)] == ["a1", "b1"]


def test_bringing_in_qualifiers_keeps_their_key_waits_for_results_and_adds_nobody_twice(db, library, app, two_rounds):
    first, second = two_rounds
    secret = app.secret_key
    refused("round.earlier_not_published", contest_results.bring_in_qualifiers, db, library, secret, second, NOW)
    contest_results.publish(db, library, first, NOW)
    assert contest_results.bring_in_qualifiers(db, library, secret, second, NOW) == 3
    assert keys(db, second) == ["a1", "a2", "b1"]
    a1 = db.exec(select(Participant).where(Participant.round_id == second.id, Participant.learner_key == "a1")).one()
    before = db.exec(select(Participant).where(Participant.round_id == first.id, Participant.learner_key == "a1")).one()
    assert (a1.display_name, a1.school_id, a1.grade, a1.class_name) == (before.display_name, before.school_id, "7", "7A")
    assert a1.code_hash == codes.digest(secret, codes.contest_code(secret, second.id, "a1")) != before.code_hash
    assert as_utc(a1.confirmed_at) == NOW and a1.identity == before.identity
    assert contest_results.bring_in_qualifiers(db, library, secret, second, NOW + HOUR) == 0
    assert keys(db, second) == ["a1", "a2", "b1"]
    refused("round.not_by_qualification", contest_results.bring_in_qualifiers, db, library, secret, first, NOW)
