"""(being built)"""
from flask import Blueprint

bp = Blueprint("organise", __name__, url_prefix="/organise")
