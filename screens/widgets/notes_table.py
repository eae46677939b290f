"""Notes as rows of one table — kind, key flag, addressee, text — used by the
capture screen (wrapped) and the review screen (one line each), never one
widget per note. Every cell is plain `Text`: a note holding "[/]" is shown as
typed, not parsed as markup.

The table holds a window of the list, never the whole meeting (see NotesTable).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual.widgets import DataTable

from facilitator.models import NotePublic
from facilitator.services.notes import NoteList

from ..literal import literal
from .fill_table import FillTable

KIND_LABELS = {"reflection": "refl", "recommendation": "REC", "challenge": "chal", "best-practice": "best",
               "quote": "quote", "action": "ACT", "observation": "obs"}
KIND_HEADINGS = {"reflection": "Reflections", "recommendation": "Recommendations", "challenge": "Challenges",
                 "best-practice": "Best practices", "quote": "Quotes", "action": "Actions",
                 "observation": "Observations"}
COLUMNS = (("Kind", "kind", 5), ("★", "key", 1), ("To", "to", 12), ("Note", "text", None))


def note_text(note: NotePublic) -> Text:
    """A note's text, its headline in bold before it and its themes in brackets after it."""
    return note_body(note.text, headline=note.headline, themes=note.themes)


def note_body(text: str, *, headline: str = "", themes: list[str] | tuple[str, ...] = ()) -> Text:
    body = Text.assemble((headline, "bold"), " — ") if headline else Text()
    body.append(text)
    if themes:
        body.append("  [" + ", ".join(themes) + "]", style="italic")
    return body


def note_cells(note: NotePublic | None = None, *, kind: str = "", key: bool = False, addressee: str = "",
               text: str = "", headline: str = "", saving: bool = False,
               unsaved: str = "") -> tuple[Text, Text, Text, Text]:
    """The four cells of a saved note, of a line still being saved (`saving=True`), or of a line whose
    save failed (`unsaved`: why)."""
    if note is not None:
        kind, key, addressee = note.kind, note.key, note.addressee
        body = note_text(note)
    else:
        body = note_body(text, headline=headline)
    if saving:
        body.append("  saving…", style="dim italic")
    if unsaved:
        body.append("  NOT SAVED (ctrl+s retries)", style="bold red")
    return literal(KIND_LABELS.get(kind, kind)), literal("★" if key else ""), literal(addressee), body


#: Turns a run of notes into table rows (key, cells); review puts its heading rows in between.
Render = Callable[[list[NotePublic]], list[tuple[str, Sequence]]]


