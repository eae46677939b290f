"""Notifications never cover the capture line, its hint or the footer, at
80×24 and 120×40, however many are showing."""

import pytest
from textual.errors import NoWidget
from textual.geometry import Region
from textual.widgets import Static
from textual.widgets._toast import Toast, ToastRack

from screens.widgets.capture_line import CaptureLine
from screens.widgets.key_footer import KeyFooter

from .ui_helpers import app_for, settle


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_toasts_stay_off_the_capture_line(engine, breakfast, size):
    app = app_for(engine)
    async with app.run_test(size=size, notifications=True) as pilot:
        app.open_meeting(breakfast.id)
        await settle(app, pilot)
        screen = app.screen
        line = screen.query_one("#capture", CaptureLine)
        line.value = "rec: a long recommendation " * 8  # the line at its tallest
        await pilot.press("space", "@", "N", "a", "m", "e")  # a speaker under not-for-attribution: refused
        await pilot.press("enter")
        for n in range(8):
            app.notify(f"Notification {n} with a sentence long enough to wrap over two lines of a toast.",
                       timeout=30)
        await settle(app, pilot)
        toasts = [shown(screen, toast) for toast in screen.get_child_by_type(ToastRack).query(Toast)]
        assert line.region.height == 5 and line.value.endswith("@Name")  # kept, at its tallest
        assert len(toasts) == 8 and toasts[0].height  # the first is on screen ...
        for widget in (line, screen.query_one("#capture-hint", Static), screen.query_one(KeyFooter)):
            assert widget.region.height
            assert not any(region.area and region.overlaps(widget.region) for region in toasts), widget  # ... none


def shown(screen, widget) -> Region:
    """The part of the screen a widget covers: its region clipped by its containers (none when scrolled off)."""
    try:
        geometry = screen.find_widget(widget)
    except NoWidget:
        return Region()
    return geometry.region.intersection(geometry.clip)
