"""What differs between the two databases facilitator runs on, in one place.

SQLite is the embedded default on every laptop; a secretariat's shared
archive is a PostgreSQL server reached through the same SQLModel models. The
services never ask which database they are on: they call the functions of
this package, which choose.

- `postgresql.py`: the engine (driver, time zone, read transactions) and its
  connection errors as one sentence;
- `pg_schema.py`: the migrations' SQLite DDL as PostgreSQL DDL, and the
  full-text index that stands in for FTS5;
- `pg_search.py`: the search service's query on PostgreSQL.

SQLite-only features (WAL, the lock file, backups by file, encryption,
compaction) say so in one line on PostgreSQL (`sqlite_only`).
"""

from __future__ import annotations

from ..errors import DatabaseError

#: URL schemes taken as PostgreSQL; all are opened with the psycopg (3) driver.
POSTGRESQL_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


def scheme_of(url: str) -> str:
    return url.split("://", 1)[0].lower() if "://" in url else ""


def is_postgresql_url(url: str) -> bool:
    return scheme_of(url) in POSTGRESQL_SCHEMES


def is_postgresql(bind) -> bool:
    """True for an engine, connection or session on PostgreSQL."""
    if hasattr(bind, "get_bind"):  # a Session
        bind = bind.get_bind()
    return bind.dialect.name == "postgresql"


def sqlite_only(bind, what: str) -> None:
    """Refuse, in one line, a feature that exists only for a database file."""
    if is_postgresql(bind):
        raise DatabaseError(not_available(what))


def not_available(what: str) -> str:
    return (f"{what} is not available on PostgreSQL: it works on a laptop's database file; the archive is "
            "kept, backed up and protected by its server.")


def lock_meeting(session, meeting_id: str) -> None:
    """Serialise merges of one meeting. SQLite's write transactions are already
    serial (BEGIN IMMEDIATE); on PostgreSQL two pushes of the same meeting take
    a transaction-scoped advisory lock, so the second sees the first's rows."""
    if is_postgresql(session):
        from sqlalchemy import text

        session.connection().execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:m, 0))"),
                                     {"m": meeting_id})


def lock_migrations(conn) -> None:
    """On PostgreSQL, one program migrates an archive at a time (a transaction-scoped advisory lock)."""
    if is_postgresql(conn):
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7215521)")


def sqlite_only_url(url: str, what: str) -> None:
    if is_postgresql_url(url):
        raise DatabaseError(not_available(what))
