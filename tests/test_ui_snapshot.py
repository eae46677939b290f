"""A snapshot of the capture screen at a fixed size, a fixed clock and a fixed
time zone, with the cursor blink off. The meeting is built here (from the
bundled breakfast template), so changes to the demo data do not move it. The
README shows the same picture: screens/capture-screen.svg is a copy."""

import datetime as dt
import time

import pytest

from facilitator import services
from facilitator.services import clock
from screens.widgets.capture_line import CaptureLine

from .ui_helpers import app_for

#: 9:17 on the day: four items done, the fifth running two minutes over.
NOW = dt.datetime(2017, 9, 7, 9, 17, tzinfo=dt.UTC)
STARTS = ["08:00", "08:16", "08:21", "08:38", "09:00"]
NOTES = [  # (kind, headline, text, addressee, key)
    ("challenge", "", "Early-warning reports arrive on time, but nobody is tasked with acting on them.", "", False),
    ("recommendation", "Name an atrocity-prevention focal point in every UN country team.",
     "The focal point would carry field analysis to the Resident Coordinator and on to headquarters, so that "
     "a warning reaches someone who can act on it.", "UN", True),
    ("recommendation", "Fund regional early-warning networks for more than one budget cycle.",
     "One-year grants leave networks unable to keep their analysts; three-year funding would let them build "
     "a record that decision-makers trust.", "Member States", False),
    ("quote", "", "Prevention is a habit, not an event.", "", False),
    ("action", "", "The organisers circulate the list of regional focal points before the General Assembly.",
     "", False),
]


@pytest.fixture
def utc(monkeypatch):
    """The schedule line shows local times: pin the zone so the snapshot is the same everywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def running_breakfast(engine):
    meeting = services.create_meeting(engine, "breakfast", title="Regional organisations and atrocity prevention",
                                      date=NOW.date(), place="New York")
    services.update_meeting(engine, meeting.id, start_time="08:00")
    items = services.list_items(engine, meeting.id)
    for item, start in zip(items, STARTS):
        hours, minutes = map(int, start.split(":"))
        clock.advance_to(engine, meeting.id, item.id, now=NOW.replace(hour=hours, minute=minutes))
    for kind, headline, text, addressee, key in NOTES:
        services.add_note(engine, meeting.id, text, kind=kind, headline=headline, addressee=addressee, key=key,
                          item_id=items[4].id)
    return meeting


def test_capture_screen_snapshot(engine, snap_compare, utc):
    meeting = running_breakfast(engine)
    app = app_for(engine, now=NOW)

    async def open_meeting(pilot):
        app.open_meeting(meeting.id)
        await pilot.pause()
        await app.workers.wait_for_complete()
        capture = app.screen.query_one("#capture", CaptureLine)
        capture.cursor_blink = False
        capture.value = "rec: Keep RtoP on the formal agenda >ga !"
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 36), run_before=open_meeting)
