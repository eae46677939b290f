"""A template saved by an editor that writes a UTF-8 byte-order mark (Windows
Notepad does) is read like any other; errors still name the right line."""

from __future__ import annotations

from importlib import resources

import pytest
from typer.testing import CliRunner

from facilitator.cli import app
from facilitator.errors import TemplateError
from facilitator.templates import load_template

BOM = b"\xef\xbb\xbf"


def bundled(name: str) -> bytes:
    return resources.files("data").joinpath("templates", f"{name}.toml").read_bytes()


def test_a_template_with_a_byte_order_mark_is_accepted(tmp_path, db_path):
    path = tmp_path / "notepad.toml"
    path.write_bytes(BOM + bundled("breakfast"))
    assert load_template(str(path)).name == load_template("breakfast").name
    made = CliRunner().invoke(app, ["--db", str(db_path), "new", str(path), "--title", "T", "--date", "2017-09-07"])
    assert made.exit_code == 0, made.output


def test_line_numbers_still_count_from_the_first_line(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_bytes(BOM + b'name = "Broken"\nrule = "secret"\n[[items]]\ntitle = "One"\n')
    with pytest.raises(TemplateError, match=r"broken\.toml:2: field 'rule'"):
        load_template(str(path))


def test_a_bad_byte_after_the_mark_is_reported_on_its_line(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes(BOM + b'name = "Fine"\n\ndescription = "caf\xe9"\n')
    with pytest.raises(TemplateError, match=r"latin1\.toml:3: the file is not valid UTF-8"):
        load_template(str(path))
