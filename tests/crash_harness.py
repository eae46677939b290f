"""Runs the real application in a real pseudo-terminal on a real SQLite file,
types notes, and kills it with SIGKILL at a random moment. Shared by the
crash-safety test and bench/kill_bench.py."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import pty
import random
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

#: A note whose Enter was sent at least this long before the kill must be on disk:
#: the application reads, parses and commits a line in a few milliseconds.
SETTLE = 0.15


@dataclass
class Trial:
    sent: list[tuple[str, float]] = field(default_factory=list)  # (note text, time its Enter was sent)
    killed_at: float = 0.0
    saved: set[str] = field(default_factory=set)
    draft: str = ""

    @property
    def must_have(self) -> set[str]:
        return {text for text, at in self.sent if at <= self.killed_at - SETTLE}

    @property
    def lost(self) -> set[str]:
        return self.must_have - self.saved

    @property
    def in_flight(self) -> set[str]:
        return {text for text, _ in self.sent} - self.must_have


class Terminal:
    """The application on the slave side of a pty; output is drained in a thread."""

    def __init__(self, db: Path, home: Path, size=(120, 36)) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "HOME": str(home), "FACILITATOR_DB": str(db),
               "TEXTUAL_ANIMATIONS": "none"}
        env.pop("PYTHONPATH", None)
        self.process = subprocess.Popen([sys.executable, "-m", "facilitator"], stdin=slave, stdout=slave,
                                        stderr=slave, env=env, start_new_session=True, close_fds=True)
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output.extend(chunk)

    def wait_for(self, text: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        needle = text.encode()
        while needle not in self.output:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise TimeoutError(f"{text!r} never appeared on screen")
            time.sleep(0.02)

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def kill(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass  # it had already exited (run_trial then reports why it never showed the screen)
        self.process.wait(timeout=10)
        os.close(self.master)


def run_trial(folder: Path, rng: random.Random, notes: int = 12) -> Trial:
    """One trial: a fresh database with one meeting, notes typed, a kill at a random moment."""
    from facilitator import services
    from facilitator.db import open_engine

    db = folder / "facilitator.db"
    engine = open_engine(db)
    meeting = services.create_meeting(engine, "roundtable", title="Killtest", date=dt.date(2017, 2, 16))
    engine.dispose()
    trial = Trial()
    terminal = Terminal(db, folder)
    try:
        terminal.wait_for("Killtest")
        terminal.type("\r")  # open the meeting
        terminal.wait_for("Type a note")
        time.sleep(0.3)
        kill_after = rng.uniform(0.05, notes * 0.09)
        start = time.monotonic()
        for n in range(notes):
            text = f"note {n} of the trial"
            for chunk in (text[:8], text[8:]):
                terminal.type(chunk)
                time.sleep(rng.uniform(0.005, 0.03))
            terminal.type("\r")
            trial.sent.append((text, time.monotonic()))
            if time.monotonic() - start > kill_after:
                break
            time.sleep(rng.uniform(0.02, 0.08))
        time.sleep(rng.uniform(0, 0.1))
        trial.killed_at = time.monotonic()
    finally:
        terminal.kill()
    engine = open_engine(db)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    trial.saved = {n.text for n in services.list_notes(engine, meeting.id)}
    draft = services.get_draft(engine, meeting.id)
    trial.draft = draft.text if draft else ""
    engine.dispose()
    return trial
