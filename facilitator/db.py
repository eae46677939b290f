"""Opening the database: where it lives, checking it is ours, migrating it.

`open_engine` is the one way in. It never creates an engine at import time,
refuses files that are not SQLite or not facilitator databases (see dbfile),
and refuses a database written by a newer release without touching it. Each
engine holds a shared lock beside the file for its lifetime, so `exclusive`
can keep restore, encrypt and purge away from a database another process has
open; `check_same_file` tells whether the file is still the one it opened.
"""

from __future__ import annotations

import datetime as dt
import os
import weakref
from contextlib import nullcontext
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError

from . import dbfile, dialects, locks
from .dbfile import PassphraseRequired  # noqa: F401  (the CLI catches it from here)
from .dbpath import ENV_VAR, default_db_path, resolve_db  # noqa: F401  (where the database lives: one rule)
from .dbpath import path_of as _path_of
from .errors import ConnectionLost, DatabaseError
from .migrations import LATEST_VERSION, MIGRATIONS, run_sql


def database_file(engine: Engine) -> Path | None:
    """The file an engine works on; None for an in-memory database or a server's."""
    if engine.dialect.name != "sqlite":
        return None
    name = engine.url.database
    return Path(name) if name and name != ":memory:" else None


def _on_connect(dbapi_connection, _record) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions start,
    # so that DDL in a migration is inside its transaction (SQLAlchemy's
    # pysqlite docs, "Serializable isolation / Savepoints / Transactional DDL").
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    # A note is on disk when its Enter returns, even across a power cut.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _on_begin(conn) -> None:
    # A write takes the write lock up front (IMMEDIATE): two writers then
    # queue on busy_timeout instead of one failing when it upgrades. A read
    # (services._db.reading sets the option) begins deferred, so in WAL mode
    # it never waits for a writer. A read-only database cannot take the write
    # lock; reads there still work, and a write fails with "read-only".
    if conn.get_execution_options().get("facilitator_read"):
        conn.exec_driver_sql("BEGIN")
        return
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    except OperationalError as exc:
        if "readonly" not in str(exc.orig) and "read-only" not in str(exc.orig):
            raise
        conn.exec_driver_sql("BEGIN")


def open_engine(
    db: str | os.PathLike | None = None, *, migrate: bool = True, passphrase: str | None = None,
    lock: bool = True, allow_empty: bool = False,
) -> Engine:
    """Create an engine for `db` (see `resolve_db`), checked and migrated.

    An encrypted database needs `passphrase`; see facilitator.encryption.
    The engine holds a shared lock on the database's lock file for as long as
    it lives (see facilitator.locks); `lock=False` is for the application's
    own copies, such as backups being purged. An empty (0-byte) file is
    refused unless `allow_empty` (for `restore`, which fills it).
    """
    url = resolve_db(db)
    if dialects.is_postgresql_url(url):
        if passphrase is not None:
            dialects.sqlite_only_url(url, "Encryption")
        return _server_engine(url, migrate)
    path = _path_of(url)
    held = None
    encrypted = False
    if path is not None:
        restore = "facilitator restore" if path == _path_of(resolve_db(None)) else f"facilitator --db {path} restore"
        encrypted = dbfile.check_file(path, passphrase, allow_empty=allow_empty, restore_command=restore)
        held = locks.share(path) if lock else None
    try:
        if path is not None:
            dbfile.create_file(path)
        engine = _engine(url, path, passphrase, encrypted, migrate)
    except BaseException:
        locks.release(held)
        raise
    _RELEASE[engine] = weakref.finalize(engine, locks.release, held)
    if path is not None:
        _OPENED[engine] = (path, database_identity(path))
    return engine


