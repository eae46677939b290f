"""Scripts without a terminal: every passphrase can come from a file
(--passphrase-file) or from $FACILITATOR_PASSPHRASE; without either, and
with no terminal to ask on, the command stops with one line saying how to
give it, instead of Python's GetPassWarning. `purge` without a terminal
needs --yes. Typer's CliRunner has no terminal either, like a cron job."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from facilitator import services
from facilitator.cli import app
from facilitator.db import close_engine, open_engine

PASSPHRASE = "a long passphrase"


def cli(db, *args, env=None):
    return CliRunner().invoke(app, ["--db", str(db), *args], env=env)


def one_line_error(result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "Warning" not in result.output
    assert result.stderr.startswith("facilitator: ") and result.stderr.count("\n") == 1, result.stderr
    return result.stderr


@pytest.fixture(autouse=True)
def no_passphrase_in_the_environment(monkeypatch):
    monkeypatch.delenv("FACILITATOR_PASSPHRASE", raising=False)


@pytest.fixture
def meeting(db_path):
    engine = open_engine(db_path)
    made = services.create_meeting(engine, "breakfast", title="Breakfast", date=services.parse_date("2017-09-07"))
    services.add_note(engine, made.id, "Sealed away.")
    close_engine(engine)
    return made.id


@pytest.fixture
def passphrase_file(tmp_path):
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n")
    path.chmod(0o600)
    return path


def test_a_script_without_a_terminal_gets_one_line_not_a_getpass_warning(db_path, meeting, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "FACILITATOR_PASSPHRASE"}
    ran = subprocess.run([sys.executable, "-m", "facilitator", "--db", str(db_path), "bundle", meeting, "-o",
                          str(tmp_path / "b.sealed"), "--seal"], stdin=subprocess.DEVNULL, capture_output=True,
                         text=True, env=env, timeout=120, start_new_session=True)
    assert ran.returncode == 2 and ran.stderr.count("\n") == 1, ran.stderr
    assert "GetPassWarning" not in ran.stderr
    assert "--passphrase-file" in ran.stderr and "FACILITATOR_PASSPHRASE" in ran.stderr
    assert not (tmp_path / "b.sealed").exists()


def test_seal_and_import_with_a_file_or_the_environment(db_path, meeting, tmp_path, passphrase_file):
    sealed = tmp_path / "b.sealed"
    message = one_line_error(cli(db_path, "bundle", meeting, "-o", str(sealed), "--seal"))
    assert "--passphrase-file" in message and "FACILITATOR_PASSPHRASE" in message
    made = cli(db_path, "bundle", meeting, "-o", str(sealed), "--seal", "--passphrase-file", str(passphrase_file))
    assert made.exit_code == 0, made.output
    assert b"Sealed away." not in sealed.read_bytes()

    other = tmp_path / "other.db"
    assert "--passphrase-file" in one_line_error(cli(other, "import", str(sealed)))
    imported = cli(other, "import", str(sealed), env={"FACILITATOR_PASSPHRASE": PASSPHRASE})
    assert imported.exit_code == 0, imported.output
    again = cli(other, "import", str(sealed), "--passphrase-file", str(passphrase_file))
    assert again.exit_code == 0 and "0 added" in again.stdout


def test_an_encrypted_database_opens_with_a_file_or_the_environment(db_path, meeting, passphrase_file):
    encrypted = cli(db_path, "encrypt", "--passphrase-file", str(passphrase_file))
    assert encrypted.exit_code == 0, encrypted.output
    message = one_line_error(cli(db_path, "list"))
    assert "--passphrase-file" in message and "FACILITATOR_PASSPHRASE" in message
    by_file = CliRunner().invoke(app, ["--db", str(db_path), "--passphrase-file", str(passphrase_file), "list"])
    assert by_file.exit_code == 0 and "Breakfast" in by_file.stdout, by_file.output
    by_env = cli(db_path, "show", meeting, env={"FACILITATOR_PASSPHRASE": PASSPHRASE})
    assert by_env.exit_code == 0 and "Sealed away." in by_env.stdout, by_env.output
    wrong = cli(db_path, "list", env={"FACILITATOR_PASSPHRASE": "not the passphrase"})
    assert "Wrong passphrase" in one_line_error(wrong)


def test_purge_without_a_terminal_needs_yes(db_path, meeting):
    assert "--yes" in one_line_error(cli(db_path, "purge", meeting))
    assert cli(db_path, "purge", meeting, "--yes").exit_code == 0


@pytest.mark.parametrize("content, expected", [(None, "no such file"), ("", "is empty"), ("\n", "is empty")])
def test_a_bad_passphrase_file_is_one_line(db_path, meeting, tmp_path, content, expected):
    path = tmp_path / "pass.txt"
    if content is not None:
        path.write_text(content)
    result = cli(db_path, "bundle", meeting, "-o", str(tmp_path / "b.sealed"), "--seal", "--passphrase-file",
                 str(path))
    assert expected in one_line_error(result)
    assert not (tmp_path / "b.sealed").exists()


def test_only_the_line_ending_is_taken_off(tmp_path):
    from facilitator.passphrases import read_passphrase_file

    path = tmp_path / "p"
    path.write_bytes(b" spaces count \r\n")
    assert read_passphrase_file(path) == " spaces count "
