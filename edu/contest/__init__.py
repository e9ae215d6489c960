"""Contest rounds, CTFd-style split by who uses each part: organisers
(schools, contests and rounds, results), teachers (enrolling, code sheets,
confirming entrants), students (entering a code, taking part) and the public
(checking a certificate)."""
from flask import Flask

from . import certificates, enrol, entry, organise, schools, take


def init_app(app: Flask) -> None:
    for module in (schools, organise, enrol, entry, take, certificates):
        app.register_blueprint(module.bp)
    app.register_blueprint(schools.my_school_bp)  # teachers say which school they teach at
