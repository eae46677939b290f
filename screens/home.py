"""The meetings list: create, open, review, export, delete."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from facilitator import services
from facilitator.errors import FacilitatorError
from facilitator.templates import list_templates

from .dialogs.confirm import ConfirmDialog
from .dialogs.new_meeting import NewMeetingDialog, NewMeetingRequest
from .exporting import ExportsMeeting
from .literal import literal
from .opening import COLUMNS, NO_MEETINGS, MeetingsTable, fill_meetings
from .widgets.key_footer import KeyFooter
from .worker_errors import ReportsWorkerErrors
from .writing import WritesToDatabase


class HomeScreen(ReportsWorkerErrors, WritesToDatabase, ExportsMeeting, Screen):
    BINDINGS = [
        Binding("n", "new", "New meeting", id="home.new"),
        Binding("enter,o", "open", "Open", id="home.open"),
        Binding("r", "review", "Review", id="home.review"),
        Binding("e", "export", "Export", id="home.export"),
        Binding("d", "delete", "Delete", id="home.delete"),
        Binding("p", "participants", "Participants", show=False, id="home.participants"),
        Binding("f2", "app.search", "Search", id="home.search"),
        Binding("f3", "app.tracker", "Tracker", id="home.tracker"),
        Binding("ctrl+r", "refresh", "Refresh", show=False, id="home.refresh"),
    ]

    def __init__(self, meetings: list | None = None, typed: list[tuple[str, str | None]] | None = None) -> None:
        """`meetings`, when given, are already read (by the first frame, screens/opening.py): the list shows
        them rather than reading them again; `typed` is the first frame's list of the keys typed before the
        database was open, which act here, in order."""
        super().__init__()
        self._given = meetings
        #: The first frame's own list of keys typed (it may still grow until this screen takes its place),
        #: or None once they are handed on, or when there was no first frame.
        self._typed = typed

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="home-empty")
        yield MeetingsTable(COLUMNS, id="meetings")
        yield KeyFooter()

    def on_screen_resume(self) -> None:
        """The list is read each time it comes back on screen (its first time included, which is why
        there is no on_mount reading too): a meeting opened meanwhile has more notes."""
        meetings, self._given = self._given, None
        self.refresh_meetings(meetings=meetings)
        if self._typed is not None:  # once the table has its rows and the focus
            self.call_after_refresh(self._replay_typed)

    def _replay_typed(self) -> None:
        typed, self._typed = self._typed or [], None
        for key, character in typed:
            event = events.Key(key, character)
            event.set_sender(self.app)  # as typed (Pilot does the same): it bubbles up to the app's bindings
            self.app.post_message(event)

    def on_key(self, event: events.Key) -> None:
        """A key typed while the first frame's keys still wait to act joins them: all act in the order typed."""
        if self._typed is not None:
            self._typed.append((event.key, event.character))
            event.stop()

    def refresh_meetings(self, select: str | None = None, *, meetings: list | None = None) -> None:
        table = self.query_one("#meetings", DataTable)
        current = select or self.meeting_id
        empty = self.query_one("#home-empty", Static)
        if meetings is None:
            try:
                meetings = services.list_meetings(self.app.engine)
            except FacilitatorError as exc:  # a damaged or vanished database: say so, and stay up
                table.clear()
                empty.update(literal(f"The meetings could not be read. {exc}"))
                empty.display = True
                self.app.report(exc)
                return
        fill_meetings(table, meetings, current)
        empty.update(NO_MEETINGS)
        empty.display = not meetings
        table.focus()
        self.refresh_bindings()

    @property
    def meeting_id(self) -> str | None:
        table = self.query_one("#meetings", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("open", "review", "export", "delete", "participants"):
            return True if self.meeting_id else None
        return True

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_refresh(self) -> None:
        self.refresh_meetings()

    def action_open(self) -> None:
        if self.meeting_id:
            self.app.open_meeting(self.meeting_id)

    def action_review(self) -> None:
        from .review import ReviewScreen

        if self.meeting_id:
            self.app.push_screen(ReviewScreen(self.meeting_id))

    def action_participants(self) -> None:
        from .participants import ParticipantsScreen

        if self.meeting_id:
            self.app.push_screen(ParticipantsScreen(self.meeting_id))

    def action_new(self) -> None:
        self.app.push_screen(NewMeetingDialog(list_templates()), self._create)

    def _create(self, request: NewMeetingRequest | None) -> None:
        if request is None:
            return

        def created(meeting) -> None:
            if request.series and request.carry_forward:
                from facilitator.services.followup import carry_forward

                self.write(carry_forward, meeting.id, done=lambda _: self._created(meeting.id))
            else:
                self._created(meeting.id)

        self.write(services.create_meeting, request.template, title=request.title, date=request.date,
                   place=request.place, rule=request.rule, series=request.series, organisers=request.organisers,
                   guests=request.guests, done=created)

    def _created(self, meeting_id: str) -> None:
        self.refresh_meetings(select=meeting_id)
        self.app.open_meeting(meeting_id)

    def action_delete(self) -> None:
        meeting_id = self.meeting_id
        if not meeting_id:
            return
        title = str(self.query_one("#meetings", DataTable).get_row(meeting_id)[1])

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.write(services.delete_meeting, meeting_id, done=lambda _: self.refresh_meetings())

        self.app.push_screen(ConfirmDialog(f"Delete “{title}” and all its notes? This cannot be undone.",
                                           yes="Delete"), confirmed)
