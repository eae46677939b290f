"""A snapshot of the capture screen on the demo breakfast meeting, at a fixed
size and a fixed clock, with the cursor blink off."""

import datetime as dt

from textual.widgets import Input

from facilitator import services
from facilitator.services import clock
from facilitator.services.demo import load_demo

from .ui_helpers import FIXED_NOW, app_for


def test_capture_screen_snapshot(engine, snap_compare):
    _, new_york = load_demo(engine)
    items = services.list_items(engine, new_york.id)
    clock.advance_to(engine, new_york.id, items[4].id, now=FIXED_NOW - dt.timedelta(minutes=17))
    app = app_for(engine)

    async def open_meeting(pilot):
        app.open_meeting(new_york.id)
        await pilot.pause()
        await app.workers.wait_for_complete()
        capture = app.screen.query_one("#capture", Input)
        capture.cursor_blink = False
        capture.value = "rec: Keep RtoP on the formal agenda >ga !"
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 36), run_before=open_meeting)
