"""The speakers list: who asked for the floor, in order; who is speaking; how
long each spoke. Under the Chatham House rule the queue helps run the room,
but the export styles never print it.

Every change a chair makes can be undone: `undoable` runs a change and
returns, with its result, the list as it was just before (a `snapshot`), and
`restore` puts a list back as a snapshot had it. Entries are never deleted
except by undoing their addition.

`stats` counts two kinds of intervention: turns timed on the list, and
statements recorded only as notes with a speaker (`note --speaker`, `@Name`):
a run of consecutive notes of one speaker in one item is one statement."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine
from sqlmodel import col, select

from ..errors import InvalidInput, NotFound
from ..models import AgendaItem, Intervention, InterventionPublic, Meeting, Participant, as_utc, utcnow
from ..policy import rule_of, speakers_named
from ..speaking_time import QUEUED, SPEAKING, SPOKEN, WITHDRAWN, SpeakerStats, count_speaking
from ..vocab import AUTO_SPEAKER, MAX_STATES, identity_kind_of_category
from ._db import reading, transaction
from .participants import check_category, find_speaker


def list_queue(engine: Engine, meeting_id: str, *, include_done: bool = True) -> list[InterventionPublic]:
    with reading(engine) as session:
        query = select(Intervention).where(Intervention.meeting_id == meeting_id)
        if not include_done:
            query = query.where(col(Intervention.status).in_([QUEUED, SPEAKING]))
        # entries merged from two laptops can share a position: then in the order asked for (quickread too)
        rows = session.exec(query.order_by(col(Intervention.position), col(Intervention.created_at),
                                           col(Intervention.id))).all()
        return [InterventionPublic.model_validate(r) for r in rows]


def add_speaker(
    engine: Engine, meeting_id: str, name: str, *, category: str = "", on_behalf_of: str = "", members: int = 0,
    language: str = "", item_id: str | None = None, waiting_index: int | None = None,
) -> InterventionPublic:
    """Put a person or delegation at the end of the queue, or, with
    `waiting_index`, at that place among those waiting (0: next to speak, for a
    point of order or a reply). A registered participant is matched by name
    (accents and case aside); anyone else is registered, attributable only when
    the meeting is on the record."""
    name = name.strip()
    if not name:
        raise InvalidInput("Type the name of who asked for the floor.")
    if not 0 <= members <= MAX_STATES:
        raise InvalidInput(f"The number of states spoken for is from 0 (unknown) to {MAX_STATES}.")
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
                                 attributable=speakers_named(rule_of(meeting, item)))
            session.add(person)
            session.flush()
        position = _insert_position(session, meeting_id, waiting_index)
        entry = Intervention(meeting_id=meeting_id, item_id=item_id, participant_id=person.id, position=position,
                             name=person.name, category=category or person.category, on_behalf_of=on_behalf_of.strip(),
                             members=members, language=language.strip())
        session.add(entry)
        session.flush()
        return InterventionPublic.model_validate(entry)


def _insert_position(session, meeting_id: str, waiting_index: int | None) -> int:
    """The position a new entry takes: after the last, or that of the waiting entry at `waiting_index`
    (which moves down one place, with everyone after it)."""
    rows = list(session.exec(select(Intervention).where(Intervention.meeting_id == meeting_id)
                             .order_by(col(Intervention.position))).all())
    last = max((r.position for r in rows), default=0)
    waiting = [r for r in rows if r.status == QUEUED]
    if waiting_index is None or waiting_index >= len(waiting):
        return last + 1
    position = waiting[max(waiting_index, 0)].position
    for row in rows:
        if row.position >= position:
            row.position += 1
            session.add(row)
    session.flush()
    return position


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
    """The speaker has finished (or someone waiting spoke without being called)."""
    now = now or utcnow()
    with transaction(engine) as session:
        entry = _entry(session, intervention_id)
        if entry.status in (SPOKEN, WITHDRAWN):
            raise InvalidInput(f"{entry.name} is already marked {entry.status}; u undoes the last change.")
        _finish(entry, now)
        session.add(entry)
        session.flush()
        return InterventionPublic.model_validate(entry)


def withdraw(engine: Engine, intervention_id: str) -> InterventionPublic:
    """Take someone waiting off the list. Who has spoken, or has the floor, cannot withdraw."""
    with transaction(engine) as session:
        entry = _entry(session, intervention_id)
        if entry.status == SPEAKING:
            raise InvalidInput(f"{entry.name} has the floor: mark them spoken (s) or call the next speaker.")
        if entry.status != QUEUED:
            raise InvalidInput(f"{entry.name} is already marked {entry.status}; only someone waiting can withdraw.")
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


def snapshot(engine: Engine, meeting_id: str) -> list[InterventionPublic]:
    """The whole list as it is now, to `restore` later."""
    return list_queue(engine, meeting_id)


def undoable(engine: Engine, meeting_id: str, action, *args, **kwargs):
    """Run `action(engine, *args, **kwargs)`, a change to this meeting's speakers list, and return
    (its result, the list as it was just before). Submitted to the writer as one job, nothing of this
    application can change the list between the two."""
    before = snapshot(engine, meeting_id)
    return action(engine, *args, **kwargs), before


def restore(engine: Engine, meeting_id: str, before: list[InterventionPublic]) -> None:
    """Put the speakers list back as `before` had it: states, times and order. An entry added since is
    removed, with the participant its addition registered, if nothing else refers to them."""
    from ..models import Note

    kept = {entry.id: entry for entry in before}
    with transaction(engine) as session:
        rows = session.exec(select(Intervention).where(Intervention.meeting_id == meeting_id)).all()
        for row in rows:
            old = kept.get(row.id)
            if old is None:
                person = session.get(Participant, row.participant_id) if row.participant_id else None
                session.delete(row)
                session.flush()
                if person is not None and person.source == AUTO_SPEAKER and not _referred(session, person.id, Note):
                    session.delete(person)
                continue
            for field in ("position", "status", "started_at", "ended_at", "seconds", "updated_at"):
                setattr(row, field, getattr(old, field))
            session.add(row)


def _referred(session, participant_id: str, note_model) -> bool:
    return bool(session.exec(select(Intervention.id).where(Intervention.participant_id == participant_id)).first()
                or session.exec(select(note_model.id).where(note_model.speaker_id == participant_id)).first())


def current_speaker(engine: Engine, meeting_id: str) -> InterventionPublic | None:
    with reading(engine) as session:
        entry = session.exec(select(Intervention).where(
            Intervention.meeting_id == meeting_id, Intervention.status == SPEAKING)).first()
        return InterventionPublic.model_validate(entry) if entry else None


def stats(engine: Engine, meeting_id: str, *, for_readers: bool = False) -> list[SpeakerStats]:
    """Speaking time and number of interventions per person or delegation (facilitator.speaking_time says
    what counts, and what `for_readers` leaves out)."""
    from .meetings import get_detail

    detail = get_detail(engine, meeting_id)
    return count_speaking(detail.meeting.rule, detail.items, detail.interventions, detail.notes,
                          detail.participants, for_readers=for_readers)
