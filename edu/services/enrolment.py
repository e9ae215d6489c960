"""Who takes part in a contest round, and how they got in.

A teacher enrols a class (its students keep their learner keys, so a pupil
already in the class on a school PC is the participant there without a code)
or a list of names and grades; or a student asks to enter with the round's
public code, and a teacher of their school confirms. Either way each gets a
personal contest code (codes.contest_code), derived, so a sheet can be
printed again.

A participant is never two people: `identity` (school, grade, class, name,
normalised) is unique per round. Reads catch the ordinary case with a clear
refusal; under a race the unique constraint decides (a savepoint is rolled
back and the refusal is the same), so nothing half-written stays behind.
"""
from __future__ import annotations

import csv
import io
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, or_, select

from ..errors import CodedError
from ..models import Classroom, Contest, ContestRound, Participant, School, Student
from . import codes, collation, rounds
from .errors import ClassError, ServiceError
from .names import clean_display_name, name_key

CLASS_NAME_MAX = 30  # Participant.class_name
MAX_ROWS = 1000  # one list: a large school's grade, not a province
# "7", "07", "Lớp 7", "khối 7", "Grade 7" (after name_key: lower case, no tone marks).
_GRADE = re.compile(r"^(?:lop|khoi|grade)?\s*0*(\d{1,2})$")
_HEADER_NAMES = {"name", "ten", "ho ten", "ho va ten"}


class EnrolmentError(ServiceError):
    """Enrolling, entering or confirming refused."""


@dataclass(frozen=True)
class RowProblem:
    line: int
    error: CodedError


class ListRefused(EnrolmentError):
    """A list with problems: every one, with its line, and nothing stored."""

    def __init__(self, problems: list[RowProblem]):
        super().__init__("enrol.list_problems")
        self.problems = problems


# --- who may enter which round -----------------------------------------------------------

def eligible_grades(contest: Contest) -> tuple[str, ...]:
    return tuple(g.strip() for g in contest.grades.split(",") if g.strip())


def read_grade(contest: Contest, text: str) -> str:
    """The grade as the contest lists it ("Lớp 7" is "7"), or a refusal naming the eligible ones."""
    match = _GRADE.match(name_key(text or ""))
    grades = eligible_grades(contest)
    if not (text or "").strip():
        raise EnrolmentError("enrol.grade_missing")
    if match is None or match.group(1) not in grades:
        raise EnrolmentError("enrol.grade", grade=text.strip(), grades=", ".join(grades))
    return match.group(1)


def in_scope(round_: ContestRound, school: School) -> bool:
    if round_.scope == "school":
        return school.id == round_.scope_school_id
    return round_.scope != "province" or school.province == round_.scope_province


def check_open(round_: ContestRound, school: School | None, now: datetime) -> None:
    """Refuse entering `round_` from `school`: closed, for qualifiers only, or out of scope."""
    if rounds.status(round_, now) == rounds.CLOSED:
        raise EnrolmentError("enrol.closed")
    if round_.entry != "eligible":
        raise EnrolmentError("enrol.qualified_only")
    if school is None or not in_scope(round_, school):
        raise EnrolmentError("enrol.out_of_scope")


def _scope_filter(school: School):
    return or_(ContestRound.scope == "everyone",
               (ContestRound.scope == "province") & (ContestRound.scope_province == school.province),
               (ContestRound.scope == "school") & (ContestRound.scope_school_id == school.id))


def rounds_open_to(db: Session, school: School, now: datetime) -> list[tuple[ContestRound, Contest]]:
    """The rounds a teacher of `school` may enrol into now, soonest first: in
    scope, open to every eligible student (not only qualifiers), not closed."""
    query = (select(ContestRound, Contest).join(Contest, col(Contest.id) == ContestRound.contest_id)
             .where(_scope_filter(school), ContestRound.entry == "eligible")
             .order_by(ContestRound.opens_at, ContestRound.id))
    return [(round_, contest) for round_, contest in db.exec(query).all()
            if rounds.status(round_, now) != rounds.CLOSED]


def round_by_public_code(db: Session, code: str) -> ContestRound | None:
    return db.exec(select(ContestRound).where(ContestRound.public_code == codes.normalize(code))).first()


def schools_in_scope(db: Session, round_: ContestRound, province: str | None = None) -> list[School]:
    """The schools a student of this round may name, in Vietnamese order."""
    query = select(School)
    if round_.scope == "school":
        query = query.where(School.id == round_.scope_school_id)
    elif round_.scope == "province":
        query = query.where(School.province == round_.scope_province)
    elif province:
        query = query.where(School.province == province)
    return sorted(db.exec(query).all(), key=lambda s: (collation.sort_key(s.name), s.id))


# --- participants ------------------------------------------------------------------------

def identity(school_id: int, grade: str, class_name: str, name: str) -> str:
    """What makes two entries the same student: case, tone marks and spacing ignored."""
    return "|".join(name_key(str(part)) for part in (school_id, grade, class_name, name))[:250]


def personal_code(secret: str, participant: Participant) -> str:
    return codes.format_contest(codes.contest_code(secret, participant.round_id, participant.learner_key))


def participant_by_code(db: Session, secret: str, code: str) -> Participant | None:
    if len(codes.normalize(code)) != codes.CONTEST_CODE_LENGTH:
        return None
    return db.exec(select(Participant).where(Participant.code_hash == codes.digest(secret, code))).first()


def _participant(secret: str, round_: ContestRound, school: School, learner_key: str, name: str, grade: str,
                 class_name: str, **fields) -> Participant:
    code = codes.contest_code(secret, round_.id, learner_key)
    return Participant(round_id=round_.id, learner_key=learner_key, display_name=name, school_id=school.id,
                       grade=grade, class_name=class_name, identity=identity(school.id, grade, class_name, name),
                       code_hash=codes.digest(secret, code), **fields)


