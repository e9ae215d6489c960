"""Flask plumbing every wing stands on: extensions, the per-request database
session, languages, templates, security headers, rate limits and errors."""
from __future__ import annotations

from flask import Flask

from ..content import ContentError, ContentStore
from ..services import accounts
from . import access, assets, compression, db, discovery, errors, fragments, i18n, inputs, security, templating
from .extensions import csrf, htmx, login_manager
from .limits import limiter

__all__ = ["access", "init_app"]


class InvalidContent(SystemExit):
    """Raised by create_app so `flask run` and gunicorn stop with the list of
    problems instead of a traceback."""


def init_app(app: Flask) -> None:
    accounts.use_hash_method(app.config["PASSWORD_HASH_METHOD"])  # process-wide: see services/accounts.py
    inputs.init_app(app)
    i18n.init_app(app)
    csrf.init_app(app)
    htmx.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)
    db.init_app(app)
    errors.init_app(app)
    security.init_app(app)
    templating.init_app(app)
    compression.init_app(app)
    assets.init_app(app)
    fragments.init_app(app)
    discovery.init_app(app)
    _load_content(app)


def _load_content(app: Flask) -> None:
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
