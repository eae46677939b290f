"""The export dialog and its preview: the path follows the chosen style and
format in the meeting's export folder (the one the command line uses too),
an existing file is replaced only after a yes, a refused export is one
notification, and the preview writes nothing until asked."""

from pathlib import Path

from textual.widgets import Button, Input, Label, Markdown, Select
from typer.testing import CliRunner

from facilitator import services
from facilitator.services.demo import load_demo
from facilitator.cli import app as cli
from screens.dialogs.confirm import ConfirmDialog
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


async def test_path_follows_style_and_format_until_edited(engine, isolated_home, tmp_path, monkeypatch):
    _, new_york = load_demo(engine)
    monkeypatch.chdir(tmp_path)
    app = app_for(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_export(app, pilot, new_york.id)
        path = dialog.query_one("#path", Input)
        assert dialog.query_one("#style", Select).value == "memo"  # a breakfast meeting
        assert Path(path.value).parent == tmp_path and path.value.endswith(".docx")  # as the command line
        dialog.query_one("#format", Select).value = "md"
        await pilot.pause()
        assert path.value.endswith(".md")
        path.value = str(isolated_home / "mine.md")
        dialog.query_one("#style", Select).value = "report"
        await pilot.pause()
        assert path.value == str(isolated_home / "mine.md")  # an edited path is left alone
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_an_existing_file_is_replaced_only_after_a_yes(engine, tmp_path):
    brussels, _ = load_demo(engine)
    target = tmp_path / "report.docx"
    target.write_bytes(b"an older report")
    app = app_for(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_export(app, pilot, brussels.id)
        dialog.query_one("#path", Input).value = str(target)
        dialog.query_one("#export", Button).press()
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)  # asked, not refused
        assert "report.docx already exists" in str(app.screen.query_one(Label).render())
        await pilot.press("n")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen) and target.read_bytes() == b"an older report"
        dialog = await open_export(app, pilot, brussels.id)
        dialog.query_one("#path", Input).value = str(target)
        dialog.query_one("#export", Button).press()
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        assert messages(app) == [f"Exported report (Word) to {target}"]
    assert "Key recommendations" in [t for _, t, _ in docx_paragraphs(target.read_bytes())]


async def test_the_folder_is_remembered_per_meeting_by_the_screen_and_the_command_line(engine, db_path, tmp_path,
                                                                                      monkeypatch):
    brussels, new_york = load_demo(engine)
    monkeypatch.chdir(tmp_path)
    chosen = tmp_path / "Reports"
    chosen.mkdir()
    app = app_for(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_export(app, pilot, brussels.id)
        dialog.query_one("#path", Input).value = str(chosen / "brussels.md")
        dialog.query_one("#format", Select).value = "md"
        dialog.query_one("#export", Button).press()
        await settle(app, pilot)
        assert (chosen / "brussels.md").is_file()
        again = await open_export(app, pilot, brussels.id)
        assert Path(again.query_one("#path", Input).value).parent == chosen  # this meeting's folder
        await pilot.press("escape")
        other = await open_export(app, pilot, new_york.id)
        assert Path(other.query_one("#path", Input).value).parent == tmp_path  # another meeting: the default
        await pilot.press("escape")
    written = CliRunner().invoke(cli, ["--db", str(db_path), "export", brussels.id[:8], "--format", "html"])
    assert written.exit_code == 0, written.output
    assert Path(written.stdout.strip()).parent == chosen  # the command line offers the same folder


async def test_writing_a_preview_over_a_file_asks_first(engine, tmp_path):
    brussels, _ = load_demo(engine)
    target = tmp_path / "previewed.docx"
    target.write_bytes(b"edited by hand")
    app = app_for(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_export(app, pilot, brussels.id)
        dialog.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        assert isinstance(app.screen, PreviewScreen)
        await pilot.press("ctrl+w")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await settle(app, pilot)
    assert target.read_bytes() == b"edited by hand"


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
