"""Retention: once the memo is final, purge what identifies speakers from the
raw notes of a protected meeting, keeping the content.

For every note under a protected rule: its speaker link and statement link
go, and names of non-attributable participants in its text and headline are
rewritten in their anonymous form (so are merge revisions). The meeting's
speakers list is deleted. The database is then vacuumed with secure_delete on
and the WAL truncated, so the old text is not left in free pages, and the
same purge is applied to every backup the application made. Irreversible.
"""

from __future__ import annotations

from pydantic import BaseModel
from sqlalchemy import Engine, delete
from sqlmodel import select

from ..audit import anonymise_text
from ..db import exclusive, open_engine
from ..encryption import passphrase_of
from ..errors import InvalidInput, NotFound
from ..models import Intervention, Meeting, Note, NoteRevision, utcnow
from ..vocab import PROTECTED_RULES
from ._db import transaction
from .backups import list_backups
from .meetings import get_detail


class PurgeReport(BaseModel):
    notes_changed: int = 0
    speaker_links: int = 0
    queue_entries: int = 0
    backups_purged: int = 0


def _purge_one(engine: Engine, meeting_id: str) -> PurgeReport:
    detail = get_detail(engine, meeting_id, include_deleted=True)
    if detail.meeting.rule not in PROTECTED_RULES:
        raise InvalidInput("Only a Chatham House or not-for-attribution meeting is purged; this one is on the record.")
    protected = [p for p in detail.participants if not p.attributable]
    report = PurgeReport()
    with transaction(engine) as session:
        for public in detail.notes:
            if detail.effective_rule(public.item_id) not in PROTECTED_RULES:
                continue
            note = session.get(Note, public.id)
            text, headline = anonymise_text(note.text, protected), anonymise_text(note.headline, protected)
            changed = (text, headline) != (note.text, note.headline) or note.speaker_id or note.intervention_id
            report.speaker_links += int(note.speaker_id is not None)
            note.text, note.headline, note.speaker_id, note.intervention_id = text, headline, None, None
            if changed:
                note.updated_at = utcnow()
                report.notes_changed += 1
                session.add(note)
            for revision in session.exec(select(NoteRevision).where(NoteRevision.note_id == note.id)).all():
                revision.text = anonymise_text(revision.text, protected)
                revision.headline = anonymise_text(revision.headline, protected)
                session.add(revision)
        queue = session.exec(select(Intervention).where(Intervention.meeting_id == meeting_id)).all()
        report.queue_entries = len(queue)
        session.exec(delete(Intervention).where(Intervention.meeting_id == meeting_id))
    with engine.connect() as conn:  # outside a transaction: VACUUM cannot run inside one
        raw = conn.connection.driver_connection
        raw.execute("PRAGMA secure_delete=ON")
        raw.execute("INSERT INTO note_fts(note_fts) VALUES('optimize')")
        raw.execute("VACUUM")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return report


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
    for path in list_backups(engine):
        backup = open_engine(path, passphrase=passphrase_of(engine), lock=False)
        try:
            with transaction(backup) as session:
                present = session.get(Meeting, meeting_id) is not None
            if present:
                _purge_one(backup, meeting_id)
                report.backups_purged += 1
        finally:
            backup.dispose()
    return report
