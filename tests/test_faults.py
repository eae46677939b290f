"""Faults injected under the capture screen: a full disk, a read-only
database, a database locked by another program, a deleted data folder. The
user is told in one sentence, the typed line stays on screen as a row marked
NOT SAVED (never merged into the next line typed), and ctrl+s once the fault
is gone saves it, once."""

import shutil
import sqlite3

from sqlalchemy import event
from textual.widgets import DataTable, Input

from facilitator import services
from facilitator.db import open_engine
from screens.widgets.capture_line import CaptureLine

from .ui_helpers import app_for, settle, table_texts


async def capture_under_fault(engine, meeting_id, line, pilot, app):
    app.open_meeting(meeting_id)
    await settle(app, pilot)
    capture = app.screen.query_one("#capture", CaptureLine)
    capture.value = line
    await pilot.press("enter")
    await settle(app, pilot)
    return capture


def rows(app) -> list[str]:
    return table_texts(app.screen.query_one("#notes", DataTable))


def assert_kept_unsaved(app, capture, line: str) -> None:
    """The line is on screen, marked, and the capture line is free for the next one."""
    assert rows(app) == [f"{line}  NOT SAVED (ctrl+s retries)"]
    assert capture.value == ""
    assert app.screen.check_action("retry_unsaved", ()) is True


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
        assert_kept_unsaved(app, capture, line.strip())
        assert "The disk is full" in str(app.screen.query_one("#capture-hint").render())
        assert any("The disk is full" in m for m in errors(app))
        assert services.list_notes(engine, breakfast.id) == []
        limit["on"] = False
        engine.dispose()
        await pilot.press("ctrl+s")  # space freed: the same line, sent again
        await settle(app, pilot)
        assert rows(app) == [line.strip()]
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
        assert_kept_unsaved(app, capture, "Keep this line")
        assert "read-only" in str(app.screen.query_one("#capture-hint").render())


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
        capture = app.screen.query_one("#capture", CaptureLine)
        capture.value = "Written while another program holds the file"
        await pilot.press("enter")
        await settle(app, pilot)
        assert_kept_unsaved(app, capture, "Written while another program holds the file")
        assert "busy" in str(app.screen.query_one("#capture-hint").render())
        capture.value = "Typed next"  # a second line typed meanwhile is its own note, never glued on
        await pilot.press("enter")
        await settle(app, pilot)
        other.execute("ROLLBACK")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    other.close()
    assert sorted(n.text for n in services.list_notes(engine, breakfast.id)) == [
        "Typed next", "Written while another program holds the file"]


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
        capture = app.screen.query_one("#capture", CaptureLine)
        capture.value = "Typed after the folder vanished"
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("escape")  # the offer to save the meeting elsewhere: not now
        assert_kept_unsaved(app, capture, "Typed after the folder vanished")
        assert "replaced or deleted" in str(app.screen.query_one("#capture-hint").render())


async def test_deleted_data_folder_then_leave_and_quit_keeps_the_words(tmp_path, breakfast, monkeypatch):
    """No traceback on the way out, and the lines the database could no longer take end up in a file."""
    from screens.home import HomeScreen

    monkeypatch.setenv("HOME", str(tmp_path))
    folder = tmp_path / "data"
    folder.mkdir()
    engine = open_engine(folder / "facilitator.db")
    meeting = services.create_meeting(engine, "breakfast", title="B", date=breakfast.date)
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_meeting(meeting.id)
        await settle(app, pilot)
        shutil.rmtree(folder)
        capture = app.screen.query_one("#capture", CaptureLine)
        capture.value = "Said after the folder vanished"
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("escape")  # the offer to save the meeting elsewhere: not now
        capture.value = "and still typing"
        await settle(app, pilot)
        await pilot.press("f1", "escape")  # help and back: nothing reads the database there
        await pilot.press("escape")  # leave the meeting: there is unsent text, so it asks
        await pilot.press("y")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)  # the meetings list could not be read, and said so
        assert any("has disappeared" in m for m in errors(app))
        await pilot.press("ctrl+q")
    assert app.return_code == 0
    assert app.rescued_to is not None and app.rescued_to.parent == tmp_path
    rescued = app.rescued_to.read_text()
    assert "Said after the folder vanished" in rescued and "and still typing" in rescued


async def test_a_damaged_database_is_reported_not_a_crash(db_path, breakfast, engine):
    """Pages damaged under a running application: one notification, and the application goes on."""
    import sqlite3

    services.add_note(engine, breakfast.id, "a note " * 400)
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    app = app_for(engine)
    data = bytearray(db_path.read_bytes())
    data[2 * page:] = bytes([0x5A]) * (len(data) - 2 * page)  # every page after the schema's
    db_path.write_bytes(bytes(data))
    engine.dispose()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert app.is_running
        assert any("malformed" in m or "Database error" in m for m in errors(app))
        await pilot.press("ctrl+q")
    assert app.return_code == 0


async def test_a_replaced_database_stops_writing_and_the_meeting_is_saved_elsewhere(tmp_path, breakfast):
    """Another program replaces the file under the running application (as `encrypt` or `restore` did):
    nothing is written to the stranger's file, the line stays on screen, and the meeting — notes saved
    before, the unsaved line and the draft — can be saved to a new file."""
    from screens.dialogs.rescue import RescueDialog

    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "facilitator.db"
    engine = open_engine(path)
    meeting = services.create_meeting(engine, "breakfast", title="B", date=breakfast.date)
    services.add_note(engine, meeting.id, "Saved before the switch.")
    stranger = open_engine(tmp_path / "other.db")
    services.create_meeting(stranger, "roundtable", title="Someone else's", date=breakfast.date)
    stranger.dispose()
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_meeting(meeting.id)
        await settle(app, pilot)
        con = sqlite3.connect(path)  # what a careful tool does first: everything into the main file
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        (tmp_path / "other.db").replace(path)  # the file at the path is now another database
        capture = app.screen.query_one("#capture", CaptureLine)
        capture.value = "Typed after the switch"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, RescueDialog)
        assert "replaced or deleted" in str(app.screen.query_one("Label").render())
        app.screen.query_one("#rescue-path", Input).value = str(tmp_path / "rescued.db")
        await pilot.press("enter")
        await settle(app, pilot)
        assert rows(app)[-1].startswith("Typed after the switch")  # still on screen
        capture.value = "half a thought"
        await settle(app, pilot)
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM note WHERE text = 'Typed after the switch'").fetchone() == (0,)
    con.close()
    rescued = open_engine(tmp_path / "rescued.db")
    assert [n.text for n in services.list_notes(rescued, meeting.id)] == ["Saved before the switch.",
                                                                          "Typed after the switch"]
    rescued.dispose()
