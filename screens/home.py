"""The meetings list: create, open, review, export, delete."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from facilitator import services
from facilitator.errors import FacilitatorError
from facilitator.templates import list_templates
from facilitator.vocab import RULE_LABELS

from .dialogs.confirm import ConfirmDialog
from .dialogs.new_meeting import NewMeetingDialog, NewMeetingRequest
from .exporting import ExportsMeeting
from .literal import literal
from .widgets.fill_table import FillTable
from .worker_errors import ReportsWorkerErrors
from .writing import WritesToDatabase
from .widgets.key_footer import KeyFooter

COLUMNS = (("Date", "date", 10), ("Title", "title", None), ("Format", "format", 10), ("Rule", "rule", 19),
           ("Notes", "notes", 5))


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

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="home-empty")
        yield FillTable(COLUMNS, id="meetings")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_meetings()

    def on_screen_resume(self) -> None:
        self.refresh_meetings()

    def refresh_meetings(self, select: str | None = None) -> None:
        table = self.query_one("#meetings", DataTable)
        current = select or self.meeting_id
        table.clear()
        empty = self.query_one("#home-empty", Static)
        try:
            meetings = services.list_meetings(self.app.engine)
        except FacilitatorError as exc:  # a damaged or vanished database: say so, and stay up
            empty.update(literal(f"The meetings could not be read. {exc}"))
            empty.display = True
            self.app.report(exc)
            return
        for m in meetings:
            table.add_row(*map(literal, (m.date.isoformat(), m.title, m.format, RULE_LABELS[m.rule], m.note_count)),
                          key=m.id)
        empty.update("No meetings yet. Press [b]n[/b] to create one from a template "
                     "(or run `facilitator demo` to load two examples).")
        empty.display = not meetings
        if current and current in {m.id for m in meetings}:
            table.move_cursor(row=table.get_row_index(current))
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
