"""Kiosk staff's pages: their kiosks, set-up links, revoking a device."""
from flask import Blueprint

bp = Blueprint("kiosks", __name__, url_prefix="/kiosks")
