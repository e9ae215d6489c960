"""Teachers: their classes and the reports on them."""
from flask import Flask

from . import classes, reports


def init_app(app: Flask) -> None:
    app.register_blueprint(classes.bp)
    app.register_blueprint(reports.bp)
