"""Shows the Markdown rendering of an export before it is written."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static
from .widgets.key_footer import KeyFooter


class PreviewScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="preview.close"),
        Binding("ctrl+w", "write", "Write the file", id="preview.write"),
    ]

    def __init__(self, markdown: str, request) -> None:
        super().__init__()
        self.markdown, self.request = markdown, request

    def compose(self) -> ComposeResult:
        yield Static(f"Preview — {self.request.style} → {self.request.path}   (ctrl+w writes it, escape closes)",
                     id="preview-title", markup=False)
        with VerticalScroll(id="preview-body"):
            yield Markdown(self.markdown)
        yield KeyFooter()

    def action_close(self) -> None:
        self.dismiss(False)

    def action_write(self) -> None:
        self.dismiss(True)
