"""Staff accounts: sign in and out, sign up (open or by invite), change password."""
from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user, login_required, login_user, logout_user

from ..services import accounts
from ..services.errors import AccountError
from ..web.db import get_session
from ..web.forms import ChangePasswordForm, SignInForm, SignUpForm, form_status
from ..web.limits import by_email, limit, limiter
from ..web.messages import message_for

bp = Blueprint("auth", __name__, url_prefix="/auth")


def _safe_next(target: str | None) -> str:
    """Only paths on this site: never an open redirect to a lookalike domain."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("classes.index")


@bp.route("/signin", methods=["GET", "POST"])
@limiter.limit(limit("signin"), key_func=by_email, methods=["POST"])
def signin():
    form = SignInForm()
    error = None
    if form.validate_on_submit():
        try:
            user = accounts.authenticate(get_session(), form.email.data, form.password.data)
        except AccountError as locked:
            user, error = None, message_for(locked)
        else:
            error = None if user else gettext("That email and password do not match an account.")
        if user:
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
    return render_template("staff/signin.html", form=form, error=error,
                           open_signup=current_app.config["OPEN_SIGNUP"]), form_status()


@bp.post("/signout")
def signout():
    logout_user()
    return redirect(url_for("main.home"))


@bp.route("/signup", methods=["GET", "POST"])
@bp.route("/signup/<token>", methods=["GET", "POST"])
def signup(token=None):
    db = get_session()
    if token is None and not current_app.config["OPEN_SIGNUP"]:
        return render_template("staff/signup_closed.html"), 403
    if token is not None and accounts.valid_invite(db, token) is None:
        return render_template("staff/signup_closed.html", bad_invite=True), 404
    form = SignUpForm()
    error = None
    if form.validate_on_submit():
        try:
            if token:
                user = accounts.accept_invite(db, token, form.email.data, form.password.data)
            else:
                user = accounts.create_user(db, form.email.data, form.password.data)
        except AccountError as failed:
            error = message_for(failed)
        else:
            login_user(user)
            flash(gettext("Welcome! Create your first class to get a join code."), "success")
            return redirect(url_for("classes.index"))
    return render_template("staff/signup.html", form=form, error=error, token=token), form_status()


@bp.route("/password", methods=["GET", "POST"])
@login_required
def password():
    form = ChangePasswordForm()
    error = None
    if form.validate_on_submit():
        try:
            accounts.change_password(get_session(), current_user, form.current.data, form.password.data)
        except AccountError as failed:
            error = message_for(failed)
        else:
            flash(gettext("Your password has been changed."), "success")
            return redirect(url_for("classes.index"))
    return render_template("staff/password.html", form=form, error=error), form_status()
