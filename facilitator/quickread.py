"""The meetings list without the ORM: for `facilitator list` and the
application's first screen, which would otherwise wait some 300 ms for
SQLAlchemy and SQLModel to import before showing a line (issue 14).

It reads with the standard sqlite3 module, read-only, and only when that gives
exactly what the ORM path gives: a plain SQLite file, not encrypted, at the
schema version of this release, not being rewritten by restore/encrypt/purge.
In every other case `read_meetings` returns None and the caller takes the full
path (`facilitator.db.open_engine` and `services.list_meetings`), which
creates, migrates, asks for a passphrase or refuses the file with the one
message it always gives. So each refusal is worded in one place only, and the
query here is the SQL of `services.list_meetings`, rows in the same order.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
from concurrent.futures import Future
from typing import NamedTuple

from .errors import DatabaseError


class MeetingRow(NamedTuple):
    """What the meetings list shows of a meeting: the fields of `services.MeetingSummary` it reads."""

    id: str
    date: dt.date
    title: str
    format: str
    rule: str
    note_count: int


#: services.list_meetings: every meeting, newest first (date, then creation); notes not deleted.
MEETINGS_SQL = """
    SELECT meeting.id, meeting.date, meeting.title, meeting.format, meeting.rule, COALESCE(counts.n, 0)
    FROM meeting
    LEFT JOIN (SELECT meeting_id, COUNT(*) AS n FROM note WHERE deleted_at IS NULL GROUP BY meeting_id) AS counts
        ON counts.meeting_id = meeting.id
    ORDER BY meeting.date DESC, meeting.created_at DESC
"""


def read_meetings(db: str | os.PathLike | None = None) -> list[MeetingRow] | None:
    """The meetings of `db` (resolved as everywhere: see facilitator.dbpath), newest first; None when
    only the full path may read this database (see the module's docstring)."""
    from . import dbfile, locks
    from .dbpath import file_of
    from .migrations import LATEST_VERSION

    try:
        path = file_of(db)
        if path is None or not path.is_file() or dbfile.check_file(path, None):
            return None  # a server, in memory, not created yet (the full path creates and migrates it)
        held = locks.share(path)
    except (DatabaseError, OSError):  # encrypted, empty, not SQLite, being rewritten: the full path says so
        return None
    try:
        connection = sqlite3.connect(dbfile.read_only_uri(path), uri=True)
        try:
            (version,) = connection.execute("SELECT MAX(version) FROM schema_migration").fetchone()
            if version != LATEST_VERSION:
                return None  # to be migrated, or written by a newer release
            rows = connection.execute(MEETINGS_SQL).fetchall()
        finally:
            connection.close()
        return [MeetingRow(id_, dt.date.fromisoformat(date), title, format_, rule, count)
                for id_, date, title, format_, rule, count in rows]
    except (sqlite3.Error, ValueError, TypeError):  # damaged, not ours, an odd value: the full path says what
        return None
    finally:
        locks.release(held)


def read_meetings_soon(db: str | os.PathLike | None = None) -> Future:
    """`read_meetings(db)` in a thread of its own, started now: the application starts it before it
    imports Textual, so that the meetings are read (SQLite works without Python's interpreter lock) while
    Textual loads, and are there for the first frame. The future's result is read_meetings' answer, or
    None if the read failed in any way (the full path then reads, or says what is wrong)."""
    future: Future = Future()

    def read() -> None:
        try:
            future.set_result(read_meetings(db))
        except BaseException:  # noqa: BLE001  (the full path reports it; the first frame only goes without)
            future.set_result(None)

    threading.Thread(target=read, name="first meetings", daemon=True).start()
    return future
