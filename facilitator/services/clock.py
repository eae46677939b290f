"""Running the agenda's clock: advance to an item, pause, resume, move time."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine
from sqlmodel import col, select

from ..errors import InvalidInput, NotFound
from ..models import AgendaItem, AgendaItemPublic, Meeting, as_utc, utcnow
from ._db import reading, transaction


def _item(session, item_id: str) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFound("No such agenda item.")
    return item



def advance_to(engine: Engine, meeting_id: str, item_id: str, *, now: dt.datetime | None = None) -> AgendaItemPublic:
    """Make `item_id` the running item: the one running before it ends, this one starts
    (or resumes, if it had been started and left)."""
    now = now or utcnow()
    with transaction(engine) as session:
        meeting = session.get(Meeting, meeting_id)
        item = _item(session, item_id)
        if meeting is None or item.meeting_id != meeting_id:
            raise NotFound("No such agenda item in this meeting.")
        previous = session.get(AgendaItem, meeting.current_item_id) if meeting.current_item_id else None
        if previous is not None and previous.id != item.id and previous.started_at and previous.ended_at is None:
            if previous.paused_at is not None:
                previous.paused_seconds += int((now - as_utc(previous.paused_at)).total_seconds())
                previous.paused_at = None
            previous.ended_at = now
            session.add(previous)
        if item.started_at is None:
            item.started_at = now
        elif item.ended_at is not None and item.id != (previous.id if previous else None):
            # Back to an item that had ended: the gap counts as paused, not elapsed.
            item.paused_seconds += int((now - as_utc(item.ended_at)).total_seconds())
            item.ended_at = None
        meeting.current_item_id = item.id
        session.add_all([item, meeting])
        session.flush()
        return AgendaItemPublic.model_validate(item)


def pause(engine: Engine, item_id: str, *, now: dt.datetime | None = None) -> AgendaItemPublic:
    now = now or utcnow()
    with transaction(engine) as session:
        item = _item(session, item_id)
        if item.started_at is None or item.ended_at is not None:
            raise InvalidInput("Only a running item's clock can be paused.")
        if item.paused_at is None:
            item.paused_at = now
            session.add(item)
        session.flush()
        return AgendaItemPublic.model_validate(item)


def resume(engine: Engine, item_id: str, *, now: dt.datetime | None = None) -> AgendaItemPublic:
    now = now or utcnow()
    with transaction(engine) as session:
        item = _item(session, item_id)
        if item.paused_at is not None:
            item.paused_seconds += int((now - as_utc(item.paused_at)).total_seconds())
            item.paused_at = None
            session.add(item)
        session.flush()
        return AgendaItemPublic.model_validate(item)


def move_minutes(engine: Engine, from_item_id: str, to_item_id: str, minutes: int) -> None:
    """Move planned minutes from one item to another (e.g. the time a session
    ran over is taken from the next discussion)."""
    if minutes <= 0:
        raise InvalidInput("Move a positive number of minutes.")
    with transaction(engine) as session:
        source, target = _item(session, from_item_id), _item(session, to_item_id)
        if source.meeting_id != target.meeting_id or source.id == target.id:
            raise InvalidInput("Minutes move between two different items of one meeting.")
        if source.planned_minutes + source.extra_minutes - minutes < 0:
            raise InvalidInput(f"{source.title!r} has only {source.planned_minutes + source.extra_minutes} minutes.")
        source.extra_minutes -= minutes
        target.extra_minutes += minutes
        session.add_all([source, target])


def next_item_id(engine: Engine, meeting_id: str, item_id: str, step: int = 1) -> str | None:
    with reading(engine) as session:
        ids = session.exec(
            select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id).order_by(col(AgendaItem.position))
        ).all()
    if item_id not in ids:
        return ids[0] if ids else None
    index = ids.index(item_id) + step
    return ids[index] if 0 <= index < len(ids) else None
