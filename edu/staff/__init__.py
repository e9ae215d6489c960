"""Staff: sign-in and accounts, and the admin pages."""
from flask import Flask

from . import admin, auth


def init_app(app: Flask) -> None:
    app.register_blueprint(auth.bp)
    app.register_blueprint(admin.bp)
