"""Contest rounds in a teacher's class reports: the grid's "Contest rounds"
columns, the round's own report, the student's report and the topics page.
While a round runs the teacher sees who has not started, who is answering
and who has submitted, and no score; once results are published, scores,
questions and topics. Contest attempts and homework never mix, and a round
the class has no students in does not exist for its teacher.

Time stands on the `clock` (2026-11-24 08:00 UTC); the round is open from
07:00 to 09:00 and publishes at close.
"""
from __future__ import annotations

import html
import json
import re
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import event
from sqlmodel import select
from werkzeug.datastructures import MultiDict

from edu.models import (Contest, ContestDraw, ContestRound, Participant, QuizAnswer, QuizAttempt, School,
                        Student, User)
from edu.services import attempts, codes, contest_attempts, draws, round_reports
from edu.web.content import current_library
from edu.web.db import get_session
from tests.test_exports import assert_no_formula_in_csv, assert_no_formula_in_xlsx, read_csv, read_xlsx

NOW = datetime(2026, 11, 24, 8, 0, tzinfo=timezone.utc)
PICK_ONE, STATEMENT, BANK_SMS = "first-quiz/pick-one", "first-quiz/statement", "recognition/bank-sms"
ROUND_NAME = "School round"
TITLE = "Safe online: School round"  # the contest's title and the round's name, as the reports say them


@pytest.fixture
def app(make_app):
    return make_app(WTF_CSRF_ENABLED=False, OPEN_SIGNUP=True)


def make_round(app, *, name: str = ROUND_NAME, **fields) -> int:
    with app.app_context():
        db = get_session()
        organiser = User(email=f"org-{name}@example.org", password_hash="x", role="organiser")
        school = db.exec(select(School)).first() or School(name="THCS Hoa Sen", province="Hà Nội")
        db.add_all([organiser, school])
        db.flush()
        contest = Contest(organiser_id=organiser.id, title_vi="An toàn trên mạng", title_en="Safe online", grades="6,7,8,9")
        db.add(contest)
        db.flush()
        round_ = ContestRound(**{"contest_id": contest.id, "name_vi": "Vòng trường", "name_en": name,
                                 "opens_at": NOW - timedelta(hours=1), "closes_at": NOW + timedelta(hours=1),
                                 "time_limit_minutes": 30, "public_code": codes.random_code(8),
                                 "draw": draws.Draw(fixed=(PICK_ONE, STATEMENT)).to_json(), **fields})
        db.add(round_)
        db.commit()
        return round_.id


def enter(app, round_id: int, name: str, class_id: int | None) -> Participant:
    """The student called `name` (of class `class_id`), or with no class someone from a CSV list."""
    with app.app_context():
        db = get_session()
        student = db.exec(select(Student).where(Student.display_name == name)).first()
        key = student.learner_key if class_id is not None else f"csv-{name}"
        school = db.exec(select(School)).first()
        participant = Participant(round_id=round_id, learner_key=key, display_name=name, school_id=school.id,
                                  grade="7", class_name="7A", class_id=class_id, identity=f"{school.id}|7|7a|{name}",
                                  code_hash=codes.digest(app.secret_key, codes.contest_code(app.secret_key, round_id, key)),
                                  confirmed_at=NOW - timedelta(days=1))
        db.add(participant)
        db.commit()
        db.refresh(participant)
        return participant


def submitted(app, round_id: int, participant: Participant, answers: dict[str, str], refs=(PICK_ONE, STATEMENT)):
    """A submitted attempt that drew `refs` and answered {ref: choice}, scored as the questions score."""
    with app.app_context():
        db, library = get_session(), current_library()
        attempt = QuizAttempt(learner_key=participant.learner_key, quiz_slug=f"round-{round_id}", context="contest",
                              context_id=round_id, seed=7, max_score=len(refs), started_at=NOW - timedelta(minutes=40))
        db.add(attempt)
        db.flush()
        db.add(ContestDraw(attempt_id=attempt.id, participant_id=participant.id, questions=json.dumps(list(refs)),
                           deadline=NOW - timedelta(minutes=10)))
        total = 0.0
        for ref, choice in answers.items():
            mark = draws.resolve(library, ref).score(tuple(choice.split(",")))
            total += mark.score
            db.add(QuizAnswer(attempt_id=attempt.id, question_id=ref, choice=choice, is_correct=mark.correct,
                              score=mark.score, answered_at=NOW - timedelta(minutes=20)))
        attempt.score, attempt.finished_at = total, NOW - timedelta(minutes=15)
        db.add(attempt)
        db.commit()


