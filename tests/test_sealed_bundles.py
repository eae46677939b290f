"""Bundles sealed with a passphrase: round trip, wrong passphrase, tampering."""

import json

import pytest
from typer.testing import CliRunner

from facilitator import passphrases, services
from facilitator.cli import app
from facilitator.db import open_engine
from facilitator.errors import BundleError
from facilitator.services.bundles import PassphraseNeeded, import_bundle, write_bundle


@pytest.fixture(autouse=True)
def at_a_terminal(monkeypatch):
    """These tests type passphrases as a person would; scripts without a terminal: test_passphrase_sources.py."""
    monkeypatch.setattr(passphrases, "interactive", lambda: True)
    monkeypatch.delenv("FACILITATOR_PASSPHRASE", raising=False)


def test_sealed_round_trip_and_refusals(engine, breakfast, tmp_path):
    services.add_note(engine, breakfast.id, "Šimonović spoke of prevention.")
    path = write_bundle(engine, breakfast.id, tmp_path / "b.sealed", passphrase="correct horse")
    raw = path.read_bytes()
    assert b"prevention" not in raw and "Šimonović".encode() not in raw
    other = open_engine(tmp_path / "other.db")
    with pytest.raises(PassphraseNeeded):
        import_bundle(other, path)
    with pytest.raises(BundleError, match="wrong passphrase"):
        import_bundle(other, path, "wrong horse")
    envelope = json.loads(raw)
    tampered = bytearray(envelope["ciphertext"].encode())
    tampered[40] = ord("A") if tampered[40] != ord("A") else ord("B")
    envelope["ciphertext"] = tampered.decode()
    (tmp_path / "t.sealed").write_text(json.dumps(envelope))
    with pytest.raises(BundleError, match="altered"):
        import_bundle(other, tmp_path / "t.sealed", "correct horse")
    assert services.list_meetings(other) == []
    import_bundle(other, path, "correct horse")
    assert [n.text for n in services.list_notes(other, breakfast.id)] == ["Šimonović spoke of prevention."]


def test_cli_asks_for_the_passphrase(db_path, tmp_path):
    runner = CliRunner()
    meeting = runner.invoke(app, ["--db", str(db_path), "new", "breakfast", "--title", "B", "--date", "2017-09-07"])
    out = tmp_path / "m.sealed"
    made = runner.invoke(app, ["--db", str(db_path), "bundle", meeting.stdout.strip(), "-o", str(out), "--seal"],
                         input="a long passphrase\na long passphrase\n")
    assert made.exit_code == 0, made.output
    other = tmp_path / "other.db"
    wrong = runner.invoke(app, ["--db", str(other), "import", str(out)], input="not it at all\n")
    assert wrong.exit_code == 2 and "wrong passphrase" in wrong.stderr
    right = runner.invoke(app, ["--db", str(other), "import", str(out)], input="a long passphrase\n")
    assert right.exit_code == 0 and "1 added" not in right.stdout and "added" in right.stdout
