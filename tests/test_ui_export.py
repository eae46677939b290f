"""The export dialog and its preview: the path follows the chosen style and
format, an existing file is never overwritten unasked, a refused export is one
notification, and the preview writes nothing until asked."""

from pathlib import Path

from textual.widgets import Button, Checkbox, Input, Label, Markdown, Select

from facilitator import services
from facilitator.services.demo import load_demo
from screens.dialogs.export import ExportDialog
from screens.home import HomeScreen
from screens.preview import PreviewScreen

from .exporting_helpers import docx_paragraphs
from .ui_helpers import app_for, settle


async def open_export(app, pilot, meeting_id) -> ExportDialog:
    await settle(app, pilot)
    app.screen.refresh_meetings(select=meeting_id)
    await pilot.press("e")
    assert isinstance(app.screen, ExportDialog)
    return app.screen


def messages(app, severity=None) -> list[str]:
    return [n.message for n in app._notifications if severity in (None, n.severity)]


async def test_path_follows_style_and_format_until_edited(engine, isolated_home):
    _, new_york = load_demo(engine)
    (isolated_home / "Documents").mkdir()
    app = app_for(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_export(app, pilot, new_york.id)
        path = dialog.query_one("#path", Input)
        assert dialog.query_one("#style", Select).value == "memo"  # a breakfast meeting
        assert Path(path.value).parent == isolated_home / "Documents" and path.value.endswith(".docx")
        dialog.query_one("#format", Select).value = "md"
        await pilot.pause()
        assert path.value.endswith(".md")
        path.value = str(isolated_home / "mine.md")
        dialog.query_one("#style", Select).value = "report"
        await pilot.pause()
        assert path.value == str(isolated_home / "mine.md")  # an edited path is left alone
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_existing_file_needs_the_overwrite_box(engine, tmp_path):
    brussels, _ = load_demo(engine)
    target = tmp_path / "report.docx"
    target.write_bytes(b"an older report")
    app = app_for(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_export(app, pilot, brussels.id)
        dialog.query_one("#path", Input).value = str(target)
        dialog.query_one("#export", Button).press()
        await pilot.pause()
        assert app.screen is dialog  # not dismissed: the dialog says why
        assert "tick “Overwrite”" in str(dialog.query_one("#export-error", Label).render())
        assert target.read_bytes() == b"an older report"
        dialog.query_one("#force", Checkbox).value = True
        dialog.query_one("#export", Button).press()
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        assert messages(app) == [f"Exported report (Word) to {target}"]
    assert "Key recommendations" in [t for _, t, _ in docx_paragraphs(target.read_bytes())]


async def test_a_refused_export_is_one_notification(engine, tmp_path):
    _, new_york = load_demo(engine)
    app = app_for(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_export(app, pilot, new_york.id)
        dialog.query_one("#path", Input).value = str(tmp_path / "no such folder" / "memo.docx")
        dialog.query_one("#export", Button).press()
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen) and app.is_running
        (error,) = messages(app, "error")
        assert "does not exist" in error and "\n" not in error


async def test_preview_before_writing(engine, tmp_path):
    brussels, _ = load_demo(engine)
    app = app_for(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_export(app, pilot, brussels.id)
        target = tmp_path / "previewed.docx"
        dialog.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+o")  # the dialog's preview key
        await settle(app, pilot)
        assert isinstance(app.screen, PreviewScreen)
        markdown = app.screen.query_one(Markdown)
        assert "## Key recommendations" in markdown.source
        assert not target.exists()  # nothing written by a preview
        await pilot.press("ctrl+w")
        await settle(app, pilot)
    assert target.exists()
    assert services.get_meeting(engine, brussels.id).title in [t for _, t, _ in docx_paragraphs(target.read_bytes())]
