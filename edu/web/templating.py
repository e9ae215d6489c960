"""Jinja filters and globals shared by every template."""
from datetime import date
from functools import lru_cache

from babel import numbers
from flask import Flask
from flask_babel import format_date, format_datetime, gettext
from markupsafe import Markup

from .content import current_library
from ..content.markdown import render_inline, render_text, to_plain
from .access import can
from .i18n import catalogue, current_language
from .security import is_sensitive_page
from .mockup_view import initials, mockup_view, qr_pattern
from .vocabulary import AUDIENCES, FILTER_TOPICS, TOPICS


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(
        # Content Markdown is sanitised by the renderer, so it is safe to mark.
        md=lambda text: Markup(render_text(text)),
        md_inline=lambda text: Markup(render_inline(text)),
        plain=to_plain,
        number=lambda value: _format_number(value, current_language()),
        date=format_date,
        datetime=format_datetime,
        percent=lambda value: _format_percent(value, current_language()),
        # "2025-03" -> "March 2025" / "tháng 3 năm 2025"
        month=lambda value: format_date(date(int(value[:4]), int(value[5:7]), 1), "LLLL y"),
        score_text=score_text,
        # A table's two-language columns (title_vi, title_en): `contest|local('title')`.
        local=lambda row, field: getattr(row, f"{field}_{current_language()}"),
    )
    app.jinja_env.globals.update(
        TOPICS=TOPICS, FILTER_TOPICS=FILTER_TOPICS, AUDIENCES=AUDIENCES, can=can, mockup_view=mockup_view,
        initials=initials, qr_pattern=qr_pattern,
        verdict_wording=verdict_wording, confidence_label=confidence_label, needs_checking_label=needs_checking_label,
        score_text=score_text, sensitive_page=is_sensitive_page,
    )
    app.context_processor(lambda: {"LIBRARY": current_library()})


# Babel formats a number in tens of microseconds; a class grid shows a thousand
# of them, most alike, so each (value, language) is formatted once. Like the
# template catalogue, they follow the request's language.
@lru_cache(maxsize=4096)
def _format_number(value, lang: str) -> str:
    return numbers.format_decimal(value, locale=lang)


@lru_cache(maxsize=4096)
def _format_percent(value, lang: str) -> str:
    return numbers.format_percent(value, locale=lang)


def score_text(score, max_score) -> str:
    """"11 of 18 points (61%)", or "... and partial credit (65%)": partial
    credit in words, never "11,617", which a Vietnamese reader takes for
    eleven thousand. A class grid says it a thousand times: cached per language."""
    return _score_text(round(score, 3), max_score, current_language())


@lru_cache(maxsize=4096)
def _score_text(score, max_score, lang: str) -> str:
    whole = int(score + 1e-9)
    params = {"points": _format_number(whole, lang), "total": _format_number(max_score, lang),
              "percent": _format_percent(round(score / max_score, 2) if max_score else 0, lang)}
    if score - whole > 1e-6:
        return _("%(points)s of %(total)s points and partial credit (%(percent)s)") % params
    return _("%(points)s of %(total)s points (%(percent)s)") % params


def _(message: str) -> str:
    """gettext through the request's catalogue, looked up once (i18n.catalogue):
    Flask-Babel's own lookup cost more than the grid's whole row."""
    return catalogue().ugettext(message)


def verdict_wording(quiz, question) -> str:
    """Scam / Safe for scam quizzes, Not okay / Okay for abuse situations."""
    return getattr(question, "wording", None) or ("scam" if quiz.topic == "scams" else "abuse")


def confidence_label(level: int) -> str:
    return {50: gettext("Guessing"), 75: gettext("Fairly sure"), 100: gettext("Certain")}[level]


def needs_checking_label(level: str) -> str:
    return {"very likely": gettext("Very likely"), "likely": gettext("Likely"), "unlikely": gettext("Unlikely")}[level]
