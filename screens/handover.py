"""Handing a worker thread's result to the UI without waiting for it.

Textual's `call_from_thread` runs a callback on the UI thread and waits for
its answer; when the application stops before the callback runs (its terminal
lost while the database was still opening), that wait never ends, and
Python's exit waits in turn for the worker's thread: the process stays,
holding the database. `hand_over` posts a message instead (Textual's
`post_message` is thread-safe) and returns at once.
"""

from __future__ import annotations

from textual.message import Message
from textual.message_pump import MessagePump


def hand_over(target: MessagePump, message: Message) -> bool:
    """Post `message` to `target` from any thread; False if the application is no longer there to take it."""
    try:
        return target.post_message(message)
    except RuntimeError:  # its event loop is closed
        return False
