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