class NotesTable(FillTable):
    """Notes as rows: kind, key flag, addressee, and the text filling the rest.

    A window of the list, not all of it: a meeting can hold 50,000 notes, and a DataTable keeps and
    lays out every row it is given (about 14 KiB and a third of a millisecond each, more when wrapped),
    so the screen would open in seconds. The table holds `window` notes at most — a few screens' worth
    around the cursor — read by keyset from the screen's `NoteList` (facilitator.services.notes). When the cursor comes within `edge` rows of
    either end of the window and more notes lie beyond it, the window is read again centred on the
    cursor's note, which keeps its place on screen; Home/End (and ctrl+Home/ctrl+End) go to the very
    first or last note of the list. This is the simplest design that keeps the DataTable's own cursor,
    keys and row keys (which the screens' edit, delete, undo and reorder rely on); the price is that
    the scrollbar measures the window rather than the list, so the screens say where the window is
    (`span`, with the count they read once).
    """

    def __init__(self, *, wrap: bool = False, zebra_stripes: bool = True, id: str | None = None,
                 window: int = 200, edge: int = 15) -> None:
        super().__init__(COLUMNS, wrap=wrap, zebra_stripes=zebra_stripes, id=id)
        self.window, self.edge = window, edge
        #: The notes in the window, in the list's order; rows of other keys (headings, lines being saved)
        #: may sit between or after them.
        self.notes: list[NotePublic] = []
        self.more_before = self.more_after = False
        self._fetch: NoteList | None = None
        self._render: Render | None = None
        self._extra: Callable[[], list[tuple[str, Sequence]]] | None = None

    def show_notes(self, fetch: NoteList, render: Render, *, total: int, select: str | None = None,
                   tail: bool = False, extra: Callable[[], list[tuple[str, Sequence]]] | None = None) -> None:
        """Fill the window from the list `fetch`: around the note `select` if given (the cursor goes to it, or to
        its place if it has gone), else at the top of the list or, with `tail`, at its end. `total` is
        how many notes the list holds (the screen's COUNT). `extra` rows (lines still being saved) follow
        the last note of the list when the window reaches it."""
        self._fetch, self._render, self._extra, self.total = fetch, render, extra, total
        self._fill(select, tail=tail)

    def show_nothing(self) -> None:
        self._fetch = None
        self.notes, self.total, self.first_index, self.more_before, self.more_after = [], 0, 0, False, False
        self.clear()

    total = 0
    #: How many notes of the list come before the window's first (kept as the window moves; no query).
    first_index = 0

    @property
    def note_ids(self) -> set[str]:
        return {note.id for note in self.notes}

    @property
    def span(self) -> tuple[int, int] | None:
        """Which notes of the list the window holds, counted from 1, when it does not hold them all."""
        if not (self.more_before or self.more_after):
            return None
        return self.first_index + 1, self.first_index + len(self.notes)

    def reload(self, select: str | None = None, *, total: int | None = None) -> None:
        """Read the window again (after a write or near its edge), around `select`, else around the
        cursor's note."""
        if total is not None:
            self.total = total
        if self._fetch is not None:
            anchor = select or self.nearest_note()
            self._fill(anchor, tail=anchor is None)

    def jump_to_end(self) -> None:
        """The list's last note (and what follows it), whatever the window held. A window that has grown
        at the end (capture appends each note saved) is read again at its normal size."""
        if self._fetch is not None and (self.more_after or len(self.notes) >= 2 * self.window):
            self._fill(None, tail=True)
        if self.row_count:
            self.move_cursor(row=self.row_count - 1, animate=False)

    def nearest_note(self) -> str | None:
        """The cursor's note, or the nearest note below (then above) a heading or a line being saved."""
        if not self.row_count:
            return None
        ids = self.note_ids
        keys = [row.key.value for row in self.ordered_rows]
        row = min(self.cursor_row, len(keys) - 1)
        return next((key for key in [*keys[row:], *reversed(keys[:row])] if key in ids), None)

    #: The note the window was last read around (None: read at an end of the list).
    _centred_on: str | None = None

    def _fill(self, anchor: str | None, *, tail: bool = False) -> None:
        self._centred_on = anchor
        self._filling = True
        try:
            self._fill_window(anchor, tail=tail)
        finally:
            self._filling = False

    def _fill_window(self, anchor: str | None, *, tail: bool) -> None:
        fetch, size, half = self._fetch, self.window, self.window // 2
        assert fetch is not None and self._render is not None
        old_y = self._row_y(self.cursor_row) - round(self.scroll_y) if self.row_count else None
        old_ids = [n.id for n in self.notes]
        notes: list[NotePublic] = []
        cursor_key = None
        if anchor is not None:
            # the half before the note is read as long as the window (it is cut once the half after it,
            # which may be short at the end of the list, is known): both in one transaction
            before, after = fetch.around(anchor, before=size + 1, after=size - half + 1)
            self.more_after = len(after) > size - half
            after = after[: size - half]
            room = size - len(after)  # at least half the window: the rest of it goes before the note
            self.more_before = len(before) > room
            before = before[-room:]
            notes = before + after
            # the cursor stays on the note, or goes to its place (the next note) if it has gone
            cursor_key = after[0].id if after else (before[-1].id if before else None)
            at = self.first_index + old_ids.index(anchor) if anchor in old_ids else self.first_index
            self.first_index = max(0, at - len(before))
        if not notes:  # no anchor, or it and every note around it have gone
            notes = fetch.page(tail=tail, limit=size + 1)
            more = len(notes) > size
            notes = notes[1:] if tail and more else notes[:size]
            self.more_before, self.more_after = (more, False) if tail else (False, more)
            self.first_index = max(0, self.total - len(notes)) if tail else 0
            old_y = None
        self.notes = notes
        self.clear()
        rows = self._render(notes)
        if not self.more_after and self._extra is not None:
            rows += self._extra()
        for key, cells in rows:
            self.add_fitted_row(cells, key)
        if not self.row_count:
            return
        row = self.get_row_index(cursor_key) if cursor_key in self.rows else (self.row_count - 1 if tail else 0)
        if old_y is not None:  # keep the cursor's row where it was on screen
            self.call_after_refresh(self.scroll_to, y=max(0, self._row_y(row) - old_y), animate=False, force=True)
        self.move_cursor(row=row, animate=False)

    def adjacent(self, note_id: str, step: int) -> NotePublic | None:
        """The note next to this one in the list (step -1: before it, 1: after it), read from the database
        only when the window ends at the note."""
        ids = [note.id for note in self.notes]
        if note_id not in ids:
            return None
        index = ids.index(note_id) + step
        if 0 <= index < len(ids):
            return self.notes[index]
        if self._fetch is None or not (self.more_before if step < 0 else self.more_after):
            return None
        found = self._fetch.page(before=note_id, limit=1) if step < 0 else self._fetch.page(after=note_id, limit=1)
        return found[0] if found else None

    def _row_y(self, index: int) -> int:
        return sum(row.height for row in self.ordered_rows[:index])

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Near either end of the window, with notes beyond it: read the window again around the cursor."""
        if event.data_table is not self or self._fetch is None:
            return
        row = self.cursor_row  # not the event's: a refill since it was sent may have moved the rows
        edge = min(self.edge, self.window // 4)  # well inside the half-window a refill puts either side
        if (self.more_after and row >= self.row_count - edge) or (self.more_before and row < edge):
            anchor = self.nearest_note()
            if anchor != self._centred_on:  # never twice around the same note: no refill can loop
                self.reload(anchor)

    _filling = False

    def relayout(self) -> None:
        self._filling = True  # the rows are added again: not a scroll to the window's top
        try:
            super().relayout()
        finally:
            self._filling = False

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Scrolled (wheel, scrollbar) to an end of the window with notes beyond it: the cursor goes to
        the row at that end, which reads the window again around it (on_data_table_row_highlighted)."""
        super().watch_scroll_y(old_value, new_value)
        if self._fetch is None or self._filling or not self.row_count:
            return
        top = self._row_y(self.cursor_row)
        if new_value <= top and top + 1 <= new_value + self.scrollable_content_region.height:
            return  # the cursor is still on screen (a scroll that shows it, after a refill): it stays put
        if self.more_after and new_value > old_value and new_value >= self.max_scroll_y:
            self.call_later(self._cursor_to_edge, self.row_count - 1)
        elif self.more_before and new_value < old_value and new_value <= 0:
            self.call_later(self._cursor_to_edge, 0)

    def _cursor_to_edge(self, row: int) -> None:
        if self.row_count and self.cursor_row != row:
            self.move_cursor(row=min(row, self.row_count - 1), animate=False, scroll=False)

    # Home/End (and ctrl+Home/ctrl+End): the first or the last note of the list, not of the window.
    def action_scroll_top(self) -> None:
        if self._fetch is not None and self.more_before:
            self._fill(None)
        if self.row_count:
            self.move_cursor(row=0, animate=False)

    def action_scroll_bottom(self) -> None:
        self.jump_to_end()

    action_scroll_home = action_scroll_top
    action_scroll_end = action_scroll_bottom
