"""Shows the versions of a note that lost a merge; dismisses the text to
restore, or None."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from facilitator.models import NotePublic, NoteRevisionPublic


class RevisionsDialog(ModalScreen[NoteRevisionPublic | None]):
    DEFAULT_CSS = """
    RevisionsDialog { align: center middle; }
    RevisionsDialog > Vertical { width: 100; height: auto; max-height: 90%; border: thick $primary;
                                 background: $surface; padding: 1 2; }
    RevisionsDialog OptionList { height: auto; max-height: 20; }
    """
    BINDINGS = [Binding("escape", "cancel", "Close", id="revisions.close")]

    def __init__(self, note: NotePublic, revisions: list[NoteRevisionPublic]) -> None:
        super().__init__()
        self.note, self.revisions = note, revisions

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"Current: {self.note.text}", markup=False)
            yield Label("Other versions kept when two laptops edited this note (enter restores one):")
            yield OptionList(*[Option(Text(f"{r.edited_at:%Y-%m-%d %H:%M} · {r.source or 'bundle'} · {r.text}"))
                               for r in self.revisions], id="revisions")

    def on_mount(self) -> None:
        self.query_one("#revisions", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.revisions[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
