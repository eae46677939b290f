"""Schema versions: migrations create what the models describe, older
databases open with every row intact, newer or foreign ones are refused."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlmodel import SQLModel

from facilitator import models  # noqa: F401  (registers the tables)
from facilitator import services
from facilitator.db import open_engine, schema_version
from facilitator.errors import DatabaseError
from facilitator.migrations import LATEST_VERSION

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.both_databases
def test_migrated_schema_matches_the_models(engine):
    inspector = inspect(engine)
    for table in SQLModel.metadata.sorted_tables:
        db_columns = {c["name"] for c in inspector.get_columns(table.name)}
        assert db_columns == {c.name for c in table.columns}, table.name


def test_new_database_is_wal_with_foreign_keys(engine):
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert schema_version(engine) == LATEST_VERSION


def test_schema_v1_fixture_opens_with_every_row(tmp_path):
    copy = tmp_path / "v1.db"
    shutil.copy(FIXTURES / "schema_v1.db", copy)
    before = _dump(copy)
    engine = open_engine(copy)
    assert schema_version(engine) == LATEST_VERSION
    engine.dispose()
    after = _dump(copy, columns_of=_columns(FIXTURES / "schema_v1.db"))
    for table, rows in before.items():
        if table != "schema_migration":
            assert after[table] == rows, table
    meeting = services.list_meetings(open_engine(copy))[0]
    detail = services.get_detail(open_engine(copy), meeting.id)
    assert meeting.title == "Schema v1 breakfast"
    assert [n.text for n in detail.notes] == ["Civil society spoke mid-programme.",
                                              "Gender must be in every prevention effort."]
    assert detail.organisers[0].about == "A German political foundation."
    assert services.get_draft(open_engine(copy), meeting.id).text == "half a sent"


def _columns(path: Path) -> dict[str, list[str]]:
    con = sqlite3.connect(path)
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    columns = {t: [r[1] for r in con.execute(f"PRAGMA table_info({t})")] for t in tables}
    con.close()
    return columns


def _dump(path: Path, columns_of: dict[str, list[str]] | None = None) -> dict[str, list[tuple]]:
    """Every row of every table, restricted to the columns the old schema had."""
    columns_of = columns_of or _columns(path)
    con = sqlite3.connect(path)
    dump = {
        table: sorted(tuple(row) for row in con.execute(f"SELECT {', '.join(f'[{c}]' for c in cols)} FROM [{table}]"))
        for table, cols in columns_of.items()
    }
    con.close()
    return dump


def test_newer_database_is_refused_untouched(db_path):
    open_engine(db_path).dispose()
    con = sqlite3.connect(db_path)
    con.execute("INSERT INTO schema_migration VALUES (999, 'from the future', '2030-01-01')")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="newer release"):
        open_engine(db_path)
    assert db_path.read_bytes() == before


def test_foreign_sqlite_database_is_refused(tmp_path):
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE accounts (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="not a facilitator one"):
        open_engine(other)


def test_truncated_database_is_refused(tmp_path, db_path):
    open_engine(db_path).dispose()
    broken = tmp_path / "broken.db"
    broken.write_bytes(FIXTURES.joinpath("schema_v1.db").read_bytes()[:1000])
    with pytest.raises(DatabaseError):
        open_engine(broken)


def test_upgraded_v1_database_is_searchable_and_followed(tmp_path):
    from facilitator.services.followup import tracker
    from facilitator.services.search import search

    copy = tmp_path / "v1.db"
    shutil.copy(FIXTURES / "schema_v1.db", copy)
    engine = open_engine(copy)
    assert [h.text for h in search(engine, "gender")] == ["Gender must be in every prevention effort."]
    assert [r.note.status for r in tracker(engine)] == ["proposed"]


def test_schema_v3_fixture_keeps_history_links_and_search(tmp_path):
    """A database written by schema 3 (before the speakers list and merge
    revisions) opens with its status history, links and search intact."""
    from facilitator.services.followup import history, links_of, tracker
    from facilitator.services.search import search

    copy = tmp_path / "v3.db"
    shutil.copy(FIXTURES / "schema_v3.db", copy)
    before = _dump(copy)
    engine = open_engine(copy)
    assert schema_version(engine) == LATEST_VERSION
    engine.dispose()
    after = _dump(copy, columns_of=_columns(FIXTURES / "schema_v3.db"))
    for table, rows in before.items():
        if table != "schema_migration" and not table.startswith("note_fts"):
            assert after[table] == rows, table
    engine = open_engine(copy)
    [row] = tracker(engine)
    assert row.note.status == "taken-up" and row.note.addressee == "General Assembly"
    assert [(c.status, c.comment) for c in history(engine, row.note.id)] == [
        ("taken-up", "adopted on the formal agenda of the 72nd session")]
    later = links_of(engine, row.note.id)[1]
    assert [n.text for n in later] == ["The GA held its first formal debate."]
    assert [h.note_id for h in search(engine, "formal agenda")] == [row.note.id]
    assert services.get_meeting(engine, row.meeting_id).lead == "Our own lead."
