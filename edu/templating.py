"""Jinja filters and globals shared by every template."""
from flask import Flask
from flask_babel import format_date, format_decimal
from markupsafe import Markup

from .content import current_library
from .content.markdown import render_inline, render_text
from .vocabulary import AUDIENCES, TOPICS


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(
        # Content Markdown is sanitised by the renderer, so it is safe to mark.
        md=lambda text: Markup(render_text(text)),
        md_inline=lambda text: Markup(render_inline(text)),
        number=format_decimal,
        date=format_date,
    )
    app.jinja_env.globals.update(TOPICS=TOPICS, AUDIENCES=AUDIENCES)
    app.context_processor(lambda: {"LIBRARY": current_library()})
