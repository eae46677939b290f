"""The capture screen: drafts, refusals that keep the text, moving through the
agenda, deleting with undo, the clock and the speakers list."""

import datetime as dt

import pytest
from textual.widgets import DataTable, Static

from facilitator import services
from facilitator.services import speakers
from screens.capture import CaptureScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.widgets.capture_line import CaptureLine

from .ui_helpers import FIXED_NOW, app_for, settle, table_texts


async def open_capture(app, pilot, meeting_id):
    app.open_meeting(meeting_id)
    await settle(app, pilot)
    assert isinstance(app.screen, CaptureScreen)
    return app.screen


@pytest.mark.both_databases  # the application itself, on a laptop's file and on the archive
async def test_typed_keys_go_through_the_grammar(engine, breakfast):
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)
        await pilot.press("ctrl+down", "ctrl+down", "ctrl+down", "ctrl+down")  # "Recommendations for the UN"
        await pilot.press(*"rec: Act >un !")
        assert "recommendation · → UN · key" in str(screen.query_one("#capture-hint", Static).render())
        await pilot.press("enter")
        await settle(app, pilot)
        note = services.list_notes(engine, breakfast.id)[0]
        assert (note.kind, note.text, note.addressee, note.key) == ("recommendation", "Act", "UN", True)
        assert note.item_id == services.list_items(engine, breakfast.id)[4].id


async def test_bad_line_keeps_the_text_and_says_why(engine, breakfast):
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)
        capture = screen.query_one("#capture", CaptureLine)
        capture.value = "Smith made the case @Smith"  # a speaker, under not-for-attribution
        await pilot.press("enter")
        await settle(app, pilot)
        assert capture.value == "Smith made the case @Smith"
        assert services.list_notes(engine, breakfast.id) == []
        # The reason shows under the capture line, not in a toast over it.
        assert "speakers are not recorded" in str(screen.query_one("#capture-hint", Static).render())
        assert not app._notifications


@pytest.mark.both_databases
async def test_draft_is_saved_and_restored(engine, breakfast):
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)
        screen.query_one("#capture", CaptureLine).value = "Half a sentence about regional bo"
        await pilot.pause()  # the change is noticed ...
        screen.flush_draft()  # ... and the once-a-second timer saves it
        await settle(app, pilot)
    assert services.get_draft(engine, breakfast.id).text == "Half a sentence about regional bo"

    again = app_for(engine)
    async with again.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(again, pilot, breakfast.id)
        assert screen.query_one("#capture", CaptureLine).value == "Half a sentence about regional bo"
        assert any("Restored" in n.message for n in again._notifications)


async def test_quitting_with_unsent_text_asks_first(engine, breakfast):
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)
        screen.query_one("#capture", CaptureLine).value = "not yet sent"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert services.get_draft(engine, breakfast.id).text == "not yet sent"


async def test_delete_and_undo(engine, breakfast):
    services.add_note(engine, breakfast.id, "keep me")
    services.add_note(engine, breakfast.id, "delete me")
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)
        table = screen.query_one("#notes", DataTable)
        table.focus()
        table.move_cursor(row=1)
        await pilot.press("delete")
        await settle(app, pilot)
        assert table_texts(table) == ["keep me"]
        assert [n.text for n in services.list_notes(engine, breakfast.id)] == ["keep me"]
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert table_texts(screen.query_one("#notes", DataTable)) == ["keep me", "delete me"]


def clocked_app(engine, meeting):
    """The application on a clock the test sets (`now["t"]`), starting at the meeting's planned start (08:00)."""
    from facilitator.clock import planned_start
    from screens.app import make_app

    services.update_meeting(engine, meeting.id, start_time="08:00")
    start = planned_start(services.get_meeting(engine, meeting.id))
    now = {"t": start}
    return make_app(engine=engine, clock=lambda: now["t"]), now, start


