"""Retention: once the memo is final, purge what identifies speakers from the
raw notes of a protected meeting, keeping the content.

For every note under a protected rule: its speaker link and statement link
go, and names of protected people and organisations in its text and headline
are rewritten in their anonymous form (so are merge revisions). So are the
meeting's own texts and follow-up comments; the speakers list, the unsent
draft, dismissal records and the protected people's own rows are deleted. The purge runs with secure_delete on, so SQLite
zeroes what it frees, the search index is merged so that no old segment keeps
a name, and the WAL is written through and truncated: no purged byte is left
in the file or its WAL, even on a disk too full to compact. The file is then
compacted (VACUUM) when the disk has room for the copy VACUUM makes. The same
purge is applied to every backup the application made. Irreversible.

On an archive (PostgreSQL) the same rows are rewritten in one transaction,
the notes become readable by the archive's readers in their purged version
(dialects.pg_security.release_meeting), and VACUUM removes the old row
versions from the tables; the server's WAL and backups are its
administrator's to rotate.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import Engine, delete, update
from sqlmodel import col, select

from .. import dialects
from ..db import database_file, exclusive, open_engine
from ..dialects import pg_security
from ..dialects.postgresql import vacuum
from ..encryption import passphrase_of
from ..errors import DatabaseError, InvalidInput, NotFound
from ..models import Draft, Intervention, Meeting, Note, NoteRevision, Participant, StatusChange, utcnow
from ..policy import MEETING_FIELDS, Register, anonymise_text, is_protected
from ._db import transaction
from .backups import list_backups
from .meetings import get_detail

#: What a purge rewrites or deletes: on PostgreSQL, VACUUM then removes the old row versions.
PURGED_TABLES = ("note", "note_revision", "note_search", "meeting", "status_change", "draft", "participant",
                 "intervention")


class PurgeReport(BaseModel):
    notes_changed: int = 0
    speaker_links: int = 0
    queue_entries: int = 0
    backups_purged: int = 0
    #: Files purged completely but left uncompacted for want of free disk space.
    not_compacted: list[str] = []


def _purge_one(engine: Engine, meeting_id: str) -> PurgeReport:
    detail = get_detail(engine, meeting_id, include_deleted=True)
    if not is_protected(detail.meeting.rule):
        raise InvalidInput("Only a Chatham House or not-for-attribution meeting is purged; this one is on the record.")
    register = Register(detail)
    report = PurgeReport()
    on_server = dialects.is_postgresql(engine)
    with transaction(engine) as session:
        if not on_server:
            session.connection().exec_driver_sql("PRAGMA secure_delete=ON")  # what is freed is zeroed
        for public in detail.notes:
            if not is_protected(detail.effective_rule(public.item_id)):
                continue
            note = session.get(Note, public.id)
            text, headline = anonymise_text(note.text, register), anonymise_text(note.headline, register)
            changed = (text, headline) != (note.text, note.headline) or note.speaker_id or note.intervention_id
            report.speaker_links += int(note.speaker_id is not None)
            note.text, note.headline, note.speaker_id, note.intervention_id = text, headline, None, None
            if changed:
                note.updated_at = utcnow()
                report.notes_changed += 1
                session.add(note)
            for revision in session.exec(select(NoteRevision).where(NoteRevision.note_id == note.id)).all():
                revision.text = anonymise_text(revision.text, register)
                revision.headline = anonymise_text(revision.headline, register)
                session.add(revision)
        queue = session.exec(select(Intervention).where(Intervention.meeting_id == meeting_id)).all()
        report.queue_entries = len(queue)
        session.exec(delete(Intervention).where(Intervention.meeting_id == meeting_id))
        _purge_around_the_notes(session, detail, register)
        if on_server:
            session.flush()
            pg_security.release_meeting(session.connection(), meeting_id)
            return report
        session.connection().exec_driver_sql("INSERT INTO note_fts(note_fts) VALUES('optimize')")
    if not _write_through(engine):
        report.not_compacted.append(str(database_file(engine)))
    return report


def _purge_around_the_notes(session, detail, register: Register) -> None:
    """What else can hold a name: the meeting's own texts, the unsent draft, follow-up comments,
    dismissal records (an organisation's is keyed by its name), and the register of protected people
    itself — the rows typed in, imported, or created when a speaker was named."""
    meeting = session.get(Meeting, detail.meeting.id)
    for field in MEETING_FIELDS:
        setattr(meeting, field, anonymise_text(getattr(meeting, field) or "", register))
    meeting.about = {name: anonymise_text(text, register) for name, text in meeting.about.items()}
    meeting.cleared = []
    meeting.updated_at = utcnow()
    session.add(meeting)
    note_ids = [n.id for n in detail.notes]
    for note in session.exec(select(Note).where(col(Note.id).in_(note_ids))):
        if note.cleared:
            note.cleared = []
            session.add(note)
    for change in session.exec(select(StatusChange).where(col(StatusChange.note_id).in_(note_ids))):
        change.comment = anonymise_text(change.comment, register)
        session.add(change)
    session.exec(delete(Draft).where(Draft.meeting_id == meeting.id))
    protected = {p.id for identity in register.identities.values() for p in identity.people}
    session.exec(update(Note).where(col(Note.speaker_id).in_(protected)).values(speaker_id=None))
    session.exec(delete(Participant).where(col(Participant.id).in_(protected)))


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
    report = _purge_one(engine, meeting_id)
    if dialects.is_postgresql(engine):
        vacuum(engine, PURGED_TABLES)  # the server's own backups and WAL archive are its administrator's
        return report
    for path in list_backups(engine):
        backup = open_engine(path, passphrase=passphrase_of(engine), lock=False)
        try:
            with transaction(backup) as session:
                present = session.get(Meeting, meeting_id) is not None
            if present:
                report.not_compacted += _purge_one(backup, meeting_id).not_compacted
                report.backups_purged += 1
        finally:
            backup.dispose()
    return report
