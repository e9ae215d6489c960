"""Staff accounts: sign in and out, sign up (open or by invite), password, invites."""
from functools import wraps

import click
from flask.cli import AppGroup
from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user, login_required, login_user, logout_user

from .db import get_session
from .extensions import login_manager
from .limits import by_email, limit, limiter
from .forms import ChangePasswordForm, EmptyForm, SignInForm, SignUpForm, form_status
from .models import User
from .services import accounts
from .services.accounts import AccountError

bp = Blueprint("auth", __name__, url_prefix="/auth")


@login_manager.user_loader
def load_user(user_id: str):
    return get_session().get(User, int(user_id)) if user_id.isdigit() else None


def admin_required(view):
    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not current_user.is_admin:
            abort(404)
        return view(*args, **kwargs)

    return wrapped


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
            user, error = None, locked.message
        else:
            error = None if user else gettext("That email and password do not match an account.")
        if user:
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
    return render_template("auth/signin.html", form=form, error=error,
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
        return render_template("auth/signup_closed.html"), 403
    if token is not None and accounts.valid_invite(db, token) is None:
        return render_template("auth/signup_closed.html", bad_invite=True), 404
    form = SignUpForm()
    error = None
    if form.validate_on_submit():
        try:
            if token:
                user = accounts.accept_invite(db, token, form.email.data, form.password.data)
            else:
                user = accounts.create_user(db, form.email.data, form.password.data)
        except AccountError as failed:
            error = failed.message
        else:
            login_user(user)
            flash(gettext("Welcome! Create your first class to get a join code."), "success")
            return redirect(url_for("classes.index"))
    return render_template("auth/signup.html", form=form, error=error, token=token), form_status()


@bp.route("/password", methods=["GET", "POST"])
@login_required
def password():
    form = ChangePasswordForm()
    error = None
    if form.validate_on_submit():
        try:
            accounts.change_password(get_session(), current_user, form.current.data, form.password.data)
        except AccountError as failed:
            error = failed.message
        else:
            flash(gettext("Your password has been changed."), "success")
            return redirect(url_for("classes.index"))
    return render_template("auth/password.html", form=form, error=error), form_status()


@bp.route("/invites", methods=["GET", "POST"])
@admin_required
def invites():
    form = EmptyForm()
    link = None
    if form.validate_on_submit():
        token = accounts.create_invite(get_session(), current_user)
        link = url_for("auth.signup", token=token, _external=True)
    return render_template("auth/invites.html", form=form, link=link, days=accounts.INVITE_DAYS,
                           events=accounts.audit_log(get_session()))


# --- command line ---------------------------------------------------------------

@click.group("users", cls=AppGroup)
def users_cli():
    """Staff accounts."""


@users_cli.command("create-admin")
@click.argument("email")
@click.password_option(help="Asked for when not given.")
def create_admin(email, password):
    """Make the first admin account."""
    try:
        accounts.create_user(get_session(), email, password, role="admin")
    except AccountError as failed:
        raise click.ClickException(failed.message)
    click.echo(f"Admin {accounts.normalize_email(email)} created.")
