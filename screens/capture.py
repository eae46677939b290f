"""Live capture: the agenda and its clock on the side, the current item's
notes, and the capture line at the bottom.

Pressing Enter never waits on disk: the line is parsed (pure), shown at once
as "saving…", and handed to the application's single writer, which commits
the note and the clearing of the draft in one transaction, in the order
typed. Only then does the row lose its "saving…" mark. A line that could not
be saved stays on screen as a "not saved" row and is tried again (ctrl+s, and
by itself every few seconds); it is never merged into other text. The unsent
line is saved as a draft about once a second, through the same writer, so a
laptop dying mid-sentence loses at most a second of typing.

The notes list holds a window of the item's notes (NotesTable), opened at
the item's newest notes, where the note-taker works: an item of 50,000 notes
opens as fast as one of fifty. Lines being saved follow the last note; a line
sent while the window is further up brings the window back to the end.
"""

from __future__ import annotations

import itertools
from concurrent.futures import Future
from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, OptionList, TextArea

from facilitator import services
from facilitator.capture import Capture, parse_capture
from facilitator.clock import schedule
from facilitator.errors import FacilitatorError
from facilitator.models import AgendaItemPublic, NotePublic
from facilitator.policy import check_speaker, is_protected, rule_of
from facilitator.services import backups
from facilitator.services.notes import NoteList, count_notes, resolve_themes
from facilitator.vocab import RULE_LABELS

from .chairing import ChairsMeeting
from .dialogs.confirm import ConfirmDialog
from .exporting import ExportsMeeting
from .literal import literal
from .note_actions import EditsNotes
from .widgets.agenda import AgendaList
from .widgets.capture_line import CaptureLine
from .widgets.item_header import ItemHeader
from .widgets.key_footer import KeyFooter
from .widgets.notes_table import NotesTable, note_cells
from .widgets.schedule_line import ScheduleLine
from .widgets.speaker_bar import SpeakerBar
from .widgets.steady_static import SteadyStatic
from .worker_errors import ReportsWorkerErrors
from .writing import WritesToDatabase

ITEM = Binding.Group("Item", compact=True)
PLACEHOLDER = "Type a note, Enter saves · rec: ch: bp: q: a: · >UN · ! key · +theme · F1 grammar"
#: Lines that could not be saved are tried again by themselves every this many clock ticks (seconds).
RETRY_EVERY = 5


@dataclass
class Line:
    """A line sent from the capture line, kept until the writer has committed it."""

    text: str
    capture: Capture
    item_id: str | None
    intervention_id: str | None
    group: str
    error: str = ""  # why the last attempt failed; "" while saving
    future: Future | None = None  # the writer's answer to the last attempt


