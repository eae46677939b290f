"""Optional encryption at rest with SQLCipher (the `sqlcipher3` package).

An encrypted database is opened with a passphrase the user types; the
passphrase lives only in this process's memory (on the engine, for the
connection factory and for backups), never on disk, in logs or in the
environment of child processes. Where SQLCipher cannot be installed the
application runs unencrypted and says encryption is unavailable.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import weakref

from .errors import DatabaseError

#: The passphrase of each open encrypted engine, in this process's memory only.
_PASSPHRASES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def remember(engine, passphrase: str) -> None:
    _PASSPHRASES[engine] = passphrase


def passphrase_of(engine) -> str | None:
    """The passphrase an engine was opened with, or None for a plain database."""
    return _PASSPHRASES.get(engine)

UNAVAILABLE = ("Encryption is unavailable on this machine: the sqlcipher3 package is not installed "
               "(pip install sqlcipher3).")


def sqlcipher():
    """The SQLCipher DB-API module, or DatabaseError saying encryption is unavailable."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        raise DatabaseError(UNAVAILABLE) from None
    return dbapi2


def available() -> bool:
    try:
        sqlcipher()  # looked up on the module, so a test can take SQLCipher away
    except DatabaseError:
        return False
    return True


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def connect(path: Path, passphrase: str, *, uri: str | None = None):
    """An SQLCipher connection to `path` (or to an SQLite `uri` naming it, e.g. read-only), keyed."""
    dbapi = sqlcipher()
    con = dbapi.connect(uri or str(path), uri=uri is not None, check_same_thread=False)
    con.execute("PRAGMA cipher_log_level = NONE")  # SQLCipher would print decryption errors on stderr
    con.execute(f"PRAGMA key = {_quote(passphrase)}")
    return con


def check_key(path: Path, passphrase: str, *, uri: str | None = None) -> None:
    dbapi = sqlcipher()
    con = connect(path, passphrase, uri=uri)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi.DatabaseError:
        raise DatabaseError(f"Wrong passphrase for {path} (or it is not a facilitator database); "
                            "nothing was changed.") from None
    finally:
        con.close()


def encrypt_file(path: Path, passphrase: str) -> None:
    """Convert a plain database file to an encrypted one in place (atomically);
    refused while another facilitator process has it open."""
    from .db import exclusive

    if len(passphrase) < 8:
        raise DatabaseError("Use a passphrase of at least 8 characters.")
    with exclusive(path):
        _encrypt(path, passphrase)


def _encrypt(path: Path, passphrase: str) -> None:
    from .files import atomic_target

    dbapi = sqlcipher()
    plain = sqlite3.connect(path)
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        plain.close()
    # The encrypted copy is synced to disk before it takes the database's name; no copy is left on failure.
    with atomic_target(path, overwrite=True, private=True, error=DatabaseError) as tmp:
        con = dbapi.connect(str(path))
        try:
            con.execute(f"ATTACH DATABASE {_quote(str(tmp))} AS encrypted KEY {_quote(passphrase)}")
            con.execute("SELECT sqlcipher_export('encrypted')")
            version = con.execute("PRAGMA user_version").fetchone()[0]
            con.execute(f"PRAGMA encrypted.user_version = {int(version)}")
            con.execute("DETACH DATABASE encrypted")
        except dbapi.Error as exc:
            raise DatabaseError(f"Encryption failed: {exc}; the database was left as it was.") from None
        finally:
            con.close()
        keyed = connect(tmp, passphrase)
        keyed.execute("PRAGMA journal_mode=WAL")
        keyed.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
