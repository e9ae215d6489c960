"""The kiosk's own screens."""
from flask import Blueprint

bp = Blueprint("kiosk", __name__, url_prefix="/kiosk")
