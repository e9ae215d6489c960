"""(being built)"""
from flask import Blueprint

bp = Blueprint("contest_entry", __name__, url_prefix="/contest")
