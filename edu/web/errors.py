"""Translated error pages; never a traceback."""
from flask import Flask, render_template
from flask_babel import gettext
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from ..content import ContentError


def _messages():
    return {
        400: (gettext("Something in that request was not right"), gettext("Please go back and try again.")),
        404: (gettext("Page not found"), gettext("We could not find that page. It may have moved, or the address may have a typo.")),
        405: (gettext("That does not work here"), gettext("This page cannot be used that way. Please go back and try again.")),
        413: (gettext("That was too much to send"), gettext("The form you sent is too large.")),
        429: (gettext("Too many tries"), gettext("Please wait a few minutes, then try again.")),
        500: (gettext("Something went wrong on our side"), gettext("Please try again in a moment.")),
    }


def _render(status: int, detail: str | None = None):
    title, message = _messages().get(status, _messages()[500])
    return render_template("errors/error.html", status=status, title=title, message=detail or message), status


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(_error):
        return _render(400, gettext("This form has expired or was not sent from this site. Reload the page and try again."))

    @app.errorhandler(HTTPException)
    def http_error(error):
        return _render(error.code if error.code in _messages() else 500)

    @app.errorhandler(ContentError)
    def content_error(error):
        # Only reachable in debug mode, when an author saves a broken file.
        return _render(500, str(error))

    @app.errorhandler(Exception)
    def unexpected_error(error):
        app.logger.exception("Unhandled error", exc_info=error)
        return _render(InternalServerError.code)
