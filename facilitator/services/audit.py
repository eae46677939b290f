"""The attribution audit as user actions: list the flags; preview and apply
anonymisation; dismiss one flag as not identifying; mark a person
attributable. What is protected and how mentions are found is
`facilitator.policy`; this module only reads and writes."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session, select

from .. import dialects
from ..dialects import pg_security
from ..errors import InvalidInput, NotFound
from ..models import AgendaItem, Meeting, MeetingDetail, Note, Organiser, utcnow
from ..policy import Flag, Register, ReaderText, anonymise_text, attendance_allowance, audit, reader_texts
from ._db import reading, transaction
from .meetings import get_detail
from .participants import update_participant


def audit_meeting(engine: Engine, meeting_id: str) -> list[Flag]:
    return audit(get_detail(engine, meeting_id))


#: Said to an archive account from which row-level security hides the register (dialects.pg_security).
REGISTER_HIDDEN = ("This archive account cannot see the register of protected participants, so it cannot audit; "
                   "ask a rapporteur.")


def check_can_audit(engine: Engine, meeting_id: str) -> None:
    """Refuse (InvalidInput) to audit where the register is hidden: on an archive, a reader (or a rapporteur
    of other meetings) sees no protected participant of a protected meeting, so an audit would find nothing
    to flag and say so."""
    if not dialects.is_postgresql(engine):
        return
    with reading(engine) as session:
        if not pg_security.sees_register(session.connection(), meeting_id):
            raise InvalidInput(REGISTER_HIDDEN)


@dataclass(frozen=True)
class Change:
    """One text anonymisation rewrites: where it is, and the text before and after."""

    note_id: str | None
    field: str
    before: str
    after: str

    @property
    def where(self) -> str:
        return ReaderText(self.note_id, self.field, self.before).where


def anonymise_preview(engine: Engine, meeting_id: str, flags: list[Flag] | None = None) -> list[Change]:
    """What anonymising `flags` (default: every open flag) would change, without changing anything.
    Only persons and their organisations are rewritten; delegations are never protected."""
    detail = get_detail(engine, meeting_id)
    register = Register(detail)
    flags = audit(detail, register) if flags is None else flags
    wanted: dict[tuple[str | None, str], set[str]] = {}
    for flag in flags:
        wanted.setdefault((flag.note_id, flag.field), set()).add(flag.identity)
    return text_changes(detail, register, wanted)


def text_changes(detail: MeetingDetail, register: Register,
                 wanted: dict[tuple[str | None, str], set[str]] | None = None) -> list[Change]:
    """How anonymising rewrites each text `policy.reader_texts` lists: only the identities `wanted` in each
    (note id, field) — the audit's flags — or, with `wanted` None, every identity of the register in every
    text (the purge)."""
    changes = []
    for text in reader_texts(detail):
        keys = None if wanted is None else wanted.get((text.note_id, text.field))
        if wanted is not None and not keys:
            continue
        after = anonymise_text(text.text, register, keys)
        if after != text.text:
            changes.append(Change(text.note_id, text.field, text.text, after))
    return changes


def anonymise(engine: Engine, meeting_id: str, flags: list[Flag] | None = None) -> list[Change]:
    """Apply `anonymise_preview`'s changes in one transaction; return them. A text edited since the
    preview was computed is left alone (the audit will flag it again)."""
    changes = anonymise_preview(engine, meeting_id, flags)
    with transaction(engine) as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFound(f"No meeting with id {meeting_id!r}.")
        for change in changes:
            rewrite(session, meeting, change)
        meeting.updated_at = utcnow()
        session.add(meeting)
    return changes


def rewrite(session: Session, meeting: Meeting, change: Change, *, profiles: bool = False) -> None:
    """Put `change.after` where `change.before` is, if it is still there: the one writer of a text
    `policy.reader_texts` lists, for the audit's anonymise and for the purge (services.retention).

    An organiser's About text comes from a profile other meetings share: anonymising writes this meeting's
    own copy of it (`meeting.about`); with `profiles` (the purge, which must leave the name nowhere) the
    profile itself is rewritten instead. The caller adds `meeting` to the session."""
    kind, _, rest = change.field.partition(":")
    if kind == "organiser" and profiles:
        for profile in session.exec(select(Organiser).where(Organiser.name == rest)):
            if profile.about == change.before:
                profile.about = change.after
                session.add(profile)
        return
    if change.note_id is not None:
        note = session.get(Note, change.note_id)
        if note is not None and getattr(note, change.field) == change.before:
            setattr(note, change.field, change.after)
            note.updated_at = utcnow()
            session.add(note)
    elif change.field == "guests":
        meeting.guests = [g for g in (_rewritten_guest(g, change) for g in meeting.guests)]
    elif kind in ("about", "organiser"):  # a profile is shared by meetings: rewrite this meeting's copy only
        if meeting.about.get(rest, change.before) == change.before:
            meeting.about = {**meeting.about, rest: change.after}
    elif kind == "theme":
        _rename_theme(session, meeting, change)
    elif kind in ("headings", "intros", "footnotes"):  # the rapporteur's section texts, kept by key
        texts = getattr(meeting, kind)
        if texts.get(rest) == change.before:
            setattr(meeting, kind, {**texts, rest: change.after})
    elif kind == "attachment":
        meeting.attachments = [change.after if a == change.before else a for a in meeting.attachments]
    elif kind in ("item", "question", "group"):
        item_id, _, number = rest.partition(":")
        item = session.get(AgendaItem, item_id)
        if item is None:
            return
        if kind == "item" and item.title == change.before:
            item.title = change.after
        elif kind == "question":
            item.guiding_questions = [change.after if q == change.before else q for q in item.guiding_questions]
        elif kind == "group":
            item.groups = [change.after if g == change.before else g for g in item.groups]
            for note in session.exec(select(Note).where(Note.item_id == item.id, Note.group == change.before)):
                note.group = change.after
                session.add(note)
        session.add(item)
    elif getattr(meeting, change.field, None) == change.before:
        setattr(meeting, change.field, change.after)


def _rewritten_guest(guest: dict, change: Change) -> dict:
    if f"{guest.get('name', '')}, {guest.get('role', '')}" != change.before:
        return guest
    name, _, role = change.after.partition(", ")
    return {**guest, "name": name, "role": role}


def _rename_theme(session: Session, meeting: Meeting, change: Change) -> None:
    """Rename a theme in the meeting's list and in every note tagged with it."""
    meeting.themes = [change.after if t == change.before else t for t in meeting.themes]
    for note in session.exec(select(Note).where(Note.meeting_id == meeting.id)):
        if change.before in note.themes:
            note.themes = [change.after if t == change.before else t for t in note.themes]
            session.add(note)


