"""Following recommendations over time: status with a dated history, links
from later notes to earlier recommendations, the tracker across meetings, and
carrying a series' open items into its next meeting."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel
from sqlalchemy import Engine, or_, text
from sqlmodel import col, select

from ..errors import InvalidInput, NotFound
from ..models import (
    AgendaItem,
    Meeting,
    Note,
    NoteLink,
    NoteLinkPublic,
    NotePublic,
    Participant,
    StatusChange,
    StatusChangePublic,
    utcnow,
)
from ..policy import Register, dismissed_mentions, gate
from ..text import fold
from ..tracker_format import cells, known_status, render_tracker, tracked_statuses, tracker_table
from ..vocab import (
    ADDRESSED_TO,
    CARRIED,
    FOLLOWED_KINDS,
    OPEN_STATUSES,
    addressee_pattern,
)
from ._db import reading, transaction


class TrackerRow(BaseModel):
    note: NotePublic
    meeting_id: str
    meeting_title: str
    meeting_date: dt.date
    item_title: str
    last_change: dt.date | None
    age_days: int


def _note(session, note_id: str) -> Note:
    note = session.get(Note, note_id)
    if note is None or note.deleted_at is not None:
        raise NotFound(f"No note with id {note_id!r}.")
    return note


def resolve_note(engine: Engine, ref: str) -> NotePublic:
    """A note by id or unambiguous id prefix."""
    ref = ref.strip().lower()
    with reading(engine) as session:
        rows = session.exec(select(Note).where(col(Note.id).startswith(ref, autoescape=True)).limit(2)).all()
    if not ref or not rows:
        raise NotFound(f"No note with id {ref!r}.")
    if len(rows) > 1:
        raise InvalidInput(f"More than one note id starts with {ref!r}; give more characters.")
    return NotePublic.model_validate(rows[0])


def set_status(
    engine: Engine, note_id: str, status: str, *, comment: str = "", date: dt.date | None = None
) -> StatusChangePublic:
    canonical = known_status(status)
    with transaction(engine) as session:
        note = _note(session, note_id)
        if note.kind not in FOLLOWED_KINDS:
            raise InvalidInput(f"Only recommendations and actions are followed up; this note is a {note.kind}.")
        change = StatusChange(note_id=note_id, status=canonical, date=date or dt.date.today(),
                              comment=comment.strip())
        note.status = canonical
        note.updated_at = utcnow()
        session.add(change)
        session.add(note)
        session.flush()
        return StatusChangePublic.model_validate(change)


def history(engine: Engine, note_id: str) -> list[StatusChangePublic]:
    with reading(engine) as session:
        rows = session.exec(
            select(StatusChange).where(StatusChange.note_id == note_id)
            .order_by(col(StatusChange.date), col(StatusChange.created_at))
        ).all()
        return [StatusChangePublic.model_validate(r) for r in rows]


def link(engine: Engine, note_id: str, earlier_id: str) -> NoteLinkPublic:
    """Record that `note_id` reports on the earlier recommendation `earlier_id`."""
    if note_id == earlier_id:
        raise InvalidInput("A note cannot report on itself.")
    with transaction(engine) as session:
        later = _note(session, note_id)
        earlier = _note(session, earlier_id)
        if earlier.kind not in FOLLOWED_KINDS:
            raise InvalidInput("The earlier note must be a recommendation or an action.")
        if later.meeting_id == earlier.meeting_id:
            raise InvalidInput("Both notes are from the same meeting: a report on a recommendation is a note of a "
                               "later meeting.")
        later_meeting, earlier_meeting = session.get(Meeting, later.meeting_id), session.get(Meeting, earlier.meeting_id)
        if later_meeting.date < earlier_meeting.date:
            raise InvalidInput(f"The report ({later_meeting.date}) is older than the recommendation it would report "
                               f"on ({earlier_meeting.date}): give the later note first, then the earlier one.")
        existing = session.exec(
            select(NoteLink).where(NoteLink.note_id == note_id, NoteLink.target_id == earlier_id)
        ).first()
        row = existing or NoteLink(note_id=note_id, target_id=earlier_id)
        session.add(row)
        session.flush()
        return NoteLinkPublic.model_validate(row)


def links_of(engine: Engine, note_id: str) -> tuple[list[NotePublic], list[NotePublic]]:
    """(earlier recommendations this note reports on, later notes reporting on it)."""
    with reading(engine) as session:
        in_order = (col(NoteLink.created_at), col(NoteLink.id))  # as linked (quickread.read_follow_up too)
        out = session.exec(select(NoteLink).where(NoteLink.note_id == note_id).order_by(*in_order)).all()
        into = session.exec(select(NoteLink).where(NoteLink.target_id == note_id).order_by(*in_order)).all()
        earlier = [session.get(Note, l.target_id) for l in out]
        later = [session.get(Note, l.note_id) for l in into]
        return ([NotePublic.model_validate(n) for n in earlier if n and n.deleted_at is None],
                [NotePublic.model_validate(n) for n in later if n and n.deleted_at is None])


def tracker(
    engine: Engine,
    *,
    addressee: str | None = None,
    status: str | None = None,
    include_closed: bool = False,
    today: dt.date | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[TrackerRow]:
    """Recommendations and actions across meetings, oldest first (a page of
    them when `limit` is given, as the tracker screen asks)."""
    today = today or dt.date.today()
    statuses = tracked_statuses(status, include_closed=include_closed)
    with reading(engine) as session:
        query = (
            select(Note, Meeting, AgendaItem)
            .join(Meeting, Meeting.id == Note.meeting_id)
            .join(AgendaItem, AgendaItem.id == Note.item_id, isouter=True)
            .where(col(Note.kind).in_(FOLLOWED_KINDS), col(Note.deleted_at).is_(None), col(Note.status).in_(statuses))
        )
        if addressee:
            query = query.where(text(ADDRESSED_TO).bindparams(addressee=addressee_pattern(addressee)))
        # Notes of two items can share a position: when taken, then the id, so that no two rows tie and pages
        # (limit, offset) neither skip nor repeat a row (quickread.read_tracker reads in this order too).
        query = query.order_by(col(Meeting.date), col(Meeting.id), col(Note.position), col(Note.created_at),
                               col(Note.id)).offset(offset)
        rows = session.exec(query.limit(limit) if limit else query).all()
        last = {}
        ids = [n.id for n, _, _ in rows]
        if ids:
            for change in session.exec(select(StatusChange).where(col(StatusChange.note_id).in_(ids))).all():
                if change.note_id not in last or change.date > last[change.note_id]:
                    last[change.note_id] = change.date
        return [
            TrackerRow(
                note=NotePublic.model_validate(note), meeting_id=meeting.id, meeting_title=meeting.title,
                meeting_date=meeting.date, item_title=item.title if item else "", last_change=last.get(note.id),
                age_days=(today - meeting.date).days,
            )
            for note, meeting, item in rows
        ]


#: Tracker formats meant to be pasted into documents for readers outside the room: the gate reads them.
SHARED_FORMATS = ("md", "csv")


def tracker_text(engine: Engine, fmt: str, *, addressee: str | None = None, status: str | None = None) -> str:
    """The tracker as text in `fmt` (table, md, csv). A shared format is refused, in one line, when a row
    would name someone its meeting protects, exactly as an export of that meeting would be."""
    from .meetings import get_detail

    rows = tracker(engine, addressee=addressee, status=status)
    if fmt == "table":
        return tracker_table(rows, status, addressee)
    text = render_tracker(rows, fmt)
    if fmt in SHARED_FORMATS:
        by_meeting: dict[str, list[TrackerRow]] = {}
        for row in rows:
            by_meeting.setdefault(row.meeting_id, []).append(row)
        for meeting_id, meeting_rows in by_meeting.items():
            register = Register(get_detail(engine, meeting_id))
            gate([(f"row of note {r.note.id[:8]}", " | ".join(cells(r))) for r in meeting_rows], register,
                 what=f"The tracker ({fmt})", allowed=dismissed_mentions(register.detail, register))
    return text


def open_items_of_previous(engine: Engine, meeting_id: str) -> list[NotePublic]:
    """Open recommendations and actions of the series' previous meeting."""
    with reading(engine) as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFound(f"No meeting with id {meeting_id!r}.")
        if not meeting.series:
            return []
        previous = session.exec(
            select(Meeting).where(Meeting.series == meeting.series, Meeting.id != meeting.id,
                                  or_(Meeting.date < meeting.date,
                                      (Meeting.date == meeting.date) & (Meeting.created_at < meeting.created_at)))
            .order_by(col(Meeting.date).desc(), col(Meeting.created_at).desc())
        ).first()
        if previous is None:
            return []
        notes = session.exec(
            select(Note).where(Note.meeting_id == previous.id, col(Note.kind).in_(FOLLOWED_KINDS),
                               col(Note.deleted_at).is_(None), col(Note.status).in_(OPEN_STATUSES))
            .order_by(col(Note.position))
        ).all()
        return [NotePublic.model_validate(n) for n in notes]


