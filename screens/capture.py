"""Live capture: the agenda and its clock on the side, the current item's
notes, and the capture line at the bottom.

Pressing Enter never waits on disk: the line is parsed (pure), shown at once
as "saving…", and written by a thread worker, in the order typed; the worker
posts NoteSaved or NoteNotSaved. The unsent line is saved as a draft at most
about once a second, so a laptop dying mid-sentence loses at most a second.
"""

from __future__ import annotations

import itertools
import threading

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, OptionList, Static

from facilitator import services
from facilitator.capture import parse_capture
from facilitator.clock import schedule
from facilitator.errors import FacilitatorError
from facilitator.models import AgendaItemPublic
from facilitator.services import backups
from facilitator.vocab import PROTECTED_RULES, RULE_LABELS

from .chairing import ChairsMeeting
from .dialogs.confirm import ConfirmDialog
from .exporting import ExportsMeeting
from .literal import literal
from .messages import ActionFailed, NoteNotSaved, NoteSaved
from .note_actions import EditsNotes
from .widgets.agenda import AgendaList
from .widgets.capture_line import CaptureLine
from .widgets.item_header import ItemHeader
from .widgets.notes_table import NotesTable, note_cells
from .widgets.schedule_line import ScheduleLine
from .widgets.speaker_bar import SpeakerBar
from .worker_errors import ReportsWorkerErrors

ITEM = Binding.Group("Item", compact=True)
PLACEHOLDER = "Type a note, Enter saves · rec: ch: bp: q: a: · >UN · ! key · +theme · F1 grammar"
#: How long a capture waits for the line typed before it to be written (then it goes ahead anyway).
WRITE_ORDER_TIMEOUT = 10.0


