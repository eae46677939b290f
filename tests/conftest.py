"""Shared fixtures. The autouse fixture keeps every test away from the real
user data folder: HOME, XDG folders and FACILITATOR_DB all point into tmp.
The `engine` of a test marked `both_databases` is a SQLite file once and a
database on the session's PostgreSQL server once (tests/pg_server.py)."""

from __future__ import annotations

import datetime as dt
import uuid

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
def run(db_path):
    """The command line on the test's database, in this process: run("audit", meeting_id) -> a Result with
    exit_code, stdout and stderr. `input` answers prompts; `db` names another database."""
    from typer.testing import CliRunner

    from facilitator.cli import app

    runner = CliRunner()

    def invoke(*args, input=None, db=db_path):
        return runner.invoke(app, ["--db", str(db), *args], input=input)

    return invoke


@pytest.fixture
def engine(request, db_path):
    """A new database: a SQLite file, or (parametrised, see `both_databases`) a PostgreSQL database."""
    if getattr(request, "param", "sqlite") == "postgresql":
        engine = open_engine(request.getfixturevalue("pg_database")())
    else:
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


# --- PostgreSQL: one real server per test session ------------------------------------------------------------


def pytest_generate_tests(metafunc):
    """Tests marked `both_databases` run once on SQLite and once on PostgreSQL (the `engine` fixture)."""
    if metafunc.definition.get_closest_marker("both_databases") and "engine" in metafunc.fixturenames:
        metafunc.parametrize("engine", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture(scope="session")
def pg_server():
    """The test session's PostgreSQL server; the run fails (never skips) when it cannot start."""
    from .pg_server import ServerUnavailable, remove_server, start_server

    try:
        server = start_server()
    except ServerUnavailable as exc:
        pytest.fail(f"PostgreSQL tests cannot run: {exc}", pytrace=False)
    yield server
    remove_server(server)


@pytest.fixture(scope="session")
def pg_template(pg_server):
    """A database migrated once; each test's database is a copy of it (CREATE DATABASE … TEMPLATE)."""
    from .pg_server import admin_execute

    admin_execute(pg_server, "CREATE DATABASE facilitator_template")
    engine = open_engine(pg_server.url("facilitator_template"))
    engine.dispose()
    return "facilitator_template"


@pytest.fixture
def pg_database(pg_server, pg_template):
    """A factory of new, migrated, empty PostgreSQL databases (their URLs), dropped after the test."""
    from .pg_server import admin_execute

    made = []

    def make(name: str | None = None) -> str:
        name = name or f"t{uuid.uuid4().hex[:12]}"
        admin_execute(pg_server, f"CREATE DATABASE {name} TEMPLATE {pg_template}")
        made.append(name)
        return pg_server.url(name)

    yield make
    for name in made:
        admin_execute(pg_server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