def started(app, round_id: int, participant: Participant, right_first: bool):
    """Started ten minutes ago through the taking-part service, with the first question answered."""
    with app.app_context():
        db, library = get_session(), current_library()
        round_ = db.get(ContestRound, round_id)
        taking = contest_attempts.start(db, library, round_, participant, db.get(Contest, round_.contest_id),
                                        NOW - timedelta(minutes=10))
        question = taking.quiz.question(PICK_ONE)
        shown = attempts.shown(taking.attempt, app.secret_key)
        form = {"question": question.token(shown), "choice": [question.form_value("b" if right_first else "a", shown)]}
        contest_attempts.save_answer(db, library, round_, participant, MultiDict(form), app.secret_key,
                                     NOW - timedelta(minutes=5))
        db.commit()


@pytest.fixture
def world(app, homework_student, page_form, clock):
    """Class 7A (id 1) with first-quiz as homework. Lan joined and did the
    homework all wrong; in the round she drew pick-one and bank-sms and got
    both right. An, Giang, Hà and Khoa submitted (2, 1, 1 and 0 of 2 right),
    Bình is answering, Chi has not started, Dũng was not entered. Someone from
    a CSV list (no class) also submitted. Returns (teacher, round id)."""
    teacher, lan = homework_student(app, "Lan")
    lan.post("/me/quizzes/first-quiz/start")
    for question, choice in (("pick-one", "a"), ("pick-many", ["z"]), ("statement", "true")):
        lan.post("/me/quizzes/first-quiz/answer", data=page_form(app, "first-quiz", question, choice))
    with app.app_context():
        db = get_session()
        for name in ("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khoa"):
            db.add(Student(class_id=1, display_name=name, learner_key=f"key-{name}", reentry_hash=f"hash-{name}"))
        db.commit()
    round_id = make_round(app)
    people = {name: enter(app, round_id, name, 1) for name in ("Lan", "An", "Bình", "Chi", "Giang", "Hà", "Khoa")}
    submitted(app, round_id, people["Lan"], {PICK_ONE: "b", BANK_SMS: "scam"}, refs=(PICK_ONE, BANK_SMS))
    submitted(app, round_id, people["An"], {PICK_ONE: "b", STATEMENT: "false"})
    submitted(app, round_id, people["Giang"], {PICK_ONE: "b", STATEMENT: "true"})
    submitted(app, round_id, people["Hà"], {PICK_ONE: "a", STATEMENT: "false"})
    submitted(app, round_id, people["Khoa"], {})
    started(app, round_id, people["Bình"], right_first=True)
    submitted(app, round_id, enter(app, round_id, "Người Lạ", None), {PICK_ONE: "b", STATEMENT: "false"})
    return teacher, round_id


def words(markup: str) -> str:
    """The words of some HTML, tags gone, spaces squeezed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def student_id(app, name: str) -> int:
    with app.app_context():
        return get_session().exec(select(Student).where(Student.display_name == name)).one().id


def round_cells(grid_csv: list[list[str]]) -> dict[str, list[str]]:
    """Each student's cells from the first contest-round column on."""
    first = next(i for i, header in enumerate(grid_csv[0]) if header.startswith("Contest round:"))
    return {row[0]: row[first:] for row in grid_csv[1:]}


# --- while the round is open -------------------------------------------------------------

def test_while_open_the_round_shows_who_has_not_started_and_no_score(app, world):
    teacher, round_id = world
    page = teacher.get(f"/classes/1/rounds/{round_id}?lang=en")
    assert page.status_code == 200
    said = words(page.text)
    assert "Scores appear when the results are published" in said
    waiting = re.search(r'id="waiting-heading">.*?</section>', page.text, re.S).group(0)
    assert "Chi" in waiting and "An" not in waiting and "Bình" not in waiting
    assert "Not started 1 In progress 1 Submitted 5" in said
    for name in ("An", "Bình", "Chi", "Giang", "Hà", "Khoa", "Lan"):
        assert f">{name}</th>" in page.text
    assert "Người Lạ" not in page.text and ">Dũng<" not in page.text  # not the class's entrant; not entered
    for early in ("points", "Average", "Question by question", "%", "Answer B", "Topics"):
        assert early not in said, early
    assert teacher.get(f"/classes/1/rounds/{round_id}/questions.csv").status_code == 404

    results = read_csv(teacher.get(f"/classes/1/rounds/{round_id}.csv?lang=en").data)
    assert results[0] == ["Student", "Status"]
    assert dict(results[1:]) == {"An": "Submitted", "Bình": "In progress", "Chi": "Not started", "Giang": "Submitted",
                                 "Hà": "Submitted", "Khoa": "Submitted", "Lan": "Submitted"}


