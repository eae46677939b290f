"""Open recommendations and actions across meetings: change status with one
key, read the highlighted one whole underneath, open its meeting with Enter.

One row per recommendation, one line each; the recommendation column takes
the width the others leave (so it stays on screen at 80 columns) and the
detail pane under the table shows the whole text, its meeting and its
history."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from facilitator.errors import FacilitatorError
from facilitator.services import followup
from facilitator.services.followup import TrackerRow
from facilitator.vocab import STATUSES

from .literal import literal
from .widgets.fill_table import FillTable
from .widgets.key_footer import KeyFooter
from .writing import WritesToDatabase

PAGE = 500
COLUMNS = (("Meeting", "meeting", 14), ("To", "to", 9), ("Status", "status", 11), ("Age", "age", 6),
           ("Recommendation", "text", None))


class TrackerScreen(WritesToDatabase, Screen):
    BINDINGS = [
        # enter also opens it (the table's own enter selects the row); o is the key the footer can show.
        Binding("o", "open", "Open meeting", tooltip="Review the meeting of the highlighted recommendation "
                "(enter does too)", id="tracker.open"),
    ] + [Binding(str(n), f"set_status({n})", "Set status", tooltip=f"Set status: {STATUSES[n - 1].replace('-', ' ')}",
                 key_display="1–5" if n == 1 else None, show=n == 1, id=f"tracker.status{n}")
         for n in range(1, 6)] + [
        Binding("g", "group", "Group", tooltip="Group by addressee or by meeting", id="tracker.group"),
        Binding("s", "sort", "Sort", tooltip="Sort by age or by status", id="tracker.sort"),
        Binding("escape", "back", "Back", id="tracker.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.by_addressee = False
        self.by_status = False
        self.rows: dict[str, TrackerRow] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="tracker-summary")
        yield FillTable(COLUMNS, id="tracker")
        yield Static("", id="tracker-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Recommendation tracker"
        self.load()
        self.query_one("#tracker", DataTable).focus()

    def on_screen_resume(self) -> None:
        self.load()

    def load(self, select: str | None = None) -> None:
        try:
            rows = followup.tracker(self.app.engine, limit=PAGE, today=self.app.clock().date())
        except FacilitatorError as exc:
            self.app.report(exc)
            return
        if self.by_status:  # least advanced first, oldest first within a status
            rows.sort(key=lambda r: (STATUSES.index(r.note.status), -r.age_days))
        if self.by_addressee:  # stable: keeps the order above within each addressee
            rows.sort(key=lambda r: r.note.addressee.casefold() or "~")
        table = self.query_one("#tracker", FillTable)
        current = select or table.cursor_key
        row = table.cursor_row
        table.clear()
        self.rows = {r.note.id: r for r in rows}
        for r in rows:
            table.add_fitted_row(tuple(map(literal, (r.meeting_title, r.note.addressee or "-", r.note.status,
                                                     f"{r.age_days} d", r.note.headline or r.note.text))),
                                 r.note.id)
        if table.row_count:
            table.move_cursor(row=table.get_row_index(current) if current in table.rows
                              else min(row, table.row_count - 1), animate=False)
        self.query_one("#tracker-summary", Static).update(
            f"{len(rows)} open item(s){' (first ' + str(PAGE) + ')' if len(rows) == PAGE else ''} · grouped by "
            f"{'addressee' if self.by_addressee else 'meeting'} · sorted by {'status' if self.by_status else 'age'}"
            " · 1 proposed 2 taken up 3 in progress 4 achieved 5 dropped · enter opens the meeting")
        self.show_detail()

    def selected(self) -> TrackerRow | None:
        key = self.query_one("#tracker", FillTable).cursor_key
        return self.rows.get(key) if key else None

    def show_detail(self) -> None:
        """The highlighted recommendation whole: headline, text, addressee, status, meeting and item."""
        row = self.selected()
        detail = Text()
        if row is not None:
            note = row.note
            if note.headline:
                detail.append(note.headline, style="bold")
                detail.append("\n")
            detail.append(note.text)
            facts = [f"→ {note.addressee}" if note.addressee else "", note.kind, note.status,
                     f"last change {row.last_change}" if row.last_change else "",
                     f"{row.meeting_date} {row.meeting_title}" + (f" · {row.item_title}" if row.item_title else "")]
            detail.append("\n" + " · ".join(f for f in facts if f), style="dim")
        self.query_one("#tracker-detail", Static).update(detail)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("open", "set_status"):
            return True if self.selected() else None
        return True

    def action_open(self) -> None:
        """The meeting of the highlighted recommendation, in review, with the recommendation highlighted."""
        row = self.selected()
        if row is None:
            return
        from .review import ReviewScreen

        screen = ReviewScreen(row.meeting_id)
        self.app.push_screen(screen)
        self.call_after_refresh(lambda: screen.load(select=row.note.id))

    def action_set_status(self, number: int) -> None:
        row = self.selected()
        if row is None:
            return
        self.write(followup.set_status, row.note.id, STATUSES[number - 1], done=lambda _: self.load())

    def action_group(self) -> None:
        self.by_addressee = not self.by_addressee
        self.load()

    def action_sort(self) -> None:
        self.by_status = not self.by_status
        self.load()

    def action_back(self) -> None:
        self.dismiss(None)