def dismiss(engine: Engine, meeting_id: str, flag: Flag) -> None:
    """Record that this mention, in this field, in exactly this text, does not identify anyone
    (say, "the EU should ..." where the EU is also a participant's employer)."""
    with transaction(engine) as session:
        row = session.get(Note, flag.note_id) if flag.note_id else session.get(Meeting, meeting_id)
        if row is None:
            raise NotFound("The flagged text no longer exists.")
        if flag.token not in row.cleared:
            row.cleared = [*row.cleared, flag.token]
            row.updated_at = utcnow()
            session.add(row)


def dismiss_by_ref(engine: Engine, meeting_id: str, refs: list[str]) -> list[Flag]:
    """Dismiss the open flags named by their short references (Flag.ref, as `facilitator audit` lists
    them); InvalidInput (one line, nothing dismissed) if one names no open flag."""
    flags = {flag.ref: flag for flag in audit_meeting(engine, meeting_id)}
    wanted = [ref.strip().lower() for ref in refs]
    unknown = [ref for ref in wanted if ref not in flags]
    if unknown:
        raise InvalidInput(f"No open flag {unknown[0]!r} in this meeting; `facilitator audit` lists each flag's "
                           "reference in brackets. Nothing was dismissed.")
    for ref in dict.fromkeys(wanted):
        dismiss(engine, meeting_id, flags[ref])
    return [flags[ref] for ref in dict.fromkeys(wanted)]


def allow_in_attendance(engine: Engine, meeting_id: str, organisation: str) -> str:
    """Let the participants line name an institution participants came from (attendance is not
    attribution); the name stays protected everywhere else. Returns the organisation as registered."""
    detail = get_detail(engine, meeting_id)
    wanted = attendance_allowance(organisation)
    names = {attendance_allowance(p.organisation): p.organisation.strip() for p in detail.participants
             if p.organisation.strip()}
    names.update({attendance_allowance(p.name): p.name for p in detail.participants if p.kind == "organisation"})
    if wanted not in names:
        raise InvalidInput(f"No participant comes from {organisation.strip()!r}; nothing was allowed.")
    with transaction(engine) as session:
        meeting = session.get(Meeting, meeting_id)
        if wanted not in meeting.cleared:
            meeting.cleared = [*meeting.cleared, wanted]
            meeting.updated_at = utcnow()
            session.add(meeting)
    return names[wanted]


def mark_attributable(engine: Engine, participant_id: str) -> None:
    update_participant(engine, participant_id, attributable=True)
