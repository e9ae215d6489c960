"""Alembic environment: the app hands over its connection (see edu.web.db.upgrade),
or, for `alembic` run by hand, DATABASE_URL is used."""
import os

from alembic import context
from sqlmodel import SQLModel

from edu import models  # noqa: F401  (registers the tables on SQLModel.metadata)

config = context.config
target_metadata = SQLModel.metadata


def run_migrations(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite")  # SQLite alters tables by copying
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:
    from edu.web.db import make_engine

    with make_engine(os.environ["DATABASE_URL"]).connect() as fresh:
        run_migrations(fresh)
