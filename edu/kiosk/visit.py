"""The kiosk's own screens."""
from flask import Blueprint, abort

bp = Blueprint("kiosk", __name__, url_prefix="/kiosk")


@bp.route("/setup/<token>", methods=["GET", "POST"])
def setup(token: str):
    abort(404)  # being built by the lead
