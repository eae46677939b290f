"""The agenda clock with an injected time: elapsed, pause, overrun, projected end."""

import datetime as dt

from facilitator import services
from facilitator.clock import elapsed_seconds, is_overrun, schedule, speaker_remaining
from facilitator.services import clock

T0 = dt.datetime(2017, 9, 7, 12, 0, tzinfo=dt.UTC)


def at(minutes):
    return T0 + dt.timedelta(minutes=minutes)


def test_elapsed_pause_resume_overrun(engine, breakfast):
    items = services.list_items(engine, breakfast.id)
    first = clock.advance_to(engine, breakfast.id, items[0].id, now=at(0))
    assert elapsed_seconds(first, at(10)) == 600 and not is_overrun(first, at(10))
    clock.pause(engine, first.id, now=at(10))
    paused = clock.resume(engine, first.id, now=at(14))
    assert elapsed_seconds(paused, at(20)) == 16 * 60  # four paused minutes do not count
    assert is_overrun(paused, at(20))  # 16 min against 15 planned
    second = clock.advance_to(engine, breakfast.id, items[1].id, now=at(20))
    ended = services.list_items(engine, breakfast.id)[0]
    assert ended.ended_at is not None and elapsed_seconds(ended, at(90)) == 16 * 60
    assert services.current_item(engine, breakfast.id).id == second.id


def test_projected_end_follows_what_happened(engine, breakfast):
    services.update_meeting(engine, breakfast.id, start_time="08:00")
    meeting = services.get_meeting(engine, breakfast.id)
    items = services.list_items(engine, breakfast.id)
    local_start = dt.datetime.combine(meeting.date, dt.time(8, 0)).astimezone()
    sched = schedule(meeting, items, local_start)
    assert sched.planned_end == local_start + dt.timedelta(minutes=90)
    assert sched.behind_seconds is None and sched.projected_end == sched.planned_end  # not started yet
    # The first item starts ten minutes late and runs five over.
    clock.advance_to(engine, breakfast.id, items[0].id, now=local_start + dt.timedelta(minutes=10))
    clock.advance_to(engine, breakfast.id, items[1].id, now=local_start + dt.timedelta(minutes=30))
    items = services.list_items(engine, breakfast.id)
    sched = schedule(meeting, items, local_start + dt.timedelta(minutes=31))
    assert sched.behind_seconds == 15 * 60  # ten minutes late, five over
    clock.move_minutes(engine, items[3].id, items[1].id, 5)
    assert sum(i.extra_minutes for i in services.list_items(engine, breakfast.id)) == 0


def test_speaker_countdown():
    assert speaker_remaining(T0, 180, at(2)) == 60
    assert speaker_remaining(T0, 180, at(4)) == -60
    assert speaker_remaining(T0, 0, at(4)) is None
