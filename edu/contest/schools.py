"""(being built)"""
from flask import Blueprint

bp = Blueprint("organise_schools", __name__, url_prefix="/organise/schools")
