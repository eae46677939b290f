"""Offered when the database file was replaced or deleted under the running
application: save the meeting elsewhere. Dismisses the chosen path, or None;
the caller does the work."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label


class RescueDialog(ModalScreen[Path | None]):
    DEFAULT_CSS = """
    RescueDialog { align: center middle; }
    RescueDialog > Vertical { width: 80; max-width: 100%; height: auto; border: thick $error; background: $surface;
                              padding: 1 2; }
    RescueDialog Label { width: 100%; margin-bottom: 1; }
    RescueDialog Horizontal { height: auto; align-horizontal: right; }
    RescueDialog Button { margin-left: 2; }
    """
    BINDINGS = [Binding("escape", "cancel", "Not now", id="rescue.cancel")]

    def __init__(self, reason: str, default: Path) -> None:
        super().__init__()
        self.reason, self.default = reason, default

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.reason, markup=False)
            yield Label("Nothing more can be saved there. Save this meeting as it was, with the lines on screen "
                        "that are not saved, to a new file:", markup=False)
            yield Input(str(self.default), id="rescue-path")
            with Horizontal():
                yield Button("Not now", id="no")
                yield Button("Save there", id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#rescue-path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "yes":
            self._save()
        else:
            self.dismiss(None)

    def _save(self) -> None:
        value = self.query_one("#rescue-path", Input).value.strip()
        self.dismiss(Path(value).expanduser() if value else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
