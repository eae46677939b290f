"""The first frame before the database (issue 14): `facilitator` paints the
meetings list's screen with neither SQLAlchemy nor SQLModel imported, fills it
when the meetings arrive, and a database that cannot be opened still ends the
application with its one line and exit status 2.

Nothing here waits for a fixed time: each step waits for what the screen or
the application shows."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator import services
from facilitator.launch import build_application
from facilitator.launch import State
from facilitator.db import open_engine
from facilitator.errors import FacilitatorError
from facilitator.quickread import read_meetings

from .tmux_terminal import PATIENCE, tmux_available

ROOT = Path(__file__).resolve().parents[1]
ORM = ("sqlalchemy", "sqlmodel")

#: Builds the application as the bare `facilitator` command does (build_application) and runs it under Pilot,
#: in a fresh interpreter started with -X importtime. When Textual posts Ready (the first frame is on screen) it
#: notes the ORM modules loaded so far and writes a marker between the import lines on stderr; then it waits
#: for the meetings list proper (the database open) and notes the ORM again, so that the check cannot pass
#: for want of an ORM at all.
CHILD = r"""
import asyncio, json, sys
from textual import events
from facilitator.launch import build_application
from facilitator.launch import State

app = build_application(State(sys.argv[1]))
seen = {}

def hook(message):
    if isinstance(message, events.Ready) and "ready" not in seen:
        seen["ready"] = sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "sqlmodel"))
        seen["first_screen"] = type(app.screen).__name__
        print("FIRST FRAME", file=sys.stderr, flush=True)

async def main():
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        while not (app.engine is not None and type(app.screen).__name__ == "HomeScreen"):
            await pilot.pause()
        await pilot.pause()
        table = app.screen.query_one("#meetings")
        seen["rows"] = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        seen["orm_after"] = "sqlalchemy" in sys.modules and "sqlmodel" in sys.modules