def _engine(url: str, path: Path | None, passphrase: str | None, encrypted: bool, migrate: bool) -> Engine:
    read_only = path is not None and dbfile.is_read_only(path)
    uri = dbfile.read_only_uri(path) if read_only else None
    if encrypted:
        from . import encryption

        encryption.check_key(path, passphrase, uri=uri)
        engine = create_engine(url, module=encryption.sqlcipher(),
                               creator=lambda: encryption.connect(path, passphrase, uri=uri))
        encryption.remember(engine, passphrase)  # in memory only: for backups
    elif read_only:
        import sqlite3

        engine = create_engine(url, creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
    else:
        engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    try:
        if read_only:
            _check_readable_as_is(engine, path)
        elif migrate:
            migrate_engine(engine)
        else:
            schema_version(engine)
    except (OperationalError, SADatabaseError) as exc:
        engine.dispose()
        where = path or url
        raise DatabaseError(f"Cannot open database {where}: {exc.orig}.") from None
    except DatabaseError:
        engine.dispose()
        raise
    return engine


def _server_engine(url: str, migrate: bool) -> Engine:
    """A PostgreSQL database: no file to check or lock; migrated like a file."""
    from .dialects.postgresql import (
        create_pg_engine,
        describe,
        is_connection_error,
        where,
    )

    engine = create_pg_engine(url)
    try:
        if migrate:
            migrate_engine(engine)
        else:
            schema_version(engine)
    except SADatabaseError as exc:
        if getattr(exc.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
            # A reader or rapporteur is the first to connect after an upgrade: only the owner may migrate.
            behind = _version_or_none(engine)
            engine.dispose()
            raise DatabaseError(f"The archive at {where(url)} is at schema version {behind} and this release "
                                f"needs {LATEST_VERSION}; its owner upgrades it by running any facilitator "
                                "command on it (e.g. `facilitator --db URL archive users`).") from None
        engine.dispose()
        error = ConnectionLost if is_connection_error(exc) else DatabaseError
        raise error(describe(exc, url)) from None
    except DatabaseError:
        engine.dispose()
        raise
    return engine


#: PostgreSQL's SQLSTATE for "must be owner of …" and "permission denied …".
INSUFFICIENT_PRIVILEGE = "42501"


def _version_or_none(engine: Engine) -> int | None:
    try:
        return schema_version(engine)
    except (SADatabaseError, DatabaseError):
        return None


def _check_readable_as_is(engine: Engine, path: Path) -> None:
    """A read-only database is read as it is: it cannot be migrated."""
    if schema_version(engine) < LATEST_VERSION:
        raise DatabaseError(f"{path} is read-only (read-only media, or no write permission) and was written by "
                            "an older release of facilitator; copy it to a writable folder to open it.")


#: Each engine's release of its shared lock: run when it is garbage-collected, or by close_engine.
_RELEASE: weakref.WeakKeyDictionary[Engine, weakref.finalize] = weakref.WeakKeyDictionary()


def close_engine(engine: Engine) -> None:
    """Close the engine's connections and let go of its lock now, not when it is garbage-collected."""
    engine.dispose()
    release = _RELEASE.pop(engine, None)
    if release is not None:
        release()


#: The file each engine opened, and its identity then: see check_same_file.
_OPENED: weakref.WeakKeyDictionary[Engine, tuple[Path, tuple[int, int]]] = weakref.WeakKeyDictionary()


def database_identity(path: str | os.PathLike) -> tuple[int, int]:
    """(st_dev, st_ino): which file a path names, whatever is done to its name."""
    info = os.stat(path)
    return info.st_dev, info.st_ino


def check_same_file(engine: Engine) -> None:
    """Raise DatabaseError when the file at the engine's path is no longer the
    file it opened (replaced, or deleted): writes would go to a file nobody
    will ever open again."""
    opened = _OPENED.get(engine)
    if opened is None:
        return
    path, identity = opened
    try:
        same = database_identity(path) == identity
    except OSError:
        same = False
    if not same:
        raise DatabaseError(f"The database file {path} was replaced or deleted by another program; nothing was "
                            "saved. Quit and start facilitator again to open the file now at that place.")


def exclusive(target: Engine | str | os.PathLike):
    """Context manager: the database to this process alone, for restore, encrypt
    and purge; raises DatabaseError while another facilitator process has it open."""
    path = database_file(target) if isinstance(target, Engine) else Path(target)
    return locks.exclusive(path) if path is not None else nullcontext()


def schema_version(engine: Engine) -> int:
    """0 for an empty database; raises for a database that is not ours or too new."""
    tables = set(inspect(engine).get_table_names())
    name = _name(engine)
    if not tables:
        return 0
    if "schema_migration" not in tables:
        kind = "a PostgreSQL" if dialects.is_postgresql(engine) else "a SQLite"
        raise DatabaseError(f"{name} is {kind} database but not a facilitator one; it was left untouched.")
    with engine.connect() as conn:
        version = conn.execute(text("SELECT MAX(version) FROM schema_migration")).scalar() or 0
    if version > LATEST_VERSION:
        raise DatabaseError(
            f"{name} was written by a newer release of facilitator "
            f"(schema {version}; this release knows up to {LATEST_VERSION}). Upgrade facilitator to open it."
        )
    return version


def _name(engine: Engine) -> str:
    if dialects.is_postgresql(engine):
        from .dialects.postgresql import shown

        return shown(engine.url)
    return str(engine.url.database)


def migrate_engine(engine: Engine) -> int:
    """Apply every pending migration; return the resulting schema version.

    On PostgreSQL several programs may open a new archive at once: each
    migration waits for an advisory lock and is skipped when another program
    applied it meanwhile."""
    version = schema_version(engine)
    if version == 0:
        with engine.begin() as conn:
            dialects.lock_migrations(conn)
            run_sql(conn, "CREATE TABLE IF NOT EXISTS schema_migration ("
                          "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at DATETIME NOT NULL)")
    for migration in MIGRATIONS:
        if migration.version <= version:
            continue
        with engine.begin() as conn:
            dialects.lock_migrations(conn)
            done = conn.execute(text("SELECT 1 FROM schema_migration WHERE version = :v"),
                                {"v": migration.version}).first()
            if done is None:
                migration.apply(conn)
                conn.execute(
                    text("INSERT INTO schema_migration (version, name, applied_at) VALUES (:v, :n, :t)"),
                    {"v": migration.version, "n": migration.name, "t": dt.datetime.now(dt.UTC).isoformat()},
                )
        version = migration.version
    return version
