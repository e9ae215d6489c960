"""(being built)"""
from flask import Blueprint

bp = Blueprint("enrol", __name__, url_prefix="/contests")
