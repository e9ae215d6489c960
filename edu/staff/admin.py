"""Admin pages: invite teachers, read the audit log."""
from flask import Blueprint, render_template
from flask_login import current_user

from ..services import accounts
from ..web.access import require
from ..web.db import get_session
from ..web.forms import EmptyForm
from ..web.links import external_url

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.route("/invites", methods=["GET", "POST"])
@require("manage_staff")
def invites():
    form = EmptyForm()
    link = None
    if form.validate_on_submit():
        token = accounts.create_invite(get_session(), current_user)
        link = external_url("auth.signup", token=token)
    return render_template("staff/invites.html", form=form, link=link, days=accounts.INVITE_DAYS,
                           events=accounts.audit_log(get_session()))
