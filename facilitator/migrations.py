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

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, text


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _exec_script(conn: Connection, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(text(statement))


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


MIGRATIONS: list[Migration] = [
    Migration(1, "initial schema", _m001_initial),
    Migration(2, "themes, groups, categories, rapporteur texts, audit dismissals", _m002_styles_and_audit),
]

LATEST_VERSION = MIGRATIONS[-1].version
