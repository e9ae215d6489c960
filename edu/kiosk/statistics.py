"""Kiosk statistics for campaign staff."""
from flask import Blueprint

bp = Blueprint("kiosk_stats", __name__, url_prefix="/kiosks/statistics")
