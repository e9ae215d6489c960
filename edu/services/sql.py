"""Statements the services share across database engines."""
from __future__ import annotations

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}
_built: dict[tuple, object] = {}


def insert_once(db: Session, model, values: dict, unique: tuple[str, ...]) -> int | None:
    """Insert a row unless one with the same `unique` columns exists; the new
    row's id, or None when it existed. The unique constraint decides, not a
    read before the write, so two requests racing cannot both insert, and
    nothing has to be rolled back when they do."""
    dialect = db.get_bind().dialect.name
    key = (dialect, model, unique)
    if key not in _built:  # built once: this runs on every answer
        _built[key] = (_INSERTS[dialect](model).on_conflict_do_nothing(index_elements=list(unique))
                       .returning(model.id))
    return db.execute(_built[key], values).scalar()
