"""Leaving cleanly when the terminal goes away.

When an SSH session drops or a terminal window is closed, the application
gets SIGHUP — or, on a pseudo-terminal whose other end was simply closed,
nothing at all: its input then reads as end-of-file forever, and Textual's
input thread spins at full CPU with the database open. Either way the
application must keep what was typed and stop. The App mixes this in: on
SIGHUP, or when a poll of its terminal reports a hang-up (checked once a
second), every capture screen queues its unsent line as a draft and the
application exits; the writer commits the queue on the way out.

Nothing written to a lost terminal can arrive, and the first frame written
after the loss fails (EIO) and kills Textual's output thread, whose queue is
then never emptied: Textual's shutdown, which writes to restore the terminal,
would wait on it for ever, before the draft is committed and with the
database held. So the application lets go of the terminal first
(`_drop_output`): from the hang-up on, what it writes goes nowhere.
"""

from __future__ import annotations

import asyncio
import os
import select
import signal
import sys

#: Exit status after a hang-up, as a shell reports a process ended by SIGHUP.
HANGUP_STATUS = 129


class LeavesOnHangup:
    def watch_terminal(self) -> None:
        """Start watching; a headless run (tests) has no terminal to lose."""
        if self.is_headless:
            return
        try:
            asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.hang_up)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # not the main thread, or a platform without SIGHUP
        try:
            fd = sys.__stdin__.fileno()
        except (AttributeError, ValueError, OSError):
            return
        self._terminal_poll = select.poll()
        self._terminal_poll.register(fd, select.POLLHUP | select.POLLERR)
        self.set_interval(1.0, self._check_terminal, name="terminal watch")

    def _check_terminal(self) -> None:
        if any(events & (select.POLLHUP | select.POLLERR) for _, events in self._terminal_poll.poll(0)):
            self.hang_up()

    def hang_up(self) -> None:
        if getattr(self, "_hung_up", False):
            return
        self._hung_up = True
        self._drop_output()
        self.keep_unsent()
        self.exit(return_code=HANGUP_STATUS)

    def _drop_output(self) -> None:
        """Point the terminal's output at /dev/null, so that no later write fails, and drop what Textual
        still writes (restoring a terminal that is gone). This reaches into Textual's Linux driver (its
        `write` and its output thread), which has no public way to be told that its terminal is gone."""
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            for stream in (sys.__stdout__, sys.__stderr__):
                try:
                    os.dup2(devnull, stream.fileno())
                except (AttributeError, ValueError, OSError):
                    pass
        finally:
            os.close(devnull)
        driver = self._driver
        if driver is None:
            return
        driver.write = lambda data: None
        if hasattr(driver, "_writer_thread"):
            # Textual's output thread (a daemon), alive or dead on a failed write: stopping it means putting
            # on its queue, which blocks for good once the thread is dead and the queue full. Left alone.
            driver._writer_thread = None