def test_while_open_the_grid_has_round_columns_with_statuses_and_no_score(app, world):
    teacher, round_id = world
    grid = teacher.get("/classes/1/reports/grid?lang=en")
    assert "Contest rounds" in grid.text and TITLE in grid.text
    assert f'href="/classes/1/rounds/{round_id}"' in grid.text
    rows = re.findall(r"<tr><th scope=\"row\">.*?</tr>", grid.text, re.S)
    lan, dung = (next(r for r in rows if f">{name}</a>" in r) for name in ("Lan", "Dũng"))
    assert lan.count("cell-needs_help") == 1 and "Submitted" in lan and "100" not in lan
    assert "Not entered" in dung

    grid_csv = read_csv(teacher.get("/classes/1/reports/grid.csv?lang=en").data)
    assert grid_csv[0][-1] == f"Contest round: {TITLE}"  # no score column before publishing
    cells = round_cells(grid_csv)
    assert cells == {"An": ["Submitted"], "Bình": ["In progress"], "Chi": ["Not started"], "Dũng": ["Not entered"],
                     "Giang": ["Submitted"], "Hà": ["Submitted"], "Khoa": ["Submitted"], "Lan": ["Submitted"]}


def test_while_open_the_student_report_has_the_round_apart_and_no_answers(app, world):
    teacher, round_id = world
    page = teacher.get(f"/classes/1/reports/students/{student_id(app, 'An')}?lang=en")
    contest = page.text[page.text.index("<h2>Contest rounds</h2>"):]
    assert TITLE in contest and "Submitted" in contest and "Scores appear when the results are published" in contest
    assert "Choose B." not in contest and "points" not in contest
    assert "No quiz attempts yet." in page.text  # the contest attempt is not homework


def test_the_reports_nav_links_the_round_only_for_a_class_with_students_in_it(app, world, sign_up):
    teacher, round_id = world
    for report in ("grid", "topics", "quizzes/first-quiz", f"students/{student_id(app, 'An')}"):
        assert f'href="/classes/1/rounds/{round_id}"' in teacher.get(f"/classes/1/reports/{report}?lang=en").text
    teacher.post("/classes/new", data={"name": "7B", "language": "en"})
    assert "/rounds/" not in teacher.get("/classes/2/reports/grid?lang=en").text


# --- once results are published ------------------------------------------------------------

def test_after_publishing_scores_histogram_questions_and_topics(app, world, clock):
    teacher, round_id = world
    clock.shift(timedelta(hours=2))  # closed: published at close; Bình's attempt was submitted at its time
    page = teacher.get(f"/classes/1/rounds/{round_id}?lang=en")
    said = words(page.text)
    assert "Scores appear" not in said and "Not started yet" not in said
    assert "Not started 1 In progress 0 Submitted 6" in said
    for name, score in (("An", "2 of 2 points (100%)"), ("Bình", "1 of 2 points (50%)"), ("Khoa", "0 of 2 points (0%)"),
                        ("Lan", "2 of 2 points (100%)")):
        assert re.search(rf">{name}</th>.*?{re.escape(score)}", page.text, re.S), name
    assert "Average 58% Median 50%" in said
    assert "0–10%: 1; 10–20%: 0; 20–30%: 0; 30–40%: 0; 40–50%: 0; 50–60%: 3" in page.text  # the histogram

    questions = page.text[page.text.index('id="questions-heading"'):page.text.index('id="round-topics-heading"')]
    rows = re.findall(r"<tr><th scope=\"row\">.*?</tr>", questions, re.S)
    assert [re.search(r"(Choose B\.|This statement is false\.|Is this a scam)", r).group(1) for r in rows] == \
        ["This statement is false.", "Choose B.", "Is this a scam"]  # hardest first, too few to judge last
    assert [r.count("Too few answers to judge") for r in rows] == [0, 0, 1]
    statement, pick_one, sms = (words(r) for r in rows)
    assert "5 3 40%" in statement and "6 5 67%" in pick_one and "1 1 100%" in sms  # drawn, answered, right
    assert "Answer A: 1" in pick_one and "Answer B: 4 Right answer" in pick_one
    assert "Scam: 1 Right answer" in sms

    topics = words(page.text[page.text.index('id="round-topics-heading"'):])
    assert "Scams and fake messages 3 12 58%" in topics

    results = read_csv(teacher.get(f"/classes/1/rounds/{round_id}.csv?lang=en").data)
    assert results[0] == ["Student", "Status", "Score (%)", "Points", "Out of", "Minutes"]
    assert ["An", "Submitted", "100.0", "2.0", "2", "25.0"] in results and ["Chi", "Not started", "", "", "", ""] in results
    sheet = read_xlsx(teacher.get(f"/classes/1/rounds/{round_id}/questions.xlsx?lang=en").data)
    assert sheet["A2"].value == "This statement is false." and sheet["D2"].value == 5 and sheet["F2"].value == 40.0
    assert sheet["G4"].value == "yes" and sheet["H3"].value == "Answer A: 1; ✓ Answer B: 4"


