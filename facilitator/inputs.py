"""Paths and files a user hands the program: a template, a CSV, a bundle, a
passphrase file, a database, a document to write.

A path is expanded as a shell would (`~`, `~user`), and an unknown user is one
line, not a traceback. A file the program reads must be a regular file: a
device such as /dev/zero never ends and a named pipe blocks until something
writes to it, so neither is opened (their size, 0 to `stat`, would pass any
check of it).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import FacilitatorError


def user_path(value: str | os.PathLike, error: type[FacilitatorError] = FacilitatorError) -> Path:
    """`value` with a leading `~` or `~user` expanded; `error` (one line) when there is no such user."""
    try:
        return Path(value).expanduser()
    except RuntimeError:  # Path.expanduser: "Could not determine home directory."
        user = str(value)[1:].split("/", 1)[0] or os.environ.get("USER", "")
        raise error(f"{value}: there is no user {user!r} on this computer, so {str(value).split('/')[0]} names "
                    "no folder.") from None


def check_regular(path: Path, what: str, error: type[FacilitatorError] = FacilitatorError) -> None:
    """`error` (one line) when `path` exists and is neither a regular file nor a folder (a device, a pipe, a
    socket); a missing file or a folder is left to the caller, which words that its own way."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise error(f"{what} {path} is not a regular file (a device or a pipe); give a file.")


def check_utf8(**values: object) -> None:
    """InvalidInput (one line) for a value that is not valid UTF-8 text (an argument typed in another
    encoding arrives with surrogates, Python's surrogateescape, which no database can store); a list or
    tuple is checked item by item. Imports nothing, so commands that read without the ORM can use it."""
    from .errors import InvalidInput

    for field, value in values.items():
        for one in value if isinstance(value, (list, tuple)) else (value,):
            if isinstance(one, str):
                try:
                    one.encode("utf-8")
                except UnicodeEncodeError:
                    raise InvalidInput(f"The {field.replace('_', ' ')} {one!r} is not valid UTF-8 text; type it "
                                       "again in UTF-8.") from None
