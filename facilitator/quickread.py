"""The meetings list, one meeting's text, agenda, participants and speakers
list, a search, the follow-up tracker, one recommendation's follow-up and the
phrase library without the ORM: for `facilitator list`, `show`, `agenda list`,
`participants list`, `speakers list`, `search`, `followup list` (its table),
`followup show`, `phrases` (listing) and the application's first screen,
which would otherwise wait some 300 ms for SQLAlchemy and SQLModel to import
before showing a line (issue 14).

It reads with the standard sqlite3 module, read-only, and only when that gives
exactly what the ORM path gives: a plain SQLite file, not encrypted, at the
schema version of this release, not being rewritten by restore/encrypt/purge,
and a reference that names exactly one meeting (or note). In every other case
a reader here returns None and the caller takes the full path
(`facilitator.db.open_engine` and the service layer), which creates, migrates,
asks for a passphrase or refuses the file, or the reference, with the one
message it always gives. So each refusal is worded in one place only, and the
queries here are those of the services each reader names, rows in the same
order (tests/test_quickread.py prints both ways and compares); a search runs
the very statement the search service runs (facilitator.searching).

What needs the attribution gate (the tracker as Markdown or CSV, the audit,
an export) reads the meeting's whole detail through the services: one reader
of what the gate sees, not two.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import threading
from collections import namedtuple
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from .errors import DatabaseError

if TYPE_CHECKING:
    from .searching import SearchHit

T = TypeVar("T")


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


@contextmanager
def _plain(db: str | os.PathLike | None) -> Iterator[sqlite3.Connection | None]:
    """A read-only connection to `db` (resolved as everywhere: see facilitator.dbpath) under the shared lock,
    or None when only the full path may read it (see the module's docstring)."""
    from . import dbfile, locks
    from .dbpath import file_of
    from .migrations import LATEST_VERSION

    try:
        path = file_of(db)
        if path is None or not path.is_file() or dbfile.check_file(path, None):
            yield None  # a server, in memory, not created yet (the full path creates and migrates it)
            return
        held = locks.share(path)
    except (DatabaseError, OSError):  # encrypted, empty, not SQLite, being rewritten: the full path says so
        yield None
        return
    try:
        connection = sqlite3.connect(dbfile.read_only_uri(path), uri=True)
        try:
            (version,) = connection.execute("SELECT MAX(version) FROM schema_migration").fetchone()
            # to be migrated, or written by a newer release: the full path
            yield connection if version == LATEST_VERSION else None
        finally:
            connection.close()
    finally:
        locks.release(held)


def _read(db: str | os.PathLike | None, read: Callable[[sqlite3.Connection], T | None]) -> T | None:
    """`read` on a plain connection to `db` (see _plain); None when there is none, or when the read fails in
    SQLite or on an odd value (damaged, not ours): the full path then reads, or says what is wrong."""
    try:
        with _plain(db) as connection:
            return None if connection is None else read(connection)
    except (sqlite3.Error, ValueError, TypeError):
        return None


def read_meetings(db: str | os.PathLike | None = None) -> list[MeetingRow] | None:
    """The meetings of `db`, newest first; None when only the full path may read this database."""
    return _read(db, lambda connection: [
        MeetingRow(id_, dt.date.fromisoformat(date), title, format_, rule, count)
        for id_, date, title, format_, rule, count in connection.execute(MEETINGS_SQL)])


class ShownMeeting(NamedTuple):
    id: str
    title: str
    date: dt.date
    place: str
    rule: str
    current_item_id: str | None
    themes: list[str]
    headings: dict[str, str]
    intros: dict[str, str]


class ShownItem(NamedTuple):
    id: str
    position: int
    title: str
    kind: str
    planned_minutes: int
    rule: str | None
    default_kind: str
    day: int
    guiding_questions: list[str]
    groups: list[str]


class ShownNote(NamedTuple):
    id: str
    item_id: str | None
    kind: str
    key: bool
    addressee: str
    headline: str
    text: str


class MeetingText(NamedTuple):
    """What `facilitator show` and `agenda list` print of a meeting: the fields of `services.get_detail` they
    read."""

    meeting: ShownMeeting
    items: list[ShownItem]
    notes: list[ShownNote]


def _prefix(ref: str) -> str | None:
    """An id or the beginning of one as the services look it up (stripped, lower case); None when it is empty
    or holds LIKE's own characters, which only the full path reads as the user meant."""
    ref = ref.strip().lower()
    return None if not ref or any(c in ref for c in "%_\\") else ref


def _one_meeting(connection: sqlite3.Connection, ref: str, columns: str) -> tuple | None:
    """`columns` of the meeting whose id is `ref` or starts with it, as services.resolve_meeting finds it; None
    when `ref` is empty, holds LIKE's own characters, or names no meeting or more than one (the full path
    says which)."""
    ref = _prefix(ref)
    if ref is None:
        return None
    select = f"SELECT {columns} FROM meeting"
    found = connection.execute(f"{select} WHERE id = ?", (ref,)).fetchall() or \
        connection.execute(f"{select} WHERE id LIKE ? || '%' LIMIT 2", (ref,)).fetchall()
    return found[0] if len(found) == 1 else None


def _live_notes(connection: sqlite3.Connection, meeting_id: str, columns: str, positions: dict[str, int]) -> list:
    """`columns` of the meeting's notes not deleted, in services.get_detail's order: by item (`positions`:
    each item's place), then place in the item, then when taken."""
    rows = connection.execute(f"SELECT {columns}, item_id, position, created_at FROM note "
                              "WHERE meeting_id = ? AND deleted_at IS NULL", (meeting_id,)).fetchall()
    rows.sort(key=lambda n: (positions.get(n[-3], 10**6), n[-2], dt.datetime.fromisoformat(n[-1])))
    return [n[:-3] for n in rows]


def read_meeting_text(db: str | os.PathLike | None, ref: str, *, notes: bool = True) -> MeetingText | None:
    """The meeting whose id is `ref` or starts with it (as services.resolve_meeting finds it), with its agenda
    and (unless `notes` is false) its notes not deleted, ordered as services.get_detail orders them; None
    when only the full path may read this database, or when `ref` names no meeting or more than one (the
    full path says which)."""

    def read(connection: sqlite3.Connection) -> MeetingText | None:
        found = _one_meeting(connection, ref, "id, title, date, place, rule, current_item_id, themes, headings, "
                                              "intros")
        if found is None:
            return None
        id_, title, date, place, rule, current, themes, headings, intros = found
        items = [ShownItem(*row[:8], json.loads(row[8]), json.loads(row[9])) for row in connection.execute(
            "SELECT id, position, title, kind, planned_minutes, rule, default_kind, day, guiding_questions, "
            "groups FROM agenda_item WHERE meeting_id = ? ORDER BY position", (id_,))]
        rows = _live_notes(connection, id_, 'id, item_id, kind, "key", addressee, headline, text',
                           {item.id: item.position for item in items}) if notes else []
        meeting = ShownMeeting(id_, title, dt.date.fromisoformat(date), place, rule, current, json.loads(themes),
                               json.loads(headings), json.loads(intros))
        return MeetingText(meeting, items, [ShownNote(n[0], n[1], n[2], bool(n[3]), n[4], n[5], n[6]) for n in rows])

    return _read(db, read)


def read_search(db: str | os.PathLike | None, query: str, **filters) -> list[SearchHit] | None:
    """services.search's hits for `query` and `filters` (its keyword arguments) on a plain SQLite file; None
    when only the full path may read this database. A query or a filter a user got wrong raises the
    InvalidInput the service raises (the same function words it: facilitator.searching.conditions)."""
    from .searching import FTS5_COUNT, conditions, fts5_statement, hit

    where, params = conditions(query, **filters)

    def read(connection: sqlite3.Connection) -> list[SearchHit]:
        (matches,) = connection.execute(FTS5_COUNT, {"match": params["match"]}).fetchone()
        return [hit(row) for row in connection.execute(fts5_statement(where, matches), params)] if matches else []

    return _read(db, read)


class Registered(NamedTuple):
    """A participant as `facilitator participants list` prints them."""

    id: str
    name: str
    organisation: str
    region: str
    attributable: bool


def read_participants(db: str | os.PathLike | None, ref: str) -> list[Registered] | None:
    """The participants of the meeting `ref` names (as services.resolve_meeting finds it), in the order of
    services.list_participants; None when only the full path may read the database or the reference."""

    def read(connection: sqlite3.Connection) -> list[Registered] | None:
        found = _one_meeting(connection, ref, "id")
        return None if found is None else [Registered(*row[:4], bool(row[4])) for row in connection.execute(
            "SELECT id, name, organisation, region, attributable FROM participant WHERE meeting_id = ? "
            "ORDER BY name, id", found)]

    return _read(db, read)


class TrackedNote(NamedTuple):
    id: str
    addressee: str
    headline: str
    text: str
    status: str


class TrackedRow(NamedTuple):
    """A row of the tracker's table: the fields of `services.followup.TrackerRow` that tracker_format reads."""

    note: TrackedNote
    meeting_title: str
    meeting_date: dt.date
    last_change: dt.date | None


#: services.followup.tracker: recommendations and actions not deleted, of the statuses asked for (and addressed
#: to someone, where asked), in the same order; each with the date of its last change of status.
TRACKER_SQL = """
    SELECT note.id, note.addressee, note.headline, note.text, note.status, meeting.title, meeting.date,
           (SELECT MAX(status_change.date) FROM status_change WHERE status_change.note_id = note.id)
    FROM note JOIN meeting ON meeting.id = note.meeting_id
    WHERE note.kind IN ({kinds}) AND note.deleted_at IS NULL AND note.status IN ({statuses}){addressed}
    ORDER BY meeting.date, meeting.id, note.position, note.created_at, note.id
"""


def read_tracker(db: str | os.PathLike | None, *, addressee: str | None = None,
                 status: str | None = None) -> list[TrackedRow] | None:
    """The rows of `facilitator followup list` (its table) on a plain SQLite file; None when only the full
    path may read this database. A status a user got wrong raises the service's InvalidInput (the same
    function words it: tracker_format.tracked_statuses)."""
    from .tracker_format import tracked_statuses
    from .vocab import ADDRESSED_TO, FOLLOWED_KINDS, addressee_pattern

    statuses = tracked_statuses(status)
    params = {**{f"kind{n}": kind for n, kind in enumerate(FOLLOWED_KINDS)},
              **{f"status{n}": value for n, value in enumerate(statuses)}}
    if addressee:
        params["addressee"] = addressee_pattern(addressee)
    sql = TRACKER_SQL.format(kinds=", ".join(f":kind{n}" for n in range(len(FOLLOWED_KINDS))),
                             statuses=", ".join(f":status{n}" for n in range(len(statuses))),
                             addressed=f" AND {ADDRESSED_TO}" if addressee else "")
    return _read(db, lambda connection: [
        TrackedRow(TrackedNote(*row[:5]), row[5], dt.date.fromisoformat(row[6]),
                   dt.date.fromisoformat(row[7]) if row[7] else None) for row in connection.execute(sql, params)])


class Queued(NamedTuple):
    """An entry of the speakers list as `facilitator speakers list` prints it."""

    position: int
    name: str
    on_behalf_of: str
    category: str
    language: str
    status: str
    seconds: int


def read_queue(db: str | os.PathLike | None, ref: str) -> list[Queued] | None:
    """The speakers list of the meeting `ref` names, in the order of services.speakers.list_queue; None when
    only the full path may read the database or the reference."""

    def read(connection: sqlite3.Connection) -> list[Queued] | None:
        found = _one_meeting(connection, ref, "id")
        return None if found is None else [Queued(*row) for row in connection.execute(
            "SELECT position, name, on_behalf_of, category, language, status, seconds FROM intervention "
            "WHERE meeting_id = ? ORDER BY position, created_at, id", found)]

    return _read(db, read)


def _records(connection: sqlite3.Connection, sql: str, params: tuple = ()) -> list:
    """The rows of `sql`, each a named tuple of its columns (for counting code that reads attributes)."""
    cursor = connection.execute(sql, params)
    record = namedtuple("Record", [column[0] for column in cursor.description])
    return [record(*row) for row in cursor]


class Said(NamedTuple):
    """A note as speaking_time counts it."""

    item_id: str | None
    speaker_id: str | None
    intervention_id: str | None


def read_speaker_stats(db: str | os.PathLike | None, ref: str, *, for_readers: bool = False) -> list | None:
    """services.speakers.stats for the meeting `ref` names, counted by the same function
    (facilitator.speaking_time) from the same rows in the same order; None when only the full path may
    read the database or the reference. A meeting whose figures may not leave the room raises its
    InvalidInput."""
    from .speaking_time import count_speaking

    def read(connection: sqlite3.Connection) -> tuple | None:
        found = _one_meeting(connection, ref, "id, rule")
        if found is None:
            return None
        meeting_id, rule = found
        items = _records(connection, "SELECT id, rule, position FROM agenda_item WHERE meeting_id = ? "
                                     "ORDER BY position", (meeting_id,))
        turns = _records(connection, "SELECT item_id, status, name, category, seconds FROM intervention "
                                     "WHERE meeting_id = ? ORDER BY position, created_at, id", (meeting_id,))
        said = [Said(*row) for row in _live_notes(connection, meeting_id, "item_id, speaker_id, intervention_id",
                                                    {item.id: item.position for item in items})]
        people = _records(connection, "SELECT id, name, category FROM participant WHERE meeting_id = ?",
                          (meeting_id,))
        return rule, items, turns, said, people

    counted = _read(db, read)
    return None if counted is None else count_speaking(*counted, for_readers=for_readers)


def read_phrases(db: str | os.PathLike | None) -> list[str] | None:
    """The phrase library as services.list_phrases gives it (the saved list, else the shipped one); None
    when only the full path may read the database."""
    from .phrase_library import default_phrases

    return _read(db, lambda connection: [text for (text,) in connection.execute(
        "SELECT text FROM phrase ORDER BY position")] or default_phrases())


class FollowedNote(NamedTuple):
    id: str
    kind: str
    headline: str
    text: str
    status: str


class StatusStep(NamedTuple):
    date: dt.date
    status: str
    comment: str


class FollowUp(NamedTuple):
    """What `facilitator followup show` prints: a note, its changes of status, the earlier recommendations it
    reports on and the later notes reporting on it (services.followup's history and links_of)."""

    note: FollowedNote
    history: list[StatusStep]
    earlier: list[FollowedNote]
    later: list[FollowedNote]


_FOLLOWED = "note.id, note.kind, note.headline, note.text, note.status"


def read_follow_up(db: str | os.PathLike | None, ref: str) -> FollowUp | None:
    """The note whose id starts with `ref` (as services.followup.resolve_note finds it), with its history and
    links; None when only the full path may read the database, or when `ref` names no note or more than one
    (the full path says which)."""

    def read(connection: sqlite3.Connection) -> FollowUp | None:
        wanted = _prefix(ref)
        if wanted is None:
            return None
        found = connection.execute(f"SELECT {_FOLLOWED} FROM note WHERE id LIKE ? || '%' LIMIT 2",
                                   (wanted,)).fetchall()
        if len(found) != 1:
            return None
        note = FollowedNote(*found[0])
        history = [StatusStep(dt.date.fromisoformat(date), status, comment) for date, status, comment in
                   connection.execute("SELECT date, status, comment FROM status_change WHERE note_id = ? "
                                      "ORDER BY date, created_at", (note.id,))]
        linked = ("SELECT {followed} FROM note_link JOIN note ON note.id = note_link.{other} "
                  "WHERE note_link.{this} = ? AND note.deleted_at IS NULL ORDER BY note_link.created_at, note_link.id")
        earlier, later = ([FollowedNote(*row) for row in connection.execute(
            linked.format(followed=_FOLLOWED, this=this, other=other), (note.id,))]
            for this, other in (("note_id", "target_id"), ("target_id", "note_id")))
        return FollowUp(note, history, earlier, later)

    return _read(db, read)


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
