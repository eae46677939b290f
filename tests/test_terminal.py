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


#: The application as `facilitator` runs it, with the hang-up heard in the worst order: only after Textual's
#: output thread has died on a write to the lost terminal (a frame drawn in between). With "opening", the
#: database is opened only once the terminal is gone, so the loss comes while the first screen is up.
WORST_ORDER = r"""
import select, sys
from screens.hangup import LeavesOnHangup

heard = LeavesOnHangup.hang_up

def hang_up_after_the_output_died(self):
    output = self._driver._writer_thread
    if output is not None and output.is_alive():
        output._queue.put("\x1b[0m")  # a frame after the loss: its write fails (EIO) and ends the thread
        output.join()
    heard(self)

LeavesOnHangup.hang_up = hang_up_after_the_output_died
if sys.argv[1] == "opening":
    import facilitator.db
    opens = facilitator.db.open_engine

    def open_once_the_terminal_is_gone(*args, **kwargs):
        watch = select.poll()
        watch.register(0, select.POLLHUP)
        watch.poll()
        return opens(*args, **kwargs)

    facilitator.db.open_engine = open_once_the_terminal_is_gone
sys.argv = ["facilitator"]
from facilitator.launch import main
main()
"""


@pytest.mark.parametrize("when", ["capturing", "opening"])
def test_a_lost_terminal_whose_output_already_failed_still_exits(tmp_path, when):
    """Before, the application could wait for ever in Textual's shutdown (on the dead output thread's full
    queue), with the draft not yet committed and the database held: it did when the terminal was lost
    while the database was opening (the bench left such processes behind)."""
    db, meeting = _meeting(tmp_path)
    terminal = Terminal(db, tmp_path, command=[sys.executable, "-c", WORST_ORDER, when])
    try:
        terminal.wait_for_text("Hangup test")
        if when == "capturing":
            terminal.type("\r")
            terminal.wait_for_text("Type a note")
            terminal.type("the words typed when the line dropped")
            terminal.wait_for_text("the words typed when the line dropped")
        terminal.close()
        status = terminal.process.wait(timeout=PATIENCE)
    finally:
        terminal.kill()
    assert status == 129
    if when == "capturing":
        engine = open_engine(db)
        assert services.get_draft(engine, meeting.id).text == "the words typed when the line dropped"
