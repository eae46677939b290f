"""Encryption at rest (SQLCipher): convert, open with the passphrase, refuse a
wrong one, keep backups encrypted, and say so plainly when SQLCipher is missing."""

import pytest
from typer.testing import CliRunner

from facilitator import encryption, passphrases, services
from facilitator.cli import app
from facilitator.db import open_engine


@pytest.fixture(autouse=True)
def at_a_terminal(monkeypatch):
    """These tests type passphrases as a person would; scripts without a terminal: test_passphrase_sources.py."""
    monkeypatch.setattr(passphrases, "interactive", lambda: True)
    monkeypatch.delenv("FACILITATOR_PASSPHRASE", raising=False)


def cli(db, *args, input=None):
    return CliRunner().invoke(app, ["--db", str(db), *args], input=input)


def test_encrypt_open_backup_restore(db_path, tmp_path):
    meeting = cli(db_path, "new", "breakfast", "--title", "Confidential breakfast", "--date", "2017-09-07").stdout
    cli(db_path, "note", meeting.strip(), "Šimunović warned of polarisation", "--item", "1")
    made = cli(db_path, "encrypt", input="a long passphrase\na long passphrase\n")
    assert made.exit_code == 0, made.output
    raw = db_path.read_bytes()
    assert b"Confidential" not in raw and "Šimunović".encode() not in raw and not raw.startswith(b"SQLite format 3")

    listed = cli(db_path, "list", input="a long passphrase\n")
    assert listed.exit_code == 0 and "Confidential breakfast" in listed.stdout
    wrong = cli(db_path, "list", input="not the passphrase\n")
    assert wrong.exit_code == 2 and "Wrong passphrase" in wrong.stderr
    assert wrong.stderr.count("facilitator:") == 1 and "Traceback" not in wrong.output

    backup = tmp_path / "copy.db"
    assert cli(db_path, "backup", "-o", str(backup), input="a long passphrase\n").exit_code == 0
    assert b"Confidential" not in backup.read_bytes()
    cli(db_path, "new", "roundtable", "--title", "Later", "--date", "2018-01-01", input="a long passphrase\n")
    restored = cli(db_path, "restore", str(backup), input="a long passphrase\n")
    assert restored.exit_code == 0, restored.output

    engine = open_engine(db_path, passphrase="a long passphrase")
    assert [m.title for m in services.list_meetings(engine)] == ["Confidential breakfast"]
    assert encryption.passphrase_of(engine) == "a long passphrase"


def test_without_sqlcipher_the_app_runs_unencrypted_and_says_so(db_path, monkeypatch):
    def missing():
        from facilitator.errors import DatabaseError

        raise DatabaseError(encryption.UNAVAILABLE)

    monkeypatch.setattr(encryption, "sqlcipher", missing)
    created = cli(db_path, "new", "breakfast", "--title", "Plain", "--date", "2017-09-07")
    assert created.exit_code == 0
    refused = cli(db_path, "encrypt", input="a long passphrase\na long passphrase\n")
    assert refused.exit_code == 2 and "Encryption is unavailable" in refused.stderr
    assert db_path.read_bytes().startswith(b"SQLite format 3")
    junk = db_path.with_name("junk.db")
    junk.write_bytes(b"\x00\x01 not sqlite at all".ljust(4096, b"\x07"))  # page-sized, like an encrypted file
    opened = cli(junk, "list")
    assert opened.exit_code == 2 and "Encryption is unavailable" in opened.stderr
