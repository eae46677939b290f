"""Audit, search, tracker and speakers screens, and review links, driven with Pilot
(the review screen itself: test_ui_review.py)."""

import datetime as dt

from textual.widgets import DataTable, Input

from facilitator import services
from facilitator.services import followup, speakers
from facilitator.services.demo import load_demo
from screens.audit import AuditScreen
from screens.review import ReviewScreen
from screens.search import SearchScreen
from screens.speakers import SpeakersScreen
from screens.tracker import TrackerScreen

from .ui_helpers import app_for, settle


async def test_audit_screen_fixes(engine, breakfast):
    item = services.list_items(engine, breakfast.id)[3]
    services.add_participant(engine, breakfast.id, "Zorana Šimunović", organisation="Balkan Peace Forum",
                             region="the Western Balkans")
    named = services.add_note(engine, breakfast.id, "Šimunović urged a regional approach.", item_id=item.id)
    org = services.add_note(engine, breakfast.id, "The Balkan Peace Forum publishes risk data.", item_id=item.id)
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(AuditScreen(breakfast.id))
        await settle(app, pilot)
        table = app.screen.query_one("#flags", DataTable)
        assert table.row_count == 2
        await pilot.press("a")  # anonymise the first flag
        assert services.get_note(engine, named.id).text == (
            "A participant urged a regional approach.")
        assert app.screen.query_one("#flags", DataTable).row_count == 1
        await pilot.press("d")  # the organisation is a subject here, not a speaker
        assert app.screen.query_one("#flags", DataTable).row_count == 0
    assert services.get_note(engine, org.id).cleared


async def test_search_as_you_type_and_open(engine):
    load_demo(engine)
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f2")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"periodic revi*")
        await settle(app, pilot)
        table = app.screen.query_one("#hits", DataTable)
        assert table.row_count == 2
        assert all("[Periodic]" in str(table.get_row_at(i)[-1]) for i in range(table.row_count))
        table.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)


async def test_tracker_sets_status_with_one_key(engine):
    load_demo(engine)
    open_items = len(followup.tracker(engine))  # every open recommendation and action of the demo
    assert open_items > 1
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f3")
        assert isinstance(app.screen, TrackerScreen)
        table = app.screen.query_one("#tracker", DataTable)
        assert table.row_count == open_items
        note_id = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        await pilot.press("4")  # achieved
        assert app.screen.query_one("#tracker", DataTable).row_count == open_items - 1
    assert [c.status for c in followup.history(engine, note_id)] == ["achieved"]


async def test_speakers_screen(engine):
    meeting = services.create_meeting(engine, "dialogue", title="Dialogue", date=dt.date(2017, 9, 6))
    services.add_participant(engine, meeting.id, "Ivan Šimonović", attributable=True)
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(SpeakersScreen(meeting.id))
        await settle(app, pilot)
        name = app.screen.query_one("#speaker-name", Input)
        for typed in ("Ghana", "Kenya", "simonovic"):
            name.value = typed
            await pilot.press("enter")
        await pilot.press("tab")
        table = app.screen.query_one("#queue", DataTable)
        assert [str(table.get_row_at(i)[1]) for i in range(3)] == ["Ghana", "Kenya", "Ivan Šimonović"]
        table.focus()
        table.move_cursor(row=2)
        await pilot.press("shift+up")
        await pilot.press("n")
        await pilot.press("x")
    queue = speakers.list_queue(engine, meeting.id)
    # moved above Kenya, then withdrawn (the cursor follows the moved row); Ghana has the floor
    assert [(e.name, e.status) for e in queue] == [
        ("Ghana", "speaking"), ("Ivan Šimonović", "withdrawn"), ("Kenya", "queued")]


async def test_links_visible_from_both_sides_in_review(engine):
    _, new_york = load_demo(engine)
    rec = next(n for n in services.list_notes(engine, new_york.id) if "formal agenda" in n.headline)
    followup.set_status(engine, rec.id, "taken-up", comment="on the agenda of the 72nd session",
                        date=dt.date(2017, 9, 15))
    later_meeting = services.create_meeting(engine, "breakfast", title="2018", date=dt.date(2018, 9, 7))
    later = services.add_note(engine, later_meeting.id, "The General Assembly debated RtoP formally.")
    followup.link(engine, later.id, rec.id)
    app = app_for(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        for meeting_id, note_id, expected in ((new_york.id, rec.id, "The General Assembly debated"),
                                              (later_meeting.id, later.id, "Keep RtoP on the General")):
            app.push_screen(ReviewScreen(meeting_id))
            await settle(app, pilot)
            table = app.screen.query_one("#review", DataTable)
            table.move_cursor(row=table.get_row_index(note_id))
            await pilot.press("l")
            shown = str(app.screen.query_one("Static").render())
            assert expected in shown
            if note_id == rec.id:
                assert "on the agenda of the 72nd session" in shown
            await pilot.press("escape")
            await pilot.press("escape")
