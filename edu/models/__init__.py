"""Database tables, by domain. Importing this package registers them all."""
from .attempts import LessonProgress, QuizAnswer, QuizAttempt
from .base import as_utc, utcnow
from .classes import Assignment, Classroom, Student
from .contests import Contest, ContestDraw, ContestRound, Participant, School
from .kiosks import Kiosk, KioskPlay
from .people import ROLES, AuditEvent, Invite, User

__all__ = ["Assignment", "AuditEvent", "Classroom", "Contest", "ContestDraw", "ContestRound", "Participant", "School", "Invite", "Kiosk", "KioskPlay", "LessonProgress", "QuizAnswer", "QuizAttempt", "ROLES",
           "Student", "User", "as_utc", "utcnow"]
