"""Schema migrations: an ordered list, each applied with its record in one
transaction (the way sqlite-utils' `migrations` does it).

The schema version of a database is the highest migration recorded in
`schema_migration`. A database whose version is higher than the last migration
here was written by a newer release and is refused, never touched.

Never edit a migration that has shipped: add a new one. Migration 1 is written
as SQL rather than from the SQLModel classes so that it keeps producing the
same schema after those classes grow.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: LATEST_VERSION is read without importing SQLAlchemy (facilitator.quickread)
    from sqlalchemy import Connection


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _exec_script(conn: Connection, script: str) -> None:
    """Run each statement of a script inside the caller's transaction.

    (sqlite3's executescript would commit first.) Statements are split on ';'
    and re-joined until SQLite says one is complete, so triggers whose bodies
    hold semicolons stay whole.
    """
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                run_sql(conn, pending)
            pending = ""
    if pending.strip(" \n;"):
        run_sql(conn, pending)


def run_sql(conn: Connection, statement: str) -> None:
    """One statement as written, on SQLite; on PostgreSQL, what it translates
    to there (facilitator.dialects.pg_schema), the migration itself unchanged."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(statement)
        return
    from .dialects.pg_schema import translate

    for translated in translate(statement.strip().rstrip(";")):
        conn.exec_driver_sql(translated)


def _m001_initial(conn: Connection) -> None:
    _exec_script(
        conn,
        """
        CREATE TABLE meeting (
            id VARCHAR NOT NULL PRIMARY KEY,
            title VARCHAR NOT NULL,
            subject VARCHAR NOT NULL DEFAULT '',
            date DATE NOT NULL,
            end_date DATE,
            start_time VARCHAR NOT NULL DEFAULT '',
            place VARCHAR NOT NULL DEFAULT '',
            format VARCHAR NOT NULL DEFAULT 'roundtable',
            template VARCHAR NOT NULL DEFAULT '',
            rule VARCHAR NOT NULL DEFAULT 'chatham-house',
            organisers JSON NOT NULL DEFAULT '[]',
            guests JSON NOT NULL DEFAULT '[]',
            participants_text VARCHAR NOT NULL DEFAULT '',
            preceded_by VARCHAR NOT NULL DEFAULT '',
            current_item_id VARCHAR,
            created_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL
        );
        CREATE TABLE organiser (
            id VARCHAR NOT NULL PRIMARY KEY,
            name VARCHAR NOT NULL UNIQUE,
            about VARCHAR NOT NULL DEFAULT '',
            url VARCHAR NOT NULL DEFAULT ''
        );
        CREATE TABLE agenda_item (
            id VARCHAR NOT NULL PRIMARY KEY,
            meeting_id VARCHAR NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title VARCHAR NOT NULL,
            kind VARCHAR NOT NULL DEFAULT 'discussion',
            planned_minutes INTEGER NOT NULL DEFAULT 30,
            guiding_questions JSON NOT NULL DEFAULT '[]',
            rule VARCHAR,
            default_kind VARCHAR NOT NULL DEFAULT 'reflection',
            day INTEGER NOT NULL DEFAULT 1,
            groups JSON NOT NULL DEFAULT '[]',
            started_at DATETIME
        );
        CREATE INDEX ix_agenda_item_meeting_id ON agenda_item (meeting_id);
        CREATE TABLE participant (
            id VARCHAR NOT NULL PRIMARY KEY,
            meeting_id VARCHAR NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
            name VARCHAR NOT NULL,
            organisation VARCHAR NOT NULL DEFAULT '',
            role VARCHAR NOT NULL DEFAULT '',
            region VARCHAR NOT NULL DEFAULT '',
            attributable BOOLEAN NOT NULL DEFAULT 0
        );
        CREATE INDEX ix_participant_meeting_id ON participant (meeting_id);
        CREATE TABLE note (
            id VARCHAR NOT NULL PRIMARY KEY,
            meeting_id VARCHAR NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
            item_id VARCHAR REFERENCES agenda_item(id) ON DELETE SET NULL,
            kind VARCHAR NOT NULL DEFAULT 'reflection',
            text VARCHAR NOT NULL,
            headline VARCHAR NOT NULL DEFAULT '',
            addressee VARCHAR NOT NULL DEFAULT '',
            speaker_id VARCHAR REFERENCES participant(id) ON DELETE SET NULL,
            key BOOLEAN NOT NULL DEFAULT 0,
            position INTEGER NOT NULL DEFAULT 0,
            created_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL,
            deleted_at DATETIME
        );
        CREATE INDEX ix_note_meeting_id ON note (meeting_id);
        CREATE INDEX ix_note_item_id ON note (item_id);
        CREATE TABLE draft (
            meeting_id VARCHAR NOT NULL PRIMARY KEY REFERENCES meeting(id) ON DELETE CASCADE,
            item_id VARCHAR,
            text VARCHAR NOT NULL DEFAULT '',
            updated_at DATETIME NOT NULL
        )
        """,
    )


def _m002_styles_and_audit(conn: Connection) -> None:
    """What the five house styles group by (themes, breakout groups, participant
    categories), the rapporteur's rewritable texts, and audit dismissals."""
    _exec_script(
        conn,
        """
        ALTER TABLE meeting ADD COLUMN themes JSON NOT NULL DEFAULT '[]';
        ALTER TABLE meeting ADD COLUMN lead VARCHAR NOT NULL DEFAULT '';
        ALTER TABLE meeting ADD COLUMN disclaimer VARCHAR NOT NULL DEFAULT '';
        ALTER TABLE meeting ADD COLUMN outlook VARCHAR NOT NULL DEFAULT '';
        ALTER TABLE meeting ADD COLUMN byline VARCHAR NOT NULL DEFAULT '';
        ALTER TABLE meeting ADD COLUMN kicker VARCHAR NOT NULL DEFAULT '';
        ALTER TABLE meeting ADD COLUMN about JSON NOT NULL DEFAULT '{}';
        ALTER TABLE meeting ADD COLUMN cleared JSON NOT NULL DEFAULT '[]';
        ALTER TABLE participant ADD COLUMN category VARCHAR NOT NULL DEFAULT '';
        ALTER TABLE note ADD COLUMN themes JSON NOT NULL DEFAULT '[]';
        ALTER TABLE note ADD COLUMN "group" VARCHAR NOT NULL DEFAULT '';
        ALTER TABLE note ADD COLUMN cleared JSON NOT NULL DEFAULT '[]'
        """,
    )


NOTE_FTS_ROW = (
    "new.rowid, new.text, new.headline, new.addressee, "
    "(SELECT title FROM agenda_item WHERE id = new.item_id), "
    "(SELECT group_concat(value, ' ') FROM json_each(new.themes))"
)


def _m003_search_and_followup(conn: Connection) -> None:
    """Full-text search kept in step by triggers; follow-up status, its history, and links."""
    _exec_script(
        conn,
        f"""
        ALTER TABLE meeting ADD COLUMN series VARCHAR NOT NULL DEFAULT '';
        ALTER TABLE note ADD COLUMN status VARCHAR NOT NULL DEFAULT '';
        UPDATE note SET status = 'proposed' WHERE kind IN ('recommendation', 'action');
        CREATE TABLE status_change (
            id VARCHAR NOT NULL PRIMARY KEY,
            note_id VARCHAR NOT NULL REFERENCES note(id) ON DELETE CASCADE,
            status VARCHAR NOT NULL,
            date DATE NOT NULL,
            comment VARCHAR NOT NULL DEFAULT '',
            created_at DATETIME NOT NULL
        );
        CREATE INDEX ix_status_change_note_id ON status_change (note_id);
        CREATE TABLE note_link (
            id VARCHAR NOT NULL PRIMARY KEY,
            note_id VARCHAR NOT NULL REFERENCES note(id) ON DELETE CASCADE,
            target_id VARCHAR NOT NULL,
            created_at DATETIME NOT NULL,
            UNIQUE (note_id, target_id)
        );
        CREATE INDEX ix_note_link_note_id ON note_link (note_id);
        CREATE INDEX ix_note_link_target_id ON note_link (target_id);
        CREATE VIRTUAL TABLE note_fts USING fts5(
            text, headline, addressee, item_title, themes,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER note_fts_insert AFTER INSERT ON note BEGIN
            INSERT INTO note_fts (rowid, text, headline, addressee, item_title, themes) VALUES ({NOTE_FTS_ROW});
        END;
        CREATE TRIGGER note_fts_update AFTER UPDATE OF text, headline, addressee, item_id, themes ON note BEGIN
            DELETE FROM note_fts WHERE rowid = old.rowid;
            INSERT INTO note_fts (rowid, text, headline, addressee, item_title, themes) VALUES ({NOTE_FTS_ROW});
        END;
        CREATE TRIGGER note_fts_delete AFTER DELETE ON note BEGIN
            DELETE FROM note_fts WHERE rowid = old.rowid;
        END;
        CREATE TRIGGER note_fts_item_title AFTER UPDATE OF title ON agenda_item BEGIN
            UPDATE note_fts SET item_title = new.title
            WHERE rowid IN (SELECT rowid FROM note WHERE item_id = new.id);
        END;
        {REBUILD_NOTE_FTS}
        """,
    )


def _m004_running_the_room(conn: Connection) -> None:
    """Clocks, the speakers list, merge revisions and the phrase library."""
    _exec_script(
        conn,
        """
        ALTER TABLE meeting ADD COLUMN speaker_limit INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE meeting ADD COLUMN bell BOOLEAN NOT NULL DEFAULT 0;
        ALTER TABLE agenda_item ADD COLUMN ended_at DATETIME;
        ALTER TABLE agenda_item ADD COLUMN paused_at DATETIME;
        ALTER TABLE agenda_item ADD COLUMN paused_seconds INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE agenda_item ADD COLUMN extra_minutes INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE intervention (
            id VARCHAR NOT NULL PRIMARY KEY,
            meeting_id VARCHAR NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
            item_id VARCHAR REFERENCES agenda_item(id) ON DELETE SET NULL,
            participant_id VARCHAR REFERENCES participant(id) ON DELETE SET NULL,
            position INTEGER NOT NULL,
            name VARCHAR NOT NULL,
            category VARCHAR NOT NULL DEFAULT '',
            on_behalf_of VARCHAR NOT NULL DEFAULT '',
            members INTEGER NOT NULL DEFAULT 0,
            language VARCHAR NOT NULL DEFAULT '',
            status VARCHAR NOT NULL DEFAULT 'queued',
            started_at DATETIME,
            ended_at DATETIME,
            seconds INTEGER NOT NULL DEFAULT 0,
            created_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL
        );
        CREATE INDEX ix_intervention_meeting_id ON intervention (meeting_id);
        ALTER TABLE note ADD COLUMN intervention_id VARCHAR REFERENCES intervention(id) ON DELETE SET NULL;
        CREATE TABLE note_revision (
            id VARCHAR NOT NULL PRIMARY KEY,
            note_id VARCHAR NOT NULL REFERENCES note(id) ON DELETE CASCADE,
            kind VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            headline VARCHAR NOT NULL DEFAULT '',
            addressee VARCHAR NOT NULL DEFAULT '',
            themes JSON NOT NULL DEFAULT '[]',
            "group" VARCHAR NOT NULL DEFAULT '',
            edited_at DATETIME NOT NULL,
            source VARCHAR NOT NULL DEFAULT '',
            created_at DATETIME NOT NULL
        );
        CREATE INDEX ix_note_revision_note_id ON note_revision (note_id);
        CREATE TABLE phrase (
            id VARCHAR NOT NULL PRIMARY KEY,
            position INTEGER NOT NULL,
            text VARCHAR NOT NULL
        )
        """,
    )


def _m005_identities_and_scoped_dismissals(conn: Connection) -> None:
    """Participants get a kind (person, organisation, delegation), a source
    (registered, speaker, carried) and a surname where it is not the last word
    of the name; audit dismissals are bound to the exact text they were made on.

    Existing rows: a speakers-list entry of a Member State or regional
    organisation becomes a delegation, of civil society an organisation; a
    participant known only as a speaker (no organisation, role or region) is
    marked as auto-registered. Each old dismissal (a participant id) is
    rewritten as one per field of the note or meeting, bound to that field's
    content now: the decisions stand for the texts they were made on.
    """
    _exec_script(
        conn,
        """
        ALTER TABLE participant ADD COLUMN kind VARCHAR NOT NULL DEFAULT 'person';
        ALTER TABLE participant ADD COLUMN source VARCHAR NOT NULL DEFAULT 'registered';
        ALTER TABLE participant ADD COLUMN surname VARCHAR NOT NULL DEFAULT '';
        UPDATE participant SET kind = 'delegation' WHERE category IN ('member-state', 'regional-organisation');
        UPDATE participant SET kind = 'organisation' WHERE category = 'civil-society';
        UPDATE participant SET source = 'speaker'
            WHERE organisation = '' AND role = '' AND region = ''
              AND (id IN (SELECT participant_id FROM intervention WHERE participant_id IS NOT NULL)
                   OR id IN (SELECT speaker_id FROM note WHERE speaker_id IS NOT NULL))
        """,
    )
    import hashlib
    import json

    def dismissal(identity: str, field: str, text: str) -> str:  # as policy.dismissal wrote it at schema 5
        return f"{identity}|{field}|{hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}"

    note_fields = ("headline", "text", "addressee")
    meeting_fields = ("title", "subject", "place", "participants_text", "preceded_by", "lead", "disclaimer",
                      "outlook", "byline", "kicker", "series")
    for table, fields in (("note", note_fields), ("meeting", meeting_fields)):
        columns = ", ".join(f'"{f}"' for f in fields)
        for row in conn.exec_driver_sql(f"SELECT id, cleared, {columns} FROM {table} WHERE cleared != '[]'").all():
            old = json.loads(row[1] or "[]")
            texts = dict(zip(fields, row[2:], strict=True))
            new = [dismissal(pid, field, text or "") for pid in old if "|" not in pid for field, text in texts.items()]
            conn.exec_driver_sql(f"UPDATE {table} SET cleared = ? WHERE id = ?", (json.dumps(new), row[0]))


def _m006_documents(conn: Connection) -> None:
    """What the house styles need to write a draft a rapporteur sends after light edits.

    Meetings: the house style they are written in by default (from the
    template; older meetings get the style their format usually takes), the
    topic as a phrase, the format noun used in prose, the organisers' roles,
    section headings and intros, footnotes on meeting texts, the consensus
    line, a summary, attachments, house-style options (date format,
    recommendation grouping, numbering, paper) and, for dialogues, the groups
    of states spoken for. Organiser profiles: the name as written in running
    text (with its article), a short form, and a date format. Notes: joined
    to the previous one in a paragraph, the example for a theme, a footnote.
    Statements: who presented a statement on behalf of another. And an index
    on (item_id, position) for reading an item's notes in order.
    """
    _exec_script(
        conn,
        """
        ALTER TABLE meeting ADD COLUMN style VARCHAR NOT NULL DEFAULT '';
        ALTER TABLE meeting ADD COLUMN topic VARCHAR NOT NULL DEFAULT '';
        ALTER TABLE meeting ADD COLUMN format_noun VARCHAR NOT NULL DEFAULT '';
        ALTER TABLE meeting ADD COLUMN roles JSON NOT NULL DEFAULT '{}';
        ALTER TABLE meeting ADD COLUMN headings JSON NOT NULL DEFAULT '{}';
        ALTER TABLE meeting ADD COLUMN intros JSON NOT NULL DEFAULT '{}';
        ALTER TABLE meeting ADD COLUMN footnotes JSON NOT NULL DEFAULT '{}';
        ALTER TABLE meeting ADD COLUMN consensus VARCHAR NOT NULL DEFAULT '';
        ALTER TABLE meeting ADD COLUMN summary VARCHAR NOT NULL DEFAULT '';
        ALTER TABLE meeting ADD COLUMN attachments JSON NOT NULL DEFAULT '[]';
        ALTER TABLE meeting ADD COLUMN options JSON NOT NULL DEFAULT '{}';
        ALTER TABLE meeting ADD COLUMN state_groups JSON NOT NULL DEFAULT '{}';
        UPDATE meeting SET style = CASE format
            WHEN 'breakfast' THEN 'memo' WHEN 'workshop' THEN 'workshop' WHEN 'dialogue' THEN 'dialogue'
            ELSE 'report' END;
        ALTER TABLE organiser ADD COLUMN running VARCHAR NOT NULL DEFAULT '';
        ALTER TABLE organiser ADD COLUMN short VARCHAR NOT NULL DEFAULT '';
        ALTER TABLE organiser ADD COLUMN date_format VARCHAR NOT NULL DEFAULT '';
        ALTER TABLE note ADD COLUMN joined BOOLEAN NOT NULL DEFAULT 0;
        ALTER TABLE note ADD COLUMN example BOOLEAN NOT NULL DEFAULT 0;
        ALTER TABLE note ADD COLUMN footnote VARCHAR NOT NULL DEFAULT '';
        ALTER TABLE intervention ADD COLUMN presenter VARCHAR NOT NULL DEFAULT '';
        CREATE INDEX IF NOT EXISTS ix_note_item_position ON note (item_id, position)
        """,
    )


def _m007_search_filters(conn: Connection) -> None:
    # Search and the tracker filter by kind: without an index a filtered search over the archive's 100,000
    # notes scanned every note. (The addressee filter matches one name among several, "Member States; UN",
    # which no plain index serves; facilitator.vocab.ADDRESSED_TO.)
    _exec_script(conn, "CREATE INDEX IF NOT EXISTS ix_note_kind ON note (kind)")


def _m008_meeting_note_counts(conn: Connection) -> None:
    # The meetings list counts each meeting's notes not deleted (services.list_meetings, facilitator.quickread).
    # With only (meeting_id) indexed, the count read every note's row for its deleted_at: some 20 ms over the
    # archive's 100,000 notes, before the first frame. With both in one index the count reads the index alone.
    _exec_script(conn, "CREATE INDEX IF NOT EXISTS ix_note_meeting_live ON note (meeting_id, deleted_at)")


def _m009_participant_spellings(conn: Connection) -> None:
    """Participants get the other spellings and names they are known by (`aliases`, a JSON list of strings)
    and the name they are addressed by where custom makes the given name the name (`called_by`). Existing
    rows have none: an empty list and "". A column already there is left as it is, so that the
    migration can run again where its record was lost (SQLite has no ADD COLUMN IF NOT EXISTS)."""
    from sqlalchemy import inspect

    present = {c["name"] for c in inspect(conn).get_columns("participant")}
    if "aliases" not in present:
        run_sql(conn, "ALTER TABLE participant ADD COLUMN aliases JSON NOT NULL DEFAULT '[]'")
    if "called_by" not in present:
        run_sql(conn, "ALTER TABLE participant ADD COLUMN called_by VARCHAR NOT NULL DEFAULT ''")


def _m010_dismissals_bound_to_their_place(conn: Connection) -> None:
    """A dismissed flag on a note holds in the note's place too: its item and that item's rule
    (policy.dismissal, policy.note_place). Each dismissal a note holds is rewritten for the place the
    note is in now, so nothing dismissed before the upgrade opens again; moving the note or changing the
    item's rule afterwards opens it. A record that matches none of the note's texts is left as it is."""
    import hashlib
    import json

    from sqlalchemy import text as sql

    def digest(payload: str) -> str:  # as policy.dismissal writes it
        return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:16]

    fields = ("headline", "text", "addressee", "footnote")
    rows = conn.execute(sql("""
        SELECT note.id, note.cleared, note.headline, note.text, note.addressee, note.footnote, note.item_id,
               CASE WHEN agenda_item.rule IS NULL OR agenda_item.rule = '' THEN meeting.rule
                    ELSE agenda_item.rule END
        FROM note JOIN meeting ON meeting.id = note.meeting_id
        LEFT JOIN agenda_item ON agenda_item.id = note.item_id""")).all()
    for row in rows:
        cleared = row[1] if isinstance(row[1], list) else json.loads(row[1] or "[]")
        if not cleared:
            continue
        texts = dict(zip(fields, (value or "" for value in row[2:6]), strict=True))
        place = f"{row[6] or ''}|{row[7]}"
        rebound = []
        for token in cleared:
            identity, _, rest = token.rpartition("|")
            identity, _, field = identity.rpartition("|")
            if field in texts and rest == digest(texts[field]):
                token = f"{identity}|{field}|{digest(place + chr(0x1f) + texts[field])}"
            rebound.append(token)
        if rebound != cleared:
            value = "CAST(:cleared AS JSONB)" if conn.dialect.name == "postgresql" else ":cleared"
            conn.execute(sql(f"UPDATE note SET cleared = {value} WHERE id = :id"),
                         {"cleared": json.dumps(rebound), "id": row[0]})


