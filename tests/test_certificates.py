"""Certificates: issued once results are published, verifiable by anyone
with the code, and an unknown code says only that it is unknown."""
from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from edu.models import ContestRound, Participant, utcnow
from edu.services import codes
from edu.web.db import get_session


def _take_and_submit(client, round_id: int) -> None:
    assert client.post(f"/contest/rounds/{round_id}/start").status_code == 303
    assert client.post(f"/contest/rounds/{round_id}/submit").status_code == 303


def _participant_id(app, key: str = "learner-one") -> int:
    with app.app_context():
        return get_session().exec(select(Participant.id).where(Participant.learner_key == key)).one()


def _publish(app, round_id: int) -> None:
    with app.app_context():
        db = get_session()
        db.get(ContestRound, round_id).published_at = utcnow()
        db.commit()


def test_a_certificate_exists_only_once_results_are_published(app, round_factory, contestant, clock):
    round_id = round_factory(publish="manual")
    student = contestant(round_id)
    _take_and_submit(student, round_id)
    code = codes.certificate_code(app.secret_key, _participant_id(app))
    assert app.test_client().get(f"/certificates/{code}?lang=en").status_code == 404
    assert "/certificates/" not in student.get(f"/contest/rounds/{round_id}?lang=en").text

    _publish(app, round_id)
    round_page = student.get(f"/contest/rounds/{round_id}?lang=en").text
    assert f"/certificates/{code}/print" in round_page
    check = app.test_client().get(f"/certificates/{code}?lang=en")
    assert check.status_code == 200
    assert "This certificate is genuine" in check.text and "Lan" in check.text and "THCS Hoa Sen" in check.text
    typed = app.test_client().get(f"/certificates/{code.lower().replace('-', ' ')}?lang=vi")
    assert typed.status_code == 200 and "Giấy chứng nhận này là thật" in typed.text


def test_the_printed_certificate_speaks_both_languages_and_carries_its_check(app, round_factory, contestant, clock):
    round_id = round_factory(publish="manual")
    _take_and_submit(contestant(round_id), round_id)
    _publish(app, round_id)
    code = codes.certificate_code(app.secret_key, _participant_id(app))
    page = app.test_client().get(f"/certificates/{code}/print?lang=vi").text
    assert page.index("Giấy chứng nhận") < page.index("Certificate")  # the page's language first
    assert "School round" in page and "Vòng trường" in page
    assert f"https://lachan.example/certificates/{code}" in page and "<svg" in page
    english = app.test_client().get(f"/certificates/{code}/print?lang=en").text
    assert english.index("This certifies that") < english.index("Chứng nhận")


def test_an_unknown_or_forged_code_says_so_and_hints_at_nothing(app, round_factory, contestant, clock, unsigned):
    round_id = round_factory(publish="manual")
    _take_and_submit(contestant(round_id), round_id)
    _publish(app, round_id)
    real = codes.certificate_code(app.secret_key, _participant_id(app))
    forged_check = real[:-1] + ("A" if real[-1] != "A" else "C")
    other_participant = codes.certificate_code(app.secret_key, _participant_id(app) + 1)
    other_secret = codes.certificate_code("another secret", _participant_id(app))
    pages = [app.test_client().get(f"/certificates/{code}?lang=en")
             for code in (forged_check, other_participant, other_secret, "LC-", "nonsense", "x" * 300)]
    assert {page.status_code for page in pages} == {404}
    bodies = {unsigned(page.text).replace(code, "") for page, code in zip(
        pages, (forged_check, other_participant, other_secret, "LC-", "nonsense", "x" * 300))}
    assert len(bodies) == 1  # the same page whatever was typed
    assert "No certificate has this code" in pages[0].text


def test_no_certificate_without_a_submitted_attempt(app, round_factory, contestant, clock):
    round_id = round_factory()
    contestant(round_id)  # entered, never started
    clock.shift(timedelta(hours=2))  # closed; published at close
    code = codes.certificate_code(app.secret_key, _participant_id(app))
    assert app.test_client().get(f"/certificates/{code}").status_code == 404


def test_an_abandoned_attempt_gets_its_certificate_once_time_is_up(app, round_factory, contestant, clock):
    round_id = round_factory()
    contestant(round_id).post(f"/contest/rounds/{round_id}/start")
    clock.shift(timedelta(hours=2))  # the student never came back; the round published at close
    code = codes.certificate_code(app.secret_key, _participant_id(app))
    assert app.test_client().get(f"/certificates/{code}?lang=en").status_code == 200
