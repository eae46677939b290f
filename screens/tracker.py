"""Open recommendations and actions across meetings; change status with one key."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from facilitator.services import followup
from facilitator.vocab import STATUSES

from .literal import literal
from .writing import WritesToDatabase
from .widgets.key_footer import KeyFooter

PAGE = 500


class TrackerScreen(WritesToDatabase, Screen):
    BINDINGS = [Binding(str(n), f"set_status({n})", STATUSES[n - 1].replace("-", " "), id=f"tracker.status{n}")
                for n in range(1, 6)] + [
        Binding("g", "group", "Group by addressee/meeting", id="tracker.group"),
        Binding("s", "sort", "Sort by age/status", id="tracker.sort"),
        Binding("escape", "back", "Back", id="tracker.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.by_addressee = False
        self.by_status = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="tracker-summary")
        yield DataTable(id="tracker", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Recommendation tracker"
        self.query_one("#tracker", DataTable).add_columns("Meeting", "To", "Status", "Age", "Recommendation")
        self.load()
        self.query_one("#tracker", DataTable).focus()

    def load(self) -> None:
        rows = followup.tracker(self.app.engine, limit=PAGE)
        if self.by_status:  # least advanced first, oldest first within a status
            rows.sort(key=lambda r: (STATUSES.index(r.note.status), -r.age_days))
        if self.by_addressee:  # stable: keeps the order above within each addressee
            rows.sort(key=lambda r: r.note.addressee.casefold() or "~")
        table = self.query_one("#tracker", DataTable)
        row = table.cursor_row
        table.clear()
        for r in rows:
            table.add_row(*map(literal, (f"{r.meeting_date} {r.meeting_title[:28]}", r.note.addressee or "-",
                                         r.note.status, f"{r.age_days} d", r.note.headline or r.note.text)),
                          key=r.note.id)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self.query_one("#tracker-summary", Static).update(
            f"{len(rows)} open item(s){' (first ' + str(PAGE) + ')' if len(rows) == PAGE else ''} · grouped by "
            f"{'addressee' if self.by_addressee else 'meeting'} · sorted by {'status' if self.by_status else 'age'}"
            " · 1–5 set status")

    def action_set_status(self, number: int) -> None:
        table = self.query_one("#tracker", DataTable)
        if not table.row_count:
            return
        note_id = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        self.write(followup.set_status, note_id, STATUSES[number - 1], done=lambda _: self.load())

    def action_group(self) -> None:
        self.by_addressee = not self.by_addressee
        self.load()

    def action_sort(self) -> None:
        self.by_status = not self.by_status
        self.load()

    def action_back(self) -> None:
        self.dismiss(None)
