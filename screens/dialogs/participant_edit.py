"""Collects a participant's details (new or existing), and the other names
they are known by; the caller saves them (services.add_participant or
update_participant, which check the aliases and the called-by name)."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from facilitator.errors import InvalidInput
from facilitator.models import ParticipantPublic
from facilitator.policy import spellings_checked

from ..literal import markup
from facilitator.services.participants import (
    ALIAS_SEPARATOR,
    CATEGORIES,
    check_aliases,
    check_called_by,
    check_surname,
    split_aliases,
)


class ParticipantEditDialog(ModalScreen[dict | None]):
    DEFAULT_CSS = """
    ParticipantEditDialog { align: center middle; }
    ParticipantEditDialog > VerticalScroll { width: 80; height: auto; max-height: 100%; border: thick $primary;
                                             background: $surface; padding: 1 2; }
    ParticipantEditDialog Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    ParticipantEditDialog Button { margin-left: 2; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="person.cancel"),
                Binding("ctrl+s", "save", "Save", id="person.save")]

    def __init__(self, person: ParticipantPublic | None) -> None:
        super().__init__()
        self.person = person

    def compose(self) -> ComposeResult:
        p = self.person
        with VerticalScroll():
            yield Label("[b]Participant[/b]")
            yield Input(p.name if p else "", placeholder="Name", id="name")
            yield Input(p.organisation if p else "", placeholder="Organisation", id="organisation")
            yield Input(p.role if p else "", placeholder="Role", id="role")
            yield Input(p.region if p else "", placeholder="Region or sector (used in 'one participant from …')",
                        id="region")
            yield Input(f"{ALIAS_SEPARATOR} ".join(p.aliases) if p else "",
                        placeholder=f"Aliases (separated by {ALIAS_SEPARATOR}): other spellings, e.g. Kemi",
                        id="aliases")
            yield Input(p.called_by if p else "", placeholder="Called by: where the given name is the name, e.g. "
                                                              "Abebe", id="called_by")
            yield Static("", id="checked")  # the other spellings the gate looks for, as the name is typed
            yield Select([("no category", "")] + [(c.replace("-", " "), c) for c in CATEGORIES],
                         value=p.category if p else "", allow_blank=False, id="category")
            yield Checkbox("May be named in exports (e.g. a guest of honour)", p.attributable if p else False,
                           id="attributable")
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Save", id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()
        self.show_checked()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in ("name", "aliases"):
            self.show_checked()

    def show_checked(self) -> None:
        self._generate(self.query_one("#name", Input).value.strip(),
                       split_aliases(self.query_one("#aliases", Input).value))

    @work(thread=True, exclusive=True, group="spellings")
    def _generate(self, name: str, aliases: list[str]) -> None:
        """Romanisations are generated off the UI thread (a kanji name loads a dictionary the first time)."""
        surname = self.person.surname if self.person else ""
        try:
            found = spellings_checked(name, surname, [a.strip() for a in aliases if a.strip()]) if name else []
        except InvalidInput:
            found = []
        shown = markup("[dim]Also checked: $forms[/dim]", forms="; ".join(found)) if found else ""
        try:
            self.app.call_from_thread(self._show_spellings, shown)
        except RuntimeError:  # the application closed meanwhile
            pass

    def _show_spellings(self, shown) -> None:
        """On the UI thread; the dialog may have been saved and closed while the spellings were generated."""
        for checked in self.query("#checked").results(Static):
            checked.update(shown)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        if not name:
            self.notify("A participant needs a name.", severity="error")
            return
        aliases = split_aliases(self.query_one("#aliases", Input).value)
        called_by = self.query_one("#called_by", Input).value.strip()
        try:  # the service's own checks, so that what was typed stays on screen to be put right
            check_called_by(name, check_aliases(name, aliases), called_by)
            if self.person and name != self.person.name:
                check_surname(name, self.person.surname)
        except InvalidInput as exc:
            self.notify(str(exc), severity="error")
            return
        self.dismiss({
            "name": name,
            "organisation": self.query_one("#organisation", Input).value.strip(),
            "role": self.query_one("#role", Input).value.strip(),
            "region": self.query_one("#region", Input).value.strip(),
            "category": str(self.query_one("#category", Select).value),
            "aliases": aliases,
            "called_by": called_by,
            "attributable": self.query_one("#attributable", Checkbox).value,
        })
