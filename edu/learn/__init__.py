"""Students and the public: home, lessons, quizzes, joining a class, /me."""
from . import home, lessons, quizzes, students

BLUEPRINTS = (home.bp, lessons.bp, quizzes.bp, students.bp)
