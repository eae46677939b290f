"""Retention: once the memo is final, purge what identifies speakers from a
protected meeting, keeping the content.

Every text that can reach a reader (`policy.reader_texts`, the one list of
them) is rewritten with each protected identity in its anonymous form, in
every note whatever its item's rule, deleted notes included, by the audit's
own writer (`services.audit.text_changes` and `rewrite`); an organiser's
shared profile is rewritten too. So are what lies beside those texts: merge
revisions, follow-up comments, the notes' own theme and group tags, the
register's remaining rows (an attributable person's organisation), the
meeting's house settings, the organisers' running and short names, and the
phrase library (a phrase that names a protected identity is rewritten, not
removed). Speaker and statement links of notes under a protected rule go;
the speakers list, the unsent draft, dismissal records and the protected
people's own rows are deleted. The purge runs with secure_delete on, so
SQLite zeroes what it frees, the search index of the meeting's notes is
rebuilt from the purged rows and merged so that no old segment keeps a name,
and the WAL is written through and truncated: no purged byte is left in the
file or its WAL, even on a disk too full to compact. The file is then
compacted (VACUUM) when the disk has room for the copy VACUUM makes.

The same purge is applied to every database in the backups folder, with the
protected identities of the live meeting as well as the backup's own (a
backup made before someone was registered, or while the meeting was on the
record, is purged of them too); a backup of the application that cannot be
opened to be purged is deleted. Copies made with `backup -o` cannot be
reached: the purge names each one still where it was written
(`backups.recorded_copies`). Irreversible.

On an archive (PostgreSQL) the same rows are rewritten in one transaction,
the notes become readable by the archive's readers in their purged version
(dialects.pg_security.release_meeting), and VACUUM removes the old row
versions from the tables; the server's WAL and backups are its
administrator's to rotate.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import Engine, delete, update
from sqlmodel import col, select

from .. import dialects
from ..db import database_file, exclusive, open_engine
from ..dialects import pg_security
from ..dialects.postgresql import vacuum
from ..encryption import passphrase_of
from ..errors import DatabaseError, FacilitatorError, InvalidInput, NotFound
from ..files import backups_folder, backups_of, is_sqlite_file
from ..models import (AgendaItem, Draft, Intervention, Meeting, MeetingDetail, Note, NoteRevision, Organiser,
                      Participant, Phrase, StatusChange, utcnow)
from ..policy import Register, anonymise_text, is_protected
from ._db import reading, transaction
from .audit import rewrite, text_changes
from .backups import database_path, recorded_copies
from .meetings import get_detail

#: What a purge rewrites or deletes: on PostgreSQL, VACUUM then removes the old row versions.
PURGED_TABLES = ("note", "note_revision", "note_search", "meeting", "agenda_item", "organiser", "phrase",
                 "status_change", "draft", "participant", "intervention")

PURGED, REMOVED, LEFT = "purged", "removed", "left"
#: What of a note a purge may change: a note is counted changed when any of these did.
_NOTE_PARTS = ("text", "headline", "addressee", "footnote", "themes", "group", "speaker_id", "intervention_id")


class BackupOutcome(BaseModel):
    """What the purge did to one file of the backups folder."""

    path: str
    #: PURGED (rewritten in place), REMOVED (one of the application's backups that could not be opened to be
    #: purged, deleted instead), LEFT (a file the purge could not open and did not make: not purged).
    outcome: str
    reason: str = ""


class PurgeReport(BaseModel):
    notes_changed: int = 0
    speaker_links: int = 0
    queue_entries: int = 0
    #: Texts of `policy.reader_texts` rewritten (note texts, agenda titles, guests, About texts ...).
    texts_changed: int = 0
    #: Phrases of the phrase library that named a protected identity, rewritten in their anonymous form.
    phrases_rewritten: int = 0
    #: Organisers' shared profiles (About text, running and short names) that named one, rewritten.
    profiles_rewritten: int = 0
    backups_purged: int = 0
    #: Every database file of the backups folder that held the meeting or a phrase naming one of its
    #: protected identities, and what was done to it.
    backups: list[BackupOutcome] = []
    #: Copies made with `backup -o` still where they were written: out of reach, not purged.
    copies: list[str] = []
    #: Files purged completely but left uncompacted for want of free disk space.
    not_compacted: list[str] = []


def _purge_one(engine: Engine, meeting_id: str, live: Register | None = None) -> tuple[PurgeReport, Register]:
    """Purge the meeting in one database: the live one (`live` None), or a backup, purged of the live
    meeting's protected identities as well as its own. A backup without the meeting has its phrase library
    and the organisers' profiles purged. Returns what was done and the register used."""
    report = PurgeReport()
    on_server = dialects.is_postgresql(engine)
    with reading(engine) as session:
        present = session.get(Meeting, meeting_id) is not None
    detail = get_detail(engine, meeting_id, include_deleted=True) if present else None
    if live is None:
        if detail is None:
            raise NotFound(f"No meeting with id {meeting_id!r}.")
        if not is_protected(detail.meeting.rule):
            raise InvalidInput("Only a Chatham House or not-for-attribution meeting is purged; this one is on the "
                               "record.")
        register = Register(detail)
        organisers = detail.meeting.organisers
    else:
        register = Register(detail, live.identities.values()) if detail is not None else live
        organisers = live.detail.meeting.organisers
    with transaction(engine) as session:
        if not on_server:
            session.connection().exec_driver_sql("PRAGMA secure_delete=ON")  # what is freed is zeroed
        if detail is not None:
            _purge_meeting(session, detail, register, report)
        report.phrases_rewritten, report.profiles_rewritten = _purge_shared(session, register, organisers)
        if on_server:
            session.flush()
            if detail is not None:
                pg_security.release_meeting(session.connection(), meeting_id)
            return report, register
        if detail is None and not (report.phrases_rewritten or report.profiles_rewritten):
            return report, register  # nothing of the meeting here, nothing changed
        session.flush()
        conn = session.connection()
        _reindex(conn, meeting_id)
        conn.exec_driver_sql("INSERT INTO note_fts(note_fts) VALUES('optimize')")  # one new segment: no old one
    if not _write_through(engine):
        report.not_compacted.append(str(database_file(engine)))
    return report, register


