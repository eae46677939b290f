"""Search every meeting as you type. Each keystroke starts an exclusive worker,
so a newer query cancels the older one and typing never waits."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static
from textual.worker import get_current_worker

from facilitator.errors import FacilitatorError
from facilitator.services.search import SearchHit, search

from .literal import literal
from .worker_errors import ReportsWorkerErrors
from .widgets.key_footer import KeyFooter


class SearchScreen(ReportsWorkerErrors, Screen):
    BINDINGS = [Binding("escape", "back", "Back", id="search.back")]

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder='Search: words, "a phrase", prefix*  (filters: kind:rec to:UN theme:Politics)',
                    id="query")
        yield Static("", id="search-status")
        yield DataTable(id="hits", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Search"
        self.query_one("#hits", DataTable).add_columns("Date", "Meeting", "Kind", "Match")
        self.query_one("#query", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    def on_input_submitted(self) -> None:
        self.query_one("#hits", DataTable).focus()

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
            status = f"{len(hits)} match(es)" if words else ""
        except FacilitatorError as exc:
            hits, status = [], str(exc)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show, hits, status)

    def show(self, hits: list[SearchHit], status: str) -> None:
        self.hits = hits
        table = self.query_one("#hits", DataTable)
        table.clear()
        for hit in hits:
            who = f" — {hit.speaker}" if hit.speaker else ""
            table.add_row(*map(literal, (hit.meeting_date.isoformat(), hit.meeting_title[:36], hit.kind,
                                         hit.snippet + who)), key=hit.note_id)
        self.query_one("#search-status", Static).update(literal(status))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        hit = next((h for h in self.hits if h.note_id == event.row_key.value), None)
        if hit is not None:
            from .review import ReviewScreen

            screen = ReviewScreen(hit.meeting_id)
            self.app.push_screen(screen)
            self.call_after_refresh(lambda: screen.load(select=hit.note_id))

    def action_back(self) -> None:
        self.dismiss(None)
