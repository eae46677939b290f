"""Leaving cleanly when the terminal goes away.

When an SSH session drops or a terminal window is closed, the application
gets SIGHUP — or, on a pseudo-terminal whose other end was simply closed,
nothing at all: its input then reads as end-of-file forever, and Textual's
input thread spins at full CPU with the database open. Either way the
application must keep what was typed and stop. The App mixes this in: on
SIGHUP, or when a poll of its terminal reports a hang-up (checked once a
second), every capture screen queues its unsent line as a draft and the
application exits; the writer commits the queue on the way out.
"""

from __future__ import annotations

import asyncio
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
        self.keep_unsent()
        self.exit(return_code=HANGUP_STATUS)
