"""The meetings list: empty state, the New dialog's checks, delete with
confirmation, the command palette, and the help screen."""

import datetime as dt

from textual.command import CommandPalette
from textual.widgets import DataTable, Input, Label, Static

from facilitator import services
from facilitator.capture import GRAMMAR_HELP
from screens.capture import CaptureScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.new_meeting import NewMeetingDialog
from screens.help import HelpScreen
from screens.home import HomeScreen

from .ui_helpers import app_for, settle


def active(app, action: str) -> bool | None:
    """How the footer shows an action of the current screen: True, None (dimmed) or False (hidden)."""
    return app.screen.check_action(action, ())


async def test_empty_list_hints_and_dims_what_needs_a_meeting(engine):
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "No meetings yet" in str(app.screen.query_one("#home-empty", Static).render())
        assert [active(app, a) for a in ("new", "open", "export", "delete")] == [True, None, None, None]
        await pilot.press("d", "e", "r")  # dimmed: nothing happens, nothing breaks
        assert isinstance(app.screen, HomeScreen)


async def test_new_dialog_refuses_a_bad_date_then_creates_and_opens(engine):
    app = app_for(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        dialog = app.screen
        assert isinstance(dialog, NewMeetingDialog)
        await pilot.press(*"Ubuntu")  # typed into the focused title field
        dialog.query_one("#date", Input).value = "16/02/2017"
        await pilot.press("enter")
        assert app.screen is dialog
        assert "not a date" in str(dialog.query_one("#error", Label).render())
        dialog.query_one("#date", Input).value = "2017-02-16"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, CaptureScreen)
    (meeting,) = services.list_meetings(engine)
    assert (meeting.title, meeting.date) == ("Ubuntu", dt.date(2017, 2, 16))


async def test_delete_asks_first(engine, breakfast):
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert len(services.list_meetings(engine)) == 1
        await pilot.press("d")
        await pilot.press("y")
        await settle(app, pilot)
        assert services.list_meetings(engine) == []
        assert app.screen.query_one("#meetings", DataTable).row_count == 0
        assert "No meetings yet" in str(app.screen.query_one("#home-empty", Static).render())


async def test_palette_opens_a_meeting_by_title_and_offers_new_and_export(engine, breakfast):
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"New meeting", f"Open: {breakfast.title}"} <= set(titles)
        assert any(title.startswith("Export this meeting") for title in titles)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"open: un-civil")
        await pilot.pause(0.3)  # the palette searches in the background
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, CaptureScreen) and app.screen.meeting_id == breakfast.id
        assert "New meeting" in [c.title for c in app.get_system_commands(app.screen)]


async def test_help_lists_every_screens_keys_and_the_grammar(engine):
    app = app_for(engine)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.keys_table()
        rows = ["  ".join(str(cell) for cell in column._cells) for column in keys.columns]
        for description in ("New meeting", "Next item", "Previous item", "Bring back the note deleted last",
                            "Move up", "Anonymise"):
            assert description in rows[2]
        assert "^↓" in rows[1] and "shift+↑" in rows[1]
        grammar = str(app.screen.query_one("#help-grammar", Static).render())
        assert "Capture line" in grammar and "[b]" not in grammar and "[b]" in GRAMMAR_HELP
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_an_unexpected_error_in_a_worker_is_one_notification(engine, breakfast, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("the disk controller said no")

    monkeypatch.setattr(services, "delete_meeting", broken)
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("d", "y")
        await settle(app, pilot)
        assert app.is_running and isinstance(app.screen, HomeScreen)
        assert [(n.title, n.message) for n in app._notifications] == [
            ("Unexpected error", "RuntimeError: the disk controller said no")]
    assert len(services.list_meetings(engine)) == 1