asyncio.run(main())
print(json.dumps(seen))
"""


async def until(pilot, condition, what: str) -> None:
    """Let the application run until `condition()` holds; a hang fails after many rounds, not a set time."""
    for _ in range(5000):
        if condition():
            return
        await pilot.pause()
    raise AssertionError(f"never: {what}")


def _meetings(db: Path, *titles: str) -> None:
    engine = open_engine(db)
    for n, title in enumerate(titles):
        services.create_meeting(engine, "roundtable", title=title, date=dt.date(2017, 2, 16 + n))
    engine.dispose()


def test_the_first_frame_is_painted_before_sqlalchemy_is_imported(tmp_path):
    db = tmp_path / "facilitator.db"
    _meetings(db, "Early warning", "Regional bodies")
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", CHILD, str(db)], cwd=ROOT, check=False,
                            capture_output=True, text=True, timeout=PATIENCE)
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["first_screen"] == "OpeningScreen"
    assert seen["ready"] == []
    assert seen["orm_after"] is True
    assert seen["rows"] == ["Regional bodies", "Early warning"]  # newest first, each once
    # The same, as -X importtime shows it: Textual before the marker, no ORM module before it, the ORM after.
    before, marker, after = result.stderr.partition("FIRST FRAME\n")
    assert marker
    imported_before = [line.split("|")[-1].strip() for line in before.splitlines() if line.startswith("import time:")]
    assert "textual.app" in imported_before
    assert not [m for m in imported_before if m.split(".")[0] in ORM]
    assert any(line.split("|")[-1].strip() == "sqlalchemy" for line in after.splitlines())


async def test_the_list_is_filled_once_and_keys_typed_meanwhile_act(tmp_path, monkeypatch):
    """The meetings are on the first frame before the database is open (here held shut until the test lets
    it open); the keys typed meanwhile act, in order, once the meetings list takes over, and the list is
    not read a second time."""
    import threading

    import facilitator.db

    db = tmp_path / "facilitator.db"
    _meetings(db, "Early warning", "Regional bodies", "Mediation")
    calls = []
    real_list, real_open = services.list_meetings, facilitator.db.open_engine
    monkeypatch.setattr(services, "list_meetings", lambda engine: calls.append(1) or real_list(engine))
    may_open = threading.Event()

    def held_open(*args, **kwargs):
        assert may_open.wait(PATIENCE)
        return real_open(*args, **kwargs)

    monkeypatch.setattr(facilitator.db, "open_engine", held_open)
    app = build_application(State(str(db)))
    async with app.run_test(size=(120, 40)) as pilot:
        first = app.screen
        await until(pilot, lambda: first.meetings is not None, "the first frame's rows")
        table = first.query_one("#meetings")
        assert [str(table.get_row_at(i)[1]) for i in range(table.row_count)] == [
            "Mediation", "Regional bodies", "Early warning"]
        assert app.engine is None and "sqlalchemy" in sys.modules  # (the test process has it anyway)
        await pilot.press("down", "down")
        assert table.cursor_row == 0  # kept, not acted on: nothing acts before the database is open
        may_open.set()
        await until(pilot, lambda: app.engine is not None and type(app.screen).__name__ == "HomeScreen",
                    "the meetings list")
        home = app.screen
        third = read_meetings(db)[2].id
        await until(pilot, lambda: home.meeting_id == third, "the two keys, given to the list")
        assert calls == []  # read once, by the first frame: not again when the list took over
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert home.query_one("#meetings").row_count == 3
        assert home.check_action("new", ()) is True


async def test_a_new_database_is_created_then_listed_once(tmp_path, monkeypatch):
    """No file yet: the first frame cannot read it (there is nothing to read), the application creates and
    migrates it, and the meetings list reads it itself, once."""
    db = tmp_path / "new" / "facilitator.db"
    db.parent.mkdir()
    calls = []
    real = services.list_meetings
    monkeypatch.setattr(services, "list_meetings", lambda engine: calls.append(1) or real(engine))
    settled = []  # the command line freezes the garbage collector there, all modules loaded
    app = build_application(State(str(db)), settled=lambda: settled.append(type(app.screen).__name__))
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: settled, "the application to settle")
        assert settled == ["HomeScreen"] and app.engine is not None
        await pilot.pause()
        assert "No meetings yet" in str(app.screen.query_one("#home-empty").render())
        assert calls == [1]
    assert read_meetings(db) == []


def _not_sqlite(path: Path) -> None:
    path.write_bytes(b"these are the minutes, not a database\n" * 40)


def _newer(path: Path) -> None:
    _meetings(path)
    import sqlite3

    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO schema_migration VALUES (999, 'from the future', '2030-01-01')")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _folder(path: Path) -> None:
    path.mkdir()


@pytest.mark.parametrize("damage", [_not_sqlite, _newer, _empty, _folder])
async def test_a_database_that_cannot_be_opened_ends_with_its_message(tmp_path, damage):
    db = tmp_path / "facilitator.db"
    damage(db)
    with pytest.raises(FacilitatorError) as expected:
        open_engine(db)
    app = build_application(State(str(db)))
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: not app.is_running or app.failed is not None, "the application to give up")
    assert app.return_code == 2
    assert str(app.failed) == str(expected.value)


def test_an_encrypted_database_asks_for_its_passphrase_before_the_screen(tmp_path, monkeypatch):
    db = tmp_path / "facilitator.db"
    db.write_bytes(bytes(range(256)) * 16)  # whole pages of what looks like random bytes
    monkeypatch.delenv("FACILITATOR_PASSPHRASE", raising=False)
    with pytest.raises(FacilitatorError, match="encrypted|Passphrase|passphrase"):
        build_application(State(str(db)))  # no terminal to ask on: refused before any screen exists


@pytest.mark.skipif(tmux_available() is not None, reason=str(tmux_available()))
def test_in_a_terminal_a_damaged_database_is_one_line_and_exit_2(tmp_path):
    import shlex

    from .tmux_terminal import TmuxTerminal

    db = tmp_path / "facilitator.db"
    _not_sqlite(db)
    command = shlex.join([sys.executable, "-m", "facilitator", "--db", str(db)]) + '; echo "exit status $?"'
    terminal = TmuxTerminal(["sh", "-c", command], cwd=ROOT, size=(400, 30))

    def shown(_screen: str = "") -> str:  # with the lines scrolled off, where the last words of a program may be
        return terminal._tmux("capture-pane", "-p", "-S", "-200", "-t", terminal.session).stdout

    try:
        terminal.wait_for(lambda _screen: "exit status" in shown(), "the application to end")
        lines = [line.rstrip() for line in shown().splitlines() if line.strip() and not line.startswith("Pane is dead")]
    finally:
        terminal.close()
    assert lines[-1] == "exit status 2", lines
    assert lines[-2] == f"facilitator: {db} is not a SQLite database; it was left untouched."
    assert [line for line in lines if line.startswith("facilitator:")] == [lines[-2]]


def test_the_first_frame_drawn_is_the_whole_screen(tmp_path):
    """Textual drops a frame drawn during its start-up batch and then sends only what changed after it, so a
    first screen pushed in that batch reached the terminal as a few scraps, and whole only at the next
    layout (some 30-90 ms later, issue 14). The first frame the terminal draws is the whole meetings list. (The footer's keys come once the database is
    open, so they are not looked for.)"""
    from .crash_harness import Terminal

    db = tmp_path / "facilitator.db"
    engine = open_engine(db)
    for n in range(3):
        services.create_meeting(engine, "roundtable", title=f"Roundtable {n}", date=dt.date(2017, 2, 16 + n))
    engine.dispose()
    terminal = Terminal(db, tmp_path)
    try:
        terminal.wait_for_text("Roundtable 0")
        drawn = [frame for frame in terminal.frames if any(line.strip() for line in frame)]
    finally:
        terminal.kill()
    first = "\n".join(drawn[0])
    assert "facilitator" in first, first  # the header,
    assert "Date" in first and "Title" in first, first  # the table's head and
    # the rows, or (if they were not read yet when the screen was drawn, as on a very busy machine) the line
    # that says the database is opening
    assert ("Roundtable 2" in first and "Roundtable 0" in first) or "Opening the database" in first, first
