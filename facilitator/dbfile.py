"""The database file on disk, before SQLite opens it: checked (a folder, a
file that is not SQLite, an encrypted file, an empty file), or created whole.

An empty (0-byte) database file is refused rather than silently re-created:
a file that lost its content must not become a new empty database whose
backups then push the good ones out. A new database is made in a temporary
file and linked into place, so a crash while creating it never leaves an
empty file behind. A database on read-only media is opened read-only.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from urllib.parse import quote

from .errors import DatabaseError
from .files import SQLITE_HEADER, atomic_target, backups_of, is_empty_backup, writable_folder
from .inputs import check_regular


class PassphraseRequired(DatabaseError):
    """The file is not plain SQLite: encrypted, or something else. The CLI asks for a passphrase."""


def check_file(path: Path, passphrase: str | None, *, allow_empty: bool = False,
               restore_command: str = "facilitator restore") -> bool:
    """Check a database path; True when the file is (to be treated as) encrypted."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        _check_folder(path)
        return False
    except OSError as exc:
        raise DatabaseError(f"Cannot open database {path}: {exc.strerror}.") from None
    if stat.S_ISDIR(info.st_mode):
        raise DatabaseError(f"Database path {path} is a folder, not a file.")
    check_regular(path, "Database path", DatabaseError)  # /dev/null, a pipe: nothing SQLite keeps a database in
    if info.st_size == 0 and not _reads_as_empty(path):  # /proc's files say 0 bytes and hold some
        raise DatabaseError(f"{path} is not a SQLite database; it was left untouched.")
    if info.st_size == 0:
        if not allow_empty and not _wal_has_content(path):
            raise DatabaseError(_empty_message(path, restore_command))
        return False
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise DatabaseError(f"Cannot read database {path}: {exc.strerror}.") from None
    if header == SQLITE_HEADER:
        return False
    if info.st_size < 1024 or info.st_size % 512:  # an encrypted database is whole pages of random bytes
        raise DatabaseError(f"{path} is not a SQLite database; it was left untouched.")
    if passphrase is None:
        raise PassphraseRequired(f"{path} is encrypted, or is not a SQLite database; it was left "
                                 "untouched. Give its passphrase to open it.")
    return True


def _reads_as_empty(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return not fh.read(1)
    except OSError:
        return True  # what cannot be read is reported as it always was


def _check_folder(path: Path) -> None:
    try:
        if not path.parent.exists():
            path.parent.mkdir(mode=0o700, parents=True)
    except OSError as exc:
        raise DatabaseError(f"Cannot create the folder for database {path}: {exc.strerror}.") from None
    if not writable_folder(path.parent):
        raise DatabaseError(f"Cannot create database {path}: its folder is not writable.")


def _wal_has_content(path: Path) -> bool:
    """SQLite can still find committed pages in the -wal of an empty main file: let it try."""
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def _empty_message(path: Path, restore_command: str) -> str:
    backups = [b for b in backups_of(path) if not is_empty_backup(b)]
    if backups:
        return (f"{path} is empty (0 bytes): it holds no meetings, and was left untouched. Put your newest backup "
                f"back with `{restore_command} {backups[-1]}`.")
    return (f"{path} is empty (0 bytes) and there is no backup beside it; it was left untouched. Restore a backup "
            f"with `{restore_command} FILE`, or remove the empty file to start a new database.")


def is_read_only(path: Path) -> bool:
    """True when an existing database cannot be written where it is: read-only
    media (which binds root too), or no write permission on it or its folder."""
    return path.exists() and not (writable_folder(path.parent) and os.access(path, os.W_OK))


def read_only_uri(path: Path) -> str:
    """How SQLite opens a read-only database: `mode=ro` where it can keep its
    -shm beside the file (or finds -wal and -shm there already); otherwise
    also `immutable=1` (no locks, no -shm: the file as it is), which is all
    read-only media allow. A -wal left without its -shm is then not read."""
    wal, shm = (path.with_name(path.name + s) for s in ("-wal", "-shm"))
    uri = f"file:{quote(str(path.absolute()))}?mode=ro"
    if writable_folder(path.parent) or (wal.exists() and shm.exists()):
        return uri
    return uri + "&immutable=1"


def create_file(path: Path) -> None:
    """Make a new database file in WAL mode (WAL is persistent, so once is
    enough); an emptied file that `restore` is about to fill is set up in place."""
    if path.exists():
        if path.stat().st_size == 0 and not _wal_has_content(path):
            _set_wal(path, path)
        return
    try:
        with atomic_target(path, overwrite=False, private=True, error=DatabaseError) as tmp:
            _set_wal(tmp, path)  # SQLite gives the -wal and -shm files the database's permissions
    except DatabaseError:
        if not (path.exists() and path.stat().st_size):  # another process may have just created it
            raise


def _set_wal(file: Path, path: Path) -> None:
    try:
        con = sqlite3.connect(file)
        try:
            con.execute("PRAGMA journal_mode=WAL")
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise DatabaseError(f"Cannot create database {path}: {exc}.") from None
