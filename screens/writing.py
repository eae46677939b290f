"""Writes from a screen go through the application's single writer.

`self.write(service_function, *args, done=..., failed=...)` queues the call
on `app.writer` (facilitator/writer.py) and returns at once: the screen never
waits on disk. When the transaction has committed (or failed), the writer's
thread posts `Written` to the screen, and `done(result)` or `failed(error)`
runs on the UI thread, in the order the writes were submitted. Without a
`failed`, an error becomes one notification.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from textual.message import Message


@dataclass
class Written(Message):
    """A write this screen submitted has finished: committed, or failed."""

    future: Future
    done: Callable[[Any], None] | None
    failed: Callable[[BaseException], None] | None


class WritesToDatabase:
    def write(self, action: Callable[..., Any], *args: Any, done: Callable[[Any], None] | None = None,
              failed: Callable[[BaseException], None] | None = None, **kwargs: Any) -> Future:
        future = self.app.writer.submit(action, *args, **kwargs)
        future.add_done_callback(lambda finished: self.post_message(Written(finished, done, failed)))
        return future

    def on_written(self, message: Written) -> None:
        message.stop()
        error = message.future.exception()
        if error is None:
            if message.done is not None:
                message.done(message.future.result())
        elif message.failed is not None:
            message.failed(error)
        else:
            self.app.report(error)
