"""Backups with SQLite's online backup API: a consistent copy even while the
application is writing. Made at the start and end of each live session and by
hand (`facilitator backup`); the last few are kept. `facilitator restore`
checks a backup before it replaces anything, and backs up what it replaces.

A copy written elsewhere (`facilitator backup -o PATH`) is out of the
application's reach, so `purge` cannot purge it; where each went is recorded
beside the database (`facilitator.db.copies.json`, `copies_record`), so that
`purge` can name every one still there.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy import Engine

from ..db import database_file, exclusive, open_engine
from ..dialects import sqlite_only
from ..encryption import passphrase_of
from ..errors import DatabaseError
from ..files import (SQLITE_HEADER, atomic_target, backup_name, backups_folder, backups_of, check_target,
                     is_empty_backup, writable_folder, write_atomically)

KEEP = 10


def database_path(engine: Engine) -> Path:
    sqlite_only(engine, "Backup and restore by file")
    path = database_file(engine)
    if path is None:
        raise DatabaseError("This database lives in memory; there is nothing to back up.")
    return path


def backup_folder(engine: Engine) -> Path:
    return backups_folder(database_path(engine))


def copy_database(source, target_path: Path, passphrase: str | None = None) -> None:
    """Online backup; a backup of an encrypted database is encrypted with the same key."""
    if passphrase is None:
        target = sqlite3.connect(target_path)
    else:
        from ..encryption import connect

        target = connect(target_path, passphrase)
    try:
        source.backup(target)
    finally:
        target.close()


def backup_database(engine: Engine, dest: Path | None = None, *, reason: str = "manual", keep: int = KEEP) -> Path:
    """Copy the live database to `dest` (default: the backups folder, named by
    time and reason), then prune automatic backups beyond the last `keep`."""
    db_path = database_path(engine)
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        dest = _destination(db_path, dest, reason, empty=not _has_meetings(source))
        with atomic_target(dest, overwrite=False, private=True, error=DatabaseError,
                           exists_hint="choose another name") as tmp:
            copy_database(source, tmp, passphrase_of(engine))
    except Exception as exc:  # sqlite3's or SQLCipher's errors
        if isinstance(exc, DatabaseError) or "Error" not in type(exc).__name__:
            raise
        raise DatabaseError(f"Backup to {dest or db_path} failed: {exc}.") from None
    finally:
        raw.close()
    if dest.parent == backup_folder(engine):
        prune(engine, keep)
    else:
        record_copy(db_path, dest)
    return dest


# --- copies made with `backup -o`: where they went, for `purge` to name them ----------------------------------


def copies_record(db_path: Path) -> Path:
    """The list of copies made with `backup -o`, beside the database: `facilitator.db.copies.json`."""
    return db_path.with_name(db_path.name + ".copies.json")


def _read_record(record: Path) -> list[dict]:
    try:
        entries = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # none yet, or not readable as a list: start again
        return []
    return [e for e in entries if isinstance(e, dict) and isinstance(e.get("path"), str)] \
        if isinstance(entries, list) else []


def record_copy(db_path: Path, dest: Path) -> None:
    """Add `dest` (a copy written outside the backups folder) to the record; a database on read-only media,
    which no purge can rewrite either, keeps none."""
    record = copies_record(db_path)
    if not writable_folder(record.parent):
        return
    path = str(Path(os.path.abspath(dest)))
    entries = [e for e in _read_record(record) if e["path"] != path]
    entries.append({"path": path, "made": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")})
    payload = (json.dumps(entries, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
    try:
        write_atomically(record, payload, overwrite=True, private=True, error=DatabaseError)
    except DatabaseError as exc:
        raise DatabaseError(f"The copy {dest} is written, but where it went could not be recorded ({exc}); a "
                            "purge will not be able to name it.") from None


def recorded_copies(engine: Engine) -> list[Path]:
    """The copies made with `backup -o` that are still where they were written, oldest first (one written
    into the backups folder is a backup like the others, and purged with them)."""
    db_path = database_path(engine)
    folder = backups_folder(db_path).resolve()
    copies = [Path(e["path"]) for e in _read_record(copies_record(db_path))]
    return [c for c in copies if c.is_file() and c.resolve().parent != folder]


def _destination(db_path: Path, dest: Path | None, reason: str, *, empty: bool) -> Path:
    if dest is None:
        folder = backups_folder(db_path)
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"Cannot create the backups folder {folder}: {exc.strerror}.") from None
        dest = backup_name(db_path, dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f"), reason, empty=empty)
    return check_target(Path(dest), database=db_path, into_backups=True, error=DatabaseError,
                        exists_hint="choose another name")


def _has_meetings(source) -> bool:
    try:
        return source.execute("SELECT EXISTS (SELECT 1 FROM meeting)").fetchone()[0] == 1
    except Exception:  # sqlite3's or SQLCipher's: no meeting table, nothing in it
        return False


def list_backups(engine: Engine) -> list[Path]:
    return backups_of(database_path(engine))


def prune(engine: Engine, keep: int = KEEP) -> None:
    """Keep the last `keep` backups of a database with meetings, and apart
    from them the last `keep` of an empty one: a database that lost its
    content is backed up too, but never at the cost of a good backup."""
    backups = list_backups(engine)
    for empty in (True, False):
        for old in [b for b in backups if is_empty_backup(b) == empty][:-keep]:
            old.unlink(missing_ok=True)


def _open(path: Path, passphrase: str | None):
    if passphrase is None:
        return sqlite3.connect(path)
    from ..encryption import check_key, connect

    check_key(path, passphrase)
    return connect(path, passphrase)


def check_backup(source: Path, passphrase: str | None = None) -> int:
    """Raise unless `source` is a facilitator database this release can open; return its schema version."""
    source = Path(source)
    try:
        with source.open("rb") as fh:
            header = fh.read(16)
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        raise DatabaseError(f"{source}: no such backup file.") from None
    except OSError as exc:  # a name too long, no permission...
        raise DatabaseError(f"Cannot read the backup {source}: {exc.strerror}.") from None
    if passphrase is None and header != SQLITE_HEADER:
        raise DatabaseError(f"{source} is not a SQLite database; nothing was restored.")
    with tempfile.TemporaryDirectory() as tmp:  # check a copy: opening must not touch the backup
        copy = Path(tmp) / "check.db"
        con = _open(source, passphrase)
        try:
            copy_database(con, copy, passphrase)
            con.execute("PRAGMA quick_check").fetchone()
        except Exception as exc:
            if isinstance(exc, DatabaseError):
                raise
            raise DatabaseError(f"{source} is damaged ({exc}); nothing was restored.") from None
        finally:
            con.close()
        try:
            return _schema_of_copy(copy, passphrase)
        except DatabaseError as exc:  # worded for the copy being checked: say it of the user's file
            raise DatabaseError(str(exc).replace(str(copy), str(source))) from None


def _schema_of_copy(copy: Path, passphrase: str | None) -> int:
    """The schema version of a copy of a backup, once that copy, brought to this release's schema, is seen to
    hold every table this release keeps (a table dropped by hand would fail only later, in use)."""
    from sqlalchemy import inspect
    from sqlmodel import SQLModel

    from ..db import schema_version

    engine = open_engine(copy, migrate=False, passphrase=passphrase, lock=False)
    try:
        version = schema_version(engine)
    finally:
        engine.dispose()
    if version == 0:
        return version
    engine = open_engine(copy, passphrase=passphrase, lock=False)  # migrated, as the restored file will be
    try:
        missing = sorted(set(SQLModel.metadata.tables) - set(inspect(engine).get_table_names()))
    finally:
        engine.dispose()
    if missing:
        raise DatabaseError(f"{copy} lacks the table(s) {', '.join(missing)}: it is not a whole facilitator "
                            "database; nothing was restored.")
    return version


def restore_database(engine: Engine, source: Path) -> Path:
    """Replace the live database's content with a backup's. The current content
    is backed up first (returned), so a restore can itself be undone. Refused
    while another facilitator process has the database open."""
    sqlite_only(engine, "Backup and restore by file")
    passphrase = passphrase_of(engine)
    check_backup(source, passphrase)
    with exclusive(engine):
        safety = backup_database(engine, reason="before-restore")
        engine.dispose()
        src = _open(source, passphrase)
        dst = _open(database_path(engine), passphrase)
        try:
            src.backup(dst)
        except Exception as exc:
            raise DatabaseError(f"Restore failed: {exc}; the previous content is in {safety}.") from None
        finally:
            src.close()
            dst.close()
    return safety
