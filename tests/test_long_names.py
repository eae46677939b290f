"""A file or folder name longer than the file system allows (255 bytes) is
one line on stderr and exit 2 wherever a path is given, never a traceback,
and nothing is written."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from facilitator import services
from facilitator.cli import app
from facilitator.db import close_engine, open_engine

LONG = "ä" * 130  # 260 bytes in UTF-8, 130 characters


@pytest.fixture
def meeting(db_path):
    engine = open_engine(db_path)
    made = services.create_meeting(engine, "breakfast", title="Breakfast", date=services.parse_date("2017-09-07"))
    close_engine(engine)
    return made.id


def commands(tmp, meeting, db):
    long_file, long_folder = tmp / f"{LONG}.x", tmp / LONG / "file.x"
    for target in (long_file, long_folder):
        yield ["--db", str(db), "export", meeting, "-f", "md", "-o", str(target)]
        yield ["--db", str(db), "bundle", meeting, "-o", str(target)]
        yield ["--db", str(db), "backup", "-o", str(target)]
        yield ["--db", str(db), "new", f"{target}.toml", "--title", "T", "--date", "2017-09-07"]
        yield ["--db", str(db), "restore", str(target)]
        yield ["--db", str(db), "import", str(target)]
        yield ["--db", str(db), "participants", "import", meeting, str(target)]
        yield ["--db", str(db), "bundle", meeting, "-o", str(tmp / "sealed.json"), "--seal", "--passphrase-file",
               str(target)]
        yield ["--db", str(target), "list"]


def test_every_path_with_a_too_long_name_is_one_line(tmp_path, db_path, meeting):
    before = sorted(p.name for p in tmp_path.iterdir())
    for args in commands(tmp_path, meeting, db_path):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output, args
        assert result.stderr.startswith("facilitator: ") and result.stderr.count("\n") == 1, (args, result.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_an_unforeseen_file_system_error_is_still_one_line(db_path, monkeypatch):
    def denied(engine):
        raise PermissionError(13, "Permission denied", "/somewhere/locked")

    monkeypatch.setattr(services, "list_meetings", denied)
    result = CliRunner().invoke(app, ["--db", str(db_path), "list"])
    assert result.exit_code == 2 and result.stderr == "facilitator: /somewhere/locked: Permission denied.\n"
