"""Backups and restore, and files readable by their owner only."""

import os
import stat

import pytest
from typer.testing import CliRunner

from facilitator import services
from facilitator.cli import app
from facilitator.db import open_engine
from facilitator.errors import DatabaseError
from facilitator.services.backups import backup_database, list_backups, restore_database


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def test_database_and_folder_are_private(tmp_path):
    db = tmp_path / "new-folder" / "facilitator.db"
    open_engine(db).dispose()
    assert mode(db.parent) == 0o700 and mode(db) == 0o600


def test_backup_restore_round_trip(engine, breakfast, tmp_path):
    kept = services.add_note(engine, breakfast.id, "Before the backup.")
    copy = backup_database(engine, reason="manual")
    assert mode(copy) == 0o600 and copy in list_backups(engine)
    services.add_note(engine, breakfast.id, "After the backup.")
    safety = restore_database(engine, copy)
    assert [n.id for n in services.list_notes(engine, breakfast.id)] == [kept.id]
    restore_database(engine, safety)  # a restore can itself be undone
    assert len(services.list_notes(engine, breakfast.id)) == 2


def test_backups_are_pruned(engine, breakfast):
    for _ in range(13):
        backup_database(engine, reason="session", keep=10)
    assert len(list_backups(engine)) == 10


def test_bad_backup_is_refused_and_nothing_changes(engine, breakfast, tmp_path):
    services.add_note(engine, breakfast.id, "Precious.")
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all")
    with pytest.raises(DatabaseError, match="not a SQLite database"):
        restore_database(engine, bad)
    assert [n.text for n in services.list_notes(engine, breakfast.id)] == ["Precious."]
    assert list_backups(engine) == []


def test_cli_backup_and_restore(db_path, tmp_path):
    runner = CliRunner()
    meeting = runner.invoke(app, ["--db", str(db_path), "new", "roundtable", "--title", "T", "--date", "2017-02-16"])
    target = tmp_path / "manual.db"
    assert runner.invoke(app, ["--db", str(db_path), "backup", "-o", str(target)]).exit_code == 0
    runner.invoke(app, ["--db", str(db_path), "new", "roundtable", "--title", "Later", "--date", "2017-02-17"])
    result = runner.invoke(app, ["--db", str(db_path), "restore", str(target)])
    assert result.exit_code == 0, result.output
    assert [m.id for m in services.list_meetings(open_engine(db_path))] == [meeting.stdout.strip()]
    missing = runner.invoke(app, ["--db", str(db_path), "restore", str(tmp_path / "nope.db")])
    assert missing.exit_code == 2 and "no such backup" in missing.stderr