async def test_clock_overrun_and_schedule(engine, breakfast):
    app, now, start = clocked_app(engine, breakfast)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)
        await pilot.press("ctrl+t")  # start the first item's clock (15 minutes planned)
        now["t"] = start + dt.timedelta(minutes=10)
        screen.tick()
        header = screen.query_one("#item-header", Static)
        assert "10:00 of 15′" in str(header.render()) and not header.has_class("-overrun")
        now["t"] = start + dt.timedelta(minutes=20)
        screen.tick()
        assert header.has_class("-overrun")
        assert "5:00 behind" in str(screen.query_one("#schedule", Static).render())
        await pilot.press("ctrl+t")  # pause
        assert services.list_items(engine, breakfast.id)[0].paused_at is not None


async def test_next_speaker_key_and_countdown(engine):
    meeting = services.create_meeting(engine, "dialogue", title="Dialogue", date=dt.date(2017, 9, 6))
    services.update_meeting(engine, meeting.id, themes=["Prevention", "Accountability"])
    services.update_meeting(engine, meeting.id, speaker_limit=180)
    speakers.add_speaker(engine, meeting.id, "Ghana", category="member-state")
    speakers.add_speaker(engine, meeting.id, "Kenya", category="member-state")
    now = {"t": FIXED_NOW}
    from screens.app import make_app

    app = make_app(engine=engine, clock=lambda: now["t"])
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, meeting.id)
        await pilot.press("ctrl+n")
        bar = screen.query_one("#speaker-bar", Static)
        assert "Ghana" in str(bar.render()) and "3:00 left" in str(bar.render())
        screen.query_one("#capture", CaptureLine).value = "Called for national focal points +1 +2"
        await pilot.press("enter")
        await settle(app, pilot)
        now["t"] = FIXED_NOW + dt.timedelta(seconds=170)
        screen.tick()
        assert bar.has_class("-low")
        await pilot.press("ctrl+n")
        assert "Kenya" in str(bar.render())
    note = services.list_notes(engine, meeting.id)[0]
    assert note.themes == ["Prevention", "Accountability"]
    assert services.get_detail(engine, meeting.id).participant(note.speaker_id).name == "Ghana"
    spoken = speakers.list_queue(engine, meeting.id)[0]
    assert spoken.status == "spoken" and spoken.seconds == 170


async def test_enter_never_waits_on_disk(engine, breakfast, monkeypatch):
    """The line leaves the capture line and shows as "saving…" while the disk is still busy."""
    import threading

    release = threading.Event()
    real_capture = services.capture_note

    def slow_capture(*args, **kwargs):
        release.wait(5)
        return real_capture(*args, **kwargs)

    monkeypatch.setattr(services, "capture_note", slow_capture)
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)
        capture = screen.query_one("#capture", CaptureLine)
        capture.value = "ch: Funding is short-term !"
        await pilot.press("enter")
        await pilot.pause()
        table = screen.query_one("#notes", DataTable)
        assert capture.value == ""
        assert table_texts(table) == ["Funding is short-term  saving…"]
        assert str(table.get_row_at(0)[0]) == "chal" and str(table.get_row_at(0)[1]) == "★"
        assert services.list_notes(engine, breakfast.id) == []
        release.set()
        await settle(app, pilot)
        assert table_texts(table) == ["Funding is short-term"]
    assert [(n.kind, n.text, n.key) for n in services.list_notes(engine, breakfast.id)] == [
        ("challenge", "Funding is short-term", True)]


async def test_lines_are_written_in_the_order_typed(engine, breakfast, monkeypatch):
    """Lines typed while the disk is slow are committed in the order typed, each as it was typed."""
    import threading

    release = threading.Event()
    real_capture = services.capture_note

    def slow_first(*args, **kwargs):
        release.wait(5)
        return real_capture(*args, **kwargs)

    monkeypatch.setattr(services, "capture_note", slow_first)
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)
        capture = screen.query_one("#capture", CaptureLine)
        for line in ("first", "second", "third"):
            capture.value = line
            await pilot.press("enter")
        table = screen.query_one("#notes", DataTable)
        assert table_texts(table) == ["first  saving…", "second  saving…", "third  saving…"]
        release.set()
        await settle(app, pilot)
        assert table_texts(table) == ["first", "second", "third"]
    assert [n.text for n in services.list_notes(engine, breakfast.id)] == ["first", "second", "third"]


