"""Collects what a new meeting needs: template, title, date, place, organisers,
guest of honour, rule.
Validation of the date and title happens here so the dialog can say what is
wrong; creating the meeting is the caller's job."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select

from facilitator.errors import InvalidInput
from facilitator.services.meetings import person_entry
from facilitator.templates import Template
from facilitator.text import capitalise
from facilitator.vocab import RULE_LABELS, RULES


def _style_label(style: str) -> str:
    """The house style a template's meetings are written up in, as the export dialog names it."""
    from exports import STYLES

    found = STYLES.get(style)
    return found.label.lower() if found else style


@dataclass(frozen=True)
class NewMeetingRequest:
    template: str
    title: str
    date: dt.date
    place: str
    rule: str | None
    series: str = ""
    carry_forward: bool = False
    organisers: list[str] | None = None  # None: the template's
    guests: list[dict] = field(default_factory=list)


class NewMeetingDialog(ModalScreen[NewMeetingRequest | None]):
    DEFAULT_CSS = """
    NewMeetingDialog { align: center middle; }
    NewMeetingDialog > VerticalScroll { width: 80; height: auto; max-height: 100%; border: thick $primary;
                                  background: $surface; padding: 0 2; }
    NewMeetingDialog #error { color: $error; margin-top: 1; }
    NewMeetingDialog Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    NewMeetingDialog Button { margin-left: 2; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="new.cancel")]

    def __init__(self, templates: list[Template], today: dt.date | None = None) -> None:
        super().__init__()
        self.templates = templates
        self.today = today or dt.date.today()

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Label("[b]New meeting[/b]")
            yield Label("Template")
            yield Select([(Text(f"{t.name} ({t.planned_minutes // 60}h{t.planned_minutes % 60:02d}, {t.rule}; "
                                f"written up as {_style_label(t.style)})"), t.key) for t in self.templates],
                         value=self.templates[0].key, allow_blank=False, id="template")
            yield Label("Title")
            yield Input(placeholder="e.g. Civil society perspectives on prevention", id="title")
            yield Label("Date (YYYY-MM-DD)")
            yield Input(value=self.today.isoformat(), id="date")
            yield Label("Place")
            yield Input(placeholder="e.g. Brussels", id="place")
            yield Label("Organisers (separated by ; — empty: the template's)")
            yield Input(placeholder="e.g. the Global Centre for the Responsibility to Protect; the Stanley Foundation",
                        id="organisers")
            yield Label("Guest of honour (NAME, ROLE; optional)")
            yield Input(placeholder="e.g. Adama Dieng, Special Adviser on the Prevention of Genocide", id="guest")
            yield Label("Attribution rule")
            yield Select([("As the template says", "")] + [(capitalise(RULE_LABELS[r]), r) for r in RULES],
                         value="", allow_blank=False, id="rule")
            yield Label("Series (e.g. an annual dialogue; optional)")
            yield Input(placeholder="e.g. RtoP breakfast", id="series")
            yield Checkbox("Review the series' open recommendations and actions as an agenda item", True,
                           id="carry")
            yield Label("", id="error")
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Create", id="create", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def on_input_submitted(self) -> None:
        self._create()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "create":
            self._create()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _create(self) -> None:
        title = self.query_one("#title", Input).value.strip()
        raw_date = self.query_one("#date", Input).value.strip()
        error = self.query_one("#error", Label)
        if not title:
            error.update("Give the meeting a title.")
            return
        try:
            date = dt.date.fromisoformat(raw_date)
        except ValueError:
            error.update(Text(f"{raw_date!r} is not a date; write it as YYYY-MM-DD."))
            return
        organisers = [o.strip() for o in self.query_one("#organisers", Input).value.split(";") if o.strip()]
        guest = self.query_one("#guest", Input).value.strip()
        try:
            guests = [person_entry(guest)] if guest else []
        except InvalidInput as problem:
            error.update(Text(str(problem)))
            return
        rule = self.query_one("#rule", Select).value
        self.dismiss(NewMeetingRequest(
            template=str(self.query_one("#template", Select).value), title=title, date=date,
            place=self.query_one("#place", Input).value.strip(), rule=str(rule) or None,
            series=self.query_one("#series", Input).value.strip(),
            carry_forward=self.query_one("#carry", Checkbox).value, organisers=organisers or None, guests=guests))
