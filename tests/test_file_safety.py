"""What the program writes: never over the database, its companions, its
backups or any SQLite file (force or not), with the user's umask, whole or
not at all (no temporary file left after a full disk), and long names refused
in one line."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from contextlib import contextmanager

import pytest
from typer.testing import CliRunner

from facilitator import files
from facilitator.cli import app
from facilitator.errors import BundleError
from facilitator.services.backups import backup_database, list_backups
from facilitator.services.bundles import write_bundle


def cli(db, *args, input=None):
    return CliRunner().invoke(app, ["--db", str(db), *args], input=input)


def one_line_error(result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stderr.startswith("facilitator: ") and result.stderr.count("\n") == 1, result.stderr
    return result.stderr


@contextmanager
def umask(mask):
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def meeting(db_path):
    made = cli(db_path, "new", "breakfast", "--title", "Breakfast", "--date", "2017-09-07")
    assert made.exit_code == 0, made.output
    assert cli(db_path, "note", made.stdout.strip(), "A precious note.", "--item", "1").exit_code == 0
    return made.stdout.strip()


@pytest.fixture
def session(db_path, meeting):
    """A live session: the database's -wal and -shm files exist while it lasts."""
    con = sqlite3.connect(db_path)
    con.execute("SELECT count(*) FROM note").fetchone()  # no transaction stays open
    yield
    con.close()


def guarded_targets(db_path, tmp_path):
    """Every kind of file an output must never replace."""
    backup = backup_database_via_cli(db_path)
    other = tmp_path / "elsewhere" / "other.sqlite"
    other.parent.mkdir()
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    wal, shm = db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")
    assert wal.exists() and shm.exists()
    return {"database": db_path, "wal": wal, "shm": shm, "lock": db_path.with_name(db_path.name + ".lock"),
            "backup": backup, "other sqlite file": other}


def backup_database_via_cli(db_path):
    made = cli(db_path, "backup")
    assert made.exit_code == 0, made.output
    return type(db_path)(made.stdout.strip())


def snapshot(paths):
    """What must not change. SQLite itself rewrites the database's -wal and
    -shm as it works, so of those only their kind is compared."""
    def content(name, path):
        if not path.exists():
            return None
        raw = path.read_bytes()
        if name in ("database", "wal", "shm"):
            return raw[:16] if name == "database" else (not raw or raw[:3] in (b"7\x7f\x06", b"\x18\xe2-"))
        return raw

    return {name: content(name, p) for name, p in paths.items()}


@pytest.mark.parametrize("command", ["export", "bundle"])
def test_outputs_never_replace_the_database_its_files_or_any_sqlite_file(db_path, tmp_path, meeting, session,
                                                                         command):
    targets = guarded_targets(db_path, tmp_path)
    before = snapshot(targets)
    for name, target in targets.items():
        args = ["export", meeting, "-f", "md"] if command == "export" else ["bundle", meeting]
        result = cli(db_path, *args, "-o", str(target), "--force")
        message = one_line_error(result)
        assert str(target) in message, (name, message)
    assert snapshot(targets) == before
    assert "A precious note." in cli(db_path, "show", meeting).stdout


def test_the_journal_names_are_refused_even_when_no_such_file_exists(db_path, tmp_path, meeting):
    """A document saved as facilitator.db-journal would be taken for a hot journal and rolled into the database."""
    journal = db_path.with_name(db_path.name + "-journal")
    assert not journal.exists()
    for args in (["export", meeting, "-f", "md"], ["bundle", meeting], ["backup"]):
        assert "database's own files" in one_line_error(cli(db_path, *args, "-o", str(journal)))
    assert not journal.exists()


def test_backup_refuses_the_database_and_other_sqlite_files(db_path, tmp_path, meeting, session):
    targets = guarded_targets(db_path, tmp_path)
    before = snapshot(targets)
    for target in targets.values():
        one_line_error(cli(db_path, "backup", "-o", str(target)))
    assert snapshot(targets) == before
    assert "A precious note." in cli(db_path, "show", meeting).stdout


