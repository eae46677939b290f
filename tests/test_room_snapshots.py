"""Snapshots of every main screen at 80×24 and 120×40, with a fixed clock, a
fixed time zone and the cursor blink off. The meetings are built here (not
from the demo data), so changes elsewhere do not move them.

At 80×24 each screen must keep what a facilitator needs: the footer's F1 Help
and Esc Back (asserted as text too, beside the picture), the capture line, the
speaker's countdown, the tracker's recommendation column."""

import datetime as dt
import time

import pytest
from textual.widgets import Input

from facilitator import services
from facilitator.services import clock, followup, speakers
from screens.app import make_projector_app
from screens.widgets.capture_line import CaptureLine
from screens.widgets.key_footer import KeyFooter

from .ui_helpers import app_for, settle

NOW = dt.datetime(2017, 9, 7, 9, 17, tzinfo=dt.UTC)
SIZES = [(80, 24), (120, 40)]
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


@pytest.fixture(autouse=True)
def fixed_ids(monkeypatch):
    """Row ids show on some screens (the audit names a note by its id): make them the same every run."""
    import uuid

    counter = iter(range(1, 10**6))
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=0x5EED0000000000000000000000000000 + next(counter)))


@pytest.fixture
def utc(monkeypatch):
    """Local times on screen: pin the zone so the pictures are the same everywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def breakfast_running(engine):
    """A breakfast meeting at 9:17: four items done, the fifth running two minutes over, five notes."""
    meeting = services.create_meeting(engine, "breakfast", title="Regional organisations and atrocity prevention",
                                      date=NOW.date(), place="New York")
    services.update_meeting(engine, meeting.id, start_time="08:00", themes=["Early warning", "Funding"])
    services.add_participant(engine, meeting.id, "Zorana Šimunović", organisation="Balkan Peace Forum",
                             region="the Western Balkans")
    items = services.list_items(engine, meeting.id)
    for item, start in zip(items, STARTS):
        hours, minutes = map(int, start.split(":"))
        clock.advance_to(engine, meeting.id, item.id, now=NOW.replace(hour=hours, minute=minutes))
    for kind, headline, text, addressee, key in NOTES:
        services.add_note(engine, meeting.id, text, kind=kind, headline=headline, addressee=addressee, key=key,
                          item_id=items[4].id)
    services.add_note(engine, meeting.id, "Šimunović described the Balkan Peace Forum's early-warning model.",
                      item_id=items[3].id)
    return meeting


def dialogue_running(engine):
    """A plenary dialogue on the record: a speaker 2:40 into a three-minute limit, four waiting."""
    meeting = services.create_meeting(engine, "dialogue", title="Annual dialogue on the responsibility to protect",
                                      date=NOW.date(), place="New York")
    services.update_meeting(engine, meeting.id, speaker_limit=180)
    for name, category, behalf in (("Ghana", "member-state", "Group of Friends of RtoP"),
                                   ("European Union", "regional-organisation", ""), ("Peru", "member-state", ""),
                                   ("Global Centre for RtoP", "civil-society", ""), ("Kenya", "member-state", ""),
                                   ("Côte d'Ivoire", "member-state", "")):
        speakers.add_speaker(engine, meeting.id, name, category=category, on_behalf_of=behalf)
    item = services.list_items(engine, meeting.id)[2]
    clock.advance_to(engine, meeting.id, item.id, now=NOW - dt.timedelta(minutes=12))
    speakers.call_next(engine, meeting.id, now=NOW - dt.timedelta(minutes=6))
    speakers.call_next(engine, meeting.id, now=NOW - dt.timedelta(seconds=160))
    return meeting


async def no_blink(app, pilot):
    """The cursor drawn steadily wherever there is one, and the frame drawn again with it."""
    await settle(app, pilot)
    for widget in app.screen.query("Input, CaptureLine"):
        widget.cursor_blink = False
        if isinstance(widget, CaptureLine):  # a text area keeps lines drawn in a blink's dark phase: draw anew
            widget.value = widget.value
    await pilot.pause()
    await pilot.pause()


def footer_keeps_help_and_back(app):
    footer = app.screen.query_one(KeyFooter)
    shown = [entry.action for entry in footer.shown_entries(footer.size.width)]
    assert shown[:2] == ["help", "back"], shown


def run(engine, setup, size, snap_compare, check=footer_keeps_help_and_back):
    app = app_for(engine, now=NOW)

    async def before(pilot):
        await setup(app, pilot)
        await no_blink(app, pilot)
        if check:
            check(app)

    return snap_compare(app, terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES)
def test_meetings_list(engine, snap_compare, utc, size):
    breakfast_running(engine)
    dialogue_running(engine)

    async def setup(app, pilot):
        await settle(app, pilot)

    def help_first(app):
        footer = app.screen.query_one(KeyFooter)
        assert [e.action for e in footer.shown_entries(footer.size.width)][0] == "help"

    assert run(engine, setup, size, snap_compare, check=help_first)


@pytest.mark.parametrize("size", SIZES)
def test_capture(engine, snap_compare, utc, size):
    meeting = breakfast_running(engine)

    async def setup(app, pilot):
        app.open_meeting(meeting.id)
        await settle(app, pilot)
        app.screen.query_one("#capture", CaptureLine).value = "rec: Keep RtoP on the formal agenda >ga ! +1"
        await pilot.pause()

    assert run(engine, setup, size, snap_compare)


@pytest.mark.parametrize("size", SIZES)
def test_capture_with_a_speaker(engine, snap_compare, utc, size):
    meeting = dialogue_running(engine)

    async def setup(app, pilot):
        app.open_meeting(meeting.id)
        await settle(app, pilot)

    assert run(engine, setup, size, snap_compare)


@pytest.mark.parametrize("size", SIZES)
def test_review(engine, snap_compare, utc, size):
    meeting = breakfast_running(engine)

    async def setup(app, pilot):
        app.open_on(meeting.id, "review")
        await settle(app, pilot)
        await pilot.press("down", "down", "down", "down", "down", "down")

    assert run(engine, setup, size, snap_compare)


@pytest.mark.parametrize("size", SIZES)
def test_audit(engine, snap_compare, utc, size):
    meeting = breakfast_running(engine)

    async def setup(app, pilot):
        app.open_on(meeting.id, "audit")
        await settle(app, pilot)

    assert run(engine, setup, size, snap_compare)


@pytest.mark.parametrize("size", SIZES)
def test_participants(engine, snap_compare, utc, size):
    meeting = breakfast_running(engine)

    async def setup(app, pilot):
        app.open_on(meeting.id, "participants")
        await settle(app, pilot)

    assert run(engine, setup, size, snap_compare)


@pytest.mark.parametrize("size", SIZES)
def test_speakers(engine, snap_compare, utc, size):
    meeting = dialogue_running(engine)

    async def setup(app, pilot):
        app.open_on(meeting.id, "speakers")
        await settle(app, pilot)
        await pilot.press("tab")  # on the list: its keys in the footer and the mode line

    assert run(engine, setup, size, snap_compare)


@pytest.mark.parametrize("size", SIZES)
def test_tracker(engine, snap_compare, utc, size):
    meeting = breakfast_running(engine)
    rec = next(n for n in services.list_notes(engine, meeting.id) if n.kind == "recommendation")
    followup.set_status(engine, rec.id, "taken-up", date=NOW.date())

    async def setup(app, pilot):
        await pilot.press("f3")
        await settle(app, pilot)

    assert run(engine, setup, size, snap_compare)


@pytest.mark.parametrize("size", SIZES)
def test_search(engine, snap_compare, utc, size):
    breakfast_running(engine)

    async def setup(app, pilot):
        await pilot.press("f2")
        app.screen.query_one("#query", Input).value = "early warn*"
        await settle(app, pilot)

    assert run(engine, setup, size, snap_compare)


@pytest.mark.parametrize("size", SIZES)
def test_help(engine, snap_compare, utc, size):
    async def setup(app, pilot):
        await pilot.press("f1")
        await settle(app, pilot)

    def close_first(app):
        footer = app.screen.query_one(KeyFooter)
        assert [e.action for e in footer.shown_entries(footer.size.width)][0] == "close"

    assert run(engine, setup, size, snap_compare, check=close_first)


@pytest.mark.parametrize("size", SIZES)
def test_projector(engine, snap_compare, utc, size):
    meeting = dialogue_running(engine)
    app = make_projector_app(meeting.id, engine=engine, clock=lambda: NOW)
    assert snap_compare(app, terminal_size=size)
