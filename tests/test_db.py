"""The database: migrations match the models, and the command line applies them.

The first two run the migrations for real on a new, empty database of their
own (database="empty"), not on the session's migrated template."""
import os

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

from edu.web.db import alembic_config


def newest_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(app) -> str | None:
    with app.extensions["db_engine"].connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def test_migrations_match_the_models(make_app):
    app = make_app(database="empty", AUTO_MIGRATE=True)
    with app.extensions["db_engine"].connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) == []


def test_db_upgrade_command(make_app):
    app = make_app(database="empty")
    assert current_revision(app) is None
    result = app.test_cli_runner().invoke(args=["db", "upgrade"])
    assert result.exit_code == 0 and "up to date" in result.output
    assert current_revision(app) == newest_revision()


def test_tests_get_a_fully_migrated_database(app):
    assert current_revision(app) == newest_revision()


def test_which_database_this_run_uses(app):
    """Says in the test log which engine the suite ran on."""
    assert app.extensions["db_engine"].dialect.name == ("postgresql" if os.environ.get("TEST_DATABASE_URL") else "sqlite")
