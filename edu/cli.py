"""Command-line groups: `flask db …`, `flask users …`, `flask data …`, `flask content …`.

`content` is also registered as a Flask plugin command (pyproject.toml), so
`flask content check` runs even when the content is broken and the app
itself refuses to start.
"""
from __future__ import annotations

from datetime import date, timedelta

import click
from alembic import command
from flask import Flask, current_app
from flask.cli import AppGroup
from sqlalchemy import delete, exists
from sqlmodel import col, select

from .config import content_dir
from .content.contacts import contacts
from .content.discipline import review_library
from .content.loader import ContentError, load_library
from .models import QuizAnswer, QuizAttempt, Student
from .models.base import utcnow
from .services import accounts
from .services.attempts import PRACTICE
from .services.errors import AccountError
from .web.db import alembic_config, get_session, upgrade
from .web.messages import message_for


def init_app(app: Flask) -> None:
    app.cli.add_command(db_cli)
    app.cli.add_command(users_cli)
    app.cli.add_command(data_cli)


# --- flask db --------------------------------------------------------------------

@click.group("db", cls=AppGroup)
def db_cli():
    """Database schema (Alembic migrations)."""


@db_cli.command("upgrade")
def upgrade_command():
    """Apply every migration not yet applied."""
    upgrade(current_app.extensions["db_engine"])
    click.echo("Database is up to date.")


@db_cli.command("revision")
@click.option("-m", "--message", required=True)
def revision_command(message):
    """Write a new migration from the difference between the models and the database."""
    with current_app.extensions["db_engine"].begin() as connection:
        command.revision(alembic_config(connection), message=message, autogenerate=True)


# --- flask users -----------------------------------------------------------------

@click.group("users", cls=AppGroup)
def users_cli():
    """Staff accounts."""


@users_cli.command("create-admin")
@click.argument("email")
@click.password_option(help="Asked for when not given.")
def create_admin(email, password):
    """Make the first admin account."""
    db = get_session()
    try:
        accounts.create_user(db, email, password, role="admin")
    except AccountError as failed:
        raise click.ClickException(message_for(failed))
    db.commit()
    click.echo(f"Admin {accounts.normalize_email(email)} created.")


@users_cli.command("set-role")
@click.argument("email")
@click.argument("role")
def set_role(email, role):
    """Give an account another role: admin, teacher, organiser or kiosk_staff (audited)."""
    db = get_session()
    user = accounts.find_user(db, email)
    try:
        if user is None:
            raise AccountError("account.no_such_user", email=accounts.normalize_email(email))
        accounts.set_role(db, None, user.id, role)
    except AccountError as failed:
        raise click.ClickException(message_for(failed))
    db.commit()
    click.echo(f"{user.email} is now {role}.")


# --- flask data ------------------------------------------------------------------

@click.group("data", cls=AppGroup)
def data_cli():
    """What is stored about learners."""


@data_cli.command("prune-practice")
@click.option("--older-than", "days", type=click.IntRange(min=0), required=True, metavar="DAYS",
              help="Delete practice attempts started more than DAYS days ago.")
def prune_practice(days):
    """Delete anonymous practice: practice attempts, with their answers, started
    more than DAYS days ago under a browser key that is no class student's.
    A student's work stays until their teacher deletes the student or the class."""
    db = get_session()
    anonymous = ~exists().where(Student.learner_key == QuizAttempt.learner_key)
    old = select(QuizAttempt.id).where(QuizAttempt.context == PRACTICE.kind,
                                       QuizAttempt.started_at < utcnow() - timedelta(days=days), anonymous)
    answers = db.execute(delete(QuizAnswer).where(col(QuizAnswer.attempt_id).in_(old))).rowcount
    attempts = db.execute(delete(QuizAttempt).where(col(QuizAttempt.id).in_(old))).rowcount
    db.commit()
    click.echo(f"Deleted {attempts} practice attempt(s) with {answers} answer(s) started more than {days} day(s) ago.")


# --- flask content ---------------------------------------------------------------

@click.group("content")
def content_cli():
    """Lessons and quizzes."""


@content_cli.command("check")
@click.option("--dir", "folder", type=click.Path(file_okay=False), help="Folder holding lessons/ and quizzes/.")
def check(folder):
    """Validate every lesson and quiz; list each problem with its file and field,
    then the warnings (fails too) and the scenarios due for review (listed only)."""
    root = content_dir(folder)
    try:
        library = load_library(root, media_url=lambda slug, name: name, callout_titles={"vi": {}, "en": {}})
    except ContentError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        raise SystemExit(f"{len(exc.problems)} problem(s) in {root}")
    review = review_library(library, date.today())
    for problem in review.due:
        click.echo(f"review due: {problem}")
    for problem in review.warnings:
        click.echo(f"warning: {problem}", err=True)
    if review.warnings:
        raise SystemExit(f"{len(review.warnings)} warning(s) in {root}")
    sets = f" (and {len(library.practice_sets)} practice sets drawn from them)" if library.practice_sets else ""
    click.echo(f"OK: {len(library.lessons)} lessons and {len(library.authored_quizzes())} quizzes{sets} in {root}")


@content_cli.command("contacts")
@click.option("--dir", "folder", type=click.Path(file_okay=False), help="Folder holding lessons/ and quizzes/.")
def list_contacts(folder):
    """Every phone number, account number and domain the content uses, with its
    role (scam, genuine, help, text) and where: check them before printing."""
    root = content_dir(folder)
    try:
        library = load_library(root, media_url=lambda slug, name: name, callout_titles={"vi": {}, "en": {}})
    except ContentError as exc:
        raise SystemExit(f"{len(exc.problems)} problem(s) in {root}: run `flask content check`")
    found = contacts(library)
    for contact in found:
        roles = "; ".join(f"{role}: {', '.join(places)}" for role, places in sorted(contact.uses.items()))
        click.echo(f"{contact.kind}\t{contact.identifier}\t{roles}")
    click.echo(f"{len(found)} numbers and domains in {root}", err=True)
