"""Taking part in a contest round: the server's clock decides, one attempt,
answers saved on choice and changeable until submitted, nothing about right
or wrong before results are published. Every time-dependent test runs on
the frozen `clock` (2026-11-24 08:00 UTC = 15:00 in Viet Nam)."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from sqlmodel import select

from edu.content.questions import Shown
from edu.models import ContestDraw, ContestRound, QuizAnswer, QuizAttempt
from edu.services import contest_attempts, draws
from edu.web.content import current_library
from edu.web.db import get_session

NOW = datetime(2026, 11, 24, 8, 0, tzinfo=timezone.utc)  # the clock fixture's moment
CONTEST_DRAW = draws.Draw(picks=(draws.Pick("scams", 2, 4),)).to_json()  # what round_factory draws


def _drawn(app, key: str):
    """(attempt, drawn references, draw) of the participant with learner key `key`."""
    with app.app_context():
        db = get_session()
        attempt = db.exec(select(QuizAttempt).where(QuizAttempt.learner_key == key,
                                                    QuizAttempt.context == "contest")).one()
        draw = db.get(ContestDraw, attempt.id)
        return attempt, json.loads(draw.questions), draw


def _form(app, key: str, number: int, choices=None, **fields) -> dict:
    """What question `number` of that participant's page sends with `choices`
    (authors' ids; by default a wrong-or-right first option)."""
    attempt, refs, _ = _drawn(app, key)
    with app.app_context():
        question = draws.resolve(current_library(), refs[number - 1]).model_copy(update={"id": refs[number - 1]})
    shown = Shown(attempt.seed, app.secret_key)
    chosen = choices if choices is not None else _any_answer(question)
    data = {"question": question.token(shown), **fields}
    for name, value in question.form_data(tuple(chosen), shown):
        data.setdefault(name, []).append(value) if name == "choice" else data.__setitem__(name, value)
    return data


def _any_answer(question) -> tuple[str, ...]:
    if question.family == "ordering":
        return tuple(question.correct_order)
    return (question.choice_ids[0],)


def _answers(app, key: str) -> dict[str, str]:
    attempt, _, _ = _drawn(app, key)
    with app.app_context():
        rows = get_session().exec(select(QuizAnswer).where(QuizAnswer.attempt_id == attempt.id)).all()
        return {row.question_id: row.choice for row in rows}


def test_someone_not_entered_is_told_how_to_enter_and_an_unknown_round_does_not_exist(app, round_factory, clock):
    round_id = round_factory()
    stranger = app.test_client()
    page = stranger.get(f"/contest/rounds/{round_id}?lang=en")
    assert page.status_code == 403 and "/contest/enter" in page.text
    assert stranger.post(f"/contest/rounds/{round_id}/start").status_code == 403
    assert stranger.get("/contest/rounds/99999").status_code == 404


def test_start_draws_once_and_a_second_device_gets_the_same_draw_and_time(app, round_factory, contestant, clock):
    round_id = round_factory()
    lab_pc = contestant(round_id)
    assert lab_pc.post(f"/contest/rounds/{round_id}/start").headers["Location"].endswith(f"/rounds/{round_id}/q/1")
    attempt, refs, draw = _drawn(app, "learner-one")
    assert len(refs) == 4 and len(set(refs)) == 4 and attempt.max_score == 4
    assert draw.deadline == NOW + timedelta(minutes=30)

    clock.shift(600)
    phone = app.test_client()
    with phone.session_transaction() as session:
        session["learner"] = "learner-one"
    assert phone.post(f"/contest/rounds/{round_id}/start").status_code == 303
    assert _drawn(app, "learner-one")[1] == refs  # no second draw
    page = phone.get(f"/contest/rounds/{round_id}/q/1?lang=en")
    assert 'data-seconds-left="1200"' in page.text  # 30 minutes less the 10 that passed


def test_draws_differ_between_participants_and_are_fixed_by_the_seed(app, round_factory, contestant, clock):
    round_id = round_factory()
    orders = set()
    for n in range(6):
        contestant(round_id, f"learner-{n}").post(f"/contest/rounds/{round_id}/start")
        attempt, refs, _ = _drawn(app, f"learner-{n}")
        with app.app_context():
            again = draws.draw_for(current_library(), draws.Draw.from_json(CONTEST_DRAW), attempt.seed, 11)
        assert again == refs
        orders.add(tuple(refs))
    assert len(orders) > 1


def test_an_answer_is_saved_changed_and_never_judged_on_the_page(app, round_factory, contestant, clock):
    round_id = round_factory()
    student = contestant(round_id)
    student.post(f"/contest/rounds/{round_id}/start")
    _, refs, _ = _drawn(app, "learner-one")
    saved = student.post(f"/contest/rounds/{round_id}/q/1?lang=en", data=_form(app, "learner-one", 1, go="next"))
    assert saved.status_code == 303 and saved.headers["Location"].endswith("/q/2")
    first = _answers(app, "learner-one")[refs[0]]

    with app.app_context():
        question = draws.resolve(current_library(), refs[0])
    other = [c for c in question.choice_ids if c != first.split(",")[0]][:1] if question.family != "ordering" \
        else list(reversed(question.correct_order))
    clock.shift(60)
    changed = student.post(f"/contest/rounds/{round_id}/q/1", data=_form(app, "learner-one", 1, other),
                           headers={"HX-Request": "true", "HX-Target": "answer-saved"})
    assert changed.status_code == 200 and "15:01:00" in changed.text
    assert _answers(app, "learner-one")[refs[0]] == ",".join(other)
    page = student.get(f"/contest/rounds/{round_id}/q/1?lang=en").text
    for judged in ("Correct", "Not quite", "explanation", "score"):
        assert judged not in page
    assert "Answer saved at" in page


def test_moving_on_without_an_answer_saves_nothing_and_a_refused_answer_keeps_the_page(app, round_factory, contestant, clock):
    round_id = round_factory()
    student = contestant(round_id)
    student.post(f"/contest/rounds/{round_id}/start")
    data = _form(app, "learner-one", 2, choices=(), go="next")
    assert student.post(f"/contest/rounds/{round_id}/q/2", data=data).headers["Location"].endswith("/q/3")
    stay = student.post(f"/contest/rounds/{round_id}/q/2?lang=vi", data=_form(app, "learner-one", 2, choices=()))
    assert stay.status_code == 400 and 'role="alert"' in stay.text
    assert _answers(app, "learner-one") == {}


def test_a_question_outside_the_draw_a_forged_choice_or_no_attempt_is_refused_and_nothing_stored(
        app, round_factory, contestant, clock, page_form):
    round_id = round_factory(draw=draws.Draw(fixed=("first-quiz/pick-one", "first-quiz/pick-many")).to_json())
    student = contestant(round_id)
    early = student.post(f"/contest/rounds/{round_id}/q/1?lang=en", data={"question": "x"})
    assert early.status_code == 400 and "Start the round" in early.text
    student.post(f"/contest/rounds/{round_id}/start")
    attempt, _, _ = _drawn(app, "learner-one")
    outside = Shown(attempt.seed, app.secret_key).name("first-quiz/statement")
    refused = student.post(f"/contest/rounds/{round_id}/q/1?lang=en", data={"question": outside, "choice": "true"})
    assert refused.status_code == 400 and "not one of yours" in refused.text
    forged = _form(app, "learner-one", 1)
    forged["choice"] = ["not-an-option"]
    assert student.post(f"/contest/rounds/{round_id}/q/1", data=forged).status_code == 400
    assert _answers(app, "learner-one") == {}


def test_a_late_answer_is_refused_and_the_attempt_was_submitted_at_its_deadline(app, round_factory, contestant, clock):
    round_id = round_factory()
    student = contestant(round_id)
    student.post(f"/contest/rounds/{round_id}/start")
    student.post(f"/contest/rounds/{round_id}/q/1", data=_form(app, "learner-one", 1))
    clock.shift(timedelta(minutes=30, seconds=1))
    late = student.post(f"/contest/rounds/{round_id}/q/2?lang=vi", data=_form(app, "learner-one", 2))
    assert late.status_code == 400 and "Đã hết giờ" in late.text
    attempt, refs, _ = _drawn(app, "learner-one")
    assert list(_answers(app, "learner-one")) == [refs[0]]
    assert attempt.finished_at == NOW + timedelta(minutes=30)  # at time-up, not when the late answer came
    assert attempt.score is not None
    assert student.get(f"/contest/rounds/{round_id}/q/1").headers["Location"].endswith(f"/rounds/{round_id}")


def test_an_attempt_abandoned_is_submitted_at_time_up_by_whoever_looks_next(app, round_factory, contestant, clock):
    round_id = round_factory()
    contestant(round_id).post(f"/contest/rounds/{round_id}/start")
    clock.shift(timedelta(minutes=45))
    with app.app_context():
        db = get_session()
        round_ = db.get(ContestRound, round_id)
        assert contest_attempts.finalise_expired(db, round_, current_library(), clock_now()) == 1
        db.commit()
    attempt, _, _ = _drawn(app, "learner-one")
    assert attempt.finished_at == NOW + timedelta(minutes=30) and attempt.score == 0


def clock_now() -> datetime:
    return datetime.now(timezone.utc)


def test_the_round_closing_first_shortens_the_time_and_clock_skew_gives_nothing(app, round_factory, contestant, clock):
    round_id = round_factory(closes_at=NOW + timedelta(minutes=10))
    student = contestant(round_id)
    student.post(f"/contest/rounds/{round_id}/start")
    assert _drawn(app, "learner-one")[2].deadline == NOW + timedelta(minutes=10)
    # A browser whose clock is an hour slow changes nothing: the page counts from the server's seconds.
    page = student.get(f"/contest/rounds/{round_id}/q/1", headers={"Date": "Tue, 24 Nov 2026 07:00:00 GMT"})
    assert 'data-seconds-left="600"' in page.text


def test_submit_lists_what_is_unanswered_then_ends_the_attempt(app, round_factory, contestant, clock):
    round_id = round_factory()
    student = contestant(round_id)
    student.post(f"/contest/rounds/{round_id}/start")
    student.post(f"/contest/rounds/{round_id}/q/1", data=_form(app, "learner-one", 1))
    summary = student.get(f"/contest/rounds/{round_id}/summary?lang=en").text
    assert "You have answered 1 of 4 questions." in summary
    assert all(f"/rounds/{round_id}/q/{n}" in summary for n in (2, 3, 4))
    assert student.post(f"/contest/rounds/{round_id}/submit").status_code == 303
    after = student.post(f"/contest/rounds/{round_id}/q/2?lang=en", data=_form(app, "learner-one", 2))
    assert after.status_code == 400 and "already submitted" in after.text
    assert student.post(f"/contest/rounds/{round_id}/start").status_code == 303  # one attempt: nothing new
    with app.app_context():
        assert len(get_session().exec(select(QuizAttempt).where(QuizAttempt.context == "contest")).all()) == 1


def test_no_score_before_results_are_published(app, round_factory, contestant, clock):
    round_id = round_factory(publish="manual")
    student = contestant(round_id)
    student.post(f"/contest/rounds/{round_id}/start")
    student.post(f"/contest/rounds/{round_id}/q/1", data=_form(app, "learner-one", 1))
    student.post(f"/contest/rounds/{round_id}/submit")
    clock.shift(timedelta(hours=2))  # closed, but results are published by hand
    page = student.get(f"/contest/rounds/{round_id}?lang=en").text
    assert "Your answers are submitted" in page and "Your result in this round" not in page and "/4" not in page
    with app.app_context():
        db = get_session()
        db.get(ContestRound, round_id).published_at = clock_now()
        db.commit()
    assert "Your result in this round" in student.get(f"/contest/rounds/{round_id}?lang=en").text


def test_starting_needs_an_open_round_and_a_confirmed_entry(app, round_factory, contestant, clock):
    upcoming = round_factory(opens_at=NOW + timedelta(hours=1), closes_at=NOW + timedelta(hours=2))
    refused = contestant(upcoming, "early").post(f"/contest/rounds/{upcoming}/start?lang=en")
    assert refused.status_code == 403 and "not opened yet" in refused.text
    closed = round_factory(opens_at=NOW - timedelta(hours=2), closes_at=NOW - timedelta(hours=1))
    assert contestant(closed, "late").post(f"/contest/rounds/{closed}/start").status_code == 403
    pending = round_factory()
    waiting = contestant(pending, "pending", confirmed=False)
    assert "not confirmed" in waiting.get(f"/contest/rounds/{pending}?lang=en").text
    assert waiting.post(f"/contest/rounds/{pending}/start").status_code == 403
    with app.app_context():
        assert get_session().exec(select(QuizAttempt).where(QuizAttempt.context == "contest")).first() is None


def test_a_round_edited_after_it_opened_keeps_the_draws_made(app, round_factory, contestant, clock):
    round_id = round_factory()
    student = contestant(round_id)
    student.post(f"/contest/rounds/{round_id}/start")
    before = _drawn(app, "learner-one")[1]
    with app.app_context():
        db = get_session()
        db.get(ContestRound, round_id).draw = draws.Draw(fixed=("first-quiz/pick-one",)).to_json()
        db.commit()
    assert _drawn(app, "learner-one")[1] == before
    page = student.get(f"/contest/rounds/{round_id}/summary?lang=en").text
    assert "of 4 questions" in page


def test_a_reload_shows_the_saved_choice_and_the_same_order(app, round_factory, contestant, clock):
    round_id = round_factory(draw=draws.Draw(fixed=("first-quiz/pick-one",)).to_json())
    student = contestant(round_id)
    student.post(f"/contest/rounds/{round_id}/start")
    first = student.get(f"/contest/rounds/{round_id}/q/1?lang=en").text
    student.post(f"/contest/rounds/{round_id}/q/1", data=_form(app, "learner-one", 1, ("b",)))
    again = student.get(f"/contest/rounds/{round_id}/q/1?lang=en").text
    attempt, _, _ = _drawn(app, "learner-one")
    with app.app_context():
        question = current_library().quizzes["first-quiz"].question("pick-one").model_copy(
            update={"id": "first-quiz/pick-one"})
    value = question.form_value("b", Shown(attempt.seed, app.secret_key))
    assert f'value="{value}" required checked' in again and f'value="{value}" required checked' not in first
    order = lambda html: [html.index(text) for text in ("Answer A", "Answer B")]  # noqa: E731
    assert (order(first)[0] < order(first)[1]) == (order(again)[0] < order(again)[1])


def test_starting_and_submitting_need_the_csrf_token(make_app, round_factory, contestant, clock):
    round_id = round_factory()
    contestant(round_id)  # the participant, on the database every app of this test shares
    protected = make_app().test_client()
    with protected.session_transaction() as session:
        session["learner"] = "learner-one"
    assert protected.post(f"/contest/rounds/{round_id}/start").status_code == 400
    assert protected.post(f"/contest/rounds/{round_id}/submit").status_code == 400
    assert protected.get(f"/contest/rounds/{round_id}").status_code == 200
    with protected.application.app_context():
        assert get_session().exec(select(QuizAttempt).where(QuizAttempt.context == "contest")).first() is None
