"""The review screen: notes grouped by agenda item then kind in one table,
filter by kind, reorder within a group, edit through the dialog, delete and
undo — checked on screen and in the database."""

from textual.widgets import DataTable, Input, Select, Static

from facilitator import services
from screens.dialogs.note_edit import NoteEditDialog
from screens.review import ReviewScreen

from .ui_helpers import app_for, settle, table_texts


async def open_review(app, pilot, meeting_id) -> ReviewScreen:
    app.push_screen(ReviewScreen(meeting_id))
    await settle(app, pilot)
    return app.screen


def select(screen, note_id) -> None:
    table = screen.query_one("#review", DataTable)
    table.move_cursor(row=table.get_row_index(note_id))


async def test_groups_by_item_then_kind_and_filters(engine, breakfast):
    items = services.list_items(engine, breakfast.id)
    services.add_note(engine, breakfast.id, "First recommendation", kind="rec", item_id=items[4].id)
    services.add_note(engine, breakfast.id, "A challenge", kind="ch", item_id=items[4].id)
    services.add_note(engine, breakfast.id, "Second recommendation", kind="rec", item_id=items[4].id, addressee="UN")
    services.add_note(engine, breakfast.id, "A reflection", item_id=items[3].id)
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_review(app, pilot, breakfast.id)
        table = screen.query_one("#review", DataTable)
        assert table_texts(table) == [
            "4. Reflections on the preceding dialogue", "  Reflections (1)", "A reflection",
            "5. Recommendations for the United Nations", "  Recommendations (2)", "First recommendation",
            "Second recommendation", "  Challenges (1)", "A challenge"]
        table.move_cursor(row=6)
        await pilot.pause()
        assert str(screen.query_one("#review-detail", Static).render()) == (
            "Second recommendation\n→ UN · status: proposed")
        table.move_cursor(row=0)  # a header row: nothing to edit or move
        await pilot.pause()
        assert screen.check_action("edit", ()) is None and screen.check_action("move", (1,)) is None
        screen.query_one("#kind-filter", Select).value = "challenge"
        await pilot.pause()
        assert table_texts(screen.query_one("#review", DataTable)) == [
            "5. Recommendations for the United Nations", "  Challenges (1)", "A challenge"]
        assert "1 of 4 notes" in str(screen.query_one("#review-summary", Static).render())


async def test_reorder_moves_past_the_neighbour_of_the_same_kind(engine, breakfast):
    item = services.list_items(engine, breakfast.id)[4]
    first = services.add_note(engine, breakfast.id, "First", kind="rec", item_id=item.id)
    between = services.add_note(engine, breakfast.id, "Between", kind="ch", item_id=item.id)
    second = services.add_note(engine, breakfast.id, "Second", kind="rec", item_id=item.id)
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_review(app, pilot, breakfast.id)
        select(screen, second.id)
        assert screen.check_action("move", (1,)) is None  # last of its kind
        await pilot.press("shift+up")  # one key, one visible move, although a challenge sits between
        assert [n.id for n in services.list_notes(engine, breakfast.id, item.id)] == [second.id, first.id, between.id]
        assert table_texts(screen.query_one("#review", DataTable))[2:4] == ["Second", "First"]
        assert screen.selected_note_id() == second.id
        await pilot.press("shift+down")
        assert [n.id for n in services.list_notes(engine, breakfast.id, item.id)] == [first.id, second.id, between.id]


async def test_edit_delete_and_undo(engine, breakfast):
    item = services.list_items(engine, breakfast.id)[4]
    keep = services.add_note(engine, breakfast.id, "Keep the General Assembly debate", kind="rec", item_id=item.id)
    gone = services.add_note(engine, breakfast.id, "A stray line", kind="rec", item_id=item.id)
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_review(app, pilot, breakfast.id)
        select(screen, keep.id)
        await pilot.press("e")
        editor = app.screen
        assert isinstance(editor, NoteEditDialog)
        editor.query_one("#headline", Input).value = "Keep RtoP on the agenda."
        editor.query_one("#kind", Select).value = "action"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        edited = services.get_note(engine, keep.id)
        assert (edited.kind, edited.headline) == ("action", "Keep RtoP on the agenda.")
        table = screen.query_one("#review", DataTable)
        assert table_texts(table)[-2:] == ["  Actions (1)", "Keep RtoP on the agenda. — Keep the General Assembly debate"]
        assert screen.selected_note_id() == keep.id

        select(screen, gone.id)
        await pilot.press("delete")
        await settle(app, pilot)
        assert "A stray line" not in table_texts(screen.query_one("#review", DataTable))
        assert [n.id for n in services.list_notes(engine, breakfast.id)] == [keep.id]
        assert screen.check_action("undo", ()) is True
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert "A stray line" in table_texts(screen.query_one("#review", DataTable))
        assert screen.check_action("undo", ()) is None
    assert {n.id for n in services.list_notes(engine, breakfast.id)} == {keep.id, gone.id}
