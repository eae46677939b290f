"""The application's single writer: one queue, one thread, one transaction per user action.

Every write the application makes — a captured note with the clearing of its
draft, an edit, a clock change — is a service call submitted here. One thread
runs them in the order they were submitted, so two writes of the same program
never compete for SQLite's write lock, and a later line can never be
committed before an earlier one. The caller gets a `Future`; the screens turn
its result into a message (see screens/writing.py). Reads do not come here:
they run in deferred transactions, which WAL lets proceed beside a write.

Before each action the writer checks that the database file is still the one
the engine opened (`check`): a file replaced or deleted by another program
would otherwise swallow every later write. Once that check fails the writer
is *broken*: it refuses every further action with the same error, and the
screens keep what was typed on screen.

No Textual import here: the writer is core, and testable without a screen.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from sqlalchemy import Engine

from .errors import DatabaseError

T = TypeVar("T")

_STOP = object()


class Writer:
    def __init__(self, engine: Engine, *, check: Callable[[Engine], None] | None = None) -> None:
        self.engine = engine
        self._check = check
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._closed = False
        #: The error that stopped the writer for good (the database file was replaced), else None.
        self.broken: DatabaseError | None = None
        self._thread = threading.Thread(target=self._run, name="facilitator-writer", daemon=True)
        self._thread.start()

    def submit(self, action: Callable[..., T], *args: Any, **kwargs: Any) -> Future[T]:
        """Queue `action(engine, *args, **kwargs)`; it runs after everything submitted before it."""
        future: Future[T] = Future()
        with self._lock:
            if self._closed:
                future.set_exception(DatabaseError("The application is closing; nothing more is written."))
                return future
            self._queue.put((future, action, args, kwargs))
        return future

    def call(self, action: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Submit and wait: for the few writes that must be done before the program goes on (quitting)."""
        if threading.current_thread() is self._thread:
            return action(self.engine, *args, **kwargs)
        return self.submit(action, *args, **kwargs).result()

    def flush(self) -> None:
        """Wait until everything submitted before this call has run (for tests and for quitting)."""
        if not self._closed:
            self.submit(lambda engine: None).exception()

    def close(self) -> None:
        """Run everything already queued, then stop the thread. Idempotent."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._queue.put(_STOP)
        if threading.current_thread() is not self._thread:
            self._thread.join()

    @property
    def closed(self) -> bool:
        return self._closed

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            if job is _STOP:
                return
            future, action, args, kwargs = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                if self.broken is not None:
                    raise self.broken
                if self._check is not None:
                    try:
                        self._check(self.engine)
                    except DatabaseError as exc:
                        self.broken = exc
                        raise
                result = action(self.engine, *args, **kwargs)
            except BaseException as exc:  # noqa: BLE001 - every failure goes back to whoever asked
                future.set_exception(exc)
            else:
                future.set_result(result)