def _add_once(db: Session, participant: Participant) -> bool:
    """Store `participant` unless the round already has this student (the
    unique constraints decide, so a concurrent request cannot add them twice)."""
    try:
        with db.begin_nested():
            db.add(participant)
    except IntegrityError:
        return False
    return True


def _identities(db: Session, round_: ContestRound) -> set[str]:
    return set(db.exec(select(Participant.identity).where(Participant.round_id == round_.id)).all())


def _clean_class_name(text: str) -> str:
    name = " ".join((text or "").split())
    if len(name) > CLASS_NAME_MAX:
        raise EnrolmentError("enrol.class_name_too_long", num=CLASS_NAME_MAX)
    return name


@dataclass(frozen=True)
class Enrolled:
    added: list[Participant]
    skipped: list[str]  # names of students already entered


def enrol_class(db: Session, secret: str, round_: ContestRound, classroom: Classroom, school: School,
                grade: str, teacher_id: int, now: datetime) -> Enrolled:
    """Every student of the class becomes a participant, confirmed. The
    class's grade counts; `grade` is asked for only when the class has none.
    Students already entered are skipped (enrolling again after new students
    joined adds only them)."""
    check_open(round_, school, now)
    grade = read_grade(db.get(Contest, round_.contest_id), classroom.grade or grade)
    class_name = " ".join(classroom.name.split())[:CLASS_NAME_MAX]
    students = db.exec(select(Student).where(Student.class_id == classroom.id)).all()
    keys = set(db.exec(select(Participant.learner_key).where(Participant.round_id == round_.id)).all())
    taken = _identities(db, round_)
    added, skipped = [], []
    for student in sorted(students, key=lambda s: (collation.sort_key(s.display_name), s.id)):
        participant = _participant(secret, round_, school, student.learner_key, student.display_name, grade,
                                   class_name, class_id=classroom.id, confirmed_at=now, confirmed_by=teacher_id)
        if student.learner_key in keys or participant.identity in taken or not _add_once(db, participant):
            skipped.append(student.display_name)
        else:
            added.append(participant)
    return Enrolled(added, skipped)


def decode_list(data: bytes) -> str:
    """A list file's text: UTF-8 (with or without Excel's BOM), else the
    Vietnamese Windows code page older Excel saves CSV in."""
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise EnrolmentError("enrol.list_encoding")


def _rows(text: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) of every non-empty row; a first row of column names is left out."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    # Excel writes ";" where the decimal mark is a comma (Vietnamese settings): the first line's commonest wins.
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = [(reader.line_num, [cell.strip() for cell in row]) for row in reader if any(c.strip() for c in row)]
    if rows and name_key(rows[0][1][0]) in _HEADER_NAMES:
        rows = rows[1:]
    return rows


def enrol_list(db: Session, secret: str, round_: ContestRound, school: School, text: str, teacher_id: int,
               now: datetime) -> list[Participant]:
    """A list of "name, grade[, class]" rows from a teacher, one transaction:
    every row is checked first and a list with any problem stores nothing."""
    check_open(round_, school, now)
    contest = db.get(Contest, round_.contest_id)
    rows = _rows(text)
    if not rows:
        raise EnrolmentError("enrol.list_empty")
    if len(rows) > MAX_ROWS:
        raise EnrolmentError("enrol.list_too_long", num=MAX_ROWS)
    taken, seen = _identities(db, round_), {}
    problems, participants = [], []
    for line, cells in rows:
        try:
            if len(cells) < 2:
                raise EnrolmentError("enrol.row_columns")
            name, grade = clean_display_name(cells[0]), read_grade(contest, cells[1])
            class_name = _clean_class_name(cells[2] if len(cells) > 2 else "")
            participant = _participant(secret, round_, school, secrets.token_urlsafe(18), name, grade, class_name,
                                       confirmed_at=now, confirmed_by=teacher_id)
            if participant.identity in taken:
                raise EnrolmentError("enrol.already_entered")
            if participant.identity in seen:
                raise EnrolmentError("enrol.row_repeated", line=seen[participant.identity])
        except (EnrolmentError, ClassError) as refused:
            problems.append(RowProblem(line, refused))
            continue
        seen[participant.identity] = line
        participants.append(participant)
    if problems:
        raise ListRefused(problems)
    try:
        with db.begin_nested():
            db.add_all(participants)
    except IntegrityError:
        raise EnrolmentError("enrol.entered_meanwhile") from None
    return participants


@dataclass(frozen=True)
class Joined:
    participant: Participant
    code: str  # the personal code, formatted: shown once to the student


def join_with_public_code(db: Session, secret: str, round_: ContestRound, school_id: int | None, grade: str,
                          class_name: str, name: str, now: datetime) -> Joined:
    """A student asks to enter: a new learner key, waiting for a teacher of
    their school to confirm. Refused before anything is written."""
    name = clean_display_name(name)
    school = db.get(School, school_id) if school_id is not None else None
    check_open(round_, school, now)
    grade = read_grade(db.get(Contest, round_.contest_id), grade)
    class_name = _clean_class_name(class_name)
    if not class_name:
        raise EnrolmentError("enrol.class_missing")
    participant = _participant(secret, round_, school, secrets.token_urlsafe(18), name, grade, class_name)
    if participant.identity in _identities(db, round_) or not _add_once(db, participant):
        raise EnrolmentError("enrol.already_entered")
    return Joined(participant, personal_code(secret, participant))