async def test_grammar_error_keeps_the_text_and_says_why(engine, breakfast):
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)
        capture = screen.query_one("#capture", CaptureLine)
        capture.value = "rec: :: Fund the office >un"
        await pilot.press("enter")
        await settle(app, pilot)
        assert capture.value == "rec: :: Fund the office >un"
        assert "Nothing before '::'" in str(screen.query_one("#capture-hint", Static).render())
        assert not app._notifications
        assert screen.query_one("#notes", DataTable).row_count == 0
    assert services.list_notes(engine, breakfast.id) == []


async def test_next_and_previous_item_route_the_notes(engine, breakfast):
    items = services.list_items(engine, breakfast.id)
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)
        assert screen.check_action("move_item", (-1,)) is None  # dimmed on the first item
        capture = screen.query_one("#capture", CaptureLine)
        await pilot.press("ctrl+down", "pagedown", "ctrl+down")
        assert screen.current.id == items[3].id
        assert services.current_item(engine, breakfast.id).id == items[3].id
        capture.value = "Early warning is not early action."
        await pilot.press("enter")
        await pilot.press("ctrl+up")
        capture.value = "Welcome, everyone."
        await pilot.press("enter")
        await settle(app, pilot)
        assert table_texts(screen.query_one("#notes", DataTable)) == ["Welcome, everyone."]
        assert "▶ 3." in str(screen.query_one("#agenda").get_option_at_index(2).prompt)
        await pilot.press("ctrl+down")
        assert table_texts(screen.query_one("#notes", DataTable)) == ["Early warning is not early action."]
    by_item = {n.text: n.item_id for n in services.list_notes(engine, breakfast.id)}
    assert by_item == {"Early warning is not early action.": items[3].id, "Welcome, everyone.": items[2].id}


async def test_leaving_with_unsent_text_asks_and_keeps_it(engine, breakfast):
    from screens.home import HomeScreen

    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)
        screen.query_one("#capture", CaptureLine).value = "half a thou"
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.press("y")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
    assert services.get_draft(engine, breakfast.id).text == "half a thou"


async def test_edit_keys_belong_to_the_notes_list_only(engine, breakfast):
    """While typing, e and delete are text; on the notes list they edit and delete (dimmed on no note)."""
    services.add_note(engine, breakfast.id, "a note")
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)
        assert screen.check_action("edit", ()) is False and screen.check_action("undo", ()) is None
        await pilot.press("e", "question_mark")  # "?" opens help elsewhere; here it is typed
        assert screen.query_one("#capture", CaptureLine).value == "e?"
        screen.query_one("#notes", DataTable).focus()
        await pilot.pause()
        assert screen.check_action("edit", ()) is True
        await pilot.press("enter")  # enter on a note opens the editor too
        from screens.dialogs.note_edit import NoteEditDialog

        assert isinstance(app.screen, NoteEditDialog)
        await pilot.press("escape")
        assert app.screen is screen


async def test_long_notes_wrap_instead_of_being_cut(engine, breakfast):
    text = "Participants stressed that " + "early warning must reach decision-makers in time " * 3
    services.add_note(engine, breakfast.id, text.strip())
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)
        table = screen.query_one("#notes", DataTable)
        assert table_texts(table) == [text.strip()]
        assert table.ordered_rows[0].height >= 2
        assert table.virtual_size.width <= table.scrollable_content_region.width  # no sideways scrolling


async def test_quitting_from_another_screen_still_asks_about_the_capture_line(engine, breakfast):
    from screens.review import ReviewScreen

    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)
        screen.query_one("#capture", CaptureLine).value = "typed before going to review"
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
    assert services.get_draft(engine, breakfast.id).text == "typed before going to review"


async def test_a_restored_draft_is_not_wiped_by_the_first_key(engine, breakfast):
    services.save_draft(engine, breakfast.id, None, "Half a sentence about")
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)
        capture = screen.query_one("#capture", CaptureLine)
        assert capture.value == "Half a sentence about"
        await pilot.press("space", "E", "U")
        assert capture.value == "Half a sentence about EU"
        await pilot.press("enter")
        await settle(app, pilot)
    assert [n.text for n in services.list_notes(engine, breakfast.id)] == ["Half a sentence about EU"]
    assert services.get_draft(engine, breakfast.id) is None


