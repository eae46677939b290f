"""The meeting clock, as pure arithmetic over agenda items and a given `now`
(so screens and tests inject the time instead of sleeping).

An item's elapsed time runs from its start to its end (or now), minus time
spent paused. Its planned length is its planned minutes plus any minutes moved
into it. The projected end of the meeting is what has actually happened so
far plus what is still planned, the way workshop planners recompute a day
that has run long.

Timestamps are aware UTC (`utcnow`, `as_utc`, which the models use too);
nothing here imports the ORM.

The plan runs on the day the meeting actually runs, not on the date it was
given: a meeting dated last week and started this morning is measured
against this morning's start time. A first item started more than
`MOVED_AFTER` away from the planned time, or a meeting without a start time,
is measured from when it actually started.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the models for annotations only: `facilitator speakers list` formats times without the ORM
    from .models import AgendaItemPublic, MeetingPublic


def utcnow() -> dt.datetime:
    """Timestamps are aware UTC; the screens convert to local time for display."""
    return dt.datetime.now(dt.UTC)


def as_utc(value: dt.datetime) -> dt.datetime:
    """SQLite hands datetimes back without a zone; they were stored as UTC."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def elapsed_seconds(item: AgendaItemPublic, now: dt.datetime) -> int:
    if item.started_at is None:
        return 0
    end = item.ended_at or item.paused_at or now
    return max(0, int((as_utc(end) - as_utc(item.started_at)).total_seconds()) - item.paused_seconds)


def planned_seconds(item: AgendaItemPublic) -> int:
    return max(0, (item.planned_minutes + item.extra_minutes) * 60)


def is_overrun(item: AgendaItemPublic, now: dt.datetime) -> bool:
    return elapsed_seconds(item, now) > planned_seconds(item)


def overrun_seconds(item: AgendaItemPublic, now: dt.datetime) -> int:
    """How far past its planned time the item has run (0 while within it)."""
    return max(0, elapsed_seconds(item, now) - planned_seconds(item)) if item.started_at else 0


#: A meeting whose first item starts this far from the planned start was moved, not started late.
MOVED_AFTER = dt.timedelta(hours=3)


@dataclass(frozen=True)
class Schedule:
    planned_end: dt.datetime | None  # None when the meeting has no start time and has not started
    projected_end: dt.datetime
    #: Positive: behind schedule by this many seconds; negative: ahead.
    behind_seconds: int | None
    #: The plan is counted from the actual start (no start time, or the meeting was moved).
    from_actual_start: bool = False


def planned_start(meeting: MeetingPublic, day: int = 1, *, on: dt.date | None = None) -> dt.datetime | None:
    """The meeting's planned start as an aware datetime in local time, if it has one: on its own date
    (plus `day` - 1), or on the date `on` when the meeting actually runs."""
    if not meeting.start_time:
        return None
    hours, minutes = map(int, meeting.start_time.split(":"))
    date = on or meeting.date + dt.timedelta(days=day - 1)
    return dt.datetime.combine(date, dt.time(hours, minutes)).astimezone()


def running_start(meeting: MeetingPublic, todays: list[AgendaItemPublic]) -> tuple[dt.datetime | None, bool]:
    """(the start the day's plan is measured from, whether that is the actual start): the planned start
    time on the day the meeting runs, or the actual start when there is no start time or the meeting
    started more than MOVED_AFTER away from it."""
    first = min((as_utc(i.started_at) for i in todays if i.started_at is not None), default=None)
    if first is None:
        return planned_start(meeting, todays[0].day if todays else 1), False
    planned = planned_start(meeting, on=first.astimezone().date())
    if planned is None or abs(first - planned) > MOVED_AFTER:
        return first, True
    return planned, False


def schedule(meeting: MeetingPublic, items: list[AgendaItemPublic], now: dt.datetime) -> Schedule:
    """Projected end of the current day of the meeting, and how far off plan it is."""
    now = as_utc(now)
    started = [i for i in items if i.started_at is not None]
    day = started[-1].day if started else (items[0].day if items else 1)
    todays = [i for i in items if i.day == day]
    start, from_actual = running_start(meeting, todays)
    planned_total = sum(planned_seconds(i) for i in todays)
    planned_end = start + dt.timedelta(seconds=planned_total) if start else None

    if not started:  # nothing has happened yet: the plan is the projection
        projected = planned_end or now + dt.timedelta(seconds=planned_total)
        return Schedule(planned_end=planned_end, projected_end=projected, behind_seconds=None)
    cursor: dt.datetime | None = None
    for item in todays:
        if item.started_at is not None:
            item_start = as_utc(item.started_at)
            cursor = item_start if cursor is None else max(cursor, item_start)
            if item.ended_at is not None:
                cursor = as_utc(item.ended_at)
            else:  # the running item takes at least its plan, more if it has overrun
                remaining = max(planned_seconds(item) - elapsed_seconds(item, now), 0)
                cursor = max(cursor, now) + dt.timedelta(seconds=remaining)
        else:
            if cursor is None:
                cursor = max(start, now) if start else now
            cursor = cursor + dt.timedelta(seconds=planned_seconds(item))
    projected = cursor or (start or now)
    behind = int((projected - planned_end).total_seconds()) if planned_end else None
    return Schedule(planned_end=planned_end, projected_end=projected, behind_seconds=behind,
                    from_actual_start=from_actual)


def format_duration(seconds: int) -> str:
    sign = "-" if seconds < 0 else ""
    seconds = abs(int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}" if hours else f"{sign}{minutes}:{secs:02d}"


def speaker_remaining(started_at: dt.datetime | None, limit: int, now: dt.datetime) -> int | None:
    """Seconds left for the current speaker (negative past the limit), None without a limit."""
    if not limit or started_at is None:
        return None
    return limit - int((as_utc(now) - as_utc(started_at)).total_seconds())
