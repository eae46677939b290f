"""Writing the program's files: whole or not at all, and never over a database.

Documents, bundles, backups and a new database file are all written the same
way (`atomic_target`, `write_atomically`): into a temporary file in the
target folder, flushed to disk, then linked into place (refusing to replace
anything) or renamed over the old file (with force). The temporary file is
removed on any failure, a full disk included. A document is created with the
permissions the user's umask allows; bundles, backups and databases hold raw
notes and are readable by their owner only.

`check_target` refuses, before anything is written, a name that would replace
the live database, its journal or lock files, anything in its backups folder,
or any SQLite file at all, whatever --force says.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import FacilitatorError
from .inputs import user_path
from .locks import lock_path

SQLITE_HEADER = b"SQLite format 3\x00"
NAME_MAX = 255  # bytes, on every common file system
PUBLIC, PRIVATE = 0o666, 0o600  # PUBLIC is narrowed by the umask when the file is created
_JOURNALS = ("-wal", "-shm", "-journal")
EMPTY_TAG = "-empty"


def is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_HEADER
    except OSError:
        return False


def database_files(database: Path) -> list[Path]:
    """The live database's own files: itself, its journals and its lock file."""
    return [database, *(database.with_name(database.name + s) for s in _JOURNALS), lock_path(database)]


def backups_folder(database: Path) -> Path:
    return database.parent / "backups"


def backups_of(database: Path) -> list[Path]:
    """The backups the application made of `database`, oldest first (their names start with a time stamp)."""
    folder = backups_folder(database)
    return sorted(folder.glob(f"{database.stem}-*.db")) if folder.is_dir() else []


def backup_name(database: Path, stamp: str, reason: str, *, empty: bool) -> Path:
    """`backups/<stem>-<stamp>-<reason>[-empty].db`: a backup of a database without meetings says so."""
    return backups_folder(database) / f"{database.stem}-{stamp}-{reason}{EMPTY_TAG if empty else ''}.db"


def is_empty_backup(backup: Path) -> bool:
    return backup.stem.endswith(EMPTY_TAG)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _same(path: Path, other: Path) -> bool:
    if path.resolve() == other.resolve():
        return True
    mine = _identity(path)
    return mine is not None and mine == _identity(other)


def check_name(path: Path, error: type[FacilitatorError] = FacilitatorError) -> None:
    """Refuse a file name longer than the file system allows, in one line."""
    size = len(os.fsencode(path.name))
    if size > NAME_MAX:
        raise error(f"Cannot use the file name {path.name[:40]}…: it is {size} bytes long, and file names "
                    f"may have at most {NAME_MAX}.")


def check_target(
    path: Path, *, force: bool = False, database: Path | None = None, into_backups: bool = False,
    error: type[FacilitatorError] = FacilitatorError, exists_hint: str = "use --force to overwrite it",
) -> Path:
    """Raise `error` (one line) unless `path` may be written; return it, expanded.

    `database` is the live database, whose own files and backups folder are
    out of bounds (`into_backups` lets a backup into that folder).
    """
    path = user_path(path, error)
    check_name(path, error)
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        info = None
    except OSError as exc:
        raise error(f"Cannot write {path}: {exc.strerror}.") from None
    if database is not None:
        if any(_same(path, own) for own in database_files(Path(database))):
            raise error(f"{path} is one of the database's own files; choose another name.")
        folder = backups_folder(Path(database))
        if not into_backups and folder.is_dir() and _same(path.parent, folder):
            raise error(f"{path} is in the backups folder, which holds only backups; choose another name.")
    if info is not None:
        if os.path.isdir(path):
            raise error(f"{path} is a folder; give a file name.")
        if is_sqlite_file(path):
            raise error(f"{path} is a SQLite database; facilitator never writes over one.")
        if not force:
            raise error(f"{path} already exists; {exists_hint}.")
    if not path.parent.is_dir():
        raise error(f"Cannot write {path}: the folder {path.parent} does not exist.")
    if not writable_folder(path.parent):
        raise error(f"Cannot write {path}: the folder {path.parent} is not writable.")
    return path


def writable_folder(folder: Path) -> bool:
    """Permissions, and the file system's read-only flag, which binds root too."""
    try:
        read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        read_only = False
    return not read_only and os.access(folder, os.W_OK | os.X_OK)


@contextmanager
def atomic_target(
    path: Path, *, overwrite: bool, private: bool = False, error: type[FacilitatorError] = FacilitatorError,
    exists_hint: str = "use --force to overwrite it",
) -> Iterator[Path]:
    """Yield an empty temporary file beside `path`; after the block fill it, it
    is flushed to disk and put at `path`. Nothing is left behind on failure."""
    path = Path(path)
    import secrets  # here: this module is read before the first frame, and secrets loads hashlib (some 2 ms)

    tmp = path.with_name(f".{path.name[:32]}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE if private else PUBLIC)
        os.close(fd)
        yield tmp
        _fsync(tmp)
        if overwrite:
            os.replace(tmp, path)
        else:
            _link_no_clobber(tmp, path)
        _sync_folder(path.parent)
    except FileExistsError:
        raise error(f"{path} already exists; {exists_hint}.") from None
    except OSError as exc:
        raise error(f"Cannot write {path}: {exc.strerror or exc}.") from None
    finally:
        for leftover in (tmp, *(tmp.with_name(tmp.name + s) for s in _JOURNALS)):
            _remove_quietly(leftover)  # still there after a link or a failure; gone after a rename


def write_atomically(path: Path, payload: bytes, *, overwrite: bool, private: bool = False,
                     error: type[FacilitatorError] = FacilitatorError) -> None:
    """Write `payload` to `path` whole or not at all (see `atomic_target`)."""
    with atomic_target(path, overwrite=overwrite, private=private, error=error) as tmp:
        fd = os.open(tmp, os.O_WRONLY)
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _link_no_clobber(tmp: Path, path: Path) -> None:
    """Give `tmp`'s file the name `path` only if nothing has that name
    (FileExistsError otherwise). A hard link does that atomically; where the
    file system has none (FAT on a memory stick), rename after one more look."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:
        if os.path.lexists(path):
            raise FileExistsError(path) from None
        os.replace(tmp, path)


def _remove_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every system can open a folder, so best effort."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