async def test_quitting_with_ctrl_q_backs_up_on_the_way_out(engine, breakfast):
    from facilitator.services.backups import list_backups

    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)
        screen.query_one("#capture", CaptureLine).value = "The last word before quitting"
        await pilot.press("enter")
        await pilot.press("ctrl+q")  # the line may still be in the writer's queue: it is written first
    assert [n.text for n in services.list_notes(engine, breakfast.id)] == ["The last word before quitting"]
    assert any(path.stem.endswith("session-end") for path in list_backups(engine))


async def test_every_write_of_a_screen_goes_through_the_one_writer(engine, breakfast, monkeypatch):
    """No screen writes on its own: a database write from any thread but the writer's is refused."""
    import threading

    from sqlalchemy import event

    writer_threads = []

    @event.listens_for(engine, "begin")
    def only_the_writer_writes(conn):
        if not conn.get_execution_options().get("facilitator_read"):
            writer_threads.append(threading.current_thread().name)

    services.add_note(engine, breakfast.id, "before the app")
    writer_threads.clear()
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)
        capture = screen.query_one("#capture", CaptureLine)
        capture.value = "a line"
        await pilot.press("enter")
        await pilot.press("ctrl+down", "ctrl+t")  # move on, start the clock
        capture.value = "half typed"
        screen.flush_draft()
        table = screen.query_one("#notes", DataTable)
        await settle(app, pilot)
        await pilot.press("ctrl+up")
        await settle(app, pilot)
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("delete")
        await settle(app, pilot)
        await pilot.press("ctrl+z")
        await settle(app, pilot)
    event.remove(engine, "begin", only_the_writer_writes)
    assert writer_threads and set(writer_threads) == {"facilitator-writer"}


async def test_a_recommendation_to_several_addressees_from_the_capture_line(engine, breakfast):
    """`>ms >sg` addresses one recommendation to both (once each, in the order typed), and the memo
    prints both where it prints addressees."""
    from facilitator.services.exporting import preview_markdown

    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)
        capture = screen.query_one("#capture", CaptureLine)
        capture.value = "rec: Report on prevention every year >ms >sg >ms"
        await pilot.press("enter")
        await settle(app, pilot)
        assert capture.value == ""
    (note,) = services.list_notes(engine, breakfast.id)
    assert note.addressee == "Member States; Secretary-General"
    memo = preview_markdown(engine, breakfast.id, "memo")
    assert "Member States" in memo and "Secretary-General" in memo


async def test_the_hint_takes_a_second_line_when_it_needs_one_and_gives_it_back(engine, breakfast):
    """The hint is laid out again only when its height changes (screens/widgets/hint.py): a preview too long
    for one line still gets its second line, the notes above make room, and they get it back after."""
    app = app_for(engine)
    async with app.run_test(size=(80, 30)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)
        hint, notes = screen.query_one("#capture-hint", Static), screen.query_one("#notes")
        capture = screen.query_one("#capture", CaptureLine)

        def stacked() -> bool:  # the notes, then the hint, then the capture line, none over another
            return notes.region.bottom == hint.region.y and hint.region.bottom == capture.region.y

        await pilot.press(*"rec: Act")
        await settle(app, pilot)
        short, room = hint.region.height, notes.region.height + hint.region.height + capture.region.height
        assert short == 1 and "recommendation" in str(hint.render()) and stacked()
        await pilot.press(*" >ms >sg >un >eu >cs +Prevention +Early +Regional +Mediation +Sanctions +Women")
        await settle(app, pilot)
        assert hint.region.height == 2 and stacked()
        assert notes.region.height + hint.region.height + capture.region.height == room
        capture.value = ""
        await pilot.press(*"rec: Act")
        await settle(app, pilot)
        assert hint.region.height == short and stacked()
        assert notes.region.height + hint.region.height + capture.region.height == room


