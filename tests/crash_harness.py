"""Runs the real application in a real pseudo-terminal on a real SQLite file,
types notes, and kills it with SIGKILL at a random moment. Shared by the
crash-safety test and bench/kill_bench.py.

Nothing here waits for a fixed time. What the application has acknowledged
is read off its screen: the pty's output goes through a terminal emulator
(pyte), and a note counts as acknowledged when its row is on screen without
its "saving…" mark — which the application draws only after the note's
transaction has committed. The harness answers Textual's query for
synchronised output, so every frame arrives between begin and end markers,
and only whole frames are drawn: a half-written frame can never make a
pending row look saved. Sleeps between keystrokes only vary the moment of the
kill; they never stand in for waiting on the application.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import pty
import random
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyte

SYNC_QUERY = b"\x1b[?2026$p"
SYNC_SUPPORTED = b"\x1b[?2026;2$y"  # DECRPM: the mode is supported (and reset)
FRAME_END = b"\x1b[?2026l"
SIZE = (120, 50)
SAVING = "saving…"
#: How long a condition may take before the trial is declared stuck (a hang, not slowness).
PATIENCE = 120.0


@dataclass
class Trial:
    sent: list[str] = field(default_factory=list)  # lines whose Enter was sent, in order
    partial: str = ""  # text typed after the last Enter, never sent
    acknowledged: set[str] = field(default_factory=set)  # shown as saved when the kill came
    saved: list[str] = field(default_factory=list)  # notes in the database afterwards
    draft: str = ""

    @property
    def lost(self) -> set[str]:
        """Acknowledged lines missing from the database: must always be empty."""
        return self.acknowledged - set(self.saved)

    @property
    def out_of_order(self) -> set[str]:
        """Lines sent before an acknowledged line yet missing: the writer commits in order, so none."""
        if not self.acknowledged:
            return set()
        last = max(self.sent.index(text) for text in self.acknowledged)
        return set(self.sent[:last + 1]) - set(self.saved)

    @property
    def duplicated(self) -> list[str]:
        return [text for text in set(self.saved) if self.saved.count(text) > 1]

    @property
    def in_flight(self) -> set[str]:
        """Lines sent but not shown as saved when the kill came."""
        return set(self.sent) - self.acknowledged

    @property
    def recovered(self) -> set[str]:
        """In-flight lines found after the restart: committed, or in the draft."""
        return {text for text in self.in_flight if text in self.saved or text in self.draft}


FIRST_FRAMES = 20


class Terminal:
    """The application on the slave side of a pty; output is drained in a thread into an emulated screen."""

    def __init__(self, db: Path, home: Path, size=SIZE, command: list[str] | None = None) -> None:
        """`command` runs instead of `python -m facilitator` (a script that changes the application first)."""
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "HOME": str(home), "FACILITATOR_DB": str(db),
               "TEXTUAL_ANIMATIONS": "none"}
        env.pop("PYTHONPATH", None)
        self.process = subprocess.Popen(command or [sys.executable, "-m", "facilitator"], stdin=slave, stdout=slave,
                                        stderr=slave, env=env, start_new_session=True, close_fds=True)
        os.close(slave)
        self.master = master
        self.screen = pyte.Screen(*size)
        self._stream = pyte.ByteStream(self.screen)
        self._pending = b""  # output after the last complete frame
        #: The screen as each of the first frames left it (FIRST_FRAMES of them), for tests of what is drawn first.
        self.frames: list[list[str]] = []
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._closing = False
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        """Read what the application writes until it ends or our end is closed. The read waits with
        select, a tenth of a second at a time, never blocked in os.read: closing a file descriptor does
        not release the pty while another thread is blocked reading it, so the application would not see
        its terminal go until it wrote something (a screen with no clock writes nothing)."""
        while True:
            chunk = b""
            if not self._closing:
                try:
                    ready, _, _ = select.select([self.master], [], [], 0.1)
                    if not ready:
                        continue
                    chunk = os.read(self.master, 65536)
                except OSError:
                    chunk = b""
            with self._changed:
                if not chunk:  # the end: an unfinished frame is dropped, never half-drawn
                    self._changed.notify_all()
                    return
                self._pending += chunk
                if SYNC_QUERY in self._pending:
                    os.write(self.master, SYNC_SUPPORTED)
                    self._pending = self._pending.replace(SYNC_QUERY, b"")
                end = self._pending.find(FRAME_END)
                while end >= 0:  # draw whole frames only, one at a time
                    cut = end + len(FRAME_END)
                    self._stream.feed(self._pending[:cut])
                    self._pending = self._pending[cut:]
                    if len(self.frames) < FIRST_FRAMES:
                        self.frames.append(list(self.screen.display))
                    self._changed.notify_all()
                    end = self._pending.find(FRAME_END)

    def lines(self) -> list[str]:
        with self._lock:
            return list(self.screen.display)

    def wait_for(self, test, what: str, timeout: float = PATIENCE) -> list[str]:
        """Wait until `test(lines)` holds for the screen; return those lines."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                lines = list(self.screen.display)
                if test(lines):
                    return lines
                if self.process.poll() is not None:
                    raise RuntimeError(f"the application exited before showing {what}:\n" + "\n".join(lines))
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"{what} never appeared on screen:\n" + "\n".join(lines))
                self._changed.wait(min(remaining, 1.0))

    def wait_for_text(self, text: str) -> list[str]:
        return self.wait_for(lambda lines: any(text in line for line in lines), repr(text))

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def kill(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=30)
        self._reader.join(timeout=30)  # the rest of the output, up to the kill
        self.close()

    def close(self) -> None:
        """Close our end of the pty, as a terminal window does when it is closed: the reader stops first
        (it looks at `_closing` between reads), so that the close really lets go of the pty."""
        if self.master >= 0:
            self._closing = True
            self._reader.join()
            os.close(self.master)
            self.master = -1


