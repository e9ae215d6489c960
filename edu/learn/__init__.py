"""Students and the public: home, lessons, quizzes, joining a class, /me."""
from flask import Flask

from . import help, home, lessons, quizzes, sitemap, students


def init_app(app: Flask) -> None:
    for blueprint in (home.bp, help.bp, lessons.bp, quizzes.bp, sitemap.bp, students.bp):
        app.register_blueprint(blueprint)
    # The same quiz pages again, for homework: the address sets the attempt's context.
    app.register_blueprint(quizzes.bp, **quizzes.HOMEWORK)
