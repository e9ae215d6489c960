"""Teachers: their classes and the reports on them, contest rounds included."""
from flask import Flask

from . import classes, reports, rounds


def init_app(app: Flask) -> None:
    app.register_blueprint(classes.bp)
    app.register_blueprint(reports.bp)
    app.register_blueprint(rounds.bp)
