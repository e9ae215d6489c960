"""Language choice: `?lang=` (remembered in a cookie), else the cookie, else
Accept-Language, else Vietnamese."""
from __future__ import annotations

from contextlib import contextmanager

from urllib.parse import urlencode

from babel.support import NullTranslations
from flask import Flask, g, has_app_context, request
from flask_babel import Babel, force_locale, get_translations, gettext

from ..content.models import LANGUAGES

DEFAULT_LANGUAGE = "vi"
COOKIE = "lang"
COOKIE_MAX_AGE = 60 * 60 * 24 * 365


def select_language() -> str:
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        return asked
    remembered = request.cookies.get(COOKIE)
    if remembered in LANGUAGES:
        return remembered
    return request.accept_languages.best_match(LANGUAGES) or DEFAULT_LANGUAGE


def current_language() -> str:
    lang = g.get("lang")  # one context lookup: templates ask for it dozens of times a page
    if lang is None:
        lang = g.lang = select_language() if request else DEFAULT_LANGUAGE
    return lang


def language_url(lang: str) -> str:
    """The current page in another language.

    Views that answer a POST set `g.page_url` to the GET page the visitor is
    on, so the switch never re-submits a form.
    """
    path = g.get("page_url") or request.path
    args = {k: v for k, v in request.args.items() if k != "lang"} if "page_url" not in g else {}
    args["lang"] = lang
    return f"{path}?{urlencode(args)}"


def callout_titles() -> dict[str, dict[str, str]]:
    titles = {}
    for lang in LANGUAGES:
        with force_locale(lang):
            titles[lang] = {"tip": gettext("Tip"), "warning": gettext("Warning"), "help": gettext("Get help")}
    return titles


def remember_language(response, lang: str):
    response.set_cookie(COOKIE, lang, max_age=COOKIE_MAX_AGE, samesite="Lax", httponly=True)


def _remember_language(response):
    if request.endpoint == "static":
        return response  # the same bytes in every language: no Vary that would split a year-long cache
    asked = request.args.get("lang")
    if asked in LANGUAGES and request.cookies.get(COOKIE) != asked:
        remember_language(response, asked)
    response.vary.add("Accept-Language")
    response.vary.add("Cookie")
    return response


_catalogues: dict[str, NullTranslations] = {}


def catalogue() -> NullTranslations:
    """The request language's translations, in one lookup.

    Templates call gettext dozens of times a page, and Flask-Babel's own
    lookup costs about as much as rendering the string. Templates always
    speak the request's language, so the catalogue is chosen by that.
    """
    if not has_app_context():
        return get_translations()  # Flask-Babel's stand-in; never cached
    lang = current_language()
    try:
        return _catalogues[lang]
    except KeyError:
        with force_locale(lang):
            _catalogues[lang] = get_translations()
        return _catalogues[lang]


def init_app(app: Flask) -> None:
    Babel(app, locale_selector=current_language)
    app.jinja_env.install_gettext_callables(
        gettext=lambda message: catalogue().ugettext(message),
        ngettext=lambda singular, plural, n: catalogue().ungettext(singular, plural, n),
        newstyle=True,
    )
    app.after_request(_remember_language)
    app.jinja_env.filters["t"] = lambda text: text.get(current_language()) if text is not None else ""
    app.jinja_env.globals.update(language_url=language_url, current_language=current_language)


@contextmanager
def speaking(lang: str):
    """One render in `lang`: templates follow current_language() (g.lang),
    Python strings and dates Flask-Babel's locale; both, so the page is one language."""
    before = g.get("lang")
    g.lang = lang
    try:
        with force_locale(lang):
            yield
    finally:
        g.lang = before