class CaptureScreen(ReportsWorkerErrors, ChairsMeeting, EditsNotes, ExportsMeeting, Screen):
    # Keys that do not clash with typing: ctrl/function keys, or plain keys only while the notes list has focus.
    BINDINGS = [
        Binding("ctrl+down,pagedown", "move_item(1)", "Next item", id="capture.next", group=ITEM),
        Binding("ctrl+up,pageup", "move_item(-1)", "Previous item", id="capture.prev", group=ITEM),
        Binding("ctrl+t", "toggle_clock", "Clock", tooltip="Start, pause or resume this item's clock",
                id="capture.clock"),
        Binding("ctrl+r", "review", "Review", id="capture.review"),
        Binding("ctrl+o", "export", "Export", id="capture.export"),
        Binding("e", "edit", "Edit", id="capture.edit"),
        Binding("delete", "delete", "Delete", id="capture.delete"),
        Binding("ctrl+z", "undo", "Undo", tooltip="Bring back the note deleted last", id="capture.undo"),
        Binding("ctrl+n", "next_speaker", "Speaker", tooltip="Give the floor to the next speaker on the list",
                id="capture.next_speaker"),
        Binding("ctrl+l", "speakers", "Speakers", tooltip="The speakers list", id="capture.speakers"),
        Binding("ctrl+g", "next_group", "Group", tooltip="Notes go to the next breakout group", id="capture.group"),
        Binding("f6", "give_time", "Give time", tooltip="Give the rest of this item's time to the next item",
                id="capture.give_time"),
        # ctrl+y, not ctrl+k: the capture line keeps its own editing keys (ctrl+k, ctrl+e, ctrl+a ...).
        Binding("ctrl+y", "phrase", "Phrase", tooltip="Insert a stock phrase into the capture line", show=False,
                id="capture.phrase"),
        Binding("escape", "back", "Back", id="capture.back"),
    ] + [Binding(str(n), f"tag_theme({n})", show=False, id=f"capture.theme{n}") for n in range(1, 10)]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.items: list[AgendaItemPublic] = []
        self.current: AgendaItemPublic | None = None
        #: The breakout group notes go to while the current item is a breakout ("" outside).
        self.group = ""
        self._row_note: dict[str, str] = {}  # table row key -> note id (pending rows until saved)
        self._pending = itertools.count(1)
        self._write_seq = itertools.count(1)
        self._last_capture_seq = 0
        self._write_lock = threading.Lock()
        self._write_turn = threading.Condition(self._write_lock)
        self._tickets = itertools.count(1)
        self._written_upto = 0
        self._draft_dirty = False
        self._bell_rung_for: str | None = None

    # --- layout and loading ------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="capture-body"):
            with Vertical(id="agenda-pane"):
                yield AgendaList(id="agenda")
                yield ScheduleLine(id="schedule")
            with Vertical(id="notes-pane"):
                yield ItemHeader(id="item-header")
                yield SpeakerBar(id="speaker-bar")
                yield NotesTable(wrap=True, id="notes")
                yield Static("", id="capture-hint")
                yield CaptureLine(placeholder=PLACEHOLDER, id="capture")
        yield Footer()

    def on_mount(self) -> None:
        self.meeting = services.get_meeting(self.app.engine, self.meeting_id)
        self.title = self.meeting.title
        self.sub_title = f"{self.meeting.date} · {self.meeting.place or 'no place set'} · {RULE_LABELS[self.meeting.rule]}"
        self.add_class(f"-{self.meeting.rule}")
        self.items = services.list_items(self.app.engine, self.meeting_id)
        self.current = services.current_item(self.app.engine, self.meeting_id)
        self.group = self.current.groups[0] if self.current and self.current.groups else ""
        self.load_speakers()
        self.load_notes()
        capture = self.query_one("#capture", Input)
        draft = services.get_draft(self.app.engine, self.meeting_id)
        if draft is not None and draft.text:
            capture.value = draft.text
            self.notify("Restored the line you had not sent.", title="Draft restored")
        capture.focus()
        self.tick()
        self.set_interval(1.0, self.tick)
        self.set_interval(1.0, self.flush_draft)
        self._backup("session-start")

    def on_screen_resume(self) -> None:
        if self.items:  # back from review, speakers ...: notes or items may have changed there
            self.reload_items()
            self.load_notes()

    def reload_items(self) -> None:
        self.items = services.list_items(self.app.engine, self.meeting_id)
        if self.current is not None:
            self.current = next((i for i in self.items if i.id == self.current.id), self.current)
        self.tick()
        self.refresh_footer()

    def reload_notes(self, select: str | None = None) -> None:
        self.load_notes(select)
        self.refresh_footer()

    def load_notes(self, select: str | None = None) -> None:
        table = self.query_one("#notes", NotesTable)
        table.clear()
        self._row_note.clear()
        if self.current is None:
            return
        for note in services.list_notes(self.app.engine, self.meeting_id, self.current.id):
            table.add_fitted_row(note_cells(note), note.id)
            self._row_note[note.id] = note.id
        if table.row_count:
            table.move_cursor(row=table.get_row_index(select) if select in table.rows else table.row_count - 1)

    def rule_of(self, item: AgendaItemPublic | None) -> str:
        return (item.rule if item and item.rule else None) or self.meeting.rule

    def tick(self) -> None:
        """Redraw everything that depends on the clock; runs every second."""
        now = self.app.clock()
        self.query_one(AgendaList).show(self.items, self.current.id if self.current else None, now)
        rule = self.rule_of(self.current)
        self.query_one(ItemHeader).show(self.current, rule, now, self.group)
        self.set_class(rule in PROTECTED_RULES, "-protected-item")
        self.query_one(ScheduleLine).show(schedule(self.meeting, self.items, now))
        remaining = self.query_one(SpeakerBar).show(self._speaker, self.meeting.speaker_limit, now)
        if remaining is not None and remaining <= 0 and self.meeting.bell and self._bell_rung_for != self._speaker.id:
            self._bell_rung_for = self._speaker.id
            self.app.bell()

    # --- capturing --------------------------------------------------------------

    @property
    def unsent_text(self) -> str:
        return self.query_one("#capture", Input).value.strip()

    @property
    def default_kind(self) -> str:
        return self.current.default_kind if self.current else "reflection"

    def on_input_changed(self, event: Input.Changed) -> None:
        """Mark the draft for saving, and preview how the line will be read."""
        if event.input.id != "capture":
            return
        self._draft_dirty = True
        hint = self.query_one("#capture-hint", Static)
        if not event.value.strip():
            hint.update("")
            return
        try:
            parsed = parse_capture(event.value, default_kind=self.default_kind)
        except FacilitatorError as exc:
            hint.update(literal(str(exc), style="red"))
            return
        bits = [parsed.kind]
        if parsed.addressee:
            bits.append(f"→ {parsed.addressee}")
        if parsed.key:
            bits.append("key")
        if parsed.themes:
            bits.append("themes: " + ", ".join(parsed.themes))
        if parsed.speaker:
            bits.append(f"speaker: {parsed.speaker}")
        hint.update(literal(" · ".join(bits)))

    def on_capture_line_sent(self, event: CaptureLine.Sent) -> None:
        line = event.value
        if not line.strip():
            return
        try:
            parsed = parse_capture(line, default_kind=self.default_kind)
        except FacilitatorError as exc:
            event.capture_line.restore(line)
            self.app.report(exc)
            return
        rule = self.rule_of(self.current)
        if parsed.speaker and rule in PROTECTED_RULES:
            event.capture_line.restore(line)
            self.app.report(f"This item is held under the {RULE_LABELS[rule]}: speakers are not recorded.",
                            title="Not saved")
            return
        pending = f"pending-{next(self._pending)}"
        table = self.query_one("#notes", NotesTable)
        table.add_fitted_row(note_cells(kind=parsed.kind, key=parsed.key, addressee=parsed.addressee,
                                      text=parsed.text, headline=parsed.headline, saving=True), pending)
        table.move_cursor(row=table.row_count - 1, animate=False)
        self._draft_dirty = bool(event.capture_line.value)
        self._last_capture_seq = next(self._write_seq)
        self.save_line(line, pending, next(self._tickets), self.current.id if self.current else None,
                       self.default_kind, self._speaker.id if self._speaker else None, self.group)

    @work(thread=True, exit_on_error=False, group="capture")
    def save_line(self, line: str, pending: str, ticket: int, item_id: str | None, default_kind: str,
                  intervention_id: str | None, group: str) -> None:
        """Write one line, after every line typed before it (each Enter has its ticket)."""
        with self._write_turn:
            self._write_turn.wait_for(lambda: self._written_upto >= ticket - 1, timeout=WRITE_ORDER_TIMEOUT)
            try:
                note = services.capture_note(self.app.engine, self.meeting_id, item_id, line,
                                             default_kind=default_kind, intervention_id=intervention_id,
                                             group=group)
            except FacilitatorError as exc:
                self.post_message(NoteNotSaved(line, pending, str(exc)))
                return
            except Exception as exc:  # noqa: BLE001 - whatever went wrong, the typed line must come back
                self.post_message(NoteNotSaved(line, pending, f"The note could not be saved ({exc})."))
                return
            finally:
                self._written_upto = max(self._written_upto, ticket)
                self._write_turn.notify_all()
        self.post_message(NoteSaved(note, pending))

    def on_note_saved(self, message: NoteSaved) -> None:
        table = self.query_one("#notes", NotesTable)
        self._row_note[message.pending_key] = message.note.id
        if message.pending_key in table.rows:
            table.replace_row(message.pending_key, note_cells(message.note))
        self.refresh_footer()

    def on_note_not_saved(self, message: NoteNotSaved) -> None:
        table = self.query_one("#notes", NotesTable)
        if message.pending_key in table.rows:
            table.remove_row(message.pending_key)
        # Nothing typed is lost: the line goes back into the capture line (before what is there now).
        self.query_one("#capture", CaptureLine).restore(message.line)
        self._draft_dirty = True
        self.app.notify(f"{message.error} The line is back in the capture line.", title="Not saved",
                        severity="error", timeout=10, markup=False)

    def flush_draft(self) -> None:
        """Runs every second: save the capture line if it changed since the last save."""
        if self._draft_dirty:
            self._draft_dirty = False
            self.save_draft(self.query_one("#capture", Input).value, next(self._write_seq))

    @work(thread=True, exit_on_error=False, group="draft")
    def save_draft(self, text: str, seq: int) -> None:
        with self._write_lock:
            if seq < self._last_capture_seq:
                return  # a note was captured after this draft was typed; the draft is stale
            try:
                services.save_draft(self.app.engine, self.meeting_id, self.current.id if self.current else None,
                                    text)
            except FacilitatorError as exc:
                self.post_message(ActionFailed("Draft not saved", str(exc)))

    # --- moving through the agenda ----------------------------------------------

    def item_index(self) -> int | None:
        ids = [i.id for i in self.items]
        return ids.index(self.current.id) if self.current and self.current.id in ids else None

    def action_move_item(self, step: int) -> None:
        index = self.item_index()
        if index is not None and 0 <= index + step < len(self.items):
            self.go_to(self.items[index + step].id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.go_to(event.option.id)
            self.query_one("#capture", Input).focus()

    def go_to(self, item_id: str) -> None:
        try:
            with self._write_lock:
                self.current = services.set_current_item(self.app.engine, self.meeting_id, item_id)
        except FacilitatorError as exc:
            self.app.report(exc)
            return
        self.group = self.current.groups[0] if self.current.groups else ""
        self.reload_items()
        self.load_notes()

    # --- the notes list -----------------------------------------------------------

    def selected_note_id(self) -> str | None:
        key = self.query_one("#notes", NotesTable).cursor_key
        note_id = self._row_note.get(key) if key else None
        return None if note_id is None or note_id.startswith("pending-") else note_id

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.refresh_footer()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    def footer_state(self) -> tuple:
        current = self.current
        return (*super().footer_state(), isinstance(self.focused, NotesTable), self.item_index(), self._has_speakers,
                bool(current and current.groups), bool(current and current.started_at and not current.ended_at))

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Hide what cannot apply here; dim what would do nothing just now."""
        if action in ("edit", "delete", "tag_theme"):
            if not isinstance(self.focused, NotesTable):
                return False  # the capture line has focus: these keys are typing
            return True if self.selected_note_id() else None
        if action == "move_item":
            index = self.item_index()
            return None if index is None or not 0 <= index + parameters[0] < len(self.items) else True
        if action == "undo":
            return True if self._last_deleted else None
        if action == "next_speaker":
            return self._has_speakers
        if action == "next_group":
            return bool(self.current and self.current.groups)
        if action == "give_time":
            return bool(self.current and self.current.started_at and not self.current.ended_at)
        return True

    def action_tag_theme(self, number: int) -> None:
        note_id = self.selected_note_id()
        themes = self.meeting.themes = services.get_meeting(self.app.engine, self.meeting_id).themes
        if note_id is None or number > len(themes):
            self.notify(f"No theme {number}: set the meeting's themes with `facilitator edit --theme`.",
                        markup=False)
            return
        note = services.get_note(self.app.engine, note_id)
        theme = themes[number - 1]
        new = [t for t in note.themes if t != theme] if theme in note.themes else [*note.themes, theme]
        self.update_note(note_id, {"themes": new})

    def action_phrase(self) -> None:
        from .dialogs.phrase import PhraseDialog

        def insert(phrase: str | None) -> None:
            if phrase:
                capture = self.query_one("#capture", Input)
                capture.insert_text_at_cursor(phrase + " ")
                capture.focus()

        self.app.push_screen(PhraseDialog(services.list_phrases(self.app.engine)), insert)

    # --- leaving ------------------------------------------------------------------

    def action_review(self) -> None:
        from .review import ReviewScreen

        self.app.push_screen(ReviewScreen(self.meeting_id))

    def action_back(self) -> None:
        if not self.unsent_text:
            self._leave()
            return

        def answer(leave: bool | None) -> None:
            if leave:
                self.keep_draft_now()
                self._leave()

        self.app.push_screen(ConfirmDialog("The capture line holds text you have not sent. Leave anyway? "
                                           "It will be kept as a draft.", yes="Leave"), answer)

    def keep_draft_now(self) -> None:
        """Save the unsent line synchronously: used on the way out, when no worker may outlive the screen."""
        try:
            services.save_draft(self.app.engine, self.meeting_id, self.current.id if self.current else None,
                                self.query_one("#capture", Input).value)
        except FacilitatorError as exc:
            self.app.report(exc)

    def _leave(self) -> None:
        self._backup("session-end")
        self.app.pop_screen()

    @work(thread=True, exit_on_error=False, group="backup")
    def _backup(self, reason: str) -> None:
        try:
            backups.backup_database(self.app.engine, reason=reason)
        except FacilitatorError:
            pass  # an in-memory database or a read-only folder: capture goes on, the backup is skipped
