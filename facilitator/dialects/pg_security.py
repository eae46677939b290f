"""Who may see what in the archive, enforced by PostgreSQL itself (roles and
row-level security), so that a hand-written query obeys it as the program does.

Three group roles; people log in as their own PostgreSQL users, members of one:

- `facilitator_reader`: meetings, agenda items, organisers; the notes of
  on-the-record items, and the notes of protected meetings in the version a
  purge on the archive anonymised (any later change hides a note again);
  their follow-up history and links (so the tracker and search work);
  participants who may be named. Never a raw note of a protected meeting,
  a merge revision, a draft or a protected meeting's speakers list.
- `facilitator_rapporteur`: everything a reader may, and everything of the
  meetings they are rapporteur of (`facilitator_archive.rapporteur`): the
  meetings they push first, and those an administrator grants them.
- `facilitator_admin`: everything, and the rapporteur list.

The archive's own bookkeeping lives in the schema `facilitator_archive`,
outside the application's tables, so that the schema the migrations build
stays the laptops' schema.
"""

from __future__ import annotations

import re

READER, RAPPORTEUR, ADMIN = "facilitator_reader", "facilitator_rapporteur", "facilitator_admin"
ROLES = {"reader": READER, "rapporteur": RAPPORTEUR, "admin": ADMIN}
SCHEMA = "facilitator_archive"

#: Tables of one meeting, through their meeting_id column.
MEETING_TABLES = ("agenda_item", "participant", "note", "intervention", "draft")
#: Tables of one note, through their note_id column.
NOTE_TABLES = ("note_revision", "status_change", "note_link", "note_search")
SHARED_TABLES = ("organiser", "phrase")
ALL_TABLES = ("meeting", *MEETING_TABLES, *NOTE_TABLES, *SHARED_TABLES, "schema_migration")

# Every rule below is written without a correlated subquery (`x IN (SELECT …)`), so that PostgreSQL
# evaluates each subquery once per query and probes a hash per row: a reader's search over 100,000 notes
# must not run a lookup per note.
_ADMIN_NOW = f"pg_has_role(current_user, '{ADMIN}', 'MEMBER')"
_MY_MEETINGS = f"(SELECT r.meeting_id FROM {SCHEMA}.rapporteur r WHERE r.role = current_user)"
_OPEN_NOTE = f"""(note.item_id IN (SELECT agenda_item.id FROM agenda_item WHERE agenda_item.rule = 'on-the-record')
                OR ((note.item_id IS NULL OR note.item_id IN (SELECT agenda_item.id FROM agenda_item
                                                               WHERE agenda_item.rule IS NULL))
                    AND note.meeting_id IN (SELECT meeting.id FROM meeting WHERE meeting.rule = 'on-the-record'))
                OR (note.id, note.updated_at) IN (SELECT r.note_id, r.updated_at FROM {SCHEMA}.released_note r))"""
_PROTECTED_MEETINGS = """(SELECT meeting.id FROM meeting WHERE meeting.rule <> 'on-the-record'
                          UNION SELECT agenda_item.meeting_id FROM agenda_item
                          WHERE agenda_item.rule IS NOT NULL AND agenda_item.rule <> 'on-the-record')"""
_VISIBLE_NOTES = "(SELECT note.id FROM note)"  # the note's own policy decides
_MY_NOTES = f"(SELECT note.id FROM note WHERE note.meeting_id IN {_MY_MEETINGS})"

#: Who may read a row, beyond a meeting's rapporteurs and administrators (who may read all of it).
READ_RULES = {
    "meeting": "true",
    "agenda_item": "true",
    "organiser": "true",
    "phrase": "true",
    "schema_migration": "true",
    "note": _OPEN_NOTE,
    "participant": f"attributable OR kind = 'delegation' OR meeting_id NOT IN {_PROTECTED_MEETINGS}",
    "intervention": f"meeting_id NOT IN {_PROTECTED_MEETINGS}",
    "draft": "false",
    "note_revision": "false",
    "status_change": f"note_id IN {_VISIBLE_NOTES}",
    "note_link": f"note_id IN {_VISIBLE_NOTES}",
    "note_search": f"note_id IN {_VISIBLE_NOTES}",
}


def _edit_rule(table: str) -> str:
    if table == "meeting":
        return f"({_ADMIN_NOW} OR id IN {_MY_MEETINGS})"
    if table in MEETING_TABLES:
        return f"({_ADMIN_NOW} OR meeting_id IN {_MY_MEETINGS})"
    if table in NOTE_TABLES:
        return f"({_ADMIN_NOW} OR note_id IN {_MY_NOTES})"
    return "true"


def _create_role(name: str) -> str:
    return (f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN "
            f"CREATE ROLE {name} NOLOGIN; END IF; END $$")


