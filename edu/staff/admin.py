"""Admin pages: invite teachers, turn staff accounts off and on, change their role, read the audit log."""
from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext
from flask_login import current_user

from ..services import accounts
from ..services.errors import AccountError
from ..web.access import require
from ..web.db import get_session
from ..web.forms import ROLE_LABELS, EmptyForm, RoleForm
from ..web.links import external_url
from ..web.messages import message_for

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


def _staff_page(error: str | None = None):
    return render_template("staff/staff.html", error=error, role_labels=ROLE_LABELS,
                           users=accounts.staff_accounts(get_session())), 400 if error else 200


@bp.get("/staff")
@require("manage_staff")
def staff():
    return _staff_page()


@bp.post("/staff/<int:user_id>/<any(disable, enable):action>")
@require("manage_staff")
def set_disabled(user_id: int, action: str):
    """Turning an account off ends its open sessions at once (web/access.py)."""
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        user = accounts.set_disabled(get_session(), current_user, user_id, disabled=action == "disable")
    except AccountError as refused:
        return _staff_page(message_for(refused))
    if user is None:
        abort(404)
    if action == "disable":
        flash(gettext("%(email)s is turned off: signed out everywhere, and cannot sign in.", email=user.email), "success")
    else:
        flash(gettext("%(email)s can sign in again.", email=user.email), "success")
    return redirect(url_for("admin.staff"))


@bp.post("/staff/<int:user_id>/role")
@require("manage_staff")
def set_role(user_id: int):
    """Takes effect on the account's next request: permissions are read from the role each time (web/access.py)."""
    form = RoleForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        user = accounts.set_role(get_session(), current_user, user_id, form.role.data)
    except AccountError as refused:
        return _staff_page(message_for(refused))
    if user is None:
        abort(404)
    flash(gettext("%(email)s is now: %(role)s.", email=user.email, role=ROLE_LABELS[user.role]), "success")
    return redirect(url_for("admin.staff"))
