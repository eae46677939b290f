"""The clock runs on the day the meeting is held, whatever date it was given,
and an item past its time says so in words as well as colour."""

import datetime as dt

from textual.widgets import OptionList, Static

from facilitator import services
from facilitator.clock import schedule
from facilitator.services import clock

from .ui_helpers import settle


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute)).astimezone()


def test_a_meeting_dated_in_the_past_runs_against_today(engine, breakfast):
    services.update_meeting(engine, breakfast.id, start_time="08:00")
    today = dt.date(2026, 3, 2)  # years after the meeting's date, 2017-09-07
    items = services.list_items(engine, breakfast.id)
    clock.advance_to(engine, breakfast.id, items[0].id, now=local(today, 8, 10))  # ten minutes late
    plan = schedule(services.get_meeting(engine, breakfast.id), services.list_items(engine, breakfast.id),
                    local(today, 8, 11))
    assert plan.planned_end == local(today, 9, 30)
    assert plan.behind_seconds == 10 * 60 and not plan.from_actual_start


def test_a_meeting_moved_to_another_time_is_measured_from_its_start(engine, breakfast):
    services.update_meeting(engine, breakfast.id, start_time="08:00")
    today = dt.date(2026, 3, 2)
    items = services.list_items(engine, breakfast.id)
    clock.advance_to(engine, breakfast.id, items[0].id, now=local(today, 19, 30))
    clock.advance_to(engine, breakfast.id, items[1].id, now=local(today, 19, 50))  # five minutes over
    plan = schedule(services.get_meeting(engine, breakfast.id), services.list_items(engine, breakfast.id),
                    local(today, 19, 51))
    assert plan.from_actual_start and plan.planned_end == local(today, 21, 0)
    assert plan.behind_seconds == 5 * 60


def test_without_a_start_time_the_plan_runs_from_the_first_item(engine, breakfast):
    today = dt.date(2026, 3, 2)
    items = services.list_items(engine, breakfast.id)
    clock.advance_to(engine, breakfast.id, items[0].id, now=local(today, 14, 0))
    plan = schedule(services.get_meeting(engine, breakfast.id), services.list_items(engine, breakfast.id),
                    local(today, 14, 5))
    assert plan.planned_end == local(today, 15, 30) and plan.behind_seconds == 0


async def test_over_time_in_words_on_the_header_the_agenda_and_the_schedule(engine, breakfast):
    from screens.app import make_app

    services.update_meeting(engine, breakfast.id, start_time="08:00")
    today = dt.date(2026, 3, 2)
    now = {"t": local(today, 8, 0)}
    app = make_app(engine=engine, clock=lambda: now["t"])
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_meeting(breakfast.id)
        await settle(app, pilot)
        screen = app.screen
        await pilot.press("ctrl+t")  # the first item, 15 minutes planned
        await settle(app, pilot)
        now["t"] = local(today, 8, 20, ) + dt.timedelta(seconds=41)
        screen.tick()
        header = screen.query_one("#item-header", Static)
        assert "20:41 of 15′" in str(header.render()) and "5:41 OVER TIME" in str(header.render())
        assert header.has_class("-overrun")
        agenda = screen.query_one("#agenda", OptionList)
        assert "5:41 over" in str(agenda.get_option_at_index(0).prompt)
        schedule_line = str(screen.query_one("#schedule", Static).render())
        assert "5:41 behind" in schedule_line and "80891" not in schedule_line
