"""Classes: what a teacher creates, what students join, what is assigned."""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from ..models import Assignment, Classroom, Student, User, utcnow
from . import codes, collation, schools
from .errors import ClassError
from .names import DISPLAY_NAME_MAX, check_unique, clean_display_name

__all__ = ["DISPLAY_NAME_MAX"]  # forms read it from here


def classes_of(db: Session, teacher: User, archived: bool = False) -> list[Classroom]:
    query = select(Classroom).where(Classroom.teacher_id == teacher.id)
    query = query.where(Classroom.archived_at.is_not(None) if archived else Classroom.archived_at.is_(None))
    return list(db.exec(query.order_by(Classroom.created_at.desc())).all())


def class_of(db: Session, teacher: User, class_id: int) -> Classroom | None:
    """The class if this teacher owns it. Anyone else's class does not exist for them."""
    return db.exec(select(Classroom).where(Classroom.id == class_id, Classroom.teacher_id == teacher.id)).first()


def _unique_join_code(db: Session) -> str:
    while True:
        code = codes.random_code(codes.JOIN_CODE_LENGTH)
        if not db.exec(select(Classroom).where(Classroom.join_code == code)).first():
            return code


ATTEMPT_RULES = ("first", "best", "latest")  # which finished attempt counts in every report


def _check_rule(rule: str) -> str:
    if rule not in ATTEMPT_RULES:
        raise ClassError("class.attempt_rule")
    return rule


def create_class(db: Session, teacher: User, name: str, school: str, grade: str, language: str,
                 results_released: bool = True, attempt_rule: str = "first") -> Classroom:
    classroom = Classroom(teacher_id=teacher.id, name=name.strip(), school=school.strip(), grade=grade.strip(),
                          language=language, join_code=_unique_join_code(db), results_released=results_released,
                          attempt_rule=_check_rule(attempt_rule))
    db.add(classroom)
    db.flush()  # the id, for the page that follows
    return classroom


def update_class(db: Session, classroom: Classroom, **fields) -> None:
    if "attempt_rule" in fields:
        _check_rule(fields["attempt_rule"])  # before anything is written
    for name, value in fields.items():
        setattr(classroom, name, value.strip() if isinstance(value, str) else value)
    db.add(classroom)


def link_school(db: Session, teacher: User, classroom: Classroom, school_id: int | None) -> None:
    """The class's school on the contest list (None: none), refused before any
    write if there is no such school. The free-text school stays as typed,
    or takes the school's name when empty; a teacher with no school yet
    takes this one, so the entrants of their school reach them."""
    school = schools.get(db, school_id) if school_id is not None else None
    if school_id is not None and school is None:
        raise schools.SchoolError("school.unknown")
    classroom.school_id = school_id
    if school is not None:
        classroom.school = classroom.school or school.name
        if teacher.school_id is None:
            schools.set_school(db, teacher, school.id)
    db.add(classroom)


def new_join_code(db: Session, classroom: Classroom) -> None:
    """A new code; the old one stops working (e.g. it was posted online)."""
    classroom.join_code = _unique_join_code(db)
    db.add(classroom)


def set_archived(db: Session, classroom: Classroom, archived: bool) -> None:
    classroom.archived_at = utcnow() if archived else None
    db.add(classroom)


def assignments_of(db: Session, classroom: Classroom) -> list[Assignment]:
    return list(db.exec(select(Assignment).where(Assignment.class_id == classroom.id).order_by(Assignment.id)).all())


def assign(db: Session, classroom: Classroom, kind: str, slug: str, due_on: date | None,
           retakes: bool = True) -> Assignment:
    existing = db.exec(select(Assignment).where(Assignment.class_id == classroom.id, Assignment.kind == kind,
                                                Assignment.slug == slug)).first()
    assignment = existing or Assignment(class_id=classroom.id, kind=kind, slug=slug)
    assignment.due_on = due_on
    assignment.retakes = retakes
    db.add(assignment)
    return assignment


def unassign(db: Session, classroom: Classroom, assignment_id: int) -> bool:
    assignment = db.exec(select(Assignment).where(Assignment.id == assignment_id,
                                                  Assignment.class_id == classroom.id)).first()
    if assignment is None:
        return False
    db.delete(assignment)
    return True


# --- students ---------------------------------------------------------------

