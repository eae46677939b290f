"""Participants of a meeting: who they are, and whether they may be named."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from facilitator import services

from .dialogs.participant_edit import ParticipantEditDialog
from .literal import literal
from .widgets.fill_table import FillTable
from .writing import WritesToDatabase
from .widgets.key_footer import KeyFooter


COLUMNS = (("Name", "name", 20), ("Organisation", "organisation", 16), ("Region", "region", 12),
           ("Named?", "named", 6), ("Role", "role", None))


class ParticipantsScreen(WritesToDatabase, Screen):
    BINDINGS = [
        Binding("a", "add", "Add", id="participants.add"),
        Binding("e,enter", "edit", "Edit", id="participants.edit"),
        Binding("space", "toggle", "Attributable?", id="participants.toggle"),
        Binding("escape", "back", "Back", id="participants.back"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Participants · space toggles whether a person may be named under the meeting's rule",
                     id="participants-help")
        yield FillTable(COLUMNS, id="people")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Participants"
        self.load()
        self.query_one("#people", DataTable).focus()

    def load(self, select: str | None = None) -> None:
        table = self.query_one("#people", DataTable)
        row = table.cursor_row
        table.clear()
        for p in services.list_participants(self.app.engine, self.meeting_id):
            table.add_fitted_row(tuple(map(literal, (p.name, p.organisation, p.region, "yes" if p.attributable else "no",
                                                     p.role or p.category))), p.id)
        if select and select in table.rows:
            table.move_cursor(row=table.get_row_index(select))
        elif table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def selected(self) -> str | None:
        table = self.query_one("#people", DataTable)
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value if table.row_count else None

    def action_add(self) -> None:
        def add(values: dict | None) -> None:
            if values:
                self.write(services.add_participant, self.meeting_id, **values,
                           done=lambda person: self.load(select=person.id))

        self.app.push_screen(ParticipantEditDialog(None), add)

    def action_edit(self) -> None:
        pid = self.selected()
        if pid is None:
            return
        person = next(p for p in services.list_participants(self.app.engine, self.meeting_id) if p.id == pid)

        def save(values: dict | None) -> None:
            if values:
                self.write(services.update_participant, pid, **values, done=lambda _: self.load(select=pid))

        self.app.push_screen(ParticipantEditDialog(person), save)

    def action_toggle(self) -> None:
        pid = self.selected()
        if pid:
            person = next(p for p in services.list_participants(self.app.engine, self.meeting_id) if p.id == pid)
            self.write(services.update_participant, pid, attributable=not person.attributable,
                       done=lambda _: self.load(select=pid))

    def action_back(self) -> None:
        self.dismiss(None)
