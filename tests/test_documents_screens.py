"""The screens' side of the document work, driven with Pilot: the agenda
editor opened from the review screen (every change through the writer, a
note never lost), and the export dialog reading the one registry of styles
and formats, with the template's style as its default."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import DataTable, Input, Select

from exports import DEFAULT_FORMAT, FORMATS, STYLES
from facilitator import services
from screens.agenda_editor import AgendaEditorScreen, SectionTextDialog, TextPromptDialog
from screens.dialogs.export import ExportDialog
from screens.review import ReviewScreen

from .ui_helpers import app_for, settle


async def test_agenda_editor_adds_renames_moves_and_keeps_notes(engine):
    meeting = services.create_meeting(engine, "workshop", title="Editor", date=dt.date(2024, 3, 5))
    breakout = services.list_items(engine, meeting.id)[4]
    services.add_note(engine, meeting.id, "Analysis waits.", item_id=breakout.id, group="A", kind="challenge")
    app = app_for(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ReviewScreen(meeting.id))
        await settle(app, pilot)
        await pilot.press("g")
        await settle(app, pilot)
        editor = app.screen
        assert isinstance(editor, AgendaEditorScreen)
        table = editor.query_one("#agenda", DataTable)
        table.move_cursor(row=table.get_row_index(f"item:{breakout.id}"))
        await pilot.press("r")
        prompt = app.screen
        assert isinstance(prompt, TextPromptDialog)
        prompt.query_one(Input).value = "Working groups: challenges"
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("shift+up")
        await settle(app, pilot)
        table.move_cursor(row=table.get_row_index(f"group:{breakout.id}:Group A: large field presence"))
        await pilot.press("r")
        app.screen.query_one(Input).value = "Working group on strategy"
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("delete")  # the group holds a note: refused, said in one notification
        await settle(app, pilot)
        assert any("1 note(s) are in 'Working group on strategy'" in n.message for n in app._notifications)
        await pilot.press("h")
        dialog = app.screen
        assert isinstance(dialog, SectionTextDialog)
        assert dialog.query_one("#section", Select).value == "group:Working group on strategy"
        dialog.query_one("#heading", Input).value = "Strategy"
        dialog.query_one("#intro", Input).value = "Heads of mission met here."
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("t")
        app.screen.query_one(Input).value = "Information"
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("T")
        app.screen.query_one("#theme-name", Input).value = "Information flows"
        await pilot.press("enter")
        await settle(app, pilot)
        assert "1. Information flows" in str(editor.query_one("#agenda-themes").render())
    items = services.list_items(engine, meeting.id)
    moved = next(i for i in items if i.id == breakout.id)
    assert (moved.title, moved.position) == ("Working groups: challenges", 4)
    assert "Working group on strategy" in moved.groups
    detail = services.get_detail(engine, meeting.id)
    assert [n.group for n in detail.notes] == ["Working group on strategy"]
    assert detail.meeting.headings == {"group:Working group on strategy": "Strategy"}
    assert detail.meeting.intros == {"group:Working group on strategy": "Heads of mission met here."}
    assert detail.meeting.themes == ["Information flows"]


@pytest.mark.parametrize(("template", "style"), [("breakfast", "memo"), ("workshop", "workshop"),
                                                  ("dialogue", "dialogue"), ("roundtable", "report")])
async def test_export_dialog_lists_the_registry_and_defaults_to_the_templates_style(engine, tmp_path, template,
                                                                                     style):
    meeting = services.create_meeting(engine, template, title="Dialog", date=dt.date(2017, 9, 7))
    app = app_for(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ExportDialog(meeting, tmp_path))
        await settle(app, pilot)
        dialog = app.screen
        styles = dialog.query_one("#style", Select)
        formats = dialog.query_one("#format", Select)
        assert (styles.value, formats.value) == (style, DEFAULT_FORMAT)
        assert [str(prompt) for prompt, _ in styles._options] == [str(s) for s in STYLES.values()]
        assert [value for _, value in formats._options] == list(FORMATS)
        assert dialog.query_one("#path", Input).value.endswith(f"-{style}{FORMATS[DEFAULT_FORMAT].suffix}")
