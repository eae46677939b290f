"""The single writer and the transactions it runs: one transaction per user
action, in the order submitted; reads that never wait behind a write."""

import sqlite3
import threading

import pytest
from sqlalchemy import event

from facilitator import services
from facilitator.capture import parse_capture
from facilitator.errors import DatabaseError, InvalidInput
from facilitator.writer import Writer


def test_actions_run_in_the_order_submitted(engine, breakfast):
    writer = Writer(engine)
    gate = threading.Event()
    first = writer.submit(lambda engine: gate.wait(5))  # holds the thread until released
    futures = [writer.submit(services.add_note, breakfast.id, f"line {n}") for n in range(20)]
    assert not any(f.done() for f in futures)
    gate.set()
    assert first.result() is True
    assert [f.result().text for f in futures] == [f"line {n}" for n in range(20)]
    writer.close()
    assert [n.text for n in services.list_notes(engine, breakfast.id)] == [f"line {n}" for n in range(20)]


def test_a_failed_action_reports_its_error_and_the_next_one_still_runs(engine, breakfast):
    writer = Writer(engine)
    bad = writer.submit(services.add_note, breakfast.id, "   ")
    good = writer.submit(services.add_note, breakfast.id, "fine")
    assert "empty" in str(bad.exception())
    assert good.result().text == "fine"
    writer.close()


def test_close_runs_everything_queued_then_refuses(engine, breakfast):
    writer = Writer(engine)
    gate = threading.Event()
    writer.submit(lambda engine: gate.wait(5))
    queued = [writer.submit(services.add_note, breakfast.id, f"queued {n}") for n in range(3)]
    threading.Timer(0, gate.set).start()
    writer.close()
    assert all(f.done() and f.exception() is None for f in queued)
    late = writer.submit(services.add_note, breakfast.id, "too late")
    assert isinstance(late.exception(), DatabaseError)
    assert [n.text for n in services.list_notes(engine, breakfast.id)] == ["queued 0", "queued 1", "queued 2"]


def test_a_failed_check_breaks_the_writer_for_good(engine, breakfast):
    calls = {"n": 0}

    def check(_engine):
        calls["n"] += 1
        if calls["n"] >= 2:
            raise DatabaseError("The database file was replaced by another program; nothing was saved.")

    writer = Writer(engine, check=check)
    assert writer.submit(services.add_note, breakfast.id, "before").result().text == "before"
    refused = [writer.submit(services.add_note, breakfast.id, f"after {n}") for n in range(2)]
    assert all("replaced" in str(f.exception()) for f in refused)
    assert writer.broken is not None
    writer.close()
    assert [n.text for n in services.list_notes(engine, breakfast.id)] == ["before"]


def test_capturing_a_line_is_one_transaction(engine, breakfast):
    """The note and the clearing of the draft commit together: one BEGIN, one COMMIT."""
    services.save_draft(engine, breakfast.id, None, "half a sent")
    statements = []

    @event.listens_for(engine, "begin")
    def count_begin(conn):
        statements.append("BEGIN")

    @event.listens_for(engine, "commit")
    def count_commit(conn):
        statements.append("COMMIT")

    note = services.capture_note(engine, breakfast.id, None, parse_capture("half a sentence, finished"))
    event.remove(engine, "begin", count_begin)
    event.remove(engine, "commit", count_commit)
    assert statements == ["BEGIN", "COMMIT"]
    assert note.text == "half a sentence, finished"
    assert services.get_draft(engine, breakfast.id) is None


def test_a_failed_capture_keeps_the_draft(engine, breakfast):
    """Nothing half-done: when the note cannot be written, the draft it came from stays."""
    services.save_draft(engine, breakfast.id, None, "the line as typed +9")
    with pytest.raises(InvalidInput, match="no theme 9"):
        services.capture_note(engine, breakfast.id, None, parse_capture("the line as typed +9"))
    assert services.get_draft(engine, breakfast.id).text == "the line as typed +9"
    assert services.list_notes(engine, breakfast.id) == []


def test_reads_never_wait_behind_a_write(engine, breakfast, db_path):
    """Another connection holds the write lock; with no busy timeout at all, reads still answer at once."""
    services.add_note(engine, breakfast.id, "committed before")

    @event.listens_for(engine, "connect")
    def no_patience(dbapi_connection, _):
        dbapi_connection.execute("PRAGMA busy_timeout = 0")

    engine.dispose()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE note SET text = 'uncommitted' WHERE 1")
    try:
        assert [n.text for n in services.list_notes(engine, breakfast.id)] == ["committed before"]
        assert services.get_meeting(engine, breakfast.id).title == breakfast.title
        assert services.get_draft(engine, breakfast.id) is None
        with pytest.raises(DatabaseError, match="busy"):
            services.add_note(engine, breakfast.id, "a write must wait, and says so")
    finally:
        other.execute("ROLLBACK")
        other.close()
    event.remove(engine, "connect", no_patience)
    engine.dispose()
