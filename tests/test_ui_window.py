"""Windowed notes: the capture and review screens hold a window of a
10,000-note meeting, never all of it, say which notes it holds, page by
keyset as the cursor reaches either end, and still edit, delete, undo and
reorder notes far from the top. Every wait is for what the screen or the
database shows, never for a fixed time."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import insert
from textual.widgets import Input, Static

from facilitator import services
from facilitator.models import Note
from facilitator.services.notes import (
    count_note_groups,
    count_notes,
    move_note_past,
    notes_page,
)
from screens.capture import CaptureScreen
from screens.dialogs.note_edit import NoteEditDialog
from screens.review import ReviewScreen
from screens.widgets.capture_line import CaptureLine
from screens.widgets.notes_table import NotesTable

from .ui_helpers import app_for, settle, table_texts

SIZE = 10_000


def bulk_notes(engine, meeting_id: str, item_id: str | None, count: int, *, kind: str = "reflection",
               start: int = 1, text: str = "Note") -> list[str]:
    """`count` notes in one statement (the service adds one per transaction: too slow for 10,000),
    numbered `text start`, `text start+1` … in position order; returns their ids in that order."""
    now = dt.datetime(2017, 2, 16, 9, 0, tzinfo=dt.UTC)
    ids = [str(uuid.uuid4()) for _ in range(count)]
    with engine.begin() as conn:
        conn.execute(insert(Note.__table__), [
            {"id": note_id, "meeting_id": meeting_id, "item_id": item_id, "kind": kind, "text": f"{text} {start + n}",
             "headline": "", "addressee": "", "position": start + n, "themes": [], "cleared": [], "status": "",
             "created_at": now, "updated_at": now}
            for n, note_id in enumerate(ids)])
    return ids


@pytest.fixture
def big(engine, breakfast):
    """The breakfast with 10,000 reflections under its current item (the third)."""
    item = services.list_items(engine, breakfast.id)[2]
    services.set_current_item(engine, breakfast.id, item.id)
    ids = bulk_notes(engine, breakfast.id, item.id, SIZE)
    return breakfast, item, ids


async def wait_for(pilot, condition, rounds: int = 200) -> None:
    """Let the app run until `condition()` holds (a bounded number of idle rounds, not a time)."""
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause()
    assert condition()


async def open_capture(app, pilot, meeting_id) -> CaptureScreen:
    app.open_meeting(meeting_id)
    await settle(app, pilot)
    assert isinstance(app.screen, CaptureScreen)
    return app.screen


async def open_review(app, pilot, meeting_id) -> ReviewScreen:
    app.push_screen(ReviewScreen(meeting_id))
    await settle(app, pilot)
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


def hint(screen) -> str:
    return str(screen.query_one("#capture-hint", Static).render())


# --- the service: pages by keyset, counts ---------------------------------------------------------------------


def test_pages_follow_the_list_in_both_directions(engine, big):
    meeting, item, ids = big
    assert count_notes(engine, meeting.id, item.id) == SIZE
    assert [n.id for n in notes_page(engine, meeting.id, item.id, limit=3)] == ids[:3]
    assert [n.id for n in notes_page(engine, meeting.id, item.id, tail=True, limit=3)] == ids[-3:]
    assert [n.id for n in notes_page(engine, meeting.id, item.id, after=ids[5000], limit=2)] == ids[5001:5003]
    assert [n.id for n in notes_page(engine, meeting.id, item.id, before=ids[5000], limit=2)] == ids[4998:5000]
    assert [n.id for n in notes_page(engine, meeting.id, item.id, after=ids[5000], inclusive=True,
                                     limit=1)] == [ids[5000]]
    services.delete_note(engine, ids[5001])  # a deleted note is skipped, and still marks its place
    assert [n.id for n in notes_page(engine, meeting.id, item.id, after=ids[5000], limit=1)] == [ids[5002]]
    assert [n.id for n in notes_page(engine, meeting.id, item.id, after=ids[5001], inclusive=True,
                                     limit=1)] == [ids[5002]]
    assert count_notes(engine, meeting.id, item.id) == SIZE - 1


def test_review_order_pages_across_items_and_kinds(engine, breakfast):
    items = services.list_items(engine, breakfast.id)
    late = bulk_notes(engine, breakfast.id, items[4].id, 3, kind="recommendation", text="Rec")
    early = bulk_notes(engine, breakfast.id, items[1].id, 4, kind="challenge", text="Chal")
    refl = bulk_notes(engine, breakfast.id, items[1].id, 2, start=10, text="Refl")
    loose = bulk_notes(engine, breakfast.id, None, 2, text="Loose")
    order = refl + early + late + loose  # item 2 (reflections before challenges), item 5, then no item
    groups = count_note_groups(engine, breakfast.id)
    assert [(g.item_id, g.kind, g.count) for g in groups] == [
        (items[1].id, "reflection", 2), (items[1].id, "challenge", 4), (items[4].id, "recommendation", 3),
        (None, "reflection", 2)]
    page = [n.id for n in notes_page(engine, breakfast.id, by_item=True, limit=100, groups=groups)]
    assert page == order
    for at in range(len(order)):
        assert [n.id for n in notes_page(engine, breakfast.id, by_item=True, after=order[at], limit=4)] == \
            order[at + 1:at + 5]
        assert [n.id for n in notes_page(engine, breakfast.id, by_item=True, before=order[at], limit=4)] == \
            order[max(0, at - 4):at]
    assert [n.id for n in notes_page(engine, breakfast.id, by_item=True, tail=True, limit=3)] == order[-3:]
    assert [n.id for n in notes_page(engine, breakfast.id, by_item=True, kind="reflection", after=refl[1],
                                     limit=5)] == loose


def test_move_past_a_neighbour_shifts_only_the_notes_between(engine, big):
    meeting, item, ids = big
    move_note_past(engine, ids[9000], ids[9003])  # down, past three
    assert [n.id for n in notes_page(engine, meeting.id, item.id, after=ids[8999], limit=4)] == [
        ids[9001], ids[9002], ids[9003], ids[9000]]
    move_note_past(engine, ids[9000], ids[9001])  # up, before it
    assert [n.id for n in notes_page(engine, meeting.id, item.id, after=ids[8999], limit=4)] == ids[9000:9004]
    assert notes_page(engine, meeting.id, item.id, after=ids[9004], limit=1)[0].position == 9006


# --- capture ------------------------------------------------------------------------------------------------


async def test_capture_opens_at_the_newest_notes_of_a_long_item(engine, big):
    meeting, item, ids = big
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, meeting.id)
        table = screen.query_one("#notes", NotesTable)
        assert 0 < table.row_count <= table.window
        assert table.total == SIZE
        assert table_texts(table)[-1] == f"Note {SIZE}" and table.cursor_key == ids[-1]
        assert f"of {SIZE:,}" in hint(screen) and f"–{SIZE:,} of" in hint(screen)

        table.focus()
        await pilot.press("home")  # the item's first note, not the window's
        await wait_for(pilot, lambda: table.cursor_key == ids[0])
        assert table_texts(table)[0] == "Note 1" and table.row_count <= table.window
        assert f"notes 1–{table.row_count:,} of {SIZE:,}" in hint(screen)

        for _ in range(25):  # page down, far past the first window
            await pilot.press("pagedown")
        await wait_for(pilot, lambda: table.first_index > 0)
        await settle(app, pilot)  # every page down and the windows they load done: the cursor has come to rest
        assert table.row_count <= table.window
        far = table.cursor_key
        assert ids.index(far) > table.window  # beyond what the first window held
        assert table.first_index == ids.index(table.notes[0].id)  # the count shown is the note's place
        assert table_texts(table)[table.cursor_row] == f"Note {ids.index(far) + 1}"

        await pilot.press("e")  # edit the note far down
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditDialog))
        app.screen.query_one("#headline", Input).value = "Far down"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert services.get_note(engine, far).headline == "Far down"
        assert screen.selected_note_id() == far and table.row_count <= table.window

        await pilot.press("delete")
        await settle(app, pilot)
        assert services.get_note(engine, far).deleted_at is not None
        assert count_notes(engine, meeting.id, item.id) == SIZE - 1
        assert table.cursor_key == ids[ids.index(far) + 1]  # the note that followed it, not an end of the list
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert services.get_note(engine, far).deleted_at is None
        assert screen.selected_note_id() == far


async def test_a_line_sent_from_far_up_goes_to_the_end(engine, big):
    meeting, item, ids = big
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, meeting.id)
        table = screen.query_one("#notes", NotesTable)
        table.focus()
        await pilot.press("home")
        await wait_for(pilot, lambda: table.cursor_key == ids[0])
        capture = screen.query_one("#capture", CaptureLine)
        capture.focus()
        capture.value = "Newest of all"
        await pilot.press("enter")
        assert table_texts(table)[-1].startswith("Newest of all")  # at once, marked saving…, at the end
        assert not table.more_after and table.row_count <= table.window + 1
        await settle(app, pilot)
        newest = notes_page(engine, meeting.id, item.id, tail=True, limit=1)[0]
        assert newest.text == "Newest of all" and count_notes(engine, meeting.id, item.id) == SIZE + 1
        assert table_texts(table)[-1] == "Newest of all" and screen.selected_note_id() == newest.id


async def test_typing_at_the_end_keeps_the_window_bounded(engine, breakfast):
    item = services.list_items(engine, breakfast.id)[2]
    services.set_current_item(engine, breakfast.id, item.id)
    bulk_notes(engine, breakfast.id, item.id, 10)
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)
        table = screen.query_one("#notes", NotesTable)
        table.window = 4  # a small window, to see it shed the notes typed at its end
        capture = screen.query_one("#capture", CaptureLine)
        for n in range(12):
            capture.value = f"Typed {n}"
            await pilot.press("enter")
            await settle(app, pilot)
            assert table.row_count <= 2 * table.window + 1
            assert table_texts(table)[-1] == f"Typed {n}"
        assert count_notes(engine, breakfast.id, item.id) == 22


# --- review -------------------------------------------------------------------------------------------------


async def test_review_opens_at_the_top_with_the_count(engine, big):
    meeting, item, ids = big
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_review(app, pilot, meeting.id)
        table = screen.query_one("#review", NotesTable)
        assert table.row_count <= table.window + 2  # the notes and their two headings
        assert table_texts(table)[:3] == [f"{item.position}. {item.title}", f"  Reflections ({SIZE:,})", "Note 1"]
        summary = str(screen.query_one("#review-summary", Static).render())
        assert f"{SIZE:,} of {SIZE:,} notes" in summary and f"1–{table.window}" in summary

        table.scroll_end(animate=False, immediate=True)  # the wheel or the scrollbar, to the window's end
        await wait_for(pilot, lambda: table.first_index > 0)  # the window moved on, around the cursor
        assert table.cursor_key in table.note_ids and table.row_count <= table.window + 2
        assert table.first_index == ids.index(table.notes[0].id)

        await pilot.press("end")
        await wait_for(pilot, lambda: screen.selected_note_id() == ids[-1])
        assert table.row_count <= table.window + 2 and table.first_index == SIZE - len(table.notes)
        assert f"–{SIZE:,};" in str(screen.query_one("#review-summary", Static).render())

        for _ in range(3):
            await pilot.press("pageup")
        middle = screen.selected_note_id()
        await pilot.press("delete")
        await settle(app, pilot)
        assert services.get_note(engine, middle).deleted_at is not None
        assert screen.selected_note_id() == ids[ids.index(middle) + 1]
        assert f"{SIZE - 1:,} of {SIZE - 1:,} notes" in str(screen.query_one("#review-summary", Static).render())


async def test_review_reorders_at_the_edge_of_the_window(engine, big):
    meeting, item, ids = big
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_review(app, pilot, meeting.id)
        table = screen.query_one("#review", NotesTable)
        last = table.notes[-1].id  # the window's last note; the one after it is not in the window
        assert table.more_after and ids.index(last) == table.window - 1
        table.edge = 0  # leave the cursor at the very edge: the neighbour is read from the database
        table.move_cursor(row=table.get_row_index(last))
        await wait_for(pilot, lambda: screen.selected_note_id() == last)
        assert ids[ids.index(last) + 1] not in table.note_ids
        assert screen.check_action("move", (1,)) is True
        await pilot.press("shift+down")
        await settle(app, pilot)
        at = ids.index(last)
        assert [n.id for n in notes_page(engine, meeting.id, item.id, after=ids[at - 1], limit=2)] == [
            ids[at + 1], last]
        assert screen.selected_note_id() == last

        table.edge = 15  # and with the margin: reaching the edge reads the window again, centred on the cursor
        await pilot.press("end")
        await wait_for(pilot, lambda: screen.selected_note_id() == ids[-1])
        await pilot.press("home")  # the first row of the list: its item's heading
        await wait_for(pilot, lambda: not table.more_before and table.cursor_row == 0)
        assert table.nearest_note() == ids[0]
        for _ in range(table.window):
            await pilot.press("down")
        await wait_for(pilot, lambda: table.first_index > 0)
        note_id = screen.selected_note_id()
        assert note_id in table.note_ids and table.notes[0].id != ids[0]
        await pilot.press("shift+up")
        await settle(app, pilot)
        at = [n.id for n in notes_page(engine, meeting.id, item.id, limit=SIZE)].index(note_id)
        assert at == ids.index(note_id) - 1 and screen.selected_note_id() == note_id


async def test_review_filter_on_a_long_meeting(engine, big):
    meeting, item, _ids = big
    recs = bulk_notes(engine, meeting.id, item.id, 3, kind="recommendation", start=SIZE + 1, text="Rec")
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_review(app, pilot, meeting.id)
        screen.query_one("#kind-filter").value = "recommendation"
        await wait_for(pilot, lambda: str(screen.query_one("#review-summary", Static).render()).startswith(
            "3 of 10,003 notes"))
        table = screen.query_one("#review", NotesTable)
        assert table_texts(table) == [f"{item.position}. {item.title}", "  Recommendations (3)", "Rec 10001",
                                      "Rec 10002", "Rec 10003"]
        assert [n.id for n in table.notes] == recs
