"""Lá Chắn: bilingual digital-safety lessons and quizzes.

One wing per audience (learn/, teach/, staff/, contest/, kiosk/), each with its blueprints and
templates/<wing>/; Flask plumbing in web/; services/ and content/ free of
Flask.
"""
from __future__ import annotations

from pathlib import Path

from flask import Flask

from . import cli, contest, kiosk, learn, staff, teach, web
from .config import STATIC_DIR, load_config

WINGS = (learn, teach, staff, contest, kiosk)


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__, static_folder=str(STATIC_DIR), instance_relative_config=True)
    app.config.update(load_config(Path(app.instance_path)))
    if test_config:
        app.config.update(test_config)
    web.init_app(app)
    for wing in WINGS:
        wing.init_app(app)
    cli.init_app(app)
    return app
