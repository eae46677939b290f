"""Faults injected under the capture screen: a full disk, a read-only
database, a database locked by another program, a deleted data folder. The
user is told in one sentence, the typed line stays on screen, and pressing
Enter again once the fault is gone saves it."""

import shutil
import sqlite3

from sqlalchemy import event
from textual.widgets import Input

from facilitator import services
from facilitator.db import open_engine

from .ui_helpers import app_for, settle


async def capture_under_fault(engine, meeting_id, line, pilot, app):
    app.open_meeting(meeting_id)
    await settle(app, pilot)
    capture = app.screen.query_one("#capture", Input)
    capture.value = line
    await pilot.press("enter")
    await settle(app, pilot)
    return capture


def errors(app):
    return [n.message for n in app._notifications if n.severity == "error"]


async def test_disk_full(engine, breakfast):
    limit = {"on": True}

    @event.listens_for(engine, "connect")
    def tiny_disk(dbapi_connection, _):
        if limit["on"]:
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    engine.dispose()
    app = app_for(engine)
    line = "A long note that needs pages of its own " * 2000
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await capture_under_fault(engine, breakfast.id, line.strip(), pilot, app)
        assert capture.value == line.strip()
        assert any("The disk is full" in m for m in errors(app))
        assert services.list_notes(engine, breakfast.id) == []
        limit["on"] = False
        engine.dispose()
        await pilot.press("enter")  # space freed: the same line, sent again
        await settle(app, pilot)
        assert capture.value == ""
    limit["on"] = False
    assert [n.text for n in services.list_notes(engine, breakfast.id)] == [line.strip()]


async def test_read_only_database(engine, breakfast):
    @event.listens_for(engine, "connect")
    def read_only(dbapi_connection, _):
        dbapi_connection.execute("PRAGMA query_only = ON")

    engine.dispose()
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await capture_under_fault(engine, breakfast.id, "Keep this line", pilot, app)
        assert capture.value == "Keep this line"
        assert any("read-only" in m for m in errors(app))


async def test_database_locked_by_another_program(engine, breakfast, db_path):
    @event.listens_for(engine, "connect")
    def impatient(dbapi_connection, _):
        dbapi_connection.execute("PRAGMA busy_timeout = 200")

    engine.dispose()
    other = sqlite3.connect(db_path, isolation_level=None)
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_meeting(breakfast.id)
        await settle(app, pilot)
        other.execute("BEGIN EXCLUSIVE")
        capture = app.screen.query_one("#capture", Input)
        capture.value = "Written while another program holds the file"
        await pilot.press("enter")
        await settle(app, pilot)
        assert capture.value == "Written while another program holds the file"
        assert any("busy" in m for m in errors(app))
        other.execute("ROLLBACK")
        await pilot.press("enter")
        await settle(app, pilot)
    other.close()
    assert [n.text for n in services.list_notes(engine, breakfast.id)] == [
        "Written while another program holds the file"]


async def test_deleted_data_folder(tmp_path, breakfast):
    folder = tmp_path / "data"
    folder.mkdir()
    engine = open_engine(folder / "facilitator.db")
    meeting = services.create_meeting(engine, "breakfast", title="B", date=breakfast.date)
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_meeting(meeting.id)
        await settle(app, pilot)
        shutil.rmtree(folder)
        capture = app.screen.query_one("#capture", Input)
        capture.value = "Typed after the folder vanished"
        await pilot.press("enter")
        await settle(app, pilot)
        assert capture.value == "Typed after the folder vanished"
        assert any("has disappeared" in m for m in errors(app))