class CaptureScreen(ReportsWorkerErrors, WritesToDatabase, ChairsMeeting, EditsNotes, ExportsMeeting, Screen):
    # Keys that do not clash with typing: ctrl/function keys, or plain keys only while the notes list has focus.
    BINDINGS = [  # in the order the footer keeps them when the terminal is narrow
        Binding("ctrl+s", "retry_unsaved", "Retry", tooltip="Try again to save the lines marked not saved",
                id="capture.retry"),
        Binding("ctrl+down,pagedown", "move_item(1)", "Next item", id="capture.next", group=ITEM),
        Binding("ctrl+up,pageup", "move_item(-1)", "Previous item", id="capture.prev", group=ITEM),
        Binding("ctrl+t", "toggle_clock", "Clock", tooltip="Start, pause or resume this item's clock",
                id="capture.clock"),
        Binding("ctrl+n", "next_speaker", "Next", tooltip="Give the floor to the next speaker on the list",
                id="capture.next_speaker"),
        Binding("ctrl+l", "speakers", "Speakers", tooltip="The speakers list", id="capture.speakers"),
        Binding("ctrl+r", "review", "Review", id="capture.review"),
        Binding("ctrl+o", "export", "Export", id="capture.export"),
        Binding("f6", "give_time", "Give time", tooltip="Give the rest of this item's time to the next item",
                id="capture.give_time"),
        Binding("ctrl+g", "next_group", "Group", tooltip="Notes go to the next breakout group", id="capture.group"),
        Binding("e", "edit", "Edit", id="capture.edit"),
        Binding("delete", "delete", "Delete", id="capture.delete"),
        Binding("ctrl+z", "undo", "Undo", tooltip="Bring back the note deleted last", id="capture.undo"),
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
        self._row_note: dict[str, str] = {}  # table row key -> note id, for saved notes
        #: Lines sent but not yet committed, by their table row key, in the order typed.
        self._lines: dict[str, Line] = {}
        self._pending = itertools.count(1)
        self._ticks = 0
        self._draft_dirty = False

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
                # wrapped rows cost more to lay out: a smaller window, still several screens of notes
                yield NotesTable(wrap=True, id="notes", window=120)
                yield SteadyStatic(id="capture-hint")
                yield CaptureLine(parse=self.parse_line, placeholder=PLACEHOLDER, id="capture")
        yield KeyFooter()

    def on_mount(self) -> None:
        try:
            self._load()
        except FacilitatorError as exc:  # a damaged or vanished database: say so and go back
            self.app.report(exc)
            self.app.call_later(self.app.pop_screen)

    def _load(self) -> None:
        self.meeting = services.get_meeting(self.app.engine, self.meeting_id)
        self.title = self.meeting.title
        self.sub_title = f"{self.meeting.date} · {self.meeting.place or 'no place set'} · {RULE_LABELS[self.meeting.rule]}"
        self.add_class(f"-{self.meeting.rule}")
        self.items = services.list_items(self.app.engine, self.meeting_id)
        self.current = services.current_item(self.app.engine, self.meeting_id)
        self.group = self.current.groups[0] if self.current and self.current.groups else ""
        self.load_speakers()
        self.load_notes()
        self._fresh = True
        capture = self.query_one("#capture", CaptureLine)
        draft = services.get_draft(self.app.engine, self.meeting_id)
        if draft is not None and draft.text:
            capture.show_draft(draft.text)
            self.notify("Restored the line you had not sent.", title="Draft restored")
        capture.focus()
        self.tick()
        self.set_interval(1.0, self.tick)
        self.set_interval(1.0, self.flush_draft)
        self._backup("session-start")
        self.app.backup_at_exit = True  # if the app is quit from here, it backs up on the way out

    #: Just loaded by on_mount: the screen's first resume, which follows at once, need not read it all again.
    _fresh = False

    def on_screen_resume(self) -> None:
        if self._fresh:
            self._fresh = False
            return
        if self.items:  # back from review, speakers ...: notes or items may have changed there
            try:
                self.reload_items()
                self.load_notes(select=self._place())
            except FacilitatorError as exc:
                self.app.report(exc)

    def _place(self) -> str | None:
        """The note to read the list around when coming back: none at the end of the item's notes (the
        end again, as ever), else the cursor's note while it is still of the current item."""
        table = self.query_one("#notes", NotesTable)
        anchor = table.nearest_note() if table.more_after else None
        note = next((n for n in table.notes if n.id == anchor), None)
        return anchor if note is not None and self.current is not None and note.item_id == self.current.id else None

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
        """Show the current item's notes: a window at their end, or around the note `select`."""
        table = self.query_one("#notes", NotesTable)
        self._row_note.clear()
        if self.current is None:
            table.show_nothing()
            self.show_window_hint()
            return
        engine, item_id = self.app.engine, self.current.id
        table.show_notes(NoteList(engine, self.meeting_id, item_id), self._note_rows,
                         total=count_notes(engine, self.meeting_id, item_id), select=select, tail=True,
                         extra=self._pending_rows)
        self.show_window_hint()

    def _note_rows(self, notes: list[NotePublic]) -> list[tuple[str, tuple]]:
        """The window's rows (NotesTable calls this each time it reads the window)."""
        self._row_note = {note.id: note.id for note in notes}
        return [(note.id, note_cells(note)) for note in notes]

    def _pending_rows(self) -> list[tuple[str, tuple]]:
        """Lines sent under this item and not yet committed, after its last note."""
        return [(key, self._line_cells(line)) for key, line in self._lines.items()
                if self.current is not None and line.item_id == self.current.id]

    def show_window_hint(self) -> None:
        """Under the notes, while the capture line is empty: which of the item's notes the list holds,
        when it does not hold them all."""
        if self.query_one("#capture", CaptureLine).value or self._hint_busy:
            return
        span = self.query_one("#notes", NotesTable).span
        total = self.query_one("#notes", NotesTable).total
        self.query_one("#capture-hint", SteadyStatic).update(
            literal(f"notes {span[0]:,}–{span[1]:,} of {total:,} · Home/End: first/last") if span else "")

    #: The hint shows a message (a refused or unsaved line) that the window's span must not overwrite.
    _hint_busy = False

    def rule_of(self, item: AgendaItemPublic | None) -> str:
        return rule_of(self.meeting, item)

    def tick(self) -> None:
        """Redraw everything that depends on the clock; runs every second."""
        now = self.app.clock()
        self.query_one(AgendaList).show(self.items, self.current.id if self.current else None, now)
        rule = self.rule_of(self.current)
        self.query_one(ItemHeader).show(self.current, rule, now, self.group)
        self.set_class(is_protected(rule), "-protected-item")
        self.query_one(ScheduleLine).show(schedule(self.meeting, self.items, now))
        self.show_speaker(now)

    # --- capturing --------------------------------------------------------------

    @property
    def unsent_text(self) -> str:
        """What leaving now would not save for sure: the capture line, and lines whose save failed.
        (Lines still being saved are not in it: the writer commits them whether the screen is open or not.)"""
        unsaved = [line.text for line in self._lines.values() if line.error]
        return "\n".join([*unsaved, self.query_one("#capture", CaptureLine).value.strip()]).strip()

    @property
    def default_kind(self) -> str:
        return self.current.default_kind if self.current else "reflection"

    def parse_line(self, line: str) -> Capture:
        """Read a line as the capture grammar, and refuse what this item cannot take (pure: no database)."""
        parsed = parse_capture(line, default_kind=self.default_kind, themes=self.meeting.themes)
        if parsed.speaker:
            check_speaker(self.rule_of(self.current))
        resolve_themes(parsed.themes, self.meeting.themes)
        return parsed

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Mark the draft for saving, and preview how the line will be read."""
        if event.text_area.id != "capture":
            return
        self._draft_dirty = True
        self._hint_busy = False
        self.query_one("#capture-hint", SteadyStatic).update(self.preview(event.text_area.text))
        if not event.text_area.text.strip():
            self.show_window_hint()

    def preview(self, line: str):
        """What Enter would save, in words: kind, addressee, key, the themes it will be tagged with."""
        if not line.strip():
            return ""
        try:
            parsed = self.parse_line(line)
        except FacilitatorError as exc:
            return literal(str(exc), style="red")
        bits = [parsed.kind]
        if parsed.headline:
            bits.append("headline ::")
        if parsed.addressee:
            bits.append(f"→ {parsed.addressee}")
        if parsed.key:
            bits.append("key")
        if parsed.themes:
            known = {t.casefold() for t in self.meeting.themes}
            themes = resolve_themes(parsed.themes, self.meeting.themes)
            bits.append("themes: " + ", ".join(t if t.casefold() in known else f"{t} (new)" for t in themes))
        untagged = [word for word in parsed.text.split() if word.startswith("+") and word[1:].isdigit()]
        if untagged:
            bits.append(f"{', '.join(untagged)}: text, not a theme")
        if parsed.speaker:
            bits.append(f"speaker: {parsed.speaker}")
        if "\n" in parsed.text:
            bits.append(f"{parsed.text.count(chr(10)) + 1} lines")
        return literal(" · ".join(bits))

    def on_capture_line_refused(self, event: CaptureLine.Refused) -> None:
        """The line stays in the capture line; the reason shows under it, where the eye already is."""
        self.query_one("#capture-hint", SteadyStatic).update(literal(f"Not saved: {event.error}", style="red"))
        self._hint_busy = True
        self.app.bell()

    def on_capture_line_sent(self, event: CaptureLine.Sent) -> None:
        key = f"pending-{next(self._pending)}"
        line = Line(event.value, event.parsed, self.current.id if self.current else None,
                    self._speaker.id if self._speaker else None, self.group)
        table = self.query_one("#notes", NotesTable)
        if table.more_after or len(table.notes) >= 2 * table.window:
            table.jump_to_end()  # new notes go at the end: the window goes back there, or sheds what it grew
        self._lines[key] = line
        table.add_fitted_row(self._line_cells(line), key)
        table.move_cursor(row=table.row_count - 1, animate=False)
        self._draft_dirty = bool(event.capture_line.value)
        self._send(key, line)

    def _send(self, key: str, line: Line) -> None:
        """Hand one line to the writer: the note and the clearing of the draft commit together."""
        line.error = ""
        line.future = self.write(services.capture_note, self.meeting_id, line.item_id, line.capture,
                                 intervention_id=line.intervention_id, group=line.group,
                                 done=lambda note: self._saved(key, note),
                                 failed=lambda error: self._not_saved(key, error))

    @staticmethod
    def _line_cells(line: Line):
        c = line.capture
        return note_cells(kind=c.kind, key=c.key, addressee=c.addressee, text=c.text, headline=c.headline,
                          saving=not line.error, unsaved=line.error)

    def _saved(self, key: str, note: NotePublic) -> None:
        self._lines.pop(key, None)
        table = self.query_one("#notes", NotesTable)
        if key in table.rows:
            if note.id in table.rows:  # the list was reloaded from the database meanwhile
                table.remove_row(key)
            else:
                table.replace_row(key, note_cells(note))
                self._row_note[key] = note.id
                table.notes.append(note)
                table.total += 1
        self.refresh_footer()

    def _not_saved(self, key: str, error: BaseException) -> None:
        line = self._lines.get(key)
        if line is None:
            return
        line.error = str(error) if isinstance(error, FacilitatorError) else f"{type(error).__name__}: {error}"
        table = self.query_one("#notes", NotesTable)
        if key in table.rows:
            table.replace_row(key, self._line_cells(line))
        self.query_one("#capture-hint", SteadyStatic).update(
            literal(f"Not saved: {line.error} The line stays on screen; ctrl+s tries again.", style="red"))
        self._hint_busy = True
        self.app.report(line.error, title="Not saved")
        self.refresh_footer()
        if self.app.writer.broken is not None:
            self.offer_rescue()

    def offer_rescue(self) -> None:
        """The database file was replaced or deleted: offer, once, to save the meeting elsewhere."""
        if getattr(self, "_rescue_offered", False) or self.app.held is None:
            return
        self._rescue_offered = True
        import datetime as dt
        from pathlib import Path

        from .dialogs.rescue import RescueDialog

        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        default = Path.home() / f"facilitator-rescued-{stamp}.db"

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.rescue_to(path)

        self.app.push_screen(RescueDialog(str(self.app.writer.broken), default), chosen)

    @work(thread=True, exit_on_error=False, group="rescue")
    def rescue_to(self, path) -> None:
        from facilitator.encryption import passphrase_of
        from facilitator.rescue import copy_elsewhere

        lines = [(line.item_id, line.capture) for line in self._lines.values()]
        try:
            copy_elsewhere(self.app.held, path, passphrase=passphrase_of(self.app.engine), meeting_id=self.meeting_id,
                           lines=lines, draft=self.app.call_from_thread(lambda: self.query_one("#capture", CaptureLine).value))
        except Exception as exc:  # noqa: BLE001 - say what went wrong; the lines stay on screen
            self.app.call_from_thread(self.app.report, exc, "Not saved elsewhere")
            self.app.call_from_thread(setattr, self, "_rescue_offered", False)
            return
        self.app.call_from_thread(self._rescued, path)

    def _rescued(self, path) -> None:
        for line in self._lines.values():
            line.error = f"kept in {path}"
        self.app.notify(f"The meeting and the unsaved lines are in {path}. Quit, then open it with "
                        f"`facilitator --db {path}`.", title="Saved elsewhere", timeout=30, markup=False)

    def action_retry_unsaved(self) -> None:
        """Send again, in the order typed, every line whose save failed."""
        for key, line in list(self._lines.items()):
            if line.error:
                table = self.query_one("#notes", NotesTable)
                self._send(key, line)
                if key in table.rows:
                    table.replace_row(key, self._line_cells(line))

    def flush_draft(self) -> None:
        """Runs every second: save the capture line if it changed since the last save; retry failed lines."""
        self._ticks += 1
        if self._ticks % RETRY_EVERY == 0 and not self.app.writer.broken:
            self.action_retry_unsaved()
        if self._draft_dirty:
            self._draft_dirty = False
            self.write(services.save_draft, self.meeting_id, self.current.id if self.current else None,
                       self.query_one("#capture", CaptureLine).value, failed=self._draft_not_saved)

    def _draft_not_saved(self, error: BaseException) -> None:
        self._draft_dirty = True  # try again at the next tick
        self.query_one("#capture-hint", SteadyStatic).update(literal(f"Draft not saved: {error}", style="red"))
        self._hint_busy = True

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
            self.query_one("#capture", CaptureLine).focus()

    def go_to(self, item_id: str) -> None:
        """Show the item at once; the writer records it as the meeting's current item."""
        target = next((i for i in self.items if i.id == item_id), None)
        if target is None:
            return
        self.current = target
        self.group = target.groups[0] if target.groups else ""
        self.tick()
        self.load_notes()
        self.refresh_footer()
        self.write(services.set_current_item, self.meeting_id, item_id, done=lambda _: self.reload_items())

    # --- the notes list -----------------------------------------------------------

    def selected_note_id(self) -> str | None:
        key = self.query_one("#notes", NotesTable).cursor_key
        note_id = self._row_note.get(key) if key else None
        return None if note_id is None or note_id.startswith("pending-") else note_id

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.refresh_footer()
        self.show_window_hint()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    def footer_state(self) -> tuple:
        """While the capture line has focus the keys that act on the selected note are typing, hidden
        whatever the selection: each Enter moves the selection onto the new row and then saves it, and
        rebuilding the footer twice per note (some 10 ms each, with a new layout) slowed every Enter."""
        current = self.current
        on_notes = isinstance(self.focused, NotesTable)
        selected, undo = super().footer_state()
        return (selected if on_notes else None, undo, on_notes, self.item_index(), self._has_speakers,
                bool(current and current.groups), bool(current and current.started_at and not current.ended_at),
                any(line.error for line in self._lines.values()))

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
        if action == "retry_unsaved":
            return any(line.error for line in self._lines.values())
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
                capture = self.query_one("#capture", CaptureLine)
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
                self._leave()

        self.app.push_screen(ConfirmDialog(self.unsent_warning("Leave anyway?"), yes="Leave"), answer)

    def unsent_warning(self, question: str) -> str:
        failed = sum(1 for line in self._lines.values() if line.error)
        lost = f" {failed} line(s) could not be saved and will be tried once more." if failed else ""
        return f"The capture line holds text you have not sent.{lost} {question} Unsent text is kept as a draft."

    def keep_draft_now(self) -> list[tuple[str, Future]]:
        """Queue failed lines once more and the capture line as the draft: used on the way out. The writer
        runs what was queued before it stops, even after the screen has closed. Returns each text not yet
        committed with the writer's answer for it, so that quitting can rescue what the database refused."""
        self.action_retry_unsaved()
        self._draft_dirty = False
        text = self.query_one("#capture", CaptureLine).value
        draft = self.write(services.save_draft, self.meeting_id, self.current.id if self.current else None, text)
        pending = [(line.text, line.future) for line in self._lines.values() if line.future is not None]
        return pending + ([(text.strip(), draft)] if text.strip() else [])

    def _leave(self) -> None:
        self.app.remember_last_words(self.meeting.title, self.keep_draft_now())
        self._backup("session-end")
        self.app.backup_at_exit = False
        self.app.pop_screen()

    @work(thread=True, exit_on_error=False, group="backup")
    def _backup(self, reason: str) -> None:
        try:
            backups.backup_database(self.app.engine, reason=reason)
        except FacilitatorError:
            pass  # an in-memory database or a read-only folder: capture goes on, the backup is skipped
