"""The app's content library, for views and templates."""
from flask import current_app

from ..content import ContentStore, Library


def current_store() -> ContentStore:
    return current_app.extensions["content"]


def current_library() -> Library:
    return current_store().library
