"""Edits the texts a rapporteur rewrites before export — lead paragraph,
disclaimer, outlook, byline, the organisers and the guests of honour —
prefilled with the drafts made from the meeting's data in its own house
style. Each line of a box is a paragraph of the document (an organiser, a
guest as "NAME, ROLE"). Dismisses the changed fields; the caller stores them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, TextArea

from facilitator.errors import InvalidInput
from facilitator.services.meetings import person_entry


class MeetingTextsDialog(ModalScreen[dict | None]):
    DEFAULT_CSS = """
    MeetingTextsDialog { align: center middle; }
    MeetingTextsDialog > VerticalScroll { width: 100; height: 90%; border: thick $primary; background: $surface;
                                          padding: 1 2; }
    MeetingTextsDialog TextArea { height: 7; }
    MeetingTextsDialog Label { margin-top: 1; }
    MeetingTextsDialog .people { height: 4; }
    MeetingTextsDialog #error { color: $error; }
    MeetingTextsDialog Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    MeetingTextsDialog Button { margin-left: 2; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="texts.cancel"),
                Binding("ctrl+s", "save", "Save", id="texts.save")]
    FIELDS = (("lead", "Lead (one paragraph a line)"),
              ("disclaimer", "Disclaimer (the memo drafts one; every style prints yours)"),
              ("outlook", "Outlook (the update's; next steps in the other styles)"))

    def __init__(self, current: dict[str, str], drafts: dict[str, str], byline: str, *,
                 organisers: list[str] = (), guests: list[str] = ()) -> None:
        super().__init__()
        self.current, self.drafts, self.byline = current, drafts, byline
        self.organisers, self.guests = list(organisers), list(guests)

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Label("[b]Texts for the export[/b] — drafted from the meeting's data; what you write here is "
                        "kept with the meeting (ctrl+s saves). Empty a box to go back to the draft.")
            for name, label in self.FIELDS:
                yield Label(label)
                yield TextArea(self.current.get(name) or self.drafts.get(name, ""), id=name, soft_wrap=True)
            yield Label("Byline (update)")
            yield Input(self.byline, id="byline")
            yield Label("Organisers (one a line, with its article where it takes one)")
            yield TextArea("\n".join(self.organisers), id="organisers", classes="people")
            yield Label("Guests of honour (one a line: NAME, ROLE)")
            yield TextArea("\n".join(self.guests), id="guests", classes="people")
            yield Label("", id="error")
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
        organisers = self._lines("organisers")
        if organisers != self.organisers:
            changes["organisers"] = organisers
        guests = self._lines("guests")
        try:
            for guest in guests:
                person_entry(guest)
        except InvalidInput as problem:
            self.query_one("#error", Label).update(str(problem))
            return
        if guests != self.guests:
            changes["guests of honour"] = guests  # the caller keeps the keynote, chair ... as they are
        self.dismiss(changes)

    def _lines(self, box: str) -> list[str]:
        return [line.strip() for line in self.query_one(f"#{box}", TextArea).text.splitlines() if line.strip()]