def _m011_purged_fingerprints(conn: Connection) -> None:
    """Meetings keep the hashed name patterns of the identities a purge removed (`meeting.fingerprints`),
    so that the audit and the export gate still know those names. None before: an empty list. A column
    already there is left as it is (see migration 9)."""
    from sqlalchemy import inspect

    if "fingerprints" not in {c["name"] for c in inspect(conn).get_columns("meeting")}:
        run_sql(conn, "ALTER TABLE meeting ADD COLUMN fingerprints JSON NOT NULL DEFAULT '[]'")


REBUILD_NOTE_FTS = """
        DELETE FROM note_fts;
        INSERT INTO note_fts (rowid, text, headline, addressee, item_title, themes)
            SELECT note.rowid, note.text, note.headline, note.addressee, agenda_item.title,
                   (SELECT group_concat(value, ' ') FROM json_each(note.themes))
            FROM note LEFT JOIN agenda_item ON agenda_item.id = note.item_id
"""


MIGRATIONS: list[Migration] = [
    Migration(1, "initial schema", _m001_initial),
    Migration(2, "themes, groups, categories, rapporteur texts, audit dismissals", _m002_styles_and_audit),
    Migration(3, "full-text search, follow-up status, history and links", _m003_search_and_followup),
    Migration(4, "clocks, speakers list, merge revisions, phrases", _m004_running_the_room),
    Migration(5, "identity kinds, sources and surnames; dismissals bound to their text",
              _m005_identities_and_scoped_dismissals),
    Migration(6, "house styles: topics, roles, headings, footnotes, options; joined notes, examples, presenters",
              _m006_documents),
    Migration(7, "an index for search and the tracker filtered by kind", _m007_search_filters),
    Migration(8, "an index for counting each meeting's notes", _m008_meeting_note_counts),
    Migration(9, "participants' aliases and the name they are called by", _m009_participant_spellings),
    Migration(10, "dismissals on notes bound to the note's item and rule", _m010_dismissals_bound_to_their_place),
    Migration(11, "hashed name patterns of the identities a purge removed", _m011_purged_fingerprints),
]

LATEST_VERSION = MIGRATIONS[-1].version
