"""The help directory page: every hotline and reporting channel, from the
content file lessons/help-directory.yaml."""
from flask import Blueprint, render_template

from ..web.content import current_library
from ..web.security import mark_sensitive

bp = Blueprint("help", __name__)


@bp.get("/help")
def index():
    mark_sensitive()  # someone looking for help may not be safe: quick exit, nothing cached
    return render_template("learn/help.html", directory=current_library().help)
