"""The speakers list: who asked for the floor, in order; who is speaking; how
long each spoke. Under the Chatham House rule the queue helps run the room,
but the export styles never print it."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel
from sqlalchemy import Engine, func
from sqlmodel import col, select

from ..errors import InvalidInput, NotFound
from ..models import AgendaItem, Intervention, InterventionPublic, Meeting, Participant, as_utc, utcnow
from ..policy import effective_rule, is_protected
from ..vocab import AUTO_SPEAKER, ON_THE_RECORD, RULE_LABELS, identity_kind_of_category
from ._db import reading, transaction
from .participants import check_category, find_speaker

QUEUED, SPEAKING, SPOKEN, WITHDRAWN = "queued", "speaking", "spoken", "withdrawn"



def list_queue(engine: Engine, meeting_id: str, *, include_done: bool = True) -> list[InterventionPublic]:
    with reading(engine) as session:
        query = select(Intervention).where(Intervention.meeting_id == meeting_id)
        if not include_done:
            query = query.where(col(Intervention.status).in_([QUEUED, SPEAKING]))
        rows = session.exec(query.order_by(col(Intervention.position))).all()
        return [InterventionPublic.model_validate(r) for r in rows]


def add_speaker(
    engine: Engine, meeting_id: str, name: str, *, category: str = "", on_behalf_of: str = "", members: int = 0,
    language: str = "", item_id: str | None = None,
) -> InterventionPublic:
    """Put a person or delegation at the end of the queue. A registered
    participant is matched by name (accents and case aside); anyone else is
    registered, attributable only when the meeting is on the record."""
    name = name.strip()
    if not name:
        raise InvalidInput("Type the name of who asked for the floor.")
    if members < 0:
        raise InvalidInput("The number of states spoken for cannot be negative.")
    category = check_category(category)
    with transaction(engine) as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFound(f"No meeting with id {meeting_id!r}.")
        item = session.get(AgendaItem, item_id) if item_id else None
        person = find_speaker(session, meeting_id, name)
        if person is None:
            person = Participant(meeting_id=meeting_id, name=name, category=category,
                                 kind=identity_kind_of_category(category), source=AUTO_SPEAKER,
                                 attributable=effective_rule(meeting.rule, item.rule if item else None)
                                 == ON_THE_RECORD)
            session.add(person)
            session.flush()
        last = session.exec(select(func.max(Intervention.position)).where(
            Intervention.meeting_id == meeting_id)).one() or 0
        entry = Intervention(meeting_id=meeting_id, item_id=item_id, participant_id=person.id, position=last + 1,
                             name=person.name, category=category or person.category, on_behalf_of=on_behalf_of.strip(),
                             members=members, language=language.strip())
        session.add(entry)
        session.flush()
        return InterventionPublic.model_validate(entry)


def _entry(session, intervention_id: str) -> Intervention:
    entry = session.get(Intervention, intervention_id)
    if entry is None:
        raise NotFound("No such entry on the speakers list.")
    return entry


def _finish(entry: Intervention, now: dt.datetime) -> None:
    entry.status = SPOKEN
    entry.ended_at = now
    if entry.started_at is not None:
        entry.seconds = int((now - as_utc(entry.started_at)).total_seconds())
    entry.updated_at = now


def call_next(engine: Engine, meeting_id: str, *, now: dt.datetime | None = None) -> InterventionPublic | None:
    """The current speaker has spoken; the first one waiting takes the floor.
    Returns the new speaker, or None when the queue is empty."""
    now = now or utcnow()
    with transaction(engine) as session:
        rows = session.exec(
            select(Intervention).where(Intervention.meeting_id == meeting_id,
                                       col(Intervention.status).in_([QUEUED, SPEAKING]))
            .order_by(col(Intervention.position))
        ).all()
        for entry in rows:
            if entry.status == SPEAKING:
                _finish(entry, now)
                session.add(entry)
        waiting = [e for e in rows if e.status == QUEUED]
        if not waiting:
            return None
        nxt = waiting[0]
        nxt.status, nxt.started_at, nxt.updated_at = SPEAKING, now, now
        session.add(nxt)
        session.flush()
        return InterventionPublic.model_validate(nxt)


def mark_spoken(engine: Engine, intervention_id: str, *, now: dt.datetime | None = None) -> InterventionPublic:
    now = now or utcnow()
    with transaction(engine) as session:
        entry = _entry(session, intervention_id)
        _finish(entry, now)
        session.add(entry)
        session.flush()
        return InterventionPublic.model_validate(entry)


def withdraw(engine: Engine, intervention_id: str) -> InterventionPublic:
    with transaction(engine) as session:
        entry = _entry(session, intervention_id)
        entry.status, entry.updated_at = WITHDRAWN, utcnow()
        session.add(entry)
        session.flush()
        return InterventionPublic.model_validate(entry)


def move(engine: Engine, intervention_id: str, offset: int) -> None:
    """Move an entry up (-1) or down (+1) among those still waiting."""
    with transaction(engine) as session:
        entry = _entry(session, intervention_id)
        waiting = list(session.exec(
            select(Intervention).where(Intervention.meeting_id == entry.meeting_id, Intervention.status == QUEUED)
            .order_by(col(Intervention.position))
        ).all())
        if entry not in waiting:
            raise InvalidInput("Only someone still waiting can be moved.")
        index = waiting.index(entry)
        target = index + offset
        if 0 <= target < len(waiting):
            other = waiting[target]
            entry.position, other.position = other.position, entry.position
            session.add_all([entry, other])


def current_speaker(engine: Engine, meeting_id: str) -> InterventionPublic | None:
    with reading(engine) as session:
        entry = session.exec(select(Intervention).where(
            Intervention.meeting_id == meeting_id, Intervention.status == SPEAKING)).first()
        return InterventionPublic.model_validate(entry) if entry else None


class SpeakerStats(BaseModel):
    name: str
    category: str
    interventions: int
    seconds: int


def stats(engine: Engine, meeting_id: str, *, for_readers: bool = False) -> list[SpeakerStats]:
    """Speaking time and number of interventions per person or delegation.

    `for_readers`: the figures are to leave the room (a CSV for a report). The
    speakers list of a meeting held under a protected rule never does (one
    line says so), and the turns taken in an item held under one are left out."""
    from .meetings import get_detail

    protected_items: set[str | None] = set()
    if for_readers:
        detail = get_detail(engine, meeting_id)
        if is_protected(detail.meeting.rule):
            raise InvalidInput(f"This meeting is held under the {RULE_LABELS[detail.meeting.rule]}: its speakers "
                               "list stays in the room and is never written for readers.")
        protected_items = {i.id for i in detail.items if is_protected(effective_rule(detail.meeting.rule, i.rule))}
    totals: dict[str, SpeakerStats] = {}
    for entry in list_queue(engine, meeting_id):
        if entry.status != SPOKEN or (entry.item_id in protected_items):
            continue
        row = totals.setdefault(entry.name, SpeakerStats(name=entry.name, category=entry.category,
                                                          interventions=0, seconds=0))
        row.interventions += 1
        row.seconds += entry.seconds
    return sorted(totals.values(), key=lambda r: (-r.seconds, r.name))
