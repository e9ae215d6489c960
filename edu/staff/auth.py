"""Staff accounts: sign in and out, sign up (open or by invite), change password."""
import string
import unicodedata
from urllib.parse import quote, urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_required, logout_user

from ..services import accounts
from ..services.errors import AccountError
from ..web.access import home_for, start_staff_session
from ..web.db import get_session
from ..web.forms import ChangePasswordForm, SignInForm, SignUpForm, form_status
from ..web.limits import by_email, limit, limiter
from ..web.messages import message_for

bp = Blueprint("auth", __name__, url_prefix="/auth")


def by_address() -> str:
    """Sign-ins from one address, whatever the email: each costs a password
    hash, so random emails from one machine must not tie up the server."""
    return "signin-address:" + get_remote_address()


def _safe_next(target: str | None, default: str) -> str:
    """A path on this site, else the default page: never an open redirect.
    Browsers drop tabs and newlines and read a backslash as a slash, so
    "/\\t/evil.example" would become "//evil.example" (another site)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    if any(ch.isspace() or unicodedata.category(ch)[0] in "CZ" for ch in target):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith("/") or parts.path.startswith("//"):
        return default
    return quote(target, safe=string.punctuation)  # letters beyond ASCII, percent-encoded for the header


@bp.route("/signin", methods=["GET", "POST"])
@limiter.limit(limit("signin"), key_func=by_email, methods=["POST"])
@limiter.limit(limit("signin_address"), key_func=by_address, methods=["POST"])
def signin():
    form = SignInForm()
    error = None
    if form.validate_on_submit():
        try:
            user = accounts.authenticate(get_session(), form.email.data, form.password.data)
        except AccountError as refused:
            error = message_for(refused)
        else:
            start_staff_session(user)
            return redirect(_safe_next(request.args.get("next"), home_for(user)))
    return render_template("staff/signin.html", form=form, error=error,
                           open_signup=current_app.config["OPEN_SIGNUP"]), form_status()


@bp.post("/signout")
def signout():
    """Ends this account's sessions everywhere (another browser, a shared PC
    left signed in), and leaves nothing of this one behind."""
    signed_in = current_user.is_authenticated
    if signed_in:
        accounts.end_sessions(get_session(), current_user)
    logout_user()
    session.clear()
    if signed_in:
        flash(gettext("You are signed out on every device."), "success")
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
            start_staff_session(user)
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
            start_staff_session(current_user._get_current_object())  # the new version: only this browser stays in
            flash(gettext("Your password has been changed. You are signed out on every other device."), "success")
            return redirect(home_for(current_user))
    return render_template("staff/password.html", form=form, error=error), form_status()
