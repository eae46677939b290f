"""Opening a PostgreSQL database, and what its driver's errors mean in one sentence.

The driver is psycopg 3 (`pip install 'facilitator[postgresql]'`, a wheel
with its own libpq: no compiler, no system library). Every connection works
in UTC, so timestamps read back exactly as SQLite stores them (naive UTC);
a read (services._db.reading) is one REPEATABLE READ snapshot, as a deferred
SQLite transaction is. Connections time out instead of hanging on a network
that is gone, and a connection the server dropped is replaced before use.
"""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from ..errors import DatabaseError

CONNECT_TIMEOUT = 10  # seconds to reach the server
READ_OPTION = "facilitator_read"  # as services._db sets it

UNAVAILABLE = ("PostgreSQL support needs the psycopg package: pip install 'facilitator[postgresql]' "
               "(or pip install 'psycopg[binary]').")


def driver_url(url: str) -> str:
    """The URL with the psycopg driver named, whatever scheme the user wrote."""
    rest = url.split("://", 1)[1]
    return f"postgresql+psycopg://{rest}"


def shown(url) -> str:
    """The URL as it may be printed: never with its password."""
    try:
        parsed = make_url(str(url))
    except Exception:  # noqa: BLE001 - a URL SQLAlchemy cannot parse is shown without its credentials
        return str(url).split("@")[-1]
    return parsed.set(drivername="postgresql").render_as_string(hide_password=True)


def where(url) -> str:
    """host:port/database, for messages."""
    parsed = make_url(str(url))
    return f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"


def create_pg_engine(url: str) -> Engine:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise DatabaseError(UNAVAILABLE) from None
    try:
        target = make_url(driver_url(url))
    except Exception:  # noqa: BLE001 - SQLAlchemy's ArgumentError: a malformed URL
        raise DatabaseError(f"{shown(url)} is not a database URL; write postgresql://USER:PASSWORD@HOST/DATABASE.") \
            from None
    engine = create_engine(
        target, pool_pre_ping=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT, "options": "-c timezone=UTC",
                      "keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3,
                      "application_name": "facilitator"},
    )
    event.listen(engine, "begin", _on_begin)
    return engine


def _on_begin(conn) -> None:
    if conn.get_execution_options().get(READ_OPTION):
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")


#: (what the driver says, what it means) — the first match gives the sentence.
_LOST = ("server closed the connection", "terminating connection", "connection is lost", "connection is closed",
         "consuming input failed", "ssl syscall", "connection reset", "broken pipe", "the connection is closed",
         "no connection to the server", "connection already closed")


def describe(exc: BaseException, url) -> str:
    """One sentence for a driver error, naming the server but never the password."""
    orig = getattr(exc, "orig", None) or exc
    message = str(orig).strip()
    lower = message.lower()
    at = where(url)
    user = make_url(str(url)).username or "?"
    if "password authentication failed" in lower or "no password supplied" in lower:
        return f"The PostgreSQL server at {at} refused the login of user {user} (wrong password?)."
    if "does not exist" in lower and "database" in lower and "connection" in lower:
        return f"There is no database {make_url(str(url)).database!r} on the PostgreSQL server at {at}."
    if "role" in lower and "does not exist" in lower:
        return f"The PostgreSQL server at {at} has no user {user}."
    if "timeout expired" in lower or "timed out" in lower:
        return f"The PostgreSQL server at {at} did not answer within {CONNECT_TIMEOUT} s (network down?)."
    if any(marker in lower for marker in _LOST):
        return f"The connection to the PostgreSQL server at {at} was lost."
    if "connection refused" in lower or "could not connect" in lower or "connection failed" in lower \
            or "is the server running" in lower or "could not translate host name" in lower:
        return f"Cannot reach the PostgreSQL server at {at} (is it running, and is the address right?)."
    if "row-level security" in lower or "permission denied" in lower:
        first = message.splitlines()[0]
        return f"The archive does not allow user {user} to do this ({first})."
    return message.splitlines()[0] if message else type(orig).__name__


def is_connection_error(exc: BaseException) -> bool:
    """True when the error means the server cannot be reached, or stopped answering."""
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    text = str(getattr(exc, "orig", None) or exc).lower()
    return any(marker in text for marker in (*_LOST, "connection refused", "could not connect", "timeout expired",
                                              "connection failed", "is the server running"))


def vacuum(engine: Engine, tables: tuple[str, ...]) -> None:
    """VACUUM needs a connection outside any transaction. A user who does not own the tables gets a
    warning from the server, not an error: the archive's own maintenance then removes the old versions."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql(f"VACUUM {', '.join(tables)}")
