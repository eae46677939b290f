"""Edits one note's fields and dismisses a NoteEdit; the caller saves what changed."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, TextArea

from facilitator.models import NotePublic
from facilitator.vocab import NOTE_KINDS


@dataclass(frozen=True)
class NoteEdit:
    text: str
    kind: str
    headline: str
    addressee: str
    themes: list[str]
    key: bool

    def changes(self, note: NotePublic) -> dict:
        """Only the fields that differ from the note, as keyword arguments for services.update_note."""
        return {name: value for name, value in asdict(self).items() if getattr(note, name) != value}


class NoteEditDialog(ModalScreen[NoteEdit | None]):
    DEFAULT_CSS = """
    NoteEditDialog { align: center middle; }
    NoteEditDialog > Vertical { width: 90; height: auto; max-height: 95%; border: thick $primary;
                                background: $surface; padding: 1 2; }
    NoteEditDialog TextArea { height: 8; }
    NoteEditDialog Label { margin-top: 1; }
    NoteEditDialog Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    NoteEditDialog Button { margin-left: 2; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="edit.cancel"),
        Binding("ctrl+s", "save", "Save", id="edit.save"),
    ]

    def __init__(self, note: NotePublic) -> None:
        super().__init__()
        self.note = note

    def compose(self) -> ComposeResult:
        note = self.note
        with Vertical():
            yield Label("[b]Edit note[/b]   (ctrl+s saves, escape cancels)")
            yield Label("Text")
            yield TextArea(note.text, id="text", soft_wrap=True)
            yield Label("Kind")
            yield Select([(k.replace("-", " "), k) for k in NOTE_KINDS], value=note.kind, allow_blank=False,
                         id="kind")
            yield Label("Headline (one sentence)")
            yield Input(note.headline, id="headline")
            yield Label("Addressed to")
            yield Input(note.addressee, id="addressee", placeholder="e.g. UN, EU, civil society, Member States")
            yield Label("Themes (comma-separated)")
            yield Input(", ".join(note.themes), id="themes")
            yield Checkbox("Key point", note.key, id="key")
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Save", id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#text", TextArea).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        text = self.query_one("#text", TextArea).text.strip()
        if not text:
            self.notify("A note cannot be empty; delete it instead.", severity="error")
            return
        self.dismiss(NoteEdit(
            text=text,
            kind=str(self.query_one("#kind", Select).value),
            headline=self.query_one("#headline", Input).value.strip(),
            addressee=self.query_one("#addressee", Input).value.strip(),
            themes=[t.strip() for t in self.query_one("#themes", Input).value.split(",") if t.strip()],
            key=self.query_one("#key", Checkbox).value,
        ))
