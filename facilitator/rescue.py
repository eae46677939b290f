"""The last resort for typed text the database cannot take.

When the application quits (or crashes, or loses its terminal) while the
database cannot be written — its folder deleted, the disk full, the file
replaced — the lines that were still unsaved would be lost with the process.
They are written instead to a private text file in the user's home folder,
and the command line says where.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path


def write_rescue(texts: list[str], *, meeting: str = "", folder: Path | None = None) -> Path:
    """Write `texts`, one per paragraph, to a new file readable by its owner only; return its path."""
    folder = Path(folder) if folder is not None else Path.home()
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    header = f"Lines typed in facilitator that could not be saved to the database{f' ({meeting})' if meeting else ''}."
    body = "\n\n".join([header, *texts]) + "\n"
    for n in range(100):
        path = folder / f"facilitator-unsaved-{stamp}{f'-{n}' if n else ''}.txt"
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(body)
            out.flush()
            os.fsync(out.fileno())
        return path
    raise FileExistsError(f"Too many rescue files in {folder}.")


def hold_database(engine):
    """A connection to the database file as it is now, held for the application's lifetime.

    If another program later replaces or deletes the file, this connection
    still reads the original (the open file survives its name), which is what
    `copy_meeting_elsewhere` copies from. None for a database in memory."""
    from .db import database_file

    if database_file(engine) is None:
        return None
    raw = engine.raw_connection()
    raw.driver_connection.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the file and its WAL
    return raw


def copy_elsewhere(held, dest: Path, *, passphrase: str | None, meeting_id: str,
                   lines: list[tuple[str | None, object]], draft: str = "") -> Path:
    """Save what the application last saw of the database — from `held`, the connection kept since it
    started — to a new file `dest`, and add to it the lines not yet saved (item id, parsed Capture) and
    the unsent draft of `meeting_id`. Returns `dest`; open it with `facilitator --db DEST`."""
    from . import services
    from .db import close_engine, open_engine
    from .errors import DatabaseError
    from .files import atomic_target
    from .services.backups import copy_database

    with atomic_target(dest, overwrite=False, private=True, error=DatabaseError,
                       exists_hint="choose another name") as tmp:
        copy_database(held.driver_connection, tmp, passphrase)
    engine = open_engine(dest, passphrase=passphrase)
    try:
        for item_id, capture in lines:
            services.capture_note(engine, meeting_id, item_id, capture)
        if draft.strip():
            services.save_draft(engine, meeting_id, None, draft)
    finally:
        close_engine(engine)
    return dest
