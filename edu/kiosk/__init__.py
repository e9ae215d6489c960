"""Exhibition kiosks, split by who uses each part: campaign staff (setting
kiosks up, revoking a device, statistics) and the visitors at the screen
(the attract loop, a short quiz, the result, the reset)."""
from flask import Flask

from . import manage, offline, statistics, visit


def init_app(app: Flask) -> None:
    for module in (manage, statistics, visit, offline):
        app.register_blueprint(module.bp)
