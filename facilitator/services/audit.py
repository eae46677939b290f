"""The attribution audit as user actions: list flags, and the one-key fixes
(anonymise, dismiss as not identifying, mark the participant attributable).
The matching itself is in `facilitator.audit`."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Engine

from ..audit import Flag, anonymise_text, audit
from ..errors import NotFound
from ..models import Meeting, Note, utcnow
from ._db import transaction
from .meetings import get_detail
from .participants import update_participant


def audit_meeting(engine: Engine, meeting_id: str) -> list[Flag]:
    return audit(get_detail(engine, meeting_id))


def anonymise(engine: Engine, meeting_id: str, flags: list[Flag] | None = None) -> list[Flag]:
    """Rewrite the flagged texts in their anonymous form, in one transaction.

    Without `flags`, every open flag of the meeting. Returns the flags fixed.
    """
    detail = get_detail(engine, meeting_id)
    flags = audit(detail) if flags is None else flags
    people = {p.id: p for p in detail.participants}
    by_text: dict[tuple[str | None, str], set[str]] = defaultdict(set)
    for flag in flags:
        by_text[(flag.note_id, flag.field)].add(flag.participant_id)
    with transaction(engine) as session:
        meeting = session.get(Meeting, meeting_id)
        for (note_id, field), pids in by_text.items():
            who = [people[pid] for pid in pids if pid in people]
            if note_id is None:
                if field == "guests":
                    meeting.guests = [
                        {**g, "name": anonymise_text(g.get("name", ""), who),
                         "role": anonymise_text(g.get("role", ""), who)} for g in meeting.guests
                    ]
                elif field.startswith("about:"):
                    name = field.removeprefix("about:")
                    meeting.about = {**meeting.about, name: anonymise_text(meeting.about.get(name, ""), who)}
                else:
                    setattr(meeting, field, anonymise_text(getattr(meeting, field), who))
                meeting.updated_at = utcnow()
                session.add(meeting)
            else:
                note = session.get(Note, note_id)
                if note is None:
                    raise NotFound(f"No note with id {note_id!r}.")
                setattr(note, field, anonymise_text(getattr(note, field), who))
                note.updated_at = utcnow()
                session.add(note)
    return flags


def dismiss(engine: Engine, meeting_id: str, flag: Flag) -> None:
    """Record that this text's mention of this participant does not identify a
    speaker (say, "the EU should ..." where the EU is also a participant's employer)."""
    with transaction(engine) as session:
        row = session.get(Note, flag.note_id) if flag.note_id else session.get(Meeting, meeting_id)
        if row is None:
            raise NotFound("The flagged text no longer exists.")
        if flag.participant_id not in row.cleared:
            row.cleared = [*row.cleared, flag.participant_id]
            row.updated_at = utcnow()
            session.add(row)


def mark_attributable(engine: Engine, participant_id: str) -> None:
    update_participant(engine, participant_id, attributable=True)