def init_statements() -> list[str]:
    """Idempotent: roles, bookkeeping, privileges and policies (run again after an upgrade)."""
    statements = [_create_role(role) for role in ROLES.values()]
    statements += [
        f"GRANT {READER} TO {RAPPORTEUR}",
        f"GRANT {RAPPORTEUR} TO {ADMIN}",
        f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}",
        f"""CREATE TABLE IF NOT EXISTS {SCHEMA}.rapporteur (
            meeting_id VARCHAR NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
            role NAME NOT NULL,
            PRIMARY KEY (meeting_id, role))""",
        f"""CREATE TABLE IF NOT EXISTS {SCHEMA}.released_note (
            note_id VARCHAR NOT NULL PRIMARY KEY REFERENCES note(id) ON DELETE CASCADE,
            updated_at TIMESTAMP NOT NULL)""",
        # Whoever first pushes a meeting is its rapporteur (the row is written with the owner's rights).
        f"""CREATE OR REPLACE FUNCTION {SCHEMA}.first_rapporteur() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
            BEGIN
                INSERT INTO {SCHEMA}.rapporteur (meeting_id, role) VALUES (NEW.id, session_user)
                ON CONFLICT DO NOTHING;
                RETURN NULL;
            END $$""",
        "DROP TRIGGER IF EXISTS archive_first_rapporteur ON meeting",
        f"""CREATE TRIGGER archive_first_rapporteur AFTER INSERT ON meeting
            FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.first_rapporteur()""",
        "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public, {SCHEMA} TO {READER}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {READER}",
        f"GRANT SELECT ON {SCHEMA}.rapporteur, {SCHEMA}.released_note TO {READER}",
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(t for t in ALL_TABLES if t != 'schema_migration')} "
        f"TO {RAPPORTEUR}",
        # Releasing is done by the purge, through this function only: a rapporteur of the meeting (or an
        # administrator) releases that meeting's notes as they now are. It runs with the owner's rights
        # (the note policy reads released_note, so released_note cannot have a policy reading note).
        f"""CREATE OR REPLACE FUNCTION {SCHEMA}.release_meeting(mid VARCHAR) RETURNS bigint
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
            DECLARE released bigint;
            BEGIN
                IF NOT (pg_has_role(session_user, '{ADMIN}', 'MEMBER') OR EXISTS (
                        SELECT 1 FROM {SCHEMA}.rapporteur r WHERE r.meeting_id = mid AND r.role = session_user)) THEN
                    RAISE EXCEPTION 'permission denied: only a rapporteur of the meeting releases its notes'
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                INSERT INTO {SCHEMA}.released_note (note_id, updated_at)
                    SELECT id, updated_at FROM note WHERE meeting_id = mid
                ON CONFLICT (note_id) DO UPDATE SET updated_at = EXCLUDED.updated_at;
                GET DIAGNOSTICS released = ROW_COUNT;
                RETURN released;
            END $$""",
        f"REVOKE ALL ON FUNCTION {SCHEMA}.release_meeting(VARCHAR) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION {SCHEMA}.release_meeting(VARCHAR) TO {RAPPORTEUR}",
        f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {ADMIN}",
        f"GRANT INSERT, UPDATE, DELETE ON {SCHEMA}.rapporteur TO {ADMIN}",
    ]
    for table in ALL_TABLES:
        statements += [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
                       *(f"DROP POLICY IF EXISTS {name} ON {table}" for name in ("archive_read", "archive_edit",
                                                                                  "archive_admin"))]
        statements.append(f"CREATE POLICY archive_read ON {table} FOR SELECT USING ({READ_RULES[table]})")
        if table != "schema_migration":
            rule = _edit_rule(table)
            statements.append(f"CREATE POLICY archive_edit ON {table} FOR ALL TO {RAPPORTEUR} "
                              f"USING ({rule}) WITH CHECK ({'true' if table == 'meeting' else rule})")
        statements.append(f"CREATE POLICY archive_admin ON {table} FOR ALL TO {ADMIN} USING (true) WITH CHECK (true)")
    return statements


_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def check_user_name(name: str) -> str:
    """A PostgreSQL user name this program will write into SQL: plain lower-case letters, digits, _."""
    from ..errors import InvalidInput

    if not _NAME.match(name) or name.startswith("pg_") or name in ROLES.values():
        raise InvalidInput(f"{name!r} is not a user name for the archive: use lower-case letters, digits and _, "
                           "starting with a letter.")
    return name


def is_initialised(conn) -> bool:
    return conn.exec_driver_sql(f"SELECT to_regclass('{SCHEMA}.released_note') IS NOT NULL").scalar()


def sees_register(conn, meeting_id: str) -> bool:
    """Does this connection see every row of the meeting's register of participants? Row-level security
    hides a protected meeting's protected participants from a reader (`READ_RULES["participant"]`) and from
    a rapporteur of other meetings; its own rapporteurs, the administrators, the tables' owner and a
    superuser see them all. An archive without the roles (`archive init` not run) hides nothing."""
    if not is_initialised(conn):
        return True
    from sqlalchemy import text

    return bool(conn.execute(text(f"""
        SELECT r.rolsuper OR r.rolbypassrls
               OR pg_has_role(current_user, c.relowner, 'USAGE')
               OR pg_has_role(current_user, '{ADMIN}', 'USAGE')
               OR (pg_has_role(current_user, '{RAPPORTEUR}', 'USAGE') AND :m IN {_MY_MEETINGS})
               OR :m NOT IN {_PROTECTED_MEETINGS}
        FROM pg_roles r, pg_class c
        WHERE r.rolname = current_user AND c.oid = 'participant'::regclass"""), {"m": meeting_id}).scalar())


def release_meeting(conn, meeting_id: str) -> int:
    """After a purge on the archive: readers may now see these notes, each in the version purged."""
    if not is_initialised(conn):
        return 0
    from sqlalchemy import text

    return conn.execute(text(f"SELECT {SCHEMA}.release_meeting(:m)"), {"m": meeting_id}).scalar()
