"""The bare launch (facilitator.launch): a command line that names no command opens the application without
Typer, whose Pydantic checks cost the first frame some 130 ms; every other command line goes to the Typer CLI,
which parses, explains and refuses it as before. The two doors end the same way."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.launch import bare_launch

from .tmux_terminal import PATIENCE

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("argv, db, passphrase_file", [
    ([], None, None),
    (["--db", "meetings.db"], "meetings.db", None),
    (["--db=meetings.db"], "meetings.db", None),
    (["--passphrase-file", "key.txt", "--db", "m.db"], "m.db", Path("key.txt")),
    (["--db", "postgresql://archive/facilitator"], "postgresql://archive/facilitator", None),
])
def test_a_command_line_without_a_command_opens_the_application_directly(argv, db, passphrase_file):
    state = bare_launch(argv)
    assert state is not None
    assert (state.db, state.passphrase_file) == (db, passphrase_file)


@pytest.mark.parametrize("argv", [
    ["list"], ["--db", "m.db", "list"], ["--help"], ["-h"], ["--version"], ["--db"], ["--db", ""], ["--db="],
    ["--db", "--help"], ["--db", "a.db", "--db", "b.db"], ["--dbx", "m.db"], ["--passphrase-file"], ["-x"],
])
def test_anything_else_is_left_to_the_typer_cli(argv):
    assert bare_launch(argv) is None


def _launch(*argv: str, importtime: bool = False) -> subprocess.CompletedProcess:
    flags = ["-X", "importtime"] if importtime else []
    return subprocess.run([sys.executable, *flags, "-m", "facilitator", *argv], cwd=ROOT, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=PATIENCE)


def _imported(stderr: str) -> set[str]:
    return {line.split("|")[-1].strip() for line in stderr.splitlines() if line.startswith("import time:")}


def test_the_bare_launch_imports_neither_typer_nor_pydantic(tmp_path):
    result = _launch("--db", str(tmp_path / "f.db"), importtime=True)
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if not line.startswith("import time:")]
    assert errors == ["facilitator: The application needs a terminal; in a script or a pipe use a subcommand "
                      "(see `facilitator --help`)."]
    imported = _imported(result.stderr)
    assert "facilitator.launch" in imported
    assert not {m for m in imported if m.split(".")[0] in ("typer", "pydantic", "sqlalchemy", "sqlmodel")}


def test_a_command_still_goes_through_typer(tmp_path):
    result = _launch("--db", str(tmp_path / "f.db"), "list", importtime=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "typer" in _imported(result.stderr)


def test_a_usage_error_on_the_bare_command_is_typers_one_line(tmp_path):
    result = _launch("--db")
    assert result.returncode == 2
    assert result.stderr == "facilitator: Option '--db' requires an argument.\n"
    assert result.stdout == ""


@pytest.mark.parametrize("argv", [["templates"], ["list"], ["show", "--help"], ["--help"]])
def test_a_command_given_only_plain_strings_does_not_import_pydantic(tmp_path, argv):
    """Typer builds a Pydantic adapter for every option it processes; facilitator.cli.base answers an option
    not given and a string for a `str` parameter itself, so these commands skip Pydantic's import (issue 14)."""
    db = tmp_path / "f.db"
    assert _launch("--db", str(db), "list").returncode == 0  # created (the ORM path, in its own process)
    result = _launch("--db", str(db), *argv, importtime=True)
    assert result.returncode == 0, result.stderr[-2000:]
    imported = _imported(result.stderr)
    assert "typer" in imported
    assert not {m for m in imported if m.split(".")[0] == "pydantic"}


@pytest.mark.parametrize("argv, error", [
    (["phrases", "--remove", "x"], "facilitator: Invalid value for '--remove': Input should be a valid integer, "
                                   "unable to parse string as an integer\n"),
    (["show"], "facilitator: Missing argument 'meeting'.\n"),
])
def test_other_values_are_still_checked_by_typer(tmp_path, argv, error):
    result = _launch("--db", str(tmp_path / "f.db"), *argv)
    assert (result.returncode, result.stderr) == (2, error)
