"""Review: every note grouped by agenda item, then by kind; edit, delete and
undo, reorder within its group, filter by kind; on to the audit and export.

One DataTable for the whole meeting with group header rows between (never a
widget per note); rows stay one line, and the highlighted note is shown in
full underneath.

The table holds a window of the meeting's notes (NotesTable), opened at the
top; the headings and their counts come from one GROUP BY query, so that a
meeting of 50,000 notes opens as fast as one of fifty. The summary says which
notes the window holds when it does not hold them all."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Select, Static

from facilitator import services
from facilitator.models import AgendaItemPublic, NotePublic
from facilitator.services.notes import NoteList, count_note_groups, move_note_past
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
        #: The notes in the table's window, by id.
        self.notes: dict[str, NotePublic] = {}
        #: How many notes each group (item id, kind) shows, for its heading.
        self.groups: dict[tuple[str | None, str], int] = {}
        self.items: dict[str, AgendaItemPublic] = {}
        self.total = 0

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
        self._fresh = True
        self.query_one("#review", NotesTable).focus()

    #: Just loaded by on_mount: the screen's first resume, which follows at once, need not read it all again.
    _fresh = False

    def on_screen_resume(self) -> None:
        if self._fresh:
            self._fresh = False
            return
        self.load()

    def load(self, select: str | None = None) -> None:
        """Read the headings' counts and a window of notes: around `select`, else around the note the
        cursor is on, else at the top."""
        table = self.query_one("#review", NotesTable)
        current = select or self.selected_note_id() or (table.nearest_note() if table.more_before else None)
        engine = self.app.engine
        kind_filter = str(self.query_one("#kind-filter", Select).value)
        self.revised = services.notes_with_revisions(engine, self.meeting_id)
        self.items = {item.id: item for item in services.list_items(engine, self.meeting_id)}
        groups = count_note_groups(engine, self.meeting_id)
        self.total = sum(group.count for group in groups)
        shown = [group for group in groups if not kind_filter or group.kind == kind_filter]
        self.groups = {(group.item_id, group.kind): group.count for group in shown}
        fetch = NoteList(engine, self.meeting_id, kind=kind_filter or None, by_item=True, groups=shown)
        table.show_notes(fetch, self._rows, total=sum(self.groups.values()), select=current)
        self.show_summary()
        self.show_detail()

    def _rows(self, notes: list[NotePublic]) -> list[tuple[str, tuple]]:
        """The window's rows: each note under the heading of its item and of its kind, the headings
        repeated at the top of the window when it starts within a group."""
        self.notes = {note.id: note for note in notes}
        rows: list[tuple[str, tuple]] = []
        previous: tuple[str | None, str] | None = None
        for note in notes:
            item_id, kind = note.item_id if note.item_id in self.items else None, note.kind
            if previous is None or previous[0] != item_id:
                item = self.items.get(item_id or "")
                heading = f"{item.position}. {item.title}" if item else "Not on the agenda"
                rows.append((f"item:{item_id}", ("", "", "", Text(heading, style="bold"))))
            if previous != (item_id, kind):
                count = self.groups.get((item_id, kind), 0)
                rows.append((f"kind:{item_id}:{kind}",
                             ("", "", "", Text(f"  {KIND_HEADINGS.get(kind, kind)} ({count:,})", style="italic"))))
            previous = (item_id, kind)
            cells = note_cells(note)
            if note.id in self.revised:  # edited on two laptops: other versions kept (v)
                cells = (*cells[:3], Text("⟲ ") + cells[3])
            rows.append((note.id, cells))
        return rows

    def show_summary(self) -> None:
        table = self.query_one("#review", NotesTable)
        span = table.span
        window = f" (the list holds {span[0]:,}–{span[1]:,}; Home/End: first/last)" if span else ""
        conflicts = f" · {len(self.revised)} with other versions (⟲, v)" if self.revised else ""
        self.query_one("#review-summary", Static).update(
            f"{table.total:,} of {self.total:,} notes{window}{conflicts} · also: t texts for the export · "
            "l follow-up and links · p participants · F1 all keys")

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
        self.show_summary()
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
        """The note `offset` (-1 or 1) places away within the same item and kind, if any."""
        note = self.notes.get(note_id)
        other = self.query_one("#review", NotesTable).adjacent(note_id, offset) if note else None
        if other is None or (other.item_id, other.kind) != (note.item_id, note.kind):
            return None
        return other.id

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
        self.write(move_note_past, note_id, other, done=lambda _: self.reload_notes(select=note_id))

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
