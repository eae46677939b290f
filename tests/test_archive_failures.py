"""Connection failures between a laptop and the archive: one line, exit 2, and
both databases as they were (or with whole meetings only)."""

import datetime as dt

import psycopg
import pytest
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from facilitator import services
from facilitator.cli import app
from facilitator.db import open_engine
from facilitator.services import bundles

from .pg_server import free_port
from .test_sync import notes_state


@pytest.fixture
def laptop(tmp_path):
    """A laptop with three meetings of a few notes each."""
    path = tmp_path / "laptop.db"
    engine = open_engine(path)
    for i in range(3):
        meeting = services.create_meeting(engine, "roundtable", title=f"Meeting {i}", date=dt.date(2021, 1, 1 + i))
        for n in range(3):
            services.add_note(engine, meeting.id, f"Note {n} of meeting {i}")
    engine.dispose()
    return path


def one_line(result) -> str:
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    return result.stderr


def test_server_down_is_one_line_and_changes_nothing(laptop):
    before = notes_state(open_engine(laptop))
    url = f"postgresql://someone:secret@127.0.0.1:{free_port()}/archive"
    message = one_line(CliRunner().invoke(app, ["--db", str(laptop), "push", "--to", url]))
    assert "Cannot reach the PostgreSQL server at 127.0.0.1" in message and "secret" not in message
    assert notes_state(open_engine(laptop)) == before
    message = one_line(CliRunner().invoke(app, ["--db", url, "list"]))
    assert "Cannot reach" in message


def test_wrong_password_is_one_line_without_the_password(laptop, pg_database):
    url = make_url(pg_database()).set(password="not-the-password").render_as_string(hide_password=False)
    message = one_line(CliRunner().invoke(app, ["--db", str(laptop), "push", "--to", url]))
    assert "refused the login of user postgres (wrong password?)" in message
    assert "not-the-password" not in message


def test_connection_lost_mid_push_leaves_whole_meetings_on_both_sides(laptop, pg_database, pg_server, monkeypatch):
    url = pg_database()
    laptop_before = notes_state(open_engine(laptop))
    merged, original = [], bundles._merge_note

    def merge_then_lose_the_network(session, incoming, *rest):
        merged.append(incoming.id)
        if len(merged) == 5:  # the second meeting's second note: its meeting and items are already written
            pid = session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
            with psycopg.connect(pg_server.url(), autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        return original(session, incoming, *rest)

    monkeypatch.setattr(bundles, "_merge_note", merge_then_lose_the_network)
    result = CliRunner().invoke(app, ["--db", str(laptop), "push", "--to", url])
    assert result.exit_code == 2
    assert result.stdout.count("(pushed)") == 1
    assert result.stderr.count("\n") == 1
    assert "connection to the PostgreSQL server" in result.stderr and "was lost" in result.stderr
    assert "1 meeting(s) pushed before it; 2 not pushed" in result.stderr

    archive = open_engine(url)
    assert [m.title for m in services.list_meetings(archive)] == ["Meeting 0"]  # nothing of meeting 1 half-written
    assert {n for n in notes_state(archive)} <= laptop_before
    assert notes_state(open_engine(laptop)) == laptop_before
    monkeypatch.setattr(bundles, "_merge_note", original)
    again = CliRunner().invoke(app, ["--db", str(laptop), "push", "--to", url])
    assert again.exit_code == 0, again.output
    assert notes_state(archive) == laptop_before
    archive.dispose()


@pytest.mark.parametrize("command", [["backup"], ["restore", "x.db"], ["encrypt"]])
def test_file_only_features_say_they_are_not_available(pg_database, command):
    message = one_line(CliRunner().invoke(app, ["--db", pg_database(), *command]))
    assert "not available on PostgreSQL" in message
