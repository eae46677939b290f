"""Edits the texts a rapporteur rewrites before export — lead paragraph,
disclaimer, outlook, byline — prefilled with the drafts made from the
meeting's data in its own house style. Each line of a box is a paragraph of
the document. Dismisses the changed fields; the caller stores them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, TextArea


class MeetingTextsDialog(ModalScreen[dict | None]):
    DEFAULT_CSS = """
    MeetingTextsDialog { align: center middle; }
    MeetingTextsDialog > VerticalScroll { width: 100; height: 90%; border: thick $primary; background: $surface;
                                          padding: 1 2; }
    MeetingTextsDialog TextArea { height: 7; }
    MeetingTextsDialog Label { margin-top: 1; }
    MeetingTextsDialog Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    MeetingTextsDialog Button { margin-left: 2; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="texts.cancel"),
                Binding("ctrl+s", "save", "Save", id="texts.save")]
    FIELDS = (("lead", "Lead (one paragraph a line)"),
              ("disclaimer", "Disclaimer (the memo drafts one; every style prints yours)"),
              ("outlook", "Outlook (the update's; next steps in the other styles)"))

    def __init__(self, current: dict[str, str], drafts: dict[str, str], byline: str) -> None:
        super().__init__()
        self.current, self.drafts, self.byline = current, drafts, byline

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Label("[b]Texts for the export[/b] — drafted from the meeting's data; what you write here is "
                        "kept with the meeting (ctrl+s saves). Empty a box to go back to the draft.")
            for name, label in self.FIELDS:
                yield Label(label)
                yield TextArea(self.current.get(name) or self.drafts.get(name, ""), id=name, soft_wrap=True)
            yield Label("Byline (update)")
            yield Input(self.byline, id="byline")
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Save", id="save", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        changes = {}
        for name, _ in self.FIELDS:
            text = self.query_one(f"#{name}", TextArea).text.strip()
            # A text left as drafted is not stored: it keeps following the data.
            value = "" if text == self.drafts.get(name, "").strip() else text
            if value != self.current.get(name, ""):
                changes[name] = value
        byline = self.query_one("#byline", Input).value.strip()
        if byline != self.byline:
            changes["byline"] = byline
        self.dismiss(changes)
