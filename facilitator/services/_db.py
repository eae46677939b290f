"""Session helpers shared by the service modules.

One user action = one session = one transaction. A write (`transaction`)
takes SQLite's write lock when it begins (BEGIN IMMEDIATE), so writers queue
on the busy timeout instead of failing half-way; a read (`reading`) begins
deferred and, in WAL mode, never waits behind a writer. Driver errors become
`DatabaseError` with one readable sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlmodel import Session

from ..errors import ConnectionLost, DatabaseError


def _check_file_present(engine: Engine) -> None:
    """On Linux an open SQLite file whose folder was deleted keeps accepting
    writes that vanish when the program exits; refuse them instead."""
    if engine.dialect.name != "sqlite":
        return
    name = engine.url.database
    if name and name != ":memory:" and not Path(name).exists():
        raise DatabaseError(f"The database file {name} has disappeared (was its folder deleted?); nothing was "
                            "saved. Restore it from a backup, or keep typing: unsaved lines stay on screen.")


#: The execution option that makes facilitator.db begin a transaction deferred (a read).
READ_OPTION = "facilitator_read"


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """A write: a session whose work is committed on success and rolled back on error."""
    with _session(engine) as session:
        yield session


@contextmanager
def reading(engine: Engine) -> Iterator[Session]:
    """A read: a deferred transaction that sees one consistent snapshot and takes no write lock."""
    with _session(engine.execution_options(**{READ_OPTION: True})) as session:
        yield session


@contextmanager
def _session(engine: Engine) -> Iterator[Session]:
    _check_file_present(engine)
    try:
        with Session(engine, expire_on_commit=False) as session:
            with session.begin():
                yield session
    except SQLAlchemyError as exc:
        if engine.dialect.name != "sqlite":
            from ..dialects.postgresql import describe, is_connection_error

            error = ConnectionLost if is_connection_error(exc) else DatabaseError
            raise error(f"{describe(exc, engine.url)} Nothing was saved.") from None
        if not isinstance(exc, OperationalError):
            raise DatabaseError(f"Database error: {getattr(exc, 'orig', exc)}.") from None
        message = str(exc.orig)
        if "locked" in message or "busy" in message:
            raise DatabaseError("The database is busy (another program holds it); nothing was saved, try again.") from None
        if "readonly" in message or "read-only" in message:
            raise DatabaseError("The database is read-only; nothing was saved.") from None
        if "full" in message:
            raise DatabaseError("The disk is full; nothing was saved. Free some space and press Enter again.") \
                from None
        raise DatabaseError(f"Database error: {message}.") from None
