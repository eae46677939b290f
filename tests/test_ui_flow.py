"""The acceptance path through the screens: create a meeting from a template,
capture notes of several kinds across items, edit one, export Word, and read
the .docx back with python-docx."""

from textual.widgets import Button, DataTable, Input, Select, TextArea

from facilitator import services
from screens.capture import CaptureScreen
from screens.dialogs.export import ExportDialog
from screens.dialogs.new_meeting import NewMeetingDialog
from screens.dialogs.note_edit import NoteEditDialog
from screens.widgets.capture_line import CaptureLine

from .exporting_helpers import docx_paragraphs
from .ui_helpers import app_for, settle, table_texts


async def capture(app, pilot, line: str) -> None:
    app.screen.query_one("#capture", CaptureLine).value = line
    await pilot.press("enter")
    await settle(app, pilot)


async def test_template_to_word_through_the_screens(engine, tmp_path):
    app = app_for(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        dialog = app.screen
        assert isinstance(dialog, NewMeetingDialog)
        dialog.query_one("#template", Select).value = "roundtable"
        dialog.query_one("#title", Input).value = "RtoP and conflict prevention"
        dialog.query_one("#date", Input).value = "2017-02-16"
        dialog.query_one("#place", Input).value = "Brussels"
        dialog.query_one("#title", Input).focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, CaptureScreen)
        meeting = services.list_meetings(engine)[0]
        assert (meeting.title, meeting.place, meeting.rule) == ("RtoP and conflict prevention", "Brussels",
                                                                "chatham-house")

        for _ in range(2):  # to "Open discussion"
            await pilot.press("ctrl+down")
        await capture(app, pilot, "Moving from concept to practice is the hard part.")
        await capture(app, pilot, "ch: Accountability is uneven across institutions !")
        await capture(app, pilot, '"Prevention is cheaper than response"')
        for _ in range(2):  # past the break, to the first guiding question
            await pilot.press("ctrl+down")
        await capture(app, pilot, "Share early-warning findings between the two institutions >eu")
        await capture(app, pilot, "rec: Hold regular desk-to-desk exchanges >un")
        table = app.screen.query_one("#notes", DataTable)
        assert table_texts(table) == ["Share early-warning findings between the two institutions",
                                      "Hold regular desk-to-desk exchanges"]

        items = services.list_items(engine, meeting.id)
        notes = services.list_notes(engine, meeting.id)
        by_item = {i.title: [n for n in notes if n.item_id == i.id] for i in items}
        discussion = by_item["Open discussion: where do we stand?"]
        assert [n.kind for n in discussion] == ["reflection", "challenge", "quote"]
        assert discussion[1].key and discussion[2].text == "Prevention is cheaper than response"
        question = by_item["How can the two institutions learn from each other?"]
        assert [(n.kind, n.addressee) for n in question] == [("recommendation", "EU"), ("recommendation", "UN")]

        # Edit the first recommendation through the dialog.
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("e")
        editor = app.screen
        assert isinstance(editor, NoteEditDialog)
        editor.query_one("#text", TextArea).text = "Share EU early-warning findings with UN desks."
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert table_texts(app.screen.query_one("#notes", DataTable))[0] == \
            "Share EU early-warning findings with UN desks."

        # Export Word through the export dialog.
        await pilot.press("ctrl+o")
        exporter = app.screen
        assert isinstance(exporter, ExportDialog)
        assert exporter.query_one("#style", Select).value == "report"
        target = tmp_path / "roundtable.docx"
        exporter.query_one("#path", Input).value = str(target)
        exporter.query_one("#export", Button).press()
        await settle(app, pilot)
        assert target.exists()
        assert f"Exported report (Word) to {target}" in [n.message for n in app._notifications]

    paragraphs = docx_paragraphs(target.read_bytes())
    headings = [(s, t) for s, t, _ in paragraphs if s.startswith("Heading")]
    assert headings[:3] == [("Heading 1", "Key reflections"), ("Heading 1", "Key recommendations"),
                            ("Heading 2", "How can the two institutions learn from each other?")]
    bullets = [t for s, t, _ in paragraphs if s == "List Bullet"]
    # Grouping: the recommendations sit under their guiding question, the reflections before them.
    texts = [t for _, t, _ in paragraphs]
    question = texts.index("How can the two institutions learn from each other?")
    assert [t for s, t, _ in paragraphs[question + 1:question + 3]] == [
        "Share EU early-warning findings with UN desks.",
        "Hold regular desk-to-desk exchanges. Addressed to the United Nations."]
    assert texts.index("“Prevention is cheaper than response.”") < texts.index("Key recommendations")
    assert bullets == ["Accountability is uneven across institutions.",
                       "Moving from concept to practice is the hard part.", "“Prevention is cheaper than response.”",
                       "Share EU early-warning findings with UN desks.",
                       "Hold regular desk-to-desk exchanges. Addressed to the United Nations."]