def acknowledged_on(lines: list[str], texts: list[str], input_row: int) -> set[str]:
    """The texts whose row is on screen above the capture line without its "saving…" mark."""
    shown = set()
    for line in lines[:input_row - 1]:  # the capture line and the hint above it echo what is typed
        for text in texts:
            if f"{text} " in f"{line} " and SAVING not in line and "NOT SAVED" not in line:
                shown.add(text)
    return shown


def run_trial(folder: Path, rng: random.Random, notes: int = 12) -> Trial:
    """One trial: a fresh database with one meeting, notes typed, and a kill at a random moment:
    sometimes right after an Enter, sometimes once the screen shows some note saved, sometimes in
    the middle of the next line."""
    from facilitator import services
    from facilitator.db import open_engine

    db = folder / "facilitator.db"
    engine = open_engine(db)
    meeting = services.create_meeting(engine, "roundtable", title="Killtest", date=dt.date(2017, 2, 16))
    engine.dispose()
    trial = Trial()
    texts = [f"note {n} of the trial" for n in range(notes)]
    last = rng.randrange(notes)  # the last line whose Enter is sent
    wait_for = rng.choice([None, rng.randrange(last + 1)])  # a note to see saved before the kill
    terminal = Terminal(db, folder)
    input_row = SIZE[1]
    try:
        terminal.wait_for_text("Killtest")
        terminal.type("\r")  # open the meeting
        lines = terminal.wait_for_text("Type a note")
        input_row = next(i for i, line in enumerate(lines) if "Type a note" in line)
        # The random pauses below are a typist's rhythm, which puts the kill at a random moment of the
        # capture path. They never stand in for waiting on the application: nothing asserted depends on their
        # length, since what counts as saved is read off the screen after the kill (`acknowledged_on`).
        for text in texts[:last + 1]:
            for chunk in (text[:8], text[8:]):
                terminal.type(chunk)
                time.sleep(rng.uniform(0, 0.02))  # between keystrokes
            terminal.type("\r")
            trial.sent.append(text)
            time.sleep(rng.uniform(0, 0.05))  # between lines
        if wait_for is not None:
            terminal.wait_for(lambda shown: texts[wait_for] in acknowledged_on(shown, texts, input_row),
                              f"{texts[wait_for]!r} saved")
        if rng.random() < 0.5:
            trial.partial = "half a line typed when"[:rng.randrange(1, 22)]
            terminal.type(trial.partial)
        time.sleep(rng.uniform(0, 0.05))  # a random moment for the kill
    finally:
        terminal.kill()
    trial.acknowledged = acknowledged_on(terminal.lines(), trial.sent, input_row)
    engine = open_engine(db)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    trial.saved = [n.text for n in services.list_notes(engine, meeting.id)]
    draft = services.get_draft(engine, meeting.id)
    trial.draft = draft.text if draft else ""
    engine.dispose()
    return trial
