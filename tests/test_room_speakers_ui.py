"""The speakers list screen driven from the keyboard: two modes that say which
they are, undo, a running clock with the countdown, colour and bell, and
replies and points of order as one key."""

import datetime as dt

import pytest
from textual.widgets import Input, Static

from facilitator import services
from facilitator.services import speakers
from screens.speakers import SpeakersScreen
from screens.widgets.fill_table import FillTable

from .ui_helpers import FIXED_NOW, settle


@pytest.fixture
def dialogue(engine):
    meeting = services.create_meeting(engine, "dialogue", title="Annual dialogue", date=dt.date(2017, 9, 6))
    services.update_meeting(engine, meeting.id, speaker_limit=180, bell=True)
    return meeting


def states(engine, meeting_id):
    return [(e.name, e.status) for e in speakers.list_queue(engine, meeting_id)]


def cells(screen, column):
    table = screen.query_one("#queue", FillTable)
    index = [key for _, key, _ in table.column_spec].index(column)
    return [str(table.get_row_at(i)[index]) for i in range(table.row_count)]


async def open_speakers(engine, meeting_id, now):
    from screens.app import make_app

    app = make_app(engine=engine, clock=lambda: now["t"])
    return app


async def test_typing_and_list_modes(engine, dialogue):
    now = {"t": FIXED_NOW}
    app = await open_speakers(engine, dialogue.id, now)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SpeakersScreen(dialogue.id))
        await settle(app, pilot)
        screen = app.screen
        mode = screen.query_one("#speakers-help", Static)
        assert "Typing a name" in str(mode.render())
        await pilot.press(*"Kenya", "enter")
        await settle(app, pilot)
        await pilot.press("tab")  # to the list: single keys are commands now, and the line says so
        assert "On the list" in str(mode.render()) and mode.has_class("-list")
        await pilot.press("k")  # not a key of the list: said, not silently dropped
        assert "'k' is not a key of the list" in str(mode.render()) and mode.has_class("-warning")
        await pilot.press(*"Ghana")  # a capital letter starts a name
        name_box = screen.query_one("#speaker-name", Input)
        assert name_box.has_focus and name_box.value == "Ghana"
        await pilot.press("enter")
        await settle(app, pilot)
        assert states(engine, dialogue.id) == [("Kenya", "queued"), ("Ghana", "queued")]
        await pilot.press("down", "n")  # ↓ from an empty name box to the list; n calls the next
        await settle(app, pilot)
        assert states(engine, dialogue.id)[0] == ("Kenya", "speaking")


async def test_spoken_cannot_become_withdrawn_and_undo(engine, dialogue):
    for name in ("Ghana", "Kenya"):
        speakers.add_speaker(engine, dialogue.id, name, category="member-state")
    now = {"t": FIXED_NOW}
    app = await open_speakers(engine, dialogue.id, now)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SpeakersScreen(dialogue.id))
        await settle(app, pilot)
        screen = app.screen
        await pilot.press("ctrl+n")  # Ghana has the floor
        await settle(app, pilot)
        now["t"] = FIXED_NOW + dt.timedelta(seconds=4)
        await pilot.press("ctrl+n")  # Ghana has spoken 0:04, Kenya has the floor
        await settle(app, pilot)
        table = screen.query_one("#queue", FillTable)
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("x")  # withdraw someone who has spoken: refused, said in one line
        await settle(app, pilot)
        assert cells(screen, "state")[0] == "spoken" and cells(screen, "time")[0] == "0:04"
        assert any("already marked spoken" in n.message for n in app._notifications)
        await pilot.press("u")  # undo the last change: Ghana has the floor again, Kenya waits
        await settle(app, pilot)
        assert states(engine, dialogue.id) == [("Ghana", "speaking"), ("Kenya", "queued")]
        screen.query_one("#speaker-name", Input).focus()
        await pilot.press(*"Peru", "enter")
        await settle(app, pilot)
        await pilot.press("ctrl+z")  # undo works while typing too: the name added goes
        await settle(app, pilot)
        assert states(engine, dialogue.id) == [("Ghana", "speaking"), ("Kenya", "queued")]


async def test_running_clock_countdown_colour_and_bell(engine, dialogue):
    speakers.add_speaker(engine, dialogue.id, "Ghana", category="member-state")
    speakers.add_speaker(engine, dialogue.id, "Kenya", category="member-state")
    now = {"t": FIXED_NOW}
    app = await open_speakers(engine, dialogue.id, now)
    rings = []
    app.bell = lambda: rings.append(now["t"])
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SpeakersScreen(dialogue.id))
        await settle(app, pilot)
        screen = app.screen
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        bar = screen.query_one("#speaker-bar", Static)
        now["t"] = FIXED_NOW + dt.timedelta(seconds=83)
        screen.tick()
        assert cells(screen, "time")[0] == "1:23"  # the speaker's time runs in the list
        assert "Ghana" in str(bar.render()) and "1:37 left" in str(bar.render()) and "next: Kenya" in str(bar.render())
        assert not bar.has_class("-low") and not bar.has_class("-over")
        now["t"] = FIXED_NOW + dt.timedelta(seconds=160)
        screen.tick()
        assert bar.has_class("-low") and "0:20 left" in str(bar.render())
        now["t"] = FIXED_NOW + dt.timedelta(seconds=185)
        screen.tick()
        screen.tick()
        assert bar.has_class("-over") and "0:05 OVER" in str(bar.render())
        assert len(rings) == 1  # the bell rings once, at the limit
        await pilot.press("tab", "plus")  # thirty seconds more for everyone
        await settle(app, pilot)
        assert services.get_meeting(engine, dialogue.id).speaker_limit == 210
        screen.tick()
        assert "0:25 left" in str(bar.render())


async def test_replies_and_points_of_order_in_one_key(engine, dialogue):
    for name in ("Ghana", "Kenya", "Peru"):
        speakers.add_speaker(engine, dialogue.id, name, category="member-state")
    now = {"t": FIXED_NOW}
    app = await open_speakers(engine, dialogue.id, now)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SpeakersScreen(dialogue.id))
        await settle(app, pilot)
        screen = app.screen
        await pilot.press("ctrl+n")  # Ghana speaks
        await settle(app, pilot)
        await pilot.press(*"Ivan Šimonović", "ctrl+r")  # a reply, typed: right after the speaker
        await settle(app, pilot)
        table = screen.query_one("#queue", FillTable)
        table.focus()
        table.move_cursor(row=cells(screen, "name").index("Peru"))
        await pilot.press("r")  # Peru replies too, after the first reply
        await settle(app, pilot)
        table.move_cursor(row=cells(screen, "name").index("Kenya"))
        await pilot.press("o")  # a point of order goes before the replies
        await settle(app, pilot)
        waiting = [name for name, status in states(engine, dialogue.id) if status == "queued"]
        assert waiting == ["Kenya", "Ivan Šimonović", "Peru", "Kenya", "Peru"]
        assert cells(screen, "state")[1:4] == ["point of order", "reply", "reply"]
