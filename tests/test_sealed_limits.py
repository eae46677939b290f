"""A sealed bundle names its own key-derivation settings; a hostile one must
not make the importing laptop spend gigabytes of memory or minutes of CPU.
Settings beyond a cap are refused in one line, before any key is derived
and before a passphrase is asked for."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from facilitator import sealing
from facilitator.cli import app
from facilitator.errors import BundleError
from facilitator.services.bundles import read_bundle, write_bundle

PASSPHRASE = "correct horse battery"


@pytest.fixture
def sealed(engine, breakfast, tmp_path):
    return write_bundle(engine, breakfast.id, tmp_path / "b.sealed", passphrase=PASSPHRASE)


def with_settings(path, **settings):
    envelope = json.loads(path.read_text())
    envelope.update(settings)
    path.write_text(json.dumps(envelope))
    return path


def no_key_derivation(monkeypatch):
    def refuse(*args):
        raise AssertionError("a key was derived from hostile settings")

    monkeypatch.setattr(sealing, "_key", refuse)


@pytest.mark.parametrize("settings", [
    {"n": 2**20, "r": 8},  # 1 GiB of memory
    {"n": 2**17, "r": 8},  # 128 MiB
    {"n": 2**15, "r": 32},  # 128 MiB another way
    {"n": 2**15, "r": 8, "p": 16},  # 16 times the work
    {"n": 2**40},  # not even a sane power
])
def test_costly_key_settings_are_refused_before_any_work(sealed, monkeypatch, settings):
    with_settings(sealed, **settings)
    no_key_derivation(monkeypatch)
    with pytest.raises(BundleError) as error:
        read_bundle(sealed, PASSPHRASE)
    message = str(error.value)
    assert "\n" not in message and "key settings" in message and "refused" in message
    with pytest.raises(BundleError, match="key settings"):
        read_bundle(sealed)  # refused before a passphrase is even asked for


@pytest.mark.parametrize("settings", [{"n": 1023}, {"n": 3000}, {"n": 2**15, "r": 0}])
def test_settings_no_release_writes_are_called_invalid_not_costly(sealed, monkeypatch, settings):
    with_settings(sealed, **settings)
    no_key_derivation(monkeypatch)
    with pytest.raises(BundleError) as error:
        read_bundle(sealed, PASSPHRASE)
    assert "are not valid ones; it is damaged or was not sealed by facilitator; refused." in str(error.value)
    assert "beyond" not in str(error.value)


def test_the_cli_refuses_in_one_line_without_asking(sealed, tmp_path, monkeypatch):
    with_settings(sealed, n=2**20, r=8)
    no_key_derivation(monkeypatch)
    other = tmp_path / "other laptop.db"
    result = CliRunner().invoke(app, ["--db", str(other), "import", str(sealed)], input=f"{PASSPHRASE}\n")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "key settings" in result.stderr
    assert "Passphrase" not in result.output
    assert not other.exists()


def test_bundles_are_still_sealed_with_the_current_settings(sealed):
    envelope = json.loads(sealed.read_text())
    assert (envelope["n"], envelope["r"], envelope["p"]) == (sealing.SCRYPT_N, sealing.SCRYPT_R, sealing.SCRYPT_P)
    assert read_bundle(sealed, PASSPHRASE).meeting.title