def students_of(db: Session, classroom: Classroom) -> list[Student]:
    """In Vietnamese alphabetical order (Đặng after Dương), which no database collation here gives."""
    students = db.exec(select(Student).where(Student.class_id == classroom.id)).all()
    return sorted(students, key=lambda s: (collation.sort_key(s.display_name), s.id))


def student_of(db: Session, classroom: Classroom, student_id: int) -> Student | None:
    return db.exec(select(Student).where(Student.id == student_id, Student.class_id == classroom.id)).first()


def student_for(db: Session, learner_key: str) -> Student | None:
    return db.exec(select(Student).where(Student.learner_key == learner_key)).first()


def class_by_code(db: Session, code: str) -> Classroom | None:
    classroom = db.exec(select(Classroom).where(Classroom.join_code == codes.normalize(code))).first()
    return classroom if classroom and classroom.archived_at is None else None


@dataclass(frozen=True)
class Joined:
    student: Student
    reentry_code: str  # shown once; only its hash is kept


def join(db: Session, secret: str, code: str, display_name: str) -> Joined:
    """Join with the class code and a display name: no email, no password.

    The student gets a new learner key: what was practised anonymously in
    this browser before (on a shared PC, maybe by someone else) is not theirs.
    Refusals come before anything is written; only "class.unknown_code" means
    the code was wrong (what the guessing limits count).
    """
    name = clean_display_name(display_name)
    classroom = class_by_code(db, code)
    if classroom is None:
        raise ClassError("class.unknown_code")
    if not classroom.joining_open:
        raise ClassError("class.joining_closed")
    check_unique(name, list(db.exec(select(Student.display_name).where(Student.class_id == classroom.id)).all()))
    reentry = _unused_reentry_code(db, secret)
    student = Student(class_id=classroom.id, display_name=name, learner_key=secrets.token_urlsafe(18),
                      reentry_hash=codes.digest(secret, reentry))
    db.add(student)
    db.flush()
    return Joined(student, codes.format_reentry(reentry))


def rename_student(db: Session, student: Student, display_name: str) -> None:
    """The teacher fixes a typo or a joke name: the same rules as joining; a
    name that only looks like this student's own (a change of case) is fine."""
    name = clean_display_name(display_name)
    check_unique(name, list(db.exec(select(Student.display_name).where(Student.class_id == student.class_id,
                                                                      Student.id != student.id)).all()))
    student.display_name = name
    db.add(student)


def set_joining(db: Session, classroom: Classroom, open_: bool) -> None:
    """Closed: the code is refused (e.g. strangers are joining) until reopened."""
    classroom.joining_open = open_
    db.add(classroom)


def _unused_reentry_code(db: Session, secret: str) -> str:
    """A collision is astronomically rare, but a code must name one student."""
    while True:
        reentry = codes.random_code(codes.REENTRY_CODE_LENGTH)
        if not db.exec(select(Student.id).where(Student.reentry_hash == codes.digest(secret, reentry))).first():
            return reentry


def student_by_reentry(db: Session, secret: str, code: str) -> Student | None:
    if len(codes.normalize(code)) != codes.REENTRY_CODE_LENGTH:
        return None
    return db.exec(select(Student).where(Student.reentry_hash == codes.digest(secret, code))).first()


def new_reentry_code(db: Session, secret: str, student: Student) -> str:
    """For a student who lost theirs; the old code stops working."""
    reentry = _unused_reentry_code(db, secret)
    student.reentry_hash = codes.digest(secret, reentry)
    db.add(student)
    return codes.format_reentry(reentry)


@dataclass(frozen=True)
class Homework:
    class_id: int
    results_released: bool


# One query, built once: it runs with every homework answer a student sends.
_HOMEWORK = (
    select(Classroom.id, Classroom.results_released)
    .join(Student, col(Student.class_id) == Classroom.id)
    .join(Assignment, col(Assignment.class_id) == Classroom.id)
    .where(Student.learner_key == bindparam("learner"), Assignment.kind == "quiz", Assignment.slug == bindparam("quiz"))
    .limit(1)
)


def homework_for(db: Session, learner_key: str, quiz_slug: str) -> Homework | None:
    """The learner's class, when it was given this quiz: their homework on it
    is that class's, and its results wait while the teacher holds them back."""
    row = db.exec(_HOMEWORK, params={"learner": learner_key, "quiz": quiz_slug}).first()
    return Homework(row[0], row[1]) if row else None