def test_after_publishing_the_grid_student_report_and_topics_show_the_round(app, world, clock):
    teacher, round_id = world
    clock.shift(timedelta(hours=2))
    grid_csv = read_csv(teacher.get("/classes/1/reports/grid.csv?lang=en").data)
    assert grid_csv[0][-2:] == [f"Contest round: {TITLE}", f"Contest round: {TITLE} (%)"]
    cells = round_cells(grid_csv)
    assert cells["Lan"] == ["Submitted", "100.0"] and cells["Bình"] == ["Submitted", "50.0"]
    assert cells["Chi"] == ["Not started", ""] and cells["Dũng"] == ["Not entered", ""]
    grid = teacher.get("/classes/1/reports/grid?lang=en").text
    lan = next(r for r in re.findall(r"<tr><th scope=\"row\">.*?</tr>", grid, re.S) if ">Lan</a>" in r)
    assert "100%" in lan and "Scores appear" not in grid

    page = teacher.get(f"/classes/1/reports/students/{student_id(app, 'Lan')}?lang=en").text
    homework, contest = page.split("<h2>Contest rounds</h2>")
    assert "The first quiz" in homework and "Is this a scam" not in homework
    assert "2 of 2 points (100%)" in contest and "0 of 3" not in contest
    assert "Answer: Answer B" in contest and "Answer: Scam" in contest and contest.count("Correct") == 2

    topics = teacher.get("/classes/1/reports/topics?lang=en")
    assert "In contest rounds" in topics.text
    assert "Scams and fake messages 3 12 58%" in words(topics.text).split("In contest rounds")[1]


def test_a_homework_attempt_never_shows_in_the_round_and_a_round_attempt_never_as_homework(app, world, clock):
    teacher, round_id = world
    clock.shift(timedelta(hours=2))
    quiz = words(teacher.get("/classes/1/reports/quizzes/first-quiz?lang=en").text)
    assert "1 of 8 students have finished it." in quiz  # Lan's homework alone, none of the round's six
    grid_csv = read_csv(teacher.get("/classes/1/reports/grid.csv?lang=en").data)
    homework = {row[0]: row[1:3] for row in grid_csv[1:]}
    assert homework["Lan"] == ["Needs help", "0.0"] and homework["An"] == ["Not started", ""]
    page = teacher.get(f"/classes/1/rounds/{round_id}?lang=en").text
    assert "Answer Z" not in page and "pick-many" not in page and "Choose X and Y." not in page  # homework's answers
    assert re.search(r">Lan</th>.*?2 of 2 points", page, re.S)  # her round, not her homework's 0 of 3
    lan = teacher.get(f"/classes/1/reports/students/{student_id(app, 'Lan')}?lang=en").text.split("<h2>Contest rounds")[0]
    assert lan.count('class="panel"') == 1  # one homework attempt; the round's is not among them


