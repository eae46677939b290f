"""Text a user typed is shown as typed: square brackets and dollar signs in a
title, a note, a name or a bad capture line never crash a screen (a "[/]" in a
note used to raise MarkupError from the notes table)."""

import datetime as dt

from textual.widgets import DataTable

from facilitator import services
from facilitator.services import speakers
from screens.audit import AuditScreen
from screens.participants import ParticipantsScreen
from screens.review import ReviewScreen
from screens.speakers import SpeakersScreen
from screens.widgets.capture_line import CaptureLine

from .ui_helpers import app_for, settle

HOSTILE = "closing [/] opening [b] and [red]colour[/red] $var [@click=app.quit]x[/]"


async def test_brackets_everywhere(engine):
    meeting = services.create_meeting(engine, "breakfast", title=f"Title {HOSTILE}", date=dt.date(2017, 9, 7))
    item = services.list_items(engine, meeting.id)[3]
    services.add_participant(engine, meeting.id, "Zorana [/] Šimunović", organisation="[b]Forum")
    services.add_note(engine, meeting.id, f"Šimunović said {HOSTILE}", item_id=item.id)
    speakers.add_speaker(engine, meeting.id, "Ghana [/]")
    services.set_current_item(engine, meeting.id, item.id)
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        app.open_meeting(meeting.id)
        await settle(app, pilot)
        notes = app.screen.query_one("#notes", DataTable)
        assert str(notes.get_row_at(0)[-1]) == f"Šimunović said {HOSTILE}"
        line = app.screen.query_one("#capture", CaptureLine)
        line.value = "unknown [/] kind: bad @[/]"  # refused under not-for-attribution, message shows brackets
        await pilot.press("enter")
        await pilot.press("ctrl+n")  # the speaker bar shows "Ghana [/]"
        await settle(app, pilot)
        for screen in (ReviewScreen(meeting.id), AuditScreen(meeting.id), SpeakersScreen(meeting.id),
                       ParticipantsScreen(meeting.id)):
            app.push_screen(screen)
            await settle(app, pilot)
            app.pop_screen()
        await pilot.press("f2")
        await pilot.press(*"closing")
        await settle(app, pilot)
        assert app.is_running