def _purge_meeting(session, detail: MeetingDetail, register: Register, report: PurgeReport) -> None:
    meeting = session.get(Meeting, detail.meeting.id)
    changes = text_changes(detail, register)  # every text a reader could read, every note whatever its rule
    for change in changes:
        rewrite(session, meeting, change, profiles=True)
    report.texts_changed = len(changes)
    for public in detail.notes:
        note = session.get(Note, public.id)
        note.themes = [anonymise_text(t, register) for t in note.themes]  # tags no longer in the meeting's list
        note.group = anonymise_text(note.group, register)
        if is_protected(detail.effective_rule(public.item_id)):
            report.speaker_links += int(note.speaker_id is not None)
            note.speaker_id, note.intervention_id = None, None
        note.cleared = []  # dismissal records: an organisation's is keyed by its name
        if any(getattr(note, field) != getattr(public, field) for field in _NOTE_PARTS):
            note.updated_at = utcnow()
            report.notes_changed += 1
        session.add(note)
    queue = session.exec(select(Intervention).where(Intervention.meeting_id == detail.meeting.id)).all()
    report.queue_entries = len(queue)
    session.exec(delete(Intervention).where(Intervention.meeting_id == detail.meeting.id))
    _purge_around_the_notes(session, meeting, detail, register)


def _purge_around_the_notes(session, meeting: Meeting, detail: MeetingDetail, register: Register) -> None:
    """What else can hold a name: merge revisions, follow-up comments, the meeting's house settings, the unsent
    draft, dismissal records, the rest of the register, and the register of protected people itself — the rows
    typed in, imported, or created when a speaker was named. The register's name patterns are kept, every
    word hashed (policy.Register.fingerprints_after_purge), so that a name typed after the purge is still
    flagged and refused."""
    meeting.options = _swept(meeting.options, register)
    meeting.state_groups = _swept(meeting.state_groups, register)
    meeting.fingerprints = register.fingerprints_after_purge()
    meeting.cleared = []
    meeting.updated_at = utcnow()
    session.add(meeting)
    for item in session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)):
        item.groups = _swept(item.groups, register)  # a group a note's tag kept after a rename, say
        session.add(item)
    note_ids = [n.id for n in detail.notes]
    for revision in session.exec(select(NoteRevision).where(col(NoteRevision.note_id).in_(note_ids))):
        for field in ("text", "headline", "addressee", "group", "source"):
            setattr(revision, field, anonymise_text(getattr(revision, field) or "", register))
        revision.themes = _swept(revision.themes, register)
        session.add(revision)
    for change in session.exec(select(StatusChange).where(col(StatusChange.note_id).in_(note_ids))):
        change.comment = anonymise_text(change.comment, register)
        session.add(change)
    session.exec(delete(Draft).where(Draft.meeting_id == meeting.id))
    protected = {p.id for identity in register.identities.values() for p in identity.people}
    session.exec(update(Note).where(col(Note.speaker_id).in_(protected)).values(speaker_id=None))
    session.exec(delete(Participant).where(col(Participant.id).in_(protected)))
    for person in session.exec(select(Participant).where(Participant.meeting_id == meeting.id)):
        # Who may be named stays named; where they come from may be a protected organisation.
        person.organisation = anonymise_text(person.organisation, register)
        person.role = anonymise_text(person.role, register)
        session.add(person)


