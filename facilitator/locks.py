"""A lock file beside each database, so that a command which replaces or
rewrites the whole file (restore, encrypt, purge) never runs while another
facilitator process has that database open.

Every engine `open_engine` makes holds a shared `flock` on `<database>.lock`
for as long as it lives; `exclusive()` wants the lock to itself and refuses at
once when another process holds it. A flock belongs to an open file, not to
a process, so each process opens the lock file once per database and its
engines share that one descriptor: a process never locks itself out.
"""

from __future__ import annotations

import errno
import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .errors import DatabaseError

LOCK_SUFFIX = ".lock"
_CANNOT_CREATE = (errno.EROFS, errno.EACCES, errno.EPERM)


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + LOCK_SUFFIX)


@dataclass
class Held:
    """This process's open lock file for one database."""

    fd: int
    key: tuple[int, int]
    users: int = 0
    exclusive: int = 0  # nesting depth of `exclusive()`


_HELD: dict[tuple[int, int], Held] = {}
_GUARD = threading.RLock()  # re-entrant: an engine's finaliser may run during garbage collection in here


def _open(database: Path) -> Held | None:
    """This process's lock for `database`; None where no lock file can exist
    (a read-only folder without one: nobody can rewrite the database there)."""
    path = lock_path(database)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        if exc.errno not in _CANNOT_CREATE:
            raise DatabaseError(f"Cannot open the lock file {path}: {exc.strerror}.") from None
        try:
            fd = os.open(path, os.O_RDONLY)  # flock works on a read-only descriptor too
        except OSError:
            return None
    info = os.fstat(fd)
    key = (info.st_dev, info.st_ino)
    if key in _HELD:
        os.close(fd)  # closing a second descriptor leaves the first one's flock alone
        return _HELD[key]
    _HELD[key] = Held(fd, key)
    return _HELD[key]


def _close(held: Held) -> None:
    os.close(held.fd)
    _HELD.pop(held.key, None)


def share(database: Path) -> Held | None:
    """Take (or join) the shared lock; refuses while another process rewrites the file."""
    with _GUARD:
        held = _open(database)
        if held is None:
            return None
        if held.users == 0 and not held.exclusive:
            try:
                fcntl.flock(held.fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                _close(held)
                raise DatabaseError(f"{database} is being rewritten by another facilitator process (restore, "
                                    "encrypt or purge); try again when it has finished.") from None
        held.users += 1
        return held


def release(held: Held | None) -> None:
    """One engine fewer; the last one closes the lock file, which drops the lock."""
    if held is None:
        return
    with _GUARD:
        held.users -= 1
        if held.users <= 0 and not held.exclusive and _HELD.get(held.key) is held:
            _close(held)


@contextmanager
def exclusive(database: Path) -> Iterator[None]:
    """Hold the lock alone for the block, or raise DatabaseError naming why not."""
    with _GUARD:
        held = _open(database)
        if held is None:
            raise DatabaseError(f"Cannot lock {database}: its folder is read-only; nothing was changed.")
        try:
            fcntl.flock(held.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            _back_to_shared(held)
            raise DatabaseError(f"{database} is open in another facilitator process; close it first.") from None
        held.exclusive += 1
    try:
        yield
    finally:
        with _GUARD:
            held.exclusive -= 1
            if not held.exclusive:
                _back_to_shared(held)


def _back_to_shared(held: Held) -> None:
    """After an exclusive lock, or a failed attempt (Linux drops a shared lock
    it fails to convert): shared again while engines of ours use the file."""
    if held.exclusive:
        return
    if held.users <= 0:
        _close(held)
        return
    try:
        fcntl.flock(held.fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        pass  # another process got in between; our engines keep working, only unguarded