def test_the_grid_reads_every_round_in_the_same_number_of_queries(app, world, clock):
    teacher, _ = world

    def queries() -> int:
        count = []
        engine = app.extensions["db_engine"]
        listener = lambda *args: count.append(1)  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        try:
            assert teacher.get("/classes/1/reports/grid").status_code == 200
        finally:
            event.remove(engine, "before_cursor_execute", listener)
        return len(count)

    one = queries()
    second = make_round(app, name="Second round")
    for name in ("An", "Chi"):
        enter(app, second, name, 1)
    assert queries() == one
    assert "Second round" in teacher.get("/classes/1/reports/grid?lang=en").text


# --- who may see what ----------------------------------------------------------------------

def test_only_the_class_teacher_sees_a_round_their_students_are_in(app, world, sign_up):
    teacher, round_id = world
    urls = [f"/classes/1/rounds/{round_id}", f"/classes/1/rounds/{round_id}.csv", f"/classes/1/rounds/{round_id}.xlsx"]
    other = sign_up(app, "other@school.example")
    for url in urls:
        assert other.get(url).status_code == 404, url
        anonymous = app.test_client().get(url)
        assert anonymous.status_code == 302 and "/auth/signin" in anonymous.location, url
        response = teacher.get(url)
        assert response.status_code == 200 and response.cache_control.no_store and response.cache_control.private
    assert teacher.get(f"/classes/1/rounds/{round_id}.pdf").status_code == 404

    strangers_only = make_round(app, name="Strangers' round")
    enter(app, strangers_only, "Someone", None)  # no student of this class: the round is not theirs to see
    other_class = make_round(app, name="Other class's round")
    other.post("/classes/new", data={"name": "9C", "language": "en"})
    with app.app_context():
        db = get_session()
        db.add(Student(class_id=2, display_name="Minh", learner_key="key-Minh", reentry_hash="hash-Minh"))
        db.commit()
    enter(app, other_class, "Minh", 2)
    for round_ in (strangers_only, other_class, 99999):
        assert teacher.get(f"/classes/1/rounds/{round_}").status_code == 404
    assert other.get(f"/classes/2/rounds/{other_class}").status_code == 200
    assert other.get(f"/classes/1/rounds/{other_class}").status_code == 404  # their round, but not through my class


def test_round_exports_neutralise_names_and_titles(app, world, clock):
    teacher, round_id = world
    with app.app_context():
        db = get_session()
        for participant in db.exec(select(Participant).where(Participant.display_name == "Khoa")):
            participant.display_name = "=HYPERLINK(\"http://x.example\",\"Hi\")"
            db.add(participant)
        round_ = db.get(ContestRound, round_id)
        round_.name_en = "+cmd|' /C calc'!A0"
        db.add(round_)
        db.commit()
    for shift in (0, 2):  # open (statuses only), then published (scores and questions)
        clock.shift(timedelta(hours=shift))
        urls = [f"/classes/1/rounds/{round_id}", "/classes/1/reports/grid"]
        urls += [f"/classes/1/rounds/{round_id}/questions"] if shift else []
        for url in urls:
            for lang in ("en", "vi"):
                assert_no_formula_in_csv(read_csv(teacher.get(f"{url}.csv?lang={lang}").data))
                assert_no_formula_in_xlsx(read_xlsx(teacher.get(f"{url}.xlsx?lang={lang}").data))
    results = read_csv(teacher.get(f"/classes/1/rounds/{round_id}.csv?lang=en").data)
    assert "'=HYPERLINK(\"http://x.example\",\"Hi\")" in [row[0] for row in results[1:]]
    sheet = read_xlsx(teacher.get(f"/classes/1/rounds/{round_id}.xlsx?lang=en").data)
    assert sheet.title == "Safe online +cmd|' C calc'!A0"  # not at the start: no formula; "/" and ":" gone
    assert "'=HYPERLINK(\"http://x.example\",\"Hi\")" in [cell.value for cell in sheet["A"]]


def test_a_round_is_published_at_close_or_by_hand(app, world):
    _, round_id = world
    with app.app_context():
        db = get_session()
        assert [(i.title("en"), i.published) for i in round_reports.class_rounds(db, 1, NOW)] == [(TITLE, False)]
        assert round_reports.class_rounds(db, 1, NOW + timedelta(hours=2))[0].published
        round_ = db.get(ContestRound, round_id)
        round_.publish = "manual"
        assert not round_reports.class_rounds(db, 1, NOW + timedelta(hours=2))[0].published
        round_.published_at = NOW + timedelta(hours=3)
        assert round_reports.class_rounds(db, 1, NOW + timedelta(hours=4))[0].published