def carry_forward(engine: Engine, meeting_id: str) -> AgendaItem | None:
    """Add a review item after the opening, holding one note per open item of
    the previous meeting in the series, each linked back to it.

    A carried text that names a protected participant of the earlier meeting
    takes that protection along: the person is registered in this meeting too,
    as carried and not attributable, with their surname, aliases and called-by
    name, so the audit and the export gate of this meeting know them by every
    spelling the earlier one did — whatever this meeting's own rule."""
    carried = open_items_of_previous(engine, meeting_id)
    if not carried:
        return None
    from .meetings import get_detail

    earlier = Register(get_detail(engine, carried[0].meeting_id))
    named = {p.id: p for note in carried for hit in earlier.find(f"{note.headline}\n{note.text}\n{note.addressee}")
             for p in earlier.identities[hit.key].people}
    with transaction(engine) as session:
        known = {fold(p.name) for p in session.exec(select(Participant).where(Participant.meeting_id == meeting_id))}
        for person in named.values():
            if fold(person.name) not in known:
                session.add(Participant(meeting_id=meeting_id, name=person.name, organisation=person.organisation,
                                        role=person.role, region=person.region, category=person.category,
                                        kind=person.kind, source=CARRIED, attributable=False,
                                        surname=person.surname, aliases=list(person.aliases),
                                        called_by=person.called_by))
        items = session.exec(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(col(AgendaItem.position))
        ).all()
        leading = 0
        while leading < len(items) and items[leading].kind in ("opening", "break"):
            leading += 1
        insert_at = leading + 1  # after the welcome (and breakfast), before the substance
        for item in items:
            if item.position >= insert_at:
                item.position += 1
                session.add(item)
        review = AgendaItem(meeting_id=meeting_id, position=insert_at, title="Review of open recommendations and actions",
                            kind="discussion", planned_minutes=max(10, 3 * len(carried)), default_kind="observation")
        session.add(review)
        session.flush()
        for position, earlier in enumerate(carried, start=1):
            label = earlier.headline or earlier.text
            note = Note(meeting_id=meeting_id, item_id=review.id, kind="observation", position=position,
                        text=f"Progress on: {label} (status: {earlier.status})", addressee=earlier.addressee)
            session.add(note)
            session.flush()
            session.add(NoteLink(note_id=note.id, target_id=earlier.id))
        session.flush()
        return review
