"""Review: every note grouped by agenda item, then by kind; edit, delete and
undo, reorder within its group, filter by kind; on to the audit and export.

One DataTable for the whole meeting with group header rows between (never a
widget per note); rows stay one line, and the highlighted note is shown in
full underneath."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Select, Static

from facilitator import services
from facilitator.models import NotePublic
from facilitator.vocab import NOTE_KINDS, RULE_LABELS

from .exporting import ExportsMeeting
from .note_actions import EditsNotes
from .widgets.notes_table import KIND_HEADINGS, NotesTable, note_cells, note_text
from .worker_errors import ReportsWorkerErrors
from .writing import WritesToDatabase
from .widgets.key_footer import KeyFooter

MOVE = Binding.Group("Move", compact=True)


class ReviewScreen(ReportsWorkerErrors, WritesToDatabase, EditsNotes, ExportsMeeting, Screen):
    BINDINGS = [
        Binding("e", "edit", "Edit", id="review.edit"),
        Binding("delete", "delete", "Delete", id="review.delete"),
        Binding("ctrl+z", "undo", "Undo", tooltip="Bring back the note deleted last", id="review.undo"),
        Binding("shift+up", "move(-1)", "Move up", id="review.up", group=MOVE),
        Binding("shift+down", "move(1)", "Move down", id="review.down", group=MOVE),
        Binding("f", "filter", "Filter", tooltip="Show one kind of note only", id="review.filter"),
        Binding("a", "audit", "Audit", tooltip="Attribution audit: who is named where", id="review.audit"),
        Binding("x", "export", "Export", id="review.export"),
        Binding("v", "revisions", "Versions", tooltip="Other versions of a note edited on two laptops (⟲)",
                id="review.revisions"),
        Binding("l", "followup", "Follow-up", tooltip="Status history and links to earlier or later notes",
                show=False, id="review.followup"),
        Binding("t", "texts", "Texts", tooltip="Lead paragraph, disclaimer and outlook for the export",
                show=False, id="review.texts"),
        Binding("p", "participants", "Participants", show=False, id="review.participants"),
        Binding("g", "agenda", "Agenda", tooltip="Items, groups, themes and section headings", id="review.agenda"),
        Binding("escape", "back", "Back", id="review.back"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.revised: set[str] = set()
        self.notes: dict[str, NotePublic] = {}
        #: Each shown note's group: the notes of the same item and kind, in their order.
        self.groups: dict[str, list[str]] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Select([("All kinds", "")] + [(k.replace("-", " "), k) for k in NOTE_KINDS], value="",
                     allow_blank=False, id="kind-filter")
        yield Static("", id="review-summary")
        yield NotesTable(id="review", zebra_stripes=False)
        yield Static("", id="review-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        meeting = services.get_meeting(self.app.engine, self.meeting_id)
        self.title = f"Review — {meeting.title}"
        self.sub_title = RULE_LABELS[meeting.rule]
        self.load()
        self.query_one("#review", NotesTable).focus()

    def on_screen_resume(self) -> None:
        self.load()

    def load(self, select: str | None = None) -> None:
        table = self.query_one("#review", NotesTable)
        current = select or self.selected_note_id()
        table.clear()
        detail = services.get_detail(self.app.engine, self.meeting_id)
        kind_filter = str(self.query_one("#kind-filter", Select).value)
        self.revised = services.notes_with_revisions(self.app.engine, self.meeting_id)
        self.notes = {n.id: n for n in detail.notes if not kind_filter or n.kind == kind_filter}
        self.groups = {}
        sections = [(item.id, f"{item.position}. {item.title}") for item in detail.items] + [(None, "Not on the agenda")]
        for item_id, heading in sections:
            notes = [n for n in self.notes.values() if n.item_id == item_id]
            if not notes:
                continue
            table.add_fitted_row(("", "", "", Text(heading, style="bold")), f"item:{item_id}")
            for kind in NOTE_KINDS:
                group = [n.id for n in notes if n.kind == kind]
                if not group:
                    continue
                table.add_fitted_row(("", "", "", Text(f"  {KIND_HEADINGS[kind]} ({len(group)})", style="italic")),
                                   f"kind:{item_id}:{kind}")
                for note_id in group:
                    self.groups[note_id] = group
                    cells = note_cells(self.notes[note_id])
                    if note_id in self.revised:  # edited on two laptops: other versions kept (v)
                        cells = (*cells[:3], Text("⟲ ") + cells[3])
                    table.add_fitted_row(cells, note_id)
        conflicts = f" · {len(self.revised)} with other versions (⟲, v)" if self.revised else ""
        self.query_one("#review-summary", Static).update(
            f"{len(self.notes)} of {len(detail.notes)} notes{conflicts} · also: t texts for the export · "
            "l follow-up and links · p participants · F1 all keys")
        if current and current in table.rows:
            table.move_cursor(row=table.get_row_index(current), animate=False)
        self.show_detail()

    def reload_notes(self, select: str | None = None) -> None:
        self.load(select=select)
        self.refresh_footer()

    def show_detail(self) -> None:
        note = self.notes.get(self.selected_note_id() or "")
        detail = Text()
        if note is not None:
            detail = note_text(note)
            facts = [f"→ {note.addressee}" if note.addressee else "", "key point" if note.key else "",
                     f"status: {note.status}" if note.status else "", f"group {note.group}" if note.group else ""]
            if any(facts):
                detail.append("\n" + " · ".join(f for f in facts if f), style="dim")
        self.query_one("#review-detail", Static).update(detail)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()
        self.refresh_footer()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    def on_select_changed(self) -> None:
        self.load()

    def action_filter(self) -> None:
        self.query_one("#kind-filter", Select).focus()

    def selected_note_id(self) -> str | None:
        key = self.query_one("#review", NotesTable).cursor_key
        return key if key in self.notes else None

    def neighbour(self, note_id: str, offset: int) -> str | None:
        """The note `offset` places away within the same item and kind, if any."""
        group = self.groups.get(note_id, [])
        index = group.index(note_id) + offset if note_id in group else -1
        return group[index] if 0 <= index < len(group) else None

    def footer_state(self) -> tuple:
        note_id = self.selected_note_id()
        moves = tuple(bool(note_id and self.neighbour(note_id, step)) for step in (-1, 1))
        return *super().footer_state(), *moves, note_id in self.revised

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        note_id = self.selected_note_id()
        if action in ("edit", "delete", "followup"):
            return True if note_id else None
        if action == "move":
            return True if note_id and self.neighbour(note_id, parameters[0]) else None
        if action == "revisions":
            return note_id in self.revised
        if action == "undo":
            return True if self._last_deleted else None
        return True

    def action_move(self, offset: int) -> None:
        """Move the note past its neighbour of the same kind (notes of other kinds sit between in the item)."""
        note_id = self.selected_note_id()
        other = self.neighbour(note_id, offset) if note_id else None
        if other is None:
            return
        siblings = [n.id for n in services.list_notes(self.app.engine, self.meeting_id, self.notes[note_id].item_id)]
        self.write(services.move_note, note_id, siblings.index(other) - siblings.index(note_id),
                   done=lambda _: self.reload_notes(select=note_id))

    def action_revisions(self) -> None:
        from .dialogs.revisions import RevisionsDialog

        note_id = self.selected_note_id()
        revisions = services.list_revisions(self.app.engine, note_id) if note_id else []
        if not revisions:
            self.notify("This note has no other versions.")
            return

        def restore(revision) -> None:
            if revision is not None:
                self.update_note(note_id, {"text": revision.text, "headline": revision.headline,
                                           "kind": revision.kind, "addressee": revision.addressee})

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
                if "guests of honour" in changes:
                    changes["guests"] = services.with_people(meeting.guests, {"guest": changes.pop("guests of honour")})
                self.write(services.update_meeting, self.meeting_id, **changes,
                           done=lambda _: self.notify("Texts saved with the meeting."))

        self.app.push_screen(MeetingTextsDialog(current, drafted_texts(self.app.engine, self.meeting_id),
                                                meeting.byline, organisers=meeting.organisers,
                                                guests=services.people_of(meeting.guests, "guest")), save)

    def action_participants(self) -> None:
        from .participants import ParticipantsScreen

        self.app.push_screen(ParticipantsScreen(self.meeting_id))

    def action_agenda(self) -> None:
        from .agenda_editor import AgendaEditorScreen

        self.app.push_screen(AgendaEditorScreen(self.meeting_id))

    def action_audit(self) -> None:
        from .audit import AuditScreen

        self.app.push_screen(AuditScreen(self.meeting_id))

    def action_back(self) -> None:
        self.dismiss(None)