async def test_the_footer_is_rebuilt_only_when_what_it_shows_changes(engine, breakfast):
    """Typing notes leaves the footer's keys as they are (rebuilding them cost each Enter a new layout);
    a change in what it shows (the notes list focused, a narrower terminal) still shows at once."""
    from textual.widgets._footer import FooterKey

    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)

        def keys():
            return list(screen.query(FooterKey))

        before = keys()
        for text in ("A first reflection", "rec: A second one >un", "ch: A third"):
            await pilot.press(*text, "enter")
            await settle(app, pilot)
        assert len(services.list_notes(engine, breakfast.id)) == 3
        assert keys() == before and all(a is b for a, b in zip(keys(), before))
        screen.refresh_bindings()  # as Textual does at every focus change and screen push
        await settle(app, pilot)
        assert all(a is b for a, b in zip(keys(), before))
        screen.query_one("#notes").focus()
        await settle(app, pilot)
        shown = {key.action for key in keys()}
        assert {"edit", "delete"} <= shown and not {"edit", "delete"} & {key.action for key in before}
        await pilot.resize_terminal(80, 36)
        await settle(app, pilot)
        assert len(keys()) < len(shown) + 1 and "help" in {key.action for key in keys()}
        assert sum(key.region.width for key in keys()) <= 80


async def test_the_clock_ticks_replace_only_the_lines_that_change(engine, breakfast):
    """Every second the agenda, the item's header and the schedule are shown again; the agenda keeps its
    lines and replaces only the running item's, and the screen is not laid out again for a clock (each
    layout held back keys and Enters); the header still takes a second line when it needs one."""
    from screens.widgets.agenda import AgendaList

    app, now, start = clocked_app(engine, breakfast)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)
        await pilot.press("ctrl+t")
        await settle(app, pilot)
        agenda = screen.query_one(AgendaList)
        options = list(agenda.options)
        lines = [str(agenda.get_option_at_index(i).prompt) for i in range(agenda.option_count)]
        layouts = []
        real = screen._refresh_layout
        screen._refresh_layout = lambda *args, **kwargs: layouts.append(1) or real(*args, **kwargs)
        now["t"] = start + dt.timedelta(minutes=3, seconds=7)
        screen.tick()
        await settle(app, pilot)
        after = [str(agenda.get_option_at_index(i).prompt) for i in range(agenda.option_count)]
        assert all(a is b for a, b in zip(agenda.options, options)) and len(agenda.options) == len(options)
        assert after[0] != lines[0] and "3:07/15′" in after[0] and after[1:] == lines[1:]
        assert "3:07 of 15′" in str(screen.query_one("#item-header", Static).render())
        assert layouts == []
        header = screen.query_one("#item-header", Static)
        height = header.region.height
        now["t"] = start + dt.timedelta(minutes=95)  # far over time: the header's line grows
        await pilot.resize_terminal(70, 36)
        await settle(app, pilot)
        screen.tick()
        await settle(app, pilot)
        assert "OVER TIME" in str(header.render())
        lines_needed = header.get_content_height(header.size, screen.size, header.content_region.width)
        assert header.region.height == lines_needed >= height


async def test_the_phrase_key_the_help_names_inserts_a_phrase_at_the_cursor(engine, breakfast):
    from typer.testing import CliRunner

    from facilitator.cli import app as cli
    from screens.dialogs.phrase import PhraseDialog

    key = next(binding.key for binding in CaptureScreen.BINDINGS if binding.id == "capture.phrase")
    shown = " ".join(CliRunner().invoke(cli, ["phrases", "--help"]).stdout.split())  # as wrapped for a terminal
    assert f"(inserted with {key} while capturing)" in shown
    services.save_phrases(engine, ["The Chair noted that", "Participants agreed that"])
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_capture(app, pilot, breakfast.id)
        capture = screen.query_one("#capture", CaptureLine)
        await pilot.press(*"Then ", key)  # from the capture line, whose own keys are for editing
        assert isinstance(app.screen, PhraseDialog)
        await pilot.press("down", "enter")
        assert app.screen is screen and capture.value == "Then Participants agreed that "
