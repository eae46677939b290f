"""The application and its terminal: it refuses to start without one, and
when the terminal goes away (SIGHUP, or the other end of its pty closed) it
keeps the unsent line as a draft and exits instead of spinning."""

import datetime as dt
import os
import signal
import subprocess
import sys

import pytest

from facilitator import services
from facilitator.db import open_engine

from .crash_harness import PATIENCE, Terminal


def _meeting(tmp_path):
    db = tmp_path / "facilitator.db"
    engine = open_engine(db)
    meeting = services.create_meeting(engine, "roundtable", title="Hangup test", date=dt.date(2017, 2, 16))
    engine.dispose()
    return db, meeting


@pytest.mark.parametrize("how", ["window closed", "SIGHUP"])
def test_losing_the_terminal_keeps_the_line_and_exits(tmp_path, how):
    db, meeting = _meeting(tmp_path)
    terminal = Terminal(db, tmp_path)
    try:
        terminal.wait_for_text("Hangup test")
        terminal.type("\r")
        terminal.wait_for_text("Type a note")
        terminal.type("the words typed when the line dropped")
        terminal.wait_for_text("the words typed when the line dropped")
        if how == "SIGHUP":
            os.killpg(terminal.process.pid, signal.SIGHUP)
        else:
            terminal.close()
        status = terminal.process.wait(timeout=PATIENCE)
    finally:
        terminal.kill()
    assert status == 129
    engine = open_engine(db)
    assert services.get_draft(engine, meeting.id).text == "the words typed when the line dropped"


def test_without_a_terminal_it_says_so_in_one_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "facilitator", "--db", str(tmp_path / "f.db")],
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=PATIENCE)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "needs a terminal" in result.stderr
    assert result.stdout == ""
