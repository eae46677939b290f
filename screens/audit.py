"""The attribution audit before export: each flagged text, whom it mentions,
and one-key fixes — anonymise, mark the participant attributable, edit the
text, or dismiss the flag as not identifying (recorded with the note)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from facilitator import services
from facilitator.policy import ATTENDANCE_FIELD, Flag
from facilitator.services import audit as audit_service

from .dialogs.note_edit import NoteEdit, NoteEditDialog
from .literal import literal
from .widgets.fill_table import FillTable
from .writing import WritesToDatabase
from .widgets.key_footer import KeyFooter


COLUMNS = (("Where", "where", 16), ("Mentions", "mentions", 18), ("As", "as", 10), ("Text", "text", None))


class AuditScreen(WritesToDatabase, Screen):
    BINDINGS = [  # in the order the footer keeps them when the terminal is narrow
        Binding("a", "anonymise", "Anonymise", id="audit.anonymise"),
        Binding("d", "dismiss_flag", "Not identifying", id="audit.dismiss"),
        Binding("m", "attributable", "May be named", tooltip="Mark the participant attributable",
                id="audit.attributable"),
        Binding("e", "edit", "Edit", tooltip="Edit the text", id="audit.edit"),
        Binding("A", "anonymise_all", "Anonymise all", id="audit.anonymise_all"),
        Binding("l", "allow_attendance", "Attendance", tooltip="Let the participants line name this institution",
                id="audit.attendance"),
        Binding("escape", "back", "Back", id="audit.back"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.flags: list[Flag] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="audit-summary")
        yield FillTable(COLUMNS, id="flags")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Attribution audit"
        table = self.query_one("#flags", DataTable)
        self.load()
        table.focus()

    def load(self) -> None:
        self.flags = audit_service.audit_meeting(self.app.engine, self.meeting_id)
        table = self.query_one("#flags", DataTable)
        row = table.cursor_row
        table.clear()
        for index, flag in enumerate(self.flags):
            table.add_fitted_row(tuple(map(literal, (flag.where, flag.participant, flag.what, flag.excerpt))),
                                 str(index))
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        summary = self.query_one("#audit-summary", Static)
        if self.flags:
            summary.update(f"[b]{len(self.flags)} open flag(s)[/b]: these texts name participants who may not be "
                           "identified. An export is refused until each is fixed or dismissed.")
        else:
            summary.update("No open flags: nothing names a participant who may not be identified.")
        summary.set_class(bool(self.flags), "-flagged")

    def selected(self) -> Flag | None:
        table = self.query_one("#flags", DataTable)
        if not table.row_count:
            return None
        return self.flags[table.cursor_row]

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("anonymise", "attributable", "dismiss_flag", "edit", "anonymise_all", "allow_attendance"):
            return True if self.flags else None
        return True

    def _do(self, fn, *args, **kwargs) -> None:
        self.write(fn, *args, **kwargs, done=lambda _: self.load())

    def action_anonymise(self) -> None:
        flag = self.selected()
        if flag:
            self._do(audit_service.anonymise, self.meeting_id, [flag])

    def action_anonymise_all(self) -> None:
        """Show every change first; apply them only when the rapporteur says so."""
        from .dialogs.anonymise_preview import AnonymisePreviewDialog

        flags = list(self.flags)
        changes = audit_service.anonymise_preview(self.app.engine, self.meeting_id, flags)
        if not changes:
            self.notify("Nothing to anonymise.")
            return

        def answer(apply: bool | None) -> None:
            if apply:
                self._do(audit_service.anonymise, self.meeting_id, flags)

        self.app.push_screen(AnonymisePreviewDialog(changes), answer)

    def action_attributable(self) -> None:
        flag = self.selected()
        if flag:
            self._do(audit_service.mark_attributable, flag.participant_id)

    def action_dismiss_flag(self) -> None:
        flag = self.selected()
        if flag:
            self._do(audit_service.dismiss, self.meeting_id, flag)

    def action_allow_attendance(self) -> None:
        """Attendance is not attribution: the participants line may name an institution someone came from."""
        flag = self.selected()
        if flag is None:
            return
        if flag.field != ATTENDANCE_FIELD or flag.what != "organisation":
            self.notify("Only an institution named in the participants line can be allowed there.")
            return
        self._do(audit_service.allow_in_attendance, self.meeting_id, flag.participant)

    def action_edit(self) -> None:
        flag = self.selected()
        if flag is None or flag.note_id is None:
            self.notify("Meeting texts are edited with `facilitator edit` (lead, disclaimer ...) or anonymised here.")
            return

        note = services.get_note(self.app.engine, flag.note_id)

        def save(edit: NoteEdit | None) -> None:
            if edit is not None and edit.changes(note):
                self._do(services.update_note, flag.note_id, **edit.changes(note))

        self.app.push_screen(NoteEditDialog(note), save)

    def action_back(self) -> None:
        self.dismiss(None)
