"""(being built)"""
from flask import Blueprint

bp = Blueprint("contest", __name__, url_prefix="/contest/rounds")
