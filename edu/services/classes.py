"""Classes: what a teacher creates, what students join, what is assigned."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext
from sqlalchemy import bindparam
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from ..models import Assignment, Classroom, Student, User, utcnow
from . import codes

DISPLAY_NAME_MAX = 40


class ClassError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


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


def create_class(db: Session, teacher: User, name: str, school: str, grade: str, language: str) -> Classroom:
    classroom = Classroom(teacher_id=teacher.id, name=name.strip(), school=school.strip(), grade=grade.strip(),
                          language=language, join_code=_unique_join_code(db))
    db.add(classroom)
    db.commit()
    return classroom


def update_class(db: Session, classroom: Classroom, **fields) -> None:
    for name, value in fields.items():
        setattr(classroom, name, value.strip() if isinstance(value, str) else value)
    db.add(classroom)
    db.commit()


def new_join_code(db: Session, classroom: Classroom) -> None:
    """A new code; the old one stops working (e.g. it was posted online)."""
    classroom.join_code = _unique_join_code(db)
    db.add(classroom)
    db.commit()


def set_archived(db: Session, classroom: Classroom, archived: bool) -> None:
    classroom.archived_at = utcnow() if archived else None
    db.add(classroom)
    db.commit()


def assignments_of(db: Session, classroom: Classroom) -> list[Assignment]:
    return list(db.exec(select(Assignment).where(Assignment.class_id == classroom.id).order_by(Assignment.id)).all())


def assign(db: Session, classroom: Classroom, kind: str, slug: str, due_on: date | None) -> Assignment:
    existing = db.exec(select(Assignment).where(Assignment.class_id == classroom.id, Assignment.kind == kind,
                                                Assignment.slug == slug)).first()
    assignment = existing or Assignment(class_id=classroom.id, kind=kind, slug=slug)
    assignment.due_on = due_on
    db.add(assignment)
    db.commit()
    return assignment


def unassign(db: Session, classroom: Classroom, assignment_id: int) -> bool:
    assignment = db.exec(select(Assignment).where(Assignment.id == assignment_id,
                                                  Assignment.class_id == classroom.id)).first()
    if assignment is None:
        return False
    db.delete(assignment)
    db.commit()
    return True


# --- students ---------------------------------------------------------------

def students_of(db: Session, classroom: Classroom) -> list[Student]:
    return list(db.exec(select(Student).where(Student.class_id == classroom.id).order_by(Student.display_name)).all())


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


def join(db: Session, secret: str, code: str, display_name: str, learner_key: str) -> Joined:
    """Join with the class code and a display name: no email, no password.

    The browser's learner key becomes the student's, so quizzes already
    taken in this browser count for the class.
    """
    name = " ".join(display_name.split())
    if not name:
        raise ClassError(gettext("Type the name your teacher will see."))
    if len(name) > DISPLAY_NAME_MAX:
        raise ClassError(gettext("Use a shorter name (at most %(num)s characters).", num=DISPLAY_NAME_MAX))
    classroom = class_by_code(db, code)
    if classroom is None:
        raise ClassError(gettext("No class has this code. Check it with your teacher."))
    if student_for(db, learner_key):
        raise ClassError(gettext("This browser already belongs to a student. Sign out of the class first."))
    for _ in range(5):
        reentry = codes.random_code(codes.REENTRY_CODE_LENGTH)
        student = Student(class_id=classroom.id, display_name=name, learner_key=learner_key,
                          reentry_hash=codes.digest(secret, reentry))
        db.add(student)
        try:
            db.commit()
            return Joined(student, codes.format_reentry(reentry))
        except IntegrityError:  # a re-entry code collision, astronomically rare: draw again
            db.rollback()
    raise ClassError(gettext("Something went wrong. Please try again."))


def student_by_reentry(db: Session, secret: str, code: str) -> Student | None:
    if len(codes.normalize(code)) != codes.REENTRY_CODE_LENGTH:
        return None
    return db.exec(select(Student).where(Student.reentry_hash == codes.digest(secret, code))).first()


def new_reentry_code(db: Session, secret: str, student: Student) -> str:
    """For a student who lost theirs; the old code stops working."""
    reentry = codes.random_code(codes.REENTRY_CODE_LENGTH)
    student.reentry_hash = codes.digest(secret, reentry)
    db.add(student)
    db.commit()
    return codes.format_reentry(reentry)


# One query, built once: it runs with every answer a student sends.
_RESULTS_HELD_BACK = (
    select(Assignment.id)
    .join(Classroom, col(Classroom.id) == Assignment.class_id)
    .join(Student, col(Student.class_id) == Classroom.id)
    .where(Student.learner_key == bindparam("learner"), col(Classroom.results_released).is_(False),
           Assignment.kind == "quiz", Assignment.slug == bindparam("quiz"))
    .limit(1)
)


def results_hidden(db: Session, learner_key: str, quiz_slug: str) -> bool:
    """True while a student's teacher holds back results of this assigned quiz."""
    return db.exec(_RESULTS_HELD_BACK, params={"learner": learner_key, "quiz": quiz_slug}).first() is not None