def _purge_shared(session, register: Register, organisers: Iterable[str]) -> tuple[int, int]:
    """What meetings share: the phrase library (a phrase naming a protected identity is rewritten in its
    anonymous form, so the library keeps its shape) and the meeting's organisers' profiles. Returns the
    numbers of phrases and of profiles rewritten."""
    phrases = 0
    for phrase in session.exec(select(Phrase)):
        text = anonymise_text(phrase.text, register)
        if text != phrase.text:
            phrase.text = text
            session.add(phrase)
            phrases += 1
    profiles = 0
    names = list(organisers)
    if names:
        for profile in session.exec(select(Organiser).where(col(Organiser.name).in_(names))):
            fields = ("about", "running", "short")
            texts = [anonymise_text(getattr(profile, field) or "", register) for field in fields]
            if texts != [getattr(profile, field) or "" for field in fields]:
                for field, text in zip(fields, texts):
                    setattr(profile, field, text)
                session.add(profile)
                profiles += 1
    return phrases, profiles


#: The search index's row of a note, as the migrations' triggers write it (facilitator.migrations).
_FTS_ROW = """SELECT note.rowid AS rowid, note.text AS text, note.headline AS headline, note.addressee AS addressee,
                     agenda_item.title AS title, (SELECT group_concat(value, ' ') FROM json_each(note.themes)) AS themes
              FROM note LEFT JOIN agenda_item ON agenda_item.id = note.item_id"""


def _reindex(conn, meeting_id: str) -> None:
    """The triggers have indexed the purged rows; make sure: any row of the meeting's notes in the search
    index that is not the note as it now is, or is missing, is indexed again from the note."""
    stale = [row[0] for row in conn.exec_driver_sql(
        f"""SELECT fresh.rowid FROM ({_FTS_ROW} WHERE note.meeting_id = ?) AS fresh
            LEFT JOIN note_fts ON note_fts.rowid = fresh.rowid
            WHERE note_fts.rowid IS NULL OR note_fts.text IS NOT fresh.text
               OR note_fts.headline IS NOT fresh.headline OR note_fts.addressee IS NOT fresh.addressee
               OR note_fts.item_title IS NOT fresh.title OR note_fts.themes IS NOT fresh.themes""",
        (meeting_id,))]
    for rowid in stale:
        conn.exec_driver_sql("DELETE FROM note_fts WHERE rowid = ?", (rowid,))
        conn.exec_driver_sql(f"INSERT INTO note_fts (rowid, text, headline, addressee, item_title, themes) "
                             f"{_FTS_ROW} WHERE note.rowid = ?", (rowid,))


def _swept(value, register: Register):
    """Every string in a JSON value (in lists, dict keys and values) in its anonymous form: a group of states
    is keyed by its name, which only the speakers list, deleted by the purge, refers to."""
    if isinstance(value, str):
        return anonymise_text(value, register)
    if isinstance(value, list):
        return [_swept(v, register) for v in value]
    if isinstance(value, dict):
        return {_swept(key, register): _swept(v, register) for key, v in value.items()}
    return value


def _write_through(engine: Engine) -> bool:
    """Checkpoint the WAL into the file and truncate it, compacting the file
    first when there is room; False when it could not be compacted."""
    with engine.connect() as conn:  # the driver's connection: VACUUM cannot run inside a transaction
        raw = conn.connection.driver_connection
        compacted = _room_for_vacuum(database_file(engine)) and _vacuum(raw)
        try:
            busy, _, _ = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except Exception as exc:  # sqlite3's or SQLCipher's OperationalError
            raise DatabaseError(f"The purge is saved, but its pages could not be written through to the database "
                                f"file ({exc}); free some space and run the purge again.") from None
    if busy:
        raise DatabaseError("The purge is saved, but the database is busy, so its old pages could not be "
                            "overwritten yet; run the purge again when nothing else uses the database.")
    return compacted


