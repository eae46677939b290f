"""Where the database lives: `--db`, else $FACILITATOR_DB, else the user data folder.

The one place for that rule, and light on purpose (no SQLAlchemy): the ORM path
(facilitator.db), the quick read path (facilitator.quickread) and the command
line's start-up all resolve a database here.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import dialects
from .errors import DatabaseError
from .inputs import user_path

ENV_VAR = "FACILITATOR_DB"


def default_db_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("facilitator", appauthor=False) / "facilitator.db"


def resolve_db(db: str | os.PathLike | None = None) -> str:
    """The database URL to use: `--db`, else $FACILITATOR_DB, else the user data folder.

    Accepts a filesystem path, an `sqlite:///` URL, or a `postgresql://` URL
    (a secretariat's shared archive; see facilitator.dialects).
    """
    if db is not None and not str(db).strip():  # `--db "$UNSET"`: not the default database, silently
        raise DatabaseError("--db is empty: give a database file (or leave --db out for the default one).")
    value = str(db) if db else os.environ.get(ENV_VAR, "").strip() or str(default_db_path())
    if value.startswith("file:"):
        raise DatabaseError(f"{value}: give the database as a path or an sqlite:/// address, not a file: URI.")
    if "://" in value:
        if not (value.startswith("sqlite://") or dialects.is_postgresql_url(value)):
            raise DatabaseError(f"Only SQLite and PostgreSQL databases are supported, not "
                                f"{dialects.scheme_of(value)!r}.")
        return value
    return f"sqlite:///{user_path(value, DatabaseError)}"


def path_of(url: str) -> Path | None:
    """The file of an `sqlite://` URL; None for an in-memory database."""
    rest = url.removeprefix("sqlite://")
    if rest in ("", "/", "/:memory:"):
        return None
    return Path(rest[1:]) if rest.startswith("/") else Path(rest)


def file_of(db: str | os.PathLike | None = None) -> Path | None:
    """The SQLite file `db` resolves to; None for a server's database or an in-memory one."""
    url = resolve_db(db)
    return path_of(url) if url.startswith("sqlite:") else None
