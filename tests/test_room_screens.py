"""Tracker, search and the command palette as a facilitator uses them from the
keyboard at 80×24: full texts and the meeting of a recommendation from the
tracker, typing that stays in the search box, palette entries found by the
words a user would type."""

import asyncio

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets import Input, Static

from facilitator import services
from facilitator.services import followup
from facilitator.services.demo import load_demo
from screens.audit import AuditScreen
from screens.capture import CaptureScreen
from screens.review import ReviewScreen
from screens.search import SearchScreen
from screens.speakers import SpeakersScreen
from screens.tracker import TrackerScreen
from screens.widgets.fill_table import FillTable

from .ui_helpers import app_for, settle

#: How long a condition on screen may take on a busy machine before the test gives up.
DEADLINE = 30.0


async def until(pilot, condition, what: str) -> None:
    """Wait for a condition on screen (the palette searches in the background), never a fixed time."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + DEADLINE
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"{what} did not happen within {DEADLINE} s")
        await pilot.pause(0.02)


def fits(table: FillTable) -> bool:
    """Every column on screen: nothing to scroll sideways to."""
    return sum(c.get_render_width(table) for c in table.columns.values()) <= table.scrollable_content_region.width


async def test_tracker_shows_whole_texts_and_opens_the_meeting(engine):
    _, new_york = load_demo(engine)
    app = app_for(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, TrackerScreen)
        table = screen.query_one("#tracker", FillTable)
        assert fits(table)  # the recommendation column is on screen at 80 columns
        rows = followup.tracker(engine)
        long_one = max(rows, key=lambda r: len(r.note.text))
        table.move_cursor(row=table.get_row_index(long_one.note.id))
        await pilot.pause()
        detail = str(screen.query_one("#tracker-detail", Static).render())
        assert " ".join(long_one.note.text.split()) in " ".join(detail.split())  # whole, not cut at 30
        assert long_one.meeting_title in " ".join(detail.split())
        await pilot.press("enter")
        await settle(app, pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.meeting_id == long_one.meeting_id
        assert review.selected_note_id() == long_one.note.id


async def test_search_keeps_the_typing_in_the_query(engine):
    load_demo(engine)
    app = app_for(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        query = screen.query_one("#query", Input)
        await pilot.press(*"periodic")
        await settle(app, pilot)
        assert len(screen.hits) >= 1 and fits(screen.query_one("#hits", FillTable))
        await pilot.press(*["backspace"] * len("periodic"), *"early warn")
        await settle(app, pilot)
        assert query.has_focus and query.value == "early warn"
        screen.query_one("#hits", FillTable).focus()  # the results had focus (a click, a tab) ...
        await pilot.press("*")  # ... typing still goes to the query
        await settle(app, pilot)
        assert query.has_focus and query.value == "early warn*" and len(screen.hits) >= 2
        await pilot.press("down")  # from the query, ↓ moves through the results ...
        chosen = screen.hits[1]
        await pilot.press("enter")  # ... and enter opens the one highlighted
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen) and app.screen.meeting_id == chosen.meeting_id


@pytest.mark.parametrize("typed, expected", [
    ("speak", SpeakersScreen), ("review", ReviewScreen), ("audit", AuditScreen), ("memo", "export"),
    ("capture", CaptureScreen), ("tracker", TrackerScreen), ("search", SearchScreen),
])
async def test_palette_finds_screens_and_actions_by_the_words_users_type(engine, breakfast, typed, expected):
    services.add_note(engine, breakfast.id, "A note to review.")
    app = app_for(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*typed)
        results = app.screen.query_one(CommandList)
        await until(pilot, lambda: results.option_count > 0 and results.highlighted is not None,
                    f"a command for {typed!r}")
        await pilot.press("enter")
        await settle(app, pilot)
        if expected == "export":
            from screens.dialogs.export import ExportDialog

            assert isinstance(app.screen, ExportDialog)
        else:
            assert isinstance(app.screen, expected)