def _room_for_vacuum(path: Path | None) -> bool:
    """VACUUM writes a whole copy of the database to a temporary file and to the WAL."""
    if path is None:
        return True
    return free_space(path.parent) >= 2 * path.stat().st_size + 2**20


def free_space(folder: Path) -> int:
    return shutil.disk_usage(folder).free


def _vacuum(raw) -> bool:
    try:
        raw.execute("VACUUM")
    except Exception as exc:  # sqlite3's or SQLCipher's OperationalError
        if "full" not in str(exc):
            raise DatabaseError(f"The purge is saved, but compacting the database failed: {exc}.") from None
        return False
    return True


def purge_identities(engine: Engine, meeting_id: str) -> PurgeReport:
    """Purge the meeting here and in every backup; refused while another
    facilitator process has the database open (it may hold the old text)."""
    with transaction(engine) as session:
        if session.get(Meeting, meeting_id) is None:
            raise NotFound(f"No meeting with id {meeting_id!r}.")
    with exclusive(engine):
        return _purge_everywhere(engine, meeting_id)


def _purge_everywhere(engine: Engine, meeting_id: str) -> PurgeReport:
    report, register = _purge_one(engine, meeting_id)
    if dialects.is_postgresql(engine):
        vacuum(engine, PURGED_TABLES)  # the server's own backups and WAL archive are its administrator's
        return report
    for path in backup_files(database_path(engine)):
        outcome = _purge_backup(engine, path, meeting_id, register, report)
        if outcome is not None:
            report.backups.append(outcome)
    report.backups_purged = sum(b.outcome == PURGED for b in report.backups)
    report.copies = [str(copy) for copy in recorded_copies(engine)]
    return report


def backup_files(db_path: Path) -> list[Path]:
    """Every database in the backups folder: the application's backups (named after the database) and any
    other SQLite or .db file put there (`backup -o` into the folder, a copy of another name, a backup's
    temporary file left by a crash)."""
    ours = backups_of(db_path)
    folder = backups_folder(db_path)
    others = sorted(p for p in folder.iterdir() if p not in ours and p.is_file()
                    and (is_sqlite_file(p) or p.suffix == ".db")) if folder.is_dir() else []
    return [*ours, *others]


def _is_ours(db_path: Path, path: Path) -> bool:
    """A backup the application made, or a temporary file of one (files.atomic_target's name)."""
    return path in backups_of(db_path) or (path.name.startswith(".") and path.name.endswith(".tmp"))


def _purge_backup(engine: Engine, path: Path, meeting_id: str, live: Register,
                  report: PurgeReport) -> BackupOutcome | None:
    """Purge one backup in place; None when it holds nothing of the meeting (nor a phrase naming one of its
    protected identities). One of the application's backups that cannot be opened is removed instead."""
    passphrase = None if is_sqlite_file(path) else passphrase_of(engine)  # a plain backup of an encrypted file
    backup = None
    try:
        backup = open_engine(path, passphrase=passphrase, lock=False)
        with reading(backup) as session:
            held = session.get(Meeting, meeting_id) is not None
    except Exception as exc:  # FacilitatorError, or the driver's own on a damaged file
        if backup is not None:
            backup.dispose()
        reason = str(exc) if isinstance(exc, FacilitatorError) else f"{type(exc).__name__}: {exc}"
        return _unopenable(engine, path, reason)
    try:
        done, _ = _purge_one(backup, meeting_id, live)
    finally:
        backup.dispose()
    report.not_compacted += done.not_compacted
    if not (held or done.phrases_rewritten or done.profiles_rewritten):
        return None
    return BackupOutcome(path=str(path), outcome=PURGED)


def _unopenable(engine: Engine, path: Path, reason: str) -> BackupOutcome:
    """A backup that cannot be opened cannot be purged: the application's own is removed (with its journal
    files); a file of another origin is left and said to be left."""
    reason = reason.rstrip(".")
    if not _is_ours(database_path(engine), path):
        return BackupOutcome(path=str(path), outcome=LEFT, reason=f"it could not be opened ({reason})")
    for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        try:
            leftover.unlink(missing_ok=True)
        except OSError as exc:
            raise DatabaseError(f"The purge is saved here, but the backup {path} could not be opened to be purged "
                                f"({reason}) nor removed ({exc.strerror}); delete it by hand.") from None
    return BackupOutcome(path=str(path), outcome=REMOVED, reason=f"it could not be opened to be purged ({reason})")
