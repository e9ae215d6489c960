"""`flask content check`: validate the content folder without starting the app.

Registered as a plugin command (see pyproject.toml) so it runs even when the
content is broken and the app itself refuses to start.
"""
import click

from ..config import content_dir
from .loader import ContentError, load_library


@click.group("content")
def content_cli():
    """Lessons and quizzes."""


@content_cli.command("check")
@click.option("--dir", "folder", type=click.Path(file_okay=False), help="Folder holding lessons/ and quizzes/.")
def check(folder):
    """Validate every lesson and quiz; list each problem with its file and field."""
    root = content_dir(folder)
    try:
        library = load_library(root, media_url=lambda slug, name: name, callout_titles={"vi": {}, "en": {}})
    except ContentError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        raise SystemExit(f"{len(exc.problems)} problem(s) in {root}")
    click.echo(f"OK: {len(library.lessons)} lessons and {len(library.quizzes)} quizzes in {root}")
