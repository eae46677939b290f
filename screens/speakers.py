"""The speakers list: add (with completion from the registered participants),
reorder, call the next, mark spoken, withdraw; time taken is recorded."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import DataTable, Footer, Header, Input, Static

from facilitator import services
from facilitator.clock import format_duration
from facilitator.services import speakers

from .literal import literal
from .writing import WritesToDatabase


class SpeakersScreen(WritesToDatabase, Screen):
    BINDINGS = [
        Binding("a", "add", "Add", id="speakers.add"),
        Binding("n", "next", "Call next", id="speakers.next"),
        Binding("s", "spoken", "Spoken", id="speakers.spoken"),
        Binding("x", "withdraw", "Withdraw", id="speakers.withdraw"),
        Binding("shift+up", "move(-1)", "Up", id="speakers.up"),
        Binding("shift+down", "move(1)", "Down", id="speakers.down"),
        Binding("escape", "back", "Back", id="speakers.back"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Type a name and press enter to add it to the list · n calls the next speaker", id="speakers-help")
        names = [p.name for p in services.list_participants(self.app.engine, self.meeting_id)]
        yield Input(placeholder="Name of a person or delegation", id="speaker-name",
                    suggester=SuggestFromList(names, case_sensitive=False))
        yield DataTable(id="queue", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Speakers list"
        table = self.query_one("#queue", DataTable)
        table.add_columns("#", "Speaker", "Category", "On behalf of", "State", "Time")
        self.refresh_queue()
        self.query_one("#speaker-name", Input).focus()

    def refresh_queue(self) -> None:
        table = self.query_one("#queue", DataTable)
        row = table.cursor_row
        table.clear()
        for entry in speakers.list_queue(self.app.engine, self.meeting_id):
            table.add_row(*map(literal, (entry.position, entry.name, entry.category, entry.on_behalf_of, entry.status,
                                         format_duration(entry.seconds) if entry.seconds else "")), key=entry.id)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def selected(self) -> str | None:
        table = self.query_one("#queue", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        typing = self.focused is self.query_one("#speaker-name", Input)
        if action in ("next", "spoken", "withdraw", "move", "add") and typing:
            return False
        return True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        if not name:
            self.query_one("#queue", DataTable).focus()
            return
        event.input.value = ""
        self.write(speakers.add_speaker, self.meeting_id, name, done=lambda _: self.refresh_queue(),
                   failed=lambda error: self._not_added(name, error))

    def _not_added(self, name: str, error: BaseException) -> None:
        name_box = self.query_one("#speaker-name", Input)
        if not name_box.value:
            name_box.value = name  # give the name back to correct it
        self.app.report(error)

    def _do(self, fn, *args) -> None:
        self.write(fn, *args, done=lambda _: self.refresh_queue())

    def action_add(self) -> None:
        self.query_one("#speaker-name", Input).focus()

    def action_next(self) -> None:
        self._do(speakers.call_next, self.meeting_id)

    def action_spoken(self) -> None:
        if self.selected():
            self._do(speakers.mark_spoken, self.selected())

    def action_withdraw(self) -> None:
        if self.selected():
            self._do(speakers.withdraw, self.selected())

    def action_move(self, offset: int) -> None:
        entry = self.selected()
        if entry:
            self.write(speakers.move, entry, offset, done=lambda _: self._moved(entry))

    def _moved(self, entry: str) -> None:
        self.refresh_queue()
        table = self.query_one("#queue", DataTable)
        if entry in table.rows:
            table.move_cursor(row=table.get_row_index(entry))

    def action_back(self) -> None:
        self.dismiss(None)
