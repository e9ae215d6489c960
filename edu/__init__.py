"""Lá Chắn: bilingual digital-safety lessons and quizzes."""
from __future__ import annotations

from pathlib import Path

from flask import Flask

from . import auth, classes, db, errors, i18n, lessons, main, quizzes, reports, security, students, templating
from .config import REPO_ROOT, load_config
from .content import ContentError, ContentStore
from .extensions import csrf, htmx, login_manager
from .limits import limiter


class InvalidContent(SystemExit):
    """Raised by create_app so `flask run` and gunicorn stop with the list of
    problems instead of a traceback."""


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__, static_folder=str(REPO_ROOT / "static"), instance_relative_config=True)
    app.config.update(load_config(Path(app.instance_path)))
    if test_config:
        app.config.update(test_config)

    i18n.init_app(app)
    csrf.init_app(app)
    htmx.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)
    db.init_app(app)
    errors.init_app(app)
    security.init_app(app)
    templating.init_app(app)

    with app.app_context():
        try:
            app.extensions["content"] = ContentStore(
                app.config["CONTENT_DIR"],
                media_url=lambda slug, name: f"{app.config['APPLICATION_ROOT'].rstrip('/')}/lessons/{slug}/media/{name}",
                callout_titles=i18n.callout_titles,
                watch=app.debug,
            )
        except ContentError as exc:
            raise InvalidContent("The content has problems; the app will not start:\n" + str(exc)) from None

    app.register_blueprint(main.bp)
    app.register_blueprint(lessons.bp)
    app.register_blueprint(quizzes.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(classes.bp)
    app.register_blueprint(reports.bp)
    app.register_blueprint(students.bp)
    app.cli.add_command(auth.users_cli)
    return app
