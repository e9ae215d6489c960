"""The database: migrations match the models, and the command line applies them."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from .conftest import SERVER_URL, make_app


def test_migrations_match_the_models(app):
    with app.extensions["db_engine"].connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) == []


def test_db_upgrade_command(tmp_path):
    app = make_app(tmp_path, AUTO_MIGRATE=False)
    result = app.test_cli_runner().invoke(args=["db", "upgrade"])
    assert result.exit_code == 0 and "up to date" in result.output
    with app.extensions["db_engine"].connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == "0001"


def test_which_database_this_run_uses(app):
    """Says in the test log which engine the suite ran on."""
    assert app.extensions["db_engine"].dialect.name == ("postgresql" if SERVER_URL else "sqlite")
