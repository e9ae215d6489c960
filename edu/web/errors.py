"""Translated error pages; never a traceback.

A request htmx sent (a quiz answer, a sorted grid) gets its error as a short
message in the status region beside what it targeted (`#<target>-status`),
never a whole error page swapped into the panel, so what the person chose
stays on the page and they can try again.
"""
from __future__ import annotations

from flask import Flask, render_template, request
from flask_babel import gettext
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from ..content import ContentError
from .extensions import htmx

PAGE_STATUS = "page-status"  # in base.html: where an htmx error goes when its target has no region


def _messages():
    return {
        400: (gettext("Something in that request was not right"), gettext("Please go back and try again.")),
        404: (gettext("Page not found"), gettext("We could not find that page. It may have moved, or the address may have a typo.")),
        405: (gettext("That does not work here"), gettext("This page cannot be used that way. Please go back and try again.")),
        413: (gettext("That was too much to send"), gettext("The form you sent is too large.")),
        429: (gettext("Too many tries"), gettext("Please wait a few minutes, then try again.")),
        500: (gettext("Something went wrong on our side"), gettext("Please try again in a moment.")),
    }


def htmx_error(message: str, status: int, link: tuple[str, str] | None = None):
    """The message alone, retargeted to the status region of what htmx aimed at."""
    region = f"{htmx.target}-status" if htmx.target else PAGE_STATUS
    body = render_template("errors/_inline.html", message=message, link=link)
    return body, status, {"HX-Retarget": f"#{region}", "HX-Reswap": "innerHTML", "Vary": "HX-Request, HX-Target",
                          "Cache-Control": "no-store"}


def _render(status: int, detail: str | None = None):
    title, message = _messages().get(status, _messages()[500])
    if htmx and not htmx.history_restore_request:
        return htmx_error(detail or f"{title}. {message}", status)
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
        app.logger.exception("Unhandled error on %s %s", request.method, request.path, exc_info=error)
        return _render(InternalServerError.code)
