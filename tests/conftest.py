"""Shared fixtures. The autouse fixture keeps every test away from the real
user data folder: HOME, XDG folders and FACILITATOR_DB all point into tmp."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator import services
from facilitator.db import open_engine


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("FACILITATOR_DB", str(home / "test.db"))
    return home


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "facilitator.db"


@pytest.fixture
def engine(db_path):
    engine = open_engine(db_path)
    yield engine
    engine.dispose()


@pytest.fixture
def breakfast(engine):
    """A not-for-attribution breakfast meeting, created from the bundled template."""
    return services.create_meeting(
        engine, "breakfast", title="UN-civil society cooperation on prevention",
        date=dt.date(2017, 9, 7), place="New York",
    )
