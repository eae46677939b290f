"""A database file that has become empty (0 bytes) is refused, not silently
re-created, and the refusal points to the newest backup; `restore` still
works on it. Backups of an empty database never push out good backups."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from facilitator import services
from facilitator.cli import app
from facilitator.db import close_engine, open_engine
from facilitator.errors import DatabaseError
from facilitator.services.backups import backup_database, list_backups


def cli(db, *args, input=None):
    return CliRunner().invoke(app, ["--db", str(db), *args], input=input)


def one_line_error(result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stderr.startswith("facilitator: ") and result.stderr.count("\n") == 1, result.stderr
    return result.stderr


def emptied(db_path):
    """What a crash or a careless copy can leave: the file is there, with nothing in it."""
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    db_path.write_bytes(b"")


def test_an_empty_database_file_is_refused_and_points_to_the_newest_backup(engine, breakfast, db_path):
    services.add_note(engine, breakfast.id, "Worth keeping.")
    backup_database(engine, reason="session-start")
    newest = backup_database(engine, reason="session-end")
    before = list_backups(engine)
    close_engine(engine)
    emptied(db_path)

    message = one_line_error(cli(db_path, "list"))
    assert f"{db_path} is empty (0 bytes)" in message
    assert f"facilitator --db {db_path} restore {newest}" in message
    assert db_path.read_bytes() == b""  # left as it was: not re-created
    with pytest.raises(DatabaseError, match="is empty"):
        open_engine(db_path)
    assert sorted(newest.parent.iterdir()) == before

    restored = cli(db_path, "restore", str(newest))
    assert restored.exit_code == 0, restored.output
    assert "Worth keeping." in cli(db_path, "show", breakfast.id).stdout
    assert set(before) <= set(newest.parent.iterdir())


def test_without_a_backup_the_refusal_says_how_to_start_afresh(db_path):
    db_path.write_bytes(b"")
    message = one_line_error(cli(db_path, "list"))
    assert "is empty (0 bytes)" in message and "no backup" in message
    assert db_path.read_bytes() == b""


def test_the_default_database_needs_no_db_option_in_the_hint(isolated_home, tmp_path):
    default = isolated_home / "test.db"  # FACILITATOR_DB, see conftest
    default.write_bytes(b"")
    result = CliRunner().invoke(app, ["list"])
    assert "`facilitator restore FILE`" in one_line_error(result)


def test_a_new_database_is_never_left_empty_by_a_failed_creation(tmp_path, monkeypatch):
    import sqlite3

    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(sqlite3, "connect", broken)
    with pytest.raises(DatabaseError, match="Cannot create database"):
        open_engine(tmp_path / "new.db")
    assert not (tmp_path / "new.db").exists()
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")] == []


def test_backups_of_an_empty_database_never_push_out_good_ones(db_path):
    engine = open_engine(db_path)
    services.create_meeting(engine, "breakfast", title="Real meeting", date=services.parse_date("2017-09-07"))
    good = [backup_database(engine, reason="session", keep=3) for _ in range(3)]
    close_engine(engine)
    for suffix in ("", "-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)  # the database is lost; a new one starts

    fresh = open_engine(db_path)
    for _ in range(5):
        backup_database(fresh, reason="session", keep=3)
    kept = list_backups(fresh)
    assert set(good) <= set(kept)
    assert len(kept) == 3 + 3  # the three good ones, and the last three of the empty database
    close_engine(fresh)
