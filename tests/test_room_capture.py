"""The capture line for long recommendations: it grows to three lines, Enter
still saves, shift+enter or ctrl+j breaks a line; a theme tag is a tag only
after the text and only for a theme the meeting has, and the line shows the
themes it will be tagged with before Enter."""

import datetime as dt

import pytest
from textual.widgets import Static

from facilitator import services
from facilitator.capture import parse_capture
from screens.widgets.capture_line import CaptureLine

from .ui_helpers import app_for, settle

THEMES = ["Prevention", "Accountability"]


@pytest.mark.parametrize("line, themes, text, tags", [
    ("+1 to the previous point", THEMES, "+1 to the previous point", ()),
    ("+1 to the previous point", None, "+1 to the previous point", ()),
    ("Agreed with the panel +1", THEMES, "Agreed with the panel", ("1",)),
    ("Agreed with the panel +1", [], "Agreed with the panel +1", ()),
    ("They rated it +7 overall", THEMES, "They rated it +7 overall", ()),
    ("Early warning matters +prevention +2", THEMES, "Early warning matters", ("Prevention", "2")),
    ("Early warning matters +Funding", THEMES, "Early warning matters", ("Funding",)),  # a new theme, by name
    ("rec: +1 first, then text", THEMES, "+1 first, then text", ()),
    ("C++ and a@b.org, 3 > 2", THEMES, "C++ and a@b.org, 3 > 2", ()),
])
def test_theme_tags_stand_after_the_text_and_exist(line, themes, text, tags):
    parsed = parse_capture(line, themes=themes)
    assert (parsed.text, parsed.themes) == (text, tags)


def test_line_breaks_are_kept_in_a_note():
    parsed = parse_capture("rec: Fund early warning ::  \n  Three-year grants keep analysts.\n\n\n\nA second "
                           "paragraph.  >UN")
    assert parsed.headline == "Fund early warning"
    assert parsed.text == "Three-year grants keep analysts.\n\nA second paragraph."
    assert parsed.addressee == "UN"


async def test_the_line_grows_to_three_lines_and_enter_still_saves(engine, breakfast):
    services.update_meeting(engine, breakfast.id, themes=THEMES)
    app = app_for(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_meeting(breakfast.id)
        await settle(app, pilot)
        screen = app.screen
        line = screen.query_one("#capture", CaptureLine)
        assert line.region.height == 3  # one line of text between its borders
        line.value = "rec: " + "The United Nations should name a focal point in every country team. " * 4
        await pilot.pause()
        assert line.region.height == 5  # three lines of text: the start stays in view
        line.value = "rec: Name focal points ::"
        await pilot.press("ctrl+j", *"in every team", "shift+enter", *"and fund them +2")
        hint = str(screen.query_one("#capture-hint", Static).render())
        assert "themes: Accountability" in hint and "headline" in hint
        toasts = screen.query_one("ToastRack").region if app._notifications else None
        assert toasts is None or not toasts.overlaps(line.region)
        await pilot.press("enter")
        await settle(app, pilot)
        assert line.value == ""
    note = services.list_notes(engine, breakfast.id)[0]
    assert (note.kind, note.headline, note.text, note.themes) == (
        "recommendation", "Name focal points", "in every team\nand fund them", ["Accountability"])


async def test_a_line_beginning_with_plus_one_is_saved_as_text(engine, breakfast):
    services.update_meeting(engine, breakfast.id, themes=THEMES)
    app = app_for(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_meeting(breakfast.id)
        await settle(app, pilot)
        await pilot.press(*"+1 to the previous point")
        assert "+1: text, not a theme" in str(app.screen.query_one("#capture-hint", Static).render())
        await pilot.press("enter")
        await settle(app, pilot)
    note = services.list_notes(engine, breakfast.id)[0]
    assert (note.text, note.themes) == ("+1 to the previous point", [])
