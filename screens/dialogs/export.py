"""Collects an export request: style, format, path. The caller previews or
writes it in a worker, asking before it replaces a file. Styles, formats, their labels and the
meeting's default style all come from the one registry (`exports`), as they
do for the command line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from exports import DEFAULT_FORMAT, FORMATS, STYLES, default_style
from facilitator.models import MeetingPublic
from facilitator.services.exporting import default_export_path


@dataclass(frozen=True)
class ExportRequest:
    style: str
    fmt: str
    path: Path
    force: bool = False  # replace the file: set once the user has said yes
    preview: bool = False


class ExportDialog(ModalScreen[ExportRequest | None]):
    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical { width: 90; max-width: 100%; height: auto; max-height: 100%; border: thick $primary;
                              background: $surface; padding: 0 1; }
    ExportDialog Label { margin-top: 0; }
    ExportDialog #export-error { color: $error; margin-top: 0; }
    ExportDialog Horizontal { height: auto; align-horizontal: right; }
    ExportDialog Button { margin-left: 2; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("ctrl+o", "preview", "Preview", id="export.preview"),
    ]

    def __init__(self, meeting: MeetingPublic, folder: Path) -> None:
        super().__init__()
        self.meeting, self.folder = meeting, folder
        self._path_edited = False

    def compose(self) -> ComposeResult:
        style = default_style(self.meeting)
        with Vertical():
            yield Label(f"Export: {self.meeting.title}", markup=False)
            yield Label("House style")
            yield Select([(str(s), name) for name, s in STYLES.items()], value=style, allow_blank=False, id="style")
            yield Label("Format")
            yield Select([(str(f), name) for name, f in FORMATS.items()], value=DEFAULT_FORMAT, allow_blank=False,
                         id="format")
            yield Label("File")
            yield Input(str(default_export_path(self.meeting, style, DEFAULT_FORMAT, self.folder)), id="path")
            yield Label("", id="export-error")
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Preview", id="preview")
                yield Button("Export", id="export", variant="primary")

    def on_mount(self) -> None:
        self._show_file_name()

    def _show_file_name(self) -> None:
        """Scroll the path to its end once laid out: the file name is what a user checks, the folder they know."""
        path = self.query_one("#path", Input)
        path.cursor_position = len(path.value)
        self.call_after_refresh(lambda: path.scroll_to(x=path.max_scroll_x, animate=False, immediate=True))

    def on_select_changed(self) -> None:
        if not self._path_edited:
            style, fmt = self._choice()
            self.query_one("#path", Input).value = str(default_export_path(self.meeting, style, fmt, self.folder))
            self._show_file_name()

    def on_input_changed(self, event: Input.Changed) -> None:
        style, fmt = self._choice()
        self._path_edited = event.value != str(default_export_path(self.meeting, style, fmt, self.folder))

    def _choice(self) -> tuple[str, str]:
        return str(self.query_one("#style", Select).value), str(self.query_one("#format", Select).value)

    def _request(self, preview: bool) -> ExportRequest:
        style, fmt = self._choice()
        return ExportRequest(style=style, fmt=fmt, path=Path(self.query_one("#path", Input).value.strip()).expanduser(),
                             preview=preview)

    def _submit(self, preview: bool) -> None:
        """Dismiss with the request, unless the path is empty."""
        if not self.query_one("#path", Input).value.strip():
            self.query_one("#export-error", Label).update("Give the file a name.")
            return
        self.dismiss(self._request(preview))

    def on_input_submitted(self) -> None:
        self._submit(preview=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.dismiss(None)
        else:
            self._submit(preview=event.button.id == "preview")

    def action_preview(self) -> None:
        self._submit(preview=True)

    def action_cancel(self) -> None:
        self.dismiss(None)
