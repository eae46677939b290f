"""Restore, encrypt and purge rewrite the whole database file: they refuse
while another facilitator process has it open (two real processes), and
nothing opens it while one of them runs. Also the file-identity check the
application's writer uses to notice a database replaced under it."""

from __future__ import annotations

import gc
import os
import stat
import subprocess
import sys
from contextlib import contextmanager

import pytest
from typer.testing import CliRunner

from facilitator import services
from facilitator.cli import app
from facilitator.db import check_same_file, database_identity, exclusive, open_engine
from facilitator.errors import DatabaseError
from facilitator.files import SQLITE_HEADER

OPEN_IT = """
import sys
from facilitator.db import open_engine
engine = open_engine(sys.argv[1])
print("ready", flush=True)
sys.stdin.read()
"""

REWRITE_IT = """
import sys
from facilitator.db import exclusive
with exclusive(sys.argv[1]):
    print("ready", flush=True)
    sys.stdin.read()
"""

TRY_EXCLUSIVE = """
import sys
from facilitator.db import exclusive
from facilitator.errors import DatabaseError
try:
    with exclusive(sys.argv[1]):
        print("got it")
except DatabaseError as exc:
    print(exc)
"""


@contextmanager
def another_process(script, db):
    """Run `script` on `db` in a second Python process until the block ends."""
    proc = subprocess.Popen([sys.executable, "-c", script, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        if line.strip() != "ready":
            proc.stdin.close()
            pytest.fail(f"the other process did not start: {line}{proc.stderr.read()}")
        yield proc
    finally:
        proc.stdin.close()  # the script's stdin.read() returns, and it exits
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def cli(db, *args, input=None):
    return CliRunner().invoke(app, ["--db", str(db), *args], input=input)


def one_line_error(result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stderr.startswith("facilitator: ") and result.stderr.count("\n") == 1, result.stderr
    return result.stderr


@pytest.fixture
def saved(db_path, tmp_path):
    """A database with a meeting, a note and a backup made by hand."""
    meeting = cli(db_path, "new", "breakfast", "--title", "Breakfast", "--date", "2017-09-07").stdout.strip()
    assert cli(db_path, "note", meeting, "Kept whatever happens.", "--item", "1").exit_code == 0
    backup = tmp_path / "by-hand.db"
    assert cli(db_path, "backup", "-o", str(backup)).exit_code == 0
    return meeting, backup


def notes_in(db_path, meeting):
    engine = open_engine(db_path)
    try:
        return [n.text for n in services.list_notes(engine, meeting)]
    finally:
        engine.dispose()


def test_whole_file_commands_refuse_while_another_process_has_the_database_open(db_path, saved):
    meeting, backup = saved
    with another_process(OPEN_IT, db_path):
        for args, input in ((["restore", str(backup)], None), (["purge", meeting, "--yes"], None),
                            (["encrypt"], "a long passphrase\na long passphrase\n")):
            message = one_line_error(cli(db_path, *args, input=input))
            assert f"{db_path} is open in another facilitator process; close it first." in message, args
        real = subprocess.run([sys.executable, "-m", "facilitator", "--db", str(db_path), "restore", str(backup)],
                              capture_output=True, text=True, timeout=120)
        assert real.returncode == 2 and real.stderr.count("\n") == 1 and "close it first" in real.stderr
        assert db_path.read_bytes()[:16] == SQLITE_HEADER  # not encrypted
        assert notes_in(db_path, meeting) == ["Kept whatever happens."]
    restored = cli(db_path, "restore", str(backup))  # the other process has gone
    assert restored.exit_code == 0, restored.output


def test_nothing_opens_the_database_while_another_process_rewrites_it(db_path, saved):
    with another_process(REWRITE_IT, db_path):
        with pytest.raises(DatabaseError, match="being rewritten by another facilitator process"):
            open_engine(db_path)
        message = one_line_error(cli(db_path, "list"))
        assert "try again when it has finished" in message
    assert "Breakfast" in cli(db_path, "list").stdout


def test_a_process_never_locks_itself_out(db_path):
    first, second = open_engine(db_path), open_engine(db_path)
    with exclusive(first):
        with exclusive(db_path):  # nested, by path: the same lock
            pass
    # back to shared, not released: another process still cannot have it alone
    tried = subprocess.run([sys.executable, "-c", TRY_EXCLUSIVE, str(db_path)], capture_output=True, text=True,
                           timeout=120)
    assert "is open in another facilitator process" in tried.stdout, tried.stderr
    first.dispose()
    second.dispose()
    del first, second
    gc.collect()  # the last engine gone, the lock file is closed
    tried = subprocess.run([sys.executable, "-c", TRY_EXCLUSIVE, str(db_path)], capture_output=True, text=True,
                           timeout=120)
    assert tried.stdout.strip() == "got it", tried.stderr


def test_the_lock_file_is_private(db_path):
    engine = open_engine(db_path)
    lock = db_path.with_name(db_path.name + ".lock")
    assert stat.S_IMODE(os.stat(lock).st_mode) == 0o600
    engine.dispose()


def test_check_same_file_notices_a_replaced_or_deleted_database(db_path, tmp_path):
    engine = open_engine(db_path)
    check_same_file(engine)  # untouched: fine
    assert database_identity(db_path) == (os.stat(db_path).st_dev, os.stat(db_path).st_ino)
    other = tmp_path / "other.db"
    open_engine(other).dispose()
    os.replace(other, db_path)  # another program puts a different file in its place
    with pytest.raises(DatabaseError) as error:
        check_same_file(engine)
    assert str(error.value).startswith(f"The database file {db_path} was replaced or deleted by another program; "
                                       "nothing was saved")
    fresh = open_engine(db_path)
    check_same_file(fresh)
    db_path.unlink()
    with pytest.raises(DatabaseError, match="replaced or deleted"):
        check_same_file(fresh)
    engine.dispose()
    fresh.dispose()


def test_an_in_memory_database_has_no_file_to_check():
    engine = open_engine("sqlite://")
    check_same_file(engine)
    with exclusive(engine):
        pass
