"""HTML that is the same for every visitor, rendered once and reused.

A lesson's article, or a question's form with its mockup, depends only on the
content, the language and (for a question) the order this attempt shows the
options in: nothing about the student. Templates wrap such a part in

    {% call cached("lesson", lesson.slug) %} ... {% endcall %}

and it is rendered the first time, then served from memory. The key always
includes the request's language and the content version (the loaded library:
when an author's edit reloads it, every fragment goes), so a template names
only what else the part depends on. `skip=True` renders without the cache
(a refused answer that marks the student's own choices, for instance).

Per process and per app, bounded: a few thousand fragments of a few KB.
"""
from __future__ import annotations

from flask import Flask, current_app
from markupsafe import Markup

from ..content.questions import Question
from .content import current_library
from .i18n import current_language

MAX_FRAGMENTS = 4096


class Fragments:
    def __init__(self, limit: int = MAX_FRAGMENTS):
        self.limit = limit
        self.library = None
        self.store: dict[tuple, Markup] = {}
        self.renders = 0  # how many times a fragment had to be rendered: tests read it

    def get(self, key: tuple, render) -> Markup:
        library = current_library()
        if library is not self.library:  # new content: nothing rendered from the old may stay
            self.store, self.library = {}, library
        key = (current_language(), *key)
        html = self.store.get(key)
        if html is None:
            html = Markup(render())
            self.renders += 1
            if len(self.store) >= self.limit:
                self.store = {}  # crude but safe: a full cache starts again rather than grow
            self.store[key] = html
        return html


def cached(*key, caller, skip: bool = False) -> Markup:
    """The Jinja side: `{% call cached(*key) %}` body `{% endcall %}`."""
    if skip:
        return Markup(caller())
    return current_app.extensions["fragments"].get(key, caller)


def presented_ids(question, shown) -> tuple:
    """The order this attempt shows a question's options, sides or steps:
    part of a question form's key, since the form lists them in that order."""
    if type(question).presented is Question.presented:
        return ()  # a type that shows its parts in the author's order (verdict, red flags)
    return tuple(item.id for item in question.presented(shown))


class OncePerValue:
    """A macro called a thousand times on a page with few distinct arguments
    (a class grid's cells: a status and a score): each distinct argument is
    rendered once on this page and its HTML repeated."""

    def __init__(self, macro):
        self.macro = macro
        self.seen: dict = {}

    def __call__(self, value) -> Markup:
        html = self.seen.get(value)
        if html is None:
            html = self.seen[value] = Markup(self.macro(value))
        return html

    def join(self, values) -> Markup:
        return Markup("".join([self(value) for value in values]))  # each part is Markup: nothing to escape again


def init_app(app: Flask) -> None:
    app.extensions["fragments"] = Fragments()
    app.jinja_env.globals.update(cached=cached, presented_ids=presented_ids, once_per_value=OncePerValue)
