"""Review: every note grouped by agenda item and kind; edit, delete and undo,
reorder within an item, filter by kind; on to the audit and the export.

One DataTable for the whole meeting (group header rows between), never a
widget per note."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Select, Static

from facilitator import services
from facilitator.errors import FacilitatorError
from facilitator.vocab import NOTE_KINDS, RULE_LABELS

from .capture import note_cells
from .exporting import ExportsMeeting
from .note_actions import EditsNotes


class ReviewScreen(EditsNotes, ExportsMeeting, Screen):
    BINDINGS = [
        Binding("e", "edit", "Edit", id="review.edit"),
        Binding("delete", "delete", "Delete", id="review.delete"),
        Binding("ctrl+z", "undo", "Undo delete", id="review.undo"),
        Binding("shift+up", "move(-1)", "Move up", id="review.up"),
        Binding("shift+down", "move(1)", "Move down", id="review.down"),
        Binding("f", "filter", "Filter", id="review.filter"),
        Binding("a", "audit", "Audit", id="review.audit"),
        Binding("v", "revisions", "Versions", id="review.revisions"),
        Binding("l", "followup", "Follow-up", id="review.followup"),
        Binding("t", "texts", "Texts", id="review.texts"),
        Binding("p", "participants", "Participants", id="review.participants"),
        Binding("x", "export", "Export", id="review.export"),
        Binding("escape", "back", "Back", id="review.back"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.revised: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Select([("All kinds", "")] + [(k.replace("-", " "), k) for k in NOTE_KINDS], value="",
                     allow_blank=False, id="kind-filter")
        yield Static("", id="review-summary")
        yield DataTable(id="review", cursor_type="row", zebra_stripes=False)
        yield Footer()

    def on_mount(self) -> None:
        meeting = services.get_meeting(self.app.engine, self.meeting_id)
        self.title = f"Review — {meeting.title}"
        self.sub_title = RULE_LABELS[meeting.rule]
        table = self.query_one("#review", DataTable)
        table.add_column("Kind", width=6, key="kind")
        table.add_column("★", width=2, key="key")
        table.add_column("To", width=14, key="to")
        table.add_column("Note", key="text")
        self.load()
        table.focus()

    def on_screen_resume(self) -> None:
        self.load()

    def load(self, select: str | None = None) -> None:
        table = self.query_one("#review", DataTable)
        current = select or self.selected_note_id()
        table.clear()
        detail = services.get_detail(self.app.engine, self.meeting_id)
        kind_filter = str(self.query_one("#kind-filter", Select).value)
        self.revised = services.notes_with_revisions(self.app.engine, self.meeting_id)
        shown = 0
        for item in detail.items:
            notes = [n for n in detail.notes if n.item_id == item.id and (not kind_filter or n.kind == kind_filter)]
            if not notes:
                continue
            table.add_row("", "", "", Text(f"{item.position}. {item.title}", style="bold"), key=f"item:{item.id}")
            for kind in NOTE_KINDS:
                for note in (n for n in notes if n.kind == kind):
                    kind_cell, key_cell, to, text = note_cells(note)
                    if note.id in self.revised:
                        text = Text("⟲ ") + text  # edited on two laptops: other versions kept (v)
                    table.add_row(kind_cell, key_cell, to, text, key=note.id)
                    shown += 1
        conflicts = f" · {len(self.revised)} with other versions (⟲, v)" if self.revised else ""
        self.query_one("#review-summary", Static).update(
            f"{shown} of {len(detail.notes)} notes{conflicts} · e edit · shift+↑/↓ reorder · t texts · a audit · "
            "x export")
        if current and current in table.rows:
            table.move_cursor(row=table.get_row_index(current))

    def reload_notes(self, select: str | None = None) -> None:
        self.load(select=select)

    def on_select_changed(self) -> None:
        self.load()

    def action_filter(self) -> None:
        self.query_one("#kind-filter", Select).focus()

    def selected_note_id(self) -> str | None:
        table = self.query_one("#review", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return None if key.startswith("item:") else key

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("edit", "delete", "move", "followup", "revisions"):
            return True if self.selected_note_id() else None
        if action == "undo":
            return True if self._last_deleted else None
        return True

    def action_move(self, offset: int) -> None:
        note_id = self.selected_note_id()
        if note_id:
            services.move_note(self.app.engine, note_id, offset)
            self.load(select=note_id)

    def action_revisions(self) -> None:
        from .dialogs.revisions import RevisionsDialog

        note_id = self.selected_note_id()
        revisions = services.list_revisions(self.app.engine, note_id) if note_id else []
        if not revisions:
            self.notify("This note has no other versions.")
            return

        def restore(revision) -> None:
            if revision is not None:
                services.update_note(self.app.engine, note_id, text=revision.text, headline=revision.headline,
                                     kind=revision.kind, addressee=revision.addressee)
                self.load(select=note_id)

        self.app.push_screen(RevisionsDialog(services.get_note(self.app.engine, note_id), revisions), restore)

    def action_followup(self) -> None:
        from facilitator.services import followup

        from .dialogs.followup import FollowupDialog

        note_id = self.selected_note_id()
        if note_id is None:
            return
        earlier, later = followup.links_of(self.app.engine, note_id)
        self.app.push_screen(FollowupDialog(services.get_note(self.app.engine, note_id),
                                            followup.history(self.app.engine, note_id), earlier, later))

    def action_texts(self) -> None:
        from facilitator.services.exporting import drafted_texts

        from .dialogs.meeting_texts import MeetingTextsDialog

        meeting = services.get_meeting(self.app.engine, self.meeting_id)
        current = {"lead": meeting.lead, "disclaimer": meeting.disclaimer, "outlook": meeting.outlook}

        def save(changes: dict | None) -> None:
            if changes:
                try:
                    services.update_meeting(self.app.engine, self.meeting_id, **changes)
                except FacilitatorError as exc:
                    self.app.report(exc)
                    return
                self.notify("Texts saved with the meeting.")

        self.app.push_screen(MeetingTextsDialog(current, drafted_texts(self.app.engine, self.meeting_id),
                                                meeting.byline), save)

    def action_participants(self) -> None:
        from .participants import ParticipantsScreen

        self.app.push_screen(ParticipantsScreen(self.meeting_id))

    def action_audit(self) -> None:
        from .audit import AuditScreen

        self.app.push_screen(AuditScreen(self.meeting_id))

    def action_back(self) -> None:
        self.dismiss(None)
