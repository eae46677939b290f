"""Rapporteur tools on screen: breakout groups while capturing, giving time to
the next item, merge versions, the export texts, participants, the tracker's
sort, and carrying a series forward from the New dialog."""

import datetime as dt
import shutil

from textual.widgets import Checkbox, DataTable, Input, Select, TextArea

from facilitator import services
from facilitator.db import open_engine
from facilitator.services import clock, followup
from facilitator.services.bundles import import_bundle, write_bundle
from screens.capture import CaptureScreen
from screens.dialogs.meeting_texts import MeetingTextsDialog
from screens.dialogs.revisions import RevisionsDialog
from screens.participants import ParticipantsScreen
from screens.review import ReviewScreen
from screens.widgets.capture_line import CaptureLine

from .ui_helpers import FIXED_NOW, app_for, settle


async def test_breakout_group_follows_ctrl_g(engine):
    meeting = services.create_meeting(engine, "workshop", title="Workshop", date=dt.date(2024, 3, 5))
    breakout = next(i for i in services.list_items(engine, meeting.id) if i.kind == "breakout")
    services.set_current_item(engine, meeting.id, breakout.id)
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_meeting(meeting.id)
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CaptureScreen) and screen.group == breakout.groups[0]
        screen.query_one("#capture", CaptureLine).value = "ch: Analysts are overstretched"
        await pilot.press("enter")
        await pilot.press("ctrl+g")
        screen.query_one("#capture", CaptureLine).value = "bp: Weekly huddles"
        await pilot.press("enter")
        await settle(app, pilot)
    notes = services.list_notes(engine, meeting.id)
    assert [(n.text, n.group) for n in notes] == [("Analysts are overstretched", breakout.groups[0]),
                                                  ("Weekly huddles", breakout.groups[1])]


async def test_give_remaining_time_to_next_item(engine, breakfast):
    items = services.list_items(engine, breakfast.id)
    clock.advance_to(engine, breakfast.id, items[0].id, now=FIXED_NOW - dt.timedelta(minutes=5))
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_meeting(breakfast.id)
        await settle(app, pilot)
        await pilot.press("f6")
    after = services.list_items(engine, breakfast.id)
    assert (after[0].extra_minutes, after[1].extra_minutes) == (-10, 10)  # 15 planned, 5 used


async def test_versions_kept_by_a_merge_can_be_seen_and_restored(engine, breakfast, db_path, tmp_path):
    note = services.add_note(engine, breakfast.id, "Original wording.")
    engine.dispose()
    shutil.copy(db_path, tmp_path / "laptop.db")
    laptop = open_engine(tmp_path / "laptop.db")
    services.update_note(engine, note.id, text="Plenary wording.")
    services.update_note(laptop, note.id, text="Group wording, edited later.")
    import_bundle(engine, write_bundle(laptop, breakfast.id, tmp_path / "b.json"))
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(ReviewScreen(breakfast.id))
        await settle(app, pilot)
        table = app.screen.query_one("#review", DataTable)
        table.move_cursor(row=table.get_row_index(note.id))
        assert str(table.get_row_at(table.cursor_row)[-1]).startswith("⟲ Group wording")
        await pilot.press("v")
        assert isinstance(app.screen, RevisionsDialog)
        await pilot.press("enter")
        await settle(app, pilot)
    assert services.get_note(engine, note.id).text == "Plenary wording."


async def test_export_texts_start_from_drafts_and_are_stored(engine, breakfast):
    services.update_meeting(engine, breakfast.id, organisers=["Stanley Foundation"])
    app = app_for(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ReviewScreen(breakfast.id))
        await settle(app, pilot)
        await pilot.press("t")
        dialog = app.screen
        assert isinstance(dialog, MeetingTextsDialog)
        lead = dialog.query_one("#lead", TextArea)
        assert lead.text.startswith("The Stanley Foundation hosted a breakfast meeting in New York on 7 September")
        lead.text = "Our own opening paragraph."
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    meeting = services.get_meeting(engine, breakfast.id)
    assert meeting.lead == "Our own opening paragraph." and meeting.disclaimer == ""  # the draft is not frozen


async def test_participants_screen_add_and_toggle(engine, breakfast):
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(ParticipantsScreen(breakfast.id))
        await settle(app, pilot)
        await pilot.press("a")
        dialog = app.screen
        dialog.query_one("#name", Input).value = "Ivan Šimonović"
        dialog.query_one("#organisation", Input).value = "United Nations"
        dialog.query_one("#category", Select).value = "panelist"
        dialog.query_one("#name", Input).focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.query_one("#people", DataTable).row_count == 1
        await pilot.press("space")
    person = services.list_participants(engine, breakfast.id)[0]
    assert (person.name, person.organisation, person.category, person.attributable) == (
        "Ivan Šimonović", "United Nations", "panelist", True)


async def test_tracker_sort_and_new_meeting_carries_series_forward(engine, breakfast):
    services.update_meeting(engine, breakfast.id, series="RtoP breakfast")
    item = services.list_items(engine, breakfast.id)[4]
    old = services.add_note(engine, breakfast.id, "Older", kind="rec", item_id=item.id)
    new = services.add_note(engine, breakfast.id, "Newer", kind="rec", item_id=item.id)
    followup.set_status(engine, old.id, "in-progress")
    app = app_for(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        await pilot.press("s")
        table = app.screen.query_one("#tracker", DataTable)
        assert [table.coordinate_to_cell_key((r, 0)).row_key.value for r in range(2)] == [new.id, old.id]
        await pilot.press("escape")
        await pilot.press("n")
        dialog = app.screen
        dialog.query_one("#title", Input).value = "Breakfast 2018"
        dialog.query_one("#date", Input).value = "2018-09-07"
        dialog.query_one("#series", Input).value = "RtoP breakfast"
        assert dialog.query_one("#carry", Checkbox).value
        dialog.query_one("#title", Input).focus()
        await pilot.press("enter")
        await settle(app, pilot)
    second = next(m for m in services.list_meetings(engine) if m.title == "Breakfast 2018")
    review = next(i for i in services.list_items(engine, second.id) if i.title.startswith("Review of open"))
    assert len(services.list_notes(engine, second.id, review.id)) == 2
