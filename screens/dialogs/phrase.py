"""Picks one phrase from the library; the caller inserts it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList


class PhraseDialog(ModalScreen[str | None]):
    DEFAULT_CSS = """
    PhraseDialog { align: center middle; }
    PhraseDialog > Vertical { width: 70; height: auto; max-height: 80%; border: thick $primary;
                              background: $surface; padding: 1 2; }
    PhraseDialog OptionList { height: auto; max-height: 20; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="phrase.cancel")]

    def __init__(self, phrases: list[str]) -> None:
        super().__init__()
        self.phrases = phrases

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("[b]Insert a phrase[/b]  (enter inserts, escape cancels)")
            yield OptionList(*[Text(p) for p in self.phrases], id="phrases")

    def on_mount(self) -> None:
        self.query_one("#phrases", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.phrases[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
