"""A database on read-only media (a USB stick mounted read-only) is opened
read-only: list, show, search and export to a writable folder work, and a
write is refused in one line.

Root ignores permission bits, so as root the folder is made read-only with a
read-only bind mount inside a private mount namespace (`unshare -m`), which
binds root too; as another user, chmod does. Where neither is possible that
test is skipped, and the read-only open path is still tested directly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from facilitator import dbfile, services
from facilitator.db import close_engine, open_engine
from facilitator.errors import DatabaseError


def _can_bind_read_only(tmp_path) -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", f"mount --bind -o ro {tmp_path} {tmp_path}"],
                           capture_output=True)
    return probe.returncode == 0


@pytest.fixture
def stick(tmp_path):
    """A folder holding a database with one meeting; `run` runs the CLI with that folder read-only."""
    folder = tmp_path / "stick"
    db = folder / "facilitator.db"
    engine = open_engine(db)
    meeting = services.create_meeting(engine, "breakfast", title="On the stick",
                                      date=services.parse_date("2017-09-07"))
    services.add_note(engine, meeting.id, "Written before the stick was locked.")
    close_engine(engine)
    out = tmp_path / "out"
    out.mkdir()
    env = {**os.environ, "FACILITATOR_DB": str(db)}
    if os.geteuid() != 0:
        db.chmod(0o444)
        folder.chmod(0o555)

        def run(*args):
            return subprocess.run([sys.executable, "-m", "facilitator", *args], capture_output=True, text=True,
                                  env=env, timeout=120)
    elif _can_bind_read_only(tmp_path):
        def run(*args):
            script = 'mount --bind -o ro "$0" "$0" && exec "$@"'
            return subprocess.run(["unshare", "-m", "sh", "-c", script, str(folder), sys.executable, "-m",
                                   "facilitator", *args], capture_output=True, text=True, env=env, timeout=120)
    else:
        pytest.skip("running as root without a way to mount read-only; see the direct test below")
    yield db, meeting, out, run
    folder.chmod(0o755)
    db.chmod(0o600)


def one_line_error(result) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("facilitator: ") and result.stderr.count("\n") == 1, result.stderr
    return result.stderr


def test_read_commands_work_on_read_only_media_and_writes_are_refused(stick):
    db, meeting, out, run = stick
    before = db.read_bytes()
    listed = run("list")
    assert listed.returncode == 0 and "On the stick" in listed.stdout, listed.stderr
    assert "Written before the stick was locked." in run("show", meeting.id).stdout
    found = run("search", "stick locked")
    assert found.returncode == 0 and meeting.title in found.stdout, found.stderr
    exported = run("export", meeting.id, "-f", "md", "-o", str(out / "memo.md"))
    assert exported.returncode == 0, exported.stderr
    assert "Written before the stick was locked." in (out / "memo.md").read_text()

    assert "read-only" in one_line_error(run("note", meeting.id, "One more.", "--item", "1"))
    one_line_error(run("edit", meeting.id, "--title", "Renamed"))
    assert db.read_bytes() == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["facilitator.db", "facilitator.db.lock"]


def test_the_read_only_open_path_directly(db_path, breakfast, engine, monkeypatch):
    """What the mount test does, through the flag that read-only media raise."""
    services.add_note(engine, breakfast.id, "Saved while writable.")
    close_engine(engine)
    monkeypatch.setattr(dbfile, "writable_folder", lambda folder: False)
    uri = dbfile.read_only_uri(db_path)
    assert uri.endswith("?mode=ro&immutable=1")
    assert dbfile.is_read_only(db_path)
    reader = open_engine(db_path)
    assert [n.text for n in services.list_notes(reader, breakfast.id)] == ["Saved while writable."]
    with pytest.raises(DatabaseError, match="read-only"):
        services.add_note(reader, breakfast.id, "Refused.")
    close_engine(reader)


def test_an_old_database_on_read_only_media_is_not_migrated(db_path, engine, monkeypatch):
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM schema_migration WHERE version = (SELECT MAX(version) FROM "
                             "schema_migration)")
    close_engine(engine)
    monkeypatch.setattr(dbfile, "writable_folder", lambda folder: False)
    with pytest.raises(DatabaseError, match="read-only .* older release"):
        open_engine(db_path)
