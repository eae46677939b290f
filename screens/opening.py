"""The first frame: the meetings list as it will look, painted before the
database is opened (issue 14).

`facilitator` draws this screen with nothing but Textual imported. Its meetings
come from a thread that reads them with sqlite3 alone (facilitator.quickread),
started before Textual is imported, so they are usually on the first frame;
once they are on screen the application opens the database, migrates it and
imports the service layer in its own worker (FacilitatorApp._open_database);
then the meetings list proper (HomeScreen) takes its place, with the rows read
here, the row the cursor is on, and every key. Nothing here imports SQLAlchemy
or SQLModel: a test (tests/test_first_frame.py) holds it to that.

What the two screens share is here, so that the list looks the same before and
after: its columns, the cells of a meeting, the empty-list hint.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future

from textual import events, work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from facilitator.vocab import RULE_LABELS

from .handover import hand_over
from .literal import literal
from .widgets.fill_table import FillTable
from .widgets.key_footer import KeyFooter

COLUMNS = (("Date", "date", 10), ("Title", "title", None), ("Format", "format", 10), ("Rule", "rule", 19),
           ("Notes", "notes", 5))

NO_MEETINGS = ("No meetings yet. Press [b]n[/b] to create one from a template "
               "(or run `facilitator demo` to load two examples).")


def meeting_cells(meeting) -> tuple:
    """The cells of one meeting's row (a services.MeetingSummary or a quickread.MeetingRow)."""
    return tuple(map(literal, (meeting.date.isoformat(), meeting.title, meeting.format, RULE_LABELS[meeting.rule],
                               meeting.note_count)))


class MeetingsTable(FillTable):
    """The meetings list's table. Its rows are one line each, so a new width only widens the title
    column: the rows are not added again on a resize."""

    def _fill_width(self) -> int:
        """Before its first layout the table has no width yet: it spans the screen, so take the screen's
        (else the titles would show 20 columns wide for a frame)."""
        if self.scrollable_content_region.width:
            return super()._fill_width()
        used = sum((width or 0) + 2 * self.cell_padding for _, _, width in self.column_spec)
        return max(20, self.app.size.width - self.styles.scrollbar_size_vertical - used)

    def relayout(self) -> None:
        self._clear_caches()
        self._require_update_dimensions = True
        self.refresh()


def fill_meetings(table: DataTable, meetings: Sequence, select: str | None = None) -> None:
    """Put `meetings` in the table, the cursor back on `select` if it is still there."""
    table.clear()
    for meeting in meetings:
        table.add_row(*meeting_cells(meeting), key=meeting.id)
    if select and select in {m.id for m in meetings}:
        table.move_cursor(row=table.get_row_index(select))


class OpeningScreen(Screen):
    """The meetings list while the database opens: the meetings are shown as soon as they are read; keys
    typed meanwhile (Enter on a meeting, n for a new one) are kept, in order, and handed to the meetings
    list once the database is open. Only Quit acts at once."""

    AUTO_FOCUS = None  # nothing takes the keys here: they reach on_key, which keeps them

    def __init__(self, read: Future) -> None:
        """`read`: the meetings, being read since before Textual loaded (quickread.read_meetings_soon)."""
        super().__init__()
        self.read = read
        #: The meetings as read here; None until then, or when only the full path may read them.
        self.meetings: list | None = None
        #: The keys typed before the database was open, as (key, character).
        self.typed: list[tuple[str, str | None]] = []

    def on_key(self, event: events.Key) -> None:
        self.typed.append((event.key, event.character))
        event.stop()
        event.prevent_default()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Opening the database…", id="home-empty")
        yield MeetingsTable(COLUMNS, id="meetings")
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.read.done():  # the usual case: read while Textual loaded, and on the first frame
            self._show(self.read.result())
        else:
            self._wait_for_meetings()

    @work(thread=True, exit_on_error=False, group="opening")
    def _wait_for_meetings(self) -> None:
        hand_over(self, self.Read(self.read.result()))

    class Read(Message):
        def __init__(self, meetings: list | None) -> None:
            super().__init__()
            self.meetings = meetings

    def on_opening_screen_read(self, message: Read) -> None:
        self._show(message.meetings)

    def _show(self, meetings: list | None) -> None:
        """Show the meetings read (None: only the full path may read them), a screenful first and the rest
        once that is painted (a table lays out every row before its first frame: some 100 ms for 500
        meetings); then let the application open the database."""
        if not self.is_current or meetings is None:
            self.app.call_after_refresh(self.app.meetings_shown)
            return
        self.meetings = meetings
        screenful = self.app.size.height
        fill_meetings(self.query_one("#meetings", DataTable), meetings[:screenful])
        empty = self.query_one("#home-empty", Static)
        empty.update(NO_MEETINGS)
        empty.display = not meetings
        self.call_after_refresh(self._show_the_rest, meetings[screenful:])

    def _show_the_rest(self, meetings: list) -> None:
        table = self.query_one("#meetings", DataTable)
        for meeting in meetings:
            table.add_row(*meeting_cells(meeting), key=meeting.id)
        self.app.call_after_refresh(self.app.meetings_shown)
