"""A note's follow-up at a glance: its status and dated history, the earlier
recommendations it reports on, and the later notes that report on it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from facilitator.models import NotePublic, StatusChangePublic


class FollowupDialog(ModalScreen[None]):
    DEFAULT_CSS = """
    FollowupDialog { align: center middle; }
    FollowupDialog > VerticalScroll { width: 100; height: auto; max-height: 90%; border: thick $primary;
                                      background: $surface; padding: 1 2; }
    """
    BINDINGS = [Binding("escape,l", "close", "Close", id="followup.close")]

    def __init__(self, note: NotePublic, history: list[StatusChangePublic], earlier: list[NotePublic],
                 later: list[NotePublic]) -> None:
        super().__init__()
        self.note, self.history, self.earlier, self.later = note, history, earlier, later

    def compose(self) -> ComposeResult:
        lines = [self.note.headline or self.note.text, f"Status: {self.note.status or '—'}"]
        lines += [f"  {c.date}  {c.status}  {c.comment}" for c in self.history]
        lines.append("Reports on:" if self.earlier else "Reports on no earlier recommendation.")
        lines += [f"  {n.id[:8]}  [{n.status or n.kind}] {n.headline or n.text}" for n in self.earlier]
        lines.append("Reported on by:" if self.later else "No later note reports on it yet.")
        lines += [f"  {n.id[:8]}  {n.text}" for n in self.later]
        with VerticalScroll():
            yield Static("\n".join(lines), markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