def test_nothing_but_backups_goes_into_the_backups_folder(db_path, tmp_path, meeting):
    folder = backup_database_via_cli(db_path).parent
    result = cli(db_path, "export", meeting, "-f", "md", "-o", str(folder / "memo.md"))
    assert "backups folder" in one_line_error(result)
    assert not (folder / "memo.md").exists()


def test_documents_follow_the_umask_and_private_files_stay_private(db_path, tmp_path, meeting):
    for mask, expected in ((0o022, 0o644), (0o077, 0o600), (0o027, 0o640)):
        with umask(mask):
            out = tmp_path / f"memo-{mask:o}.md"
            assert cli(db_path, "export", meeting, "-f", "md", "-o", str(out)).exit_code == 0
            assert mode(out) == expected
            bundle = tmp_path / f"bundle-{mask:o}.json"
            assert cli(db_path, "bundle", meeting, "-o", str(bundle)).exit_code == 0
            assert mode(bundle) == 0o600
            backup = tmp_path / f"backup-{mask:o}.db"
            assert cli(db_path, "backup", "-o", str(backup)).exit_code == 0
            assert mode(backup) == 0o600
    assert mode(db_path) == 0o600


@pytest.mark.parametrize("force", [False, True])
def test_a_full_disk_leaves_no_temporary_file_behind_a_bundle(engine, breakfast, tmp_path, monkeypatch, force):
    folder = tmp_path / "stick"
    folder.mkdir()
    target = folder / "meeting.json"
    if force:
        target.write_bytes(b"yesterday's bundle")
    real_write = os.write

    def disk_full(fd, data):
        if len(data) > 100:  # the bundle, not SQLite's own small writes
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(files.os, "write", disk_full)
    with pytest.raises(BundleError) as error:
        write_bundle(engine, breakfast.id, target, force=force)
    assert str(error.value) == f"Cannot write {target}: No space left on device."
    assert sorted(p.name for p in folder.iterdir()) == (["meeting.json"] if force else [])
    if force:
        assert target.read_bytes() == b"yesterday's bundle"


def test_any_failure_inside_the_block_removes_the_temporary_file(tmp_path):
    with pytest.raises(RuntimeError):
        with files.atomic_target(tmp_path / "x.db", overwrite=False) as tmp:
            tmp.with_name(tmp.name + "-journal").write_bytes(b"SQLite's leftover")
            raise RuntimeError("the copy failed")
    assert list(tmp_path.iterdir()) == []


def test_a_backup_that_fails_leaves_nothing(engine, breakfast, monkeypatch):
    def broken(source, target_path, passphrase=None):
        raise sqlite3.OperationalError("database or disk is full")

    from facilitator.services import backups

    monkeypatch.setattr(backups, "copy_database", broken)
    with pytest.raises(Exception, match="Backup to .* failed: database or disk is full"):
        backup_database(engine)
    assert list(backups.backup_folder(engine).iterdir()) == []
    assert list_backups(engine) == []


def test_encrypt_is_flushed_before_it_replaces_the_database(db_path, meeting, monkeypatch):
    """encrypt writes the encrypted copy through the same writer: synced to disk
    before it takes the database's name, and nothing left behind if that fails."""
    pytest.importorskip("sqlcipher3")
    from facilitator import encryption

    def disk_full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", disk_full)
    monkeypatch.setenv("FACILITATOR_PASSPHRASE", "a long passphrase")
    message = one_line_error(cli(db_path, "encrypt"))
    assert "No space left on device" in message
    monkeypatch.undo()
    assert db_path.read_bytes()[:16] == files.SQLITE_HEADER and encryption.available()
    assert "A precious note." in cli(db_path, "show", meeting).stdout
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith(".")) == []
