"""Search every meeting as you type. Each keystroke starts an exclusive worker,
so a newer query cancels the older one and typing never waits.

The query box keeps the typing: ↓ and ↑ move through the results from there,
Enter opens the highlighted one, and a letter typed while the results have
focus goes back into the query."""

from __future__ import annotations

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static
from textual.worker import get_current_worker

from facilitator.errors import FacilitatorError
from facilitator.services.search import SearchHit, search

from .literal import literal
from .widgets.fill_table import FillTable
from .widgets.notes_table import KIND_LABELS
from .worker_errors import ReportsWorkerErrors
from .widgets.key_footer import KeyFooter


COLUMNS = (("Date", "date", 10), ("Meeting", "meeting", 18), ("Kind", "kind", 5), ("Match", "match", None))


class SearchScreen(ReportsWorkerErrors, Screen):
    BINDINGS = [
        Binding("enter", "open", "Open", tooltip="Open the meeting of the highlighted result in review",
                id="search.open"),
        Binding("down", "move(1)", "Results", key_display="↓↑", tooltip="Move through the results (from the "
                "query too)", id="search.down"),
        Binding("up", "move(-1)", "Previous result", show=False, id="search.up"),
        Binding("escape", "back", "Back", id="search.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder='Search: words, "a phrase", prefix*  (filters: kind:rec to:UN theme:Politics)',
                    id="query", select_on_focus=False)
        yield Static("", id="search-status")
        yield FillTable(COLUMNS, id="hits")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Search"
        self.query_one("#query", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_open()

    def action_move(self, step: int) -> None:
        table = self.query_one("#hits", DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)))

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("open", "move"):
            return True if self.hits else None
        return True

    def on_key(self, event: events.Key) -> None:
        """A letter typed while the results have focus goes on the query, where the typing is."""
        query = self.query_one("#query", Input)
        if query.has_focus or not event.is_printable or not event.character:
            return
        event.stop()
        query.focus()
        query.insert_text_at_cursor(event.character)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def run_search(self, text: str) -> None:
        filters, words = {}, []
        for token in text.split():
            name, _, value = token.partition(":")
            if value and name in ("kind", "to", "theme", "rule"):
                filters[{"to": "addressee"}.get(name, name)] = value
            else:
                words.append(token)
        try:
            hits = search(self.app.engine, " ".join(words), **filters) if words else []
            status = (f"{len(hits)} match(es)" + (" · ↓↑ choose one · enter opens it in review" if hits else "")
                      if words else "")
        except FacilitatorError as exc:
            hits, status = [], str(exc)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show, hits, status)

    def show(self, hits: list[SearchHit], status: str) -> None:
        self.hits = hits
        table = self.query_one("#hits", FillTable)
        table.clear()
        for hit in hits:
            who = f" — {hit.speaker}" if hit.speaker else ""
            table.add_fitted_row(tuple(map(literal, (hit.meeting_date.isoformat(), hit.meeting_title,
                                                     KIND_LABELS.get(hit.kind, hit.kind), hit.snippet + who))),
                                 hit.note_id)
        self.query_one("#search-status", Static).update(literal(status))
        self.refresh_bindings()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.open_hit(event.row_key.value)

    def action_open(self) -> None:
        table = self.query_one("#hits", DataTable)
        if table.row_count:
            self.open_hit(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def open_hit(self, note_id: str | None) -> None:
        hit = next((h for h in self.hits if h.note_id == note_id), None)
        if hit is not None:
            from .review import ReviewScreen

            screen = ReviewScreen(hit.meeting_id)
            self.app.push_screen(screen)
            self.call_after_refresh(lambda: screen.load(select=hit.note_id))

    def action_back(self) -> None:
        self.dismiss(None)
