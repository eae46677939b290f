"""Every change "anonymise all" would make, shown before anything is changed.
Dismisses True (apply them) or False; the caller does the work."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static


class AnonymisePreviewDialog(ModalScreen[bool]):
    DEFAULT_CSS = """
    AnonymisePreviewDialog { align: center middle; }
    AnonymisePreviewDialog > Vertical { width: 90%; max-width: 110; height: 80%; border: thick $warning;
                                        background: $surface; padding: 1 2; }
    AnonymisePreviewDialog VerticalScroll { height: 1fr; margin-bottom: 1; }
    AnonymisePreviewDialog .change { margin-bottom: 1; }
    AnonymisePreviewDialog Horizontal { height: auto; align-horizontal: right; }
    AnonymisePreviewDialog Button { margin-left: 2; }
    """
    BINDINGS = [
        Binding("y", "answer(True)", "Apply all", id="anonymise_preview.yes"),
        Binding("n,escape", "answer(False)", "Cancel", id="anonymise_preview.no"),
    ]

    def __init__(self, changes: list) -> None:
        super().__init__()
        self.changes = changes

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"Anonymise {len(self.changes)} text(s)? Each change, before and after:", markup=False)
            with VerticalScroll():
                for change in self.changes:
                    yield Static(Text.assemble((change.where, "bold"), "\n− ", (change.before, "red"), "\n+ ",
                                               (change.after, "green")), classes="change")
            with Horizontal():
                yield Button("Cancel", id="no")
                yield Button(f"Apply {len(self.changes)}", id="yes", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
