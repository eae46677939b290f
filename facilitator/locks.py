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

from pathlib import Path

LOCK_SUFFIX = ".lock"


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + LOCK_SUFFIX)
