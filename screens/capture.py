"""Live capture: the agenda and its clock on the side, the current item's
notes, and the capture line at the bottom.

Pressing Enter never waits on disk: the line is parsed (pure), shown at once
as "saving…", and written by a thread worker; the worker posts NoteSaved or
NoteNotSaved. The unsent line is saved as a draft about once a second.
"""

from __future__ import annotations

import itertools
import threading

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from facilitator import services
from facilitator.capture import parse_capture
from facilitator.clock import format_duration, schedule, speaker_remaining
from facilitator.errors import FacilitatorError
from facilitator.models import AgendaItemPublic, NotePublic
from facilitator.services import backups, clock, speakers
from facilitator.vocab import PROTECTED_RULES, RULE_LABELS

from .dialogs.confirm import ConfirmDialog
from .exporting import ExportsMeeting
from .literal import literal, markup
from .messages import ActionFailed, NoteNotSaved, NoteSaved
from .note_actions import EditsNotes
from .widgets.agenda import AgendaList
from .widgets.capture_line import CaptureLine

KIND_LABELS = {"reflection": "refl", "recommendation": "REC", "challenge": "chal", "best-practice": "best",
               "quote": "quote", "action": "ACT", "observation": "obs"}


def note_cells(note: NotePublic | None, *, kind: str = "", key: bool = False, addressee: str = "",
               text: str = "") -> tuple[str, str, str, str]:
    if note is not None:
        kind, key, addressee = note.kind, note.key, note.addressee
        text = (f"{note.headline} :: " if note.headline else "") + note.text
        if note.themes:
            text += "  [" + ", ".join(note.themes) + "]"
    return literal(KIND_LABELS.get(kind, kind)), literal("★" if key else ""), literal(addressee), literal(text)


class CaptureScreen(EditsNotes, ExportsMeeting, Screen):
    BINDINGS = [
        Binding("ctrl+down", "move_item(1)", "Next item", id="capture.next"),
        Binding("ctrl+up", "move_item(-1)", "Prev item", id="capture.prev"),
        Binding("ctrl+t", "toggle_clock", "Clock", id="capture.clock"),
        Binding("ctrl+n", "next_speaker", "Next speaker", id="capture.next_speaker"),
        Binding("ctrl+l", "speakers", "Speakers", id="capture.speakers"),
        # ctrl+y, not ctrl+k: the capture line keeps its own editing keys (ctrl+k, ctrl+e, ctrl+a ...).
        Binding("ctrl+y", "phrase", "Phrase", id="capture.phrase"),
        Binding("ctrl+g", "next_group", "Group", id="capture.group"),
        Binding("f6", "give_time", "Give time", id="capture.give_time"),
        Binding("e", "edit", "Edit", id="capture.edit"),
        Binding("delete", "delete", "Delete", id="capture.delete"),
        Binding("ctrl+z", "undo", "Undo delete", id="capture.undo"),
        Binding("ctrl+r", "review", "Review", id="capture.review"),
        Binding("ctrl+o", "export", "Export", id="capture.export"),
        Binding("escape", "back", "Back", id="capture.back"),
    ] + [Binding(str(n), f"tag_theme({n})", show=False, id=f"capture.theme{n}") for n in range(1, 10)]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.items: list[AgendaItemPublic] = []
        self.current: AgendaItemPublic | None = None
        self._row_note: dict[str, str] = {}  # table row key -> note id (pending rows until saved)
        self._pending = itertools.count(1)
        self._write_seq = itertools.count(1)
        self._last_capture_seq = 0
        self._write_lock = threading.Lock()
        self._draft_dirty = False
        self._bell_rung_for: str | None = None
        #: The breakout group notes go to while the current item is a breakout ("" outside).
        self.group = ""

    # --- layout and loading ------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="capture-body"):
            with Vertical(id="agenda-pane"):
                yield AgendaList(id="agenda")
                yield Static("", id="schedule")
            with Vertical(id="notes-pane"):
                yield Static("", id="item-header")
                yield Static("", id="speaker-bar")
                yield DataTable(id="notes", cursor_type="row", zebra_stripes=True)
                yield Static("", id="capture-hint")
                yield CaptureLine(placeholder="Type a note, Enter saves · rec: ch: bp: q: a: · >UN · !key · "
                                              "+theme · F1 for the grammar", id="capture")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#notes", DataTable)
        table.add_column("Kind", width=6, key="kind")
        table.add_column("★", width=2, key="key")
        table.add_column("To", width=14, key="to")
        table.add_column("Note", key="text")
        self.meeting = services.get_meeting(self.app.engine, self.meeting_id)
        self.title = self.meeting.title
        self.sub_title = f"{self.meeting.date} · {self.meeting.place or 'no place set'} · {RULE_LABELS[self.meeting.rule]}"
        self.add_class(f"-{self.meeting.rule}")
        self.items = services.list_items(self.app.engine, self.meeting_id)
        self.current = services.current_item(self.app.engine, self.meeting_id)
        self.group = self.current.groups[0] if self.current and self.current.groups else ""
        self.load_notes()
        draft = services.get_draft(self.app.engine, self.meeting_id)
        capture = self.query_one("#capture", Input)
        if draft is not None:
            capture.value = draft.text
            self.notify("Restored the line you had not sent.", title="Draft restored")
        capture.focus()
        self.tick()
        self.set_interval(1.0, self.tick)
        self.set_interval(1.0, self.flush_draft)
        self._backup("session-start")

    def on_screen_resume(self) -> None:
        if self.items:
            self.items = services.list_items(self.app.engine, self.meeting_id)
            self.load_notes()

    def reload_notes(self, select: str | None = None) -> None:
        self.load_notes()

    def load_notes(self) -> None:
        table = self.query_one("#notes", DataTable)
        table.clear()
        self._row_note.clear()
        if self.current is None:
            return
        for note in services.list_notes(self.app.engine, self.meeting_id, self.current.id):
            table.add_row(*note_cells(note), key=note.id)
            self._row_note[note.id] = note.id
        if table.row_count:
            table.move_cursor(row=table.row_count - 1)

    def rule_of(self, item: AgendaItemPublic | None) -> str:
        return (item.rule if item and item.rule else None) or self.meeting.rule

    # --- the clock ------------------------------------------------------------

    def tick(self) -> None:
        now = self.app.clock()
        self.query_one("#agenda", AgendaList).show(self.items, self.current.id if self.current else None, now)
        header = self.query_one("#item-header", Static)
        if self.current is not None:
            item = self.current
            from facilitator.clock import elapsed_seconds, is_overrun, planned_seconds

            rule = self.rule_of(item)
            clock_text = (f"{format_duration(elapsed_seconds(item, now))} of {planned_seconds(item) // 60}′"
                          if item.started_at else f"not started · {planned_seconds(item) // 60}′ planned")
            if item.paused_at and not item.ended_at:
                clock_text += " (paused)"
            template = "[b]$number. $title[/b]   $clock   · $rule · default kind: $kind"
            if self.group:
                template += " · group: [b]$group[/b] (ctrl+g)"
            header.update(markup(template, number=item.position, title=item.title, clock=clock_text,
                                 rule=RULE_LABELS[rule], kind=item.default_kind, group=self.group))
            header.set_class(is_overrun(item, now), "-overrun")
            self.set_class(rule in PROTECTED_RULES, "-protected-item")
        plan = schedule(self.meeting, self.items, now)
        if plan.behind_seconds is None:
            text = (f"Planned end {plan.planned_end.astimezone():%H:%M} · ctrl+t starts the clock" if plan.planned_end
                    else "ctrl+t starts the clock")
        else:
            late = plan.behind_seconds
            state = "on time" if abs(late) < 60 else (f"{format_duration(late)} behind" if late > 0
                                                      else f"{format_duration(-late)} ahead")
            text = (f"Planned end {plan.planned_end.astimezone():%H:%M} · projected "
                    f"{plan.projected_end.astimezone():%H:%M} · {state}")
        schedule_widget = self.query_one("#schedule", Static)
        schedule_widget.update(text)
        schedule_widget.set_class(bool(plan.behind_seconds and plan.behind_seconds >= 60), "-behind")
        self.show_speaker(now)

    def show_speaker(self, now) -> None:
        bar = self.query_one("#speaker-bar", Static)
        speaker = getattr(self, "_speaker", None)
        if speaker is None:
            bar.update("")
            bar.display = False
            return
        bar.display = True
        name = speaker.name  # on screen only: the room sees who has the floor whatever the rule
        remaining = speaker_remaining(speaker.started_at, self.meeting.speaker_limit, now)
        text = f"Speaking: {name}"
        if speaker.on_behalf_of:
            text += f" (on behalf of {speaker.on_behalf_of})"
        if remaining is not None:
            text += f"   {format_duration(remaining)} left" if remaining >= 0 else f"   {format_duration(-remaining)} over"
            bar.set_class(0 <= remaining <= 30, "-low")
            bar.set_class(remaining < 0, "-over")
            if remaining <= 0 and self.meeting.bell and self._bell_rung_for != speaker.id:
                self._bell_rung_for = speaker.id
                self.app.bell()
        bar.update(literal(text + "   · ctrl+n next speaker", style="bold"))

    # --- capturing --------------------------------------------------------------

    @property
    def unsent_text(self) -> str:
        return self.query_one("#capture", Input).value.strip()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "capture":
            return
        self._draft_dirty = True
        hint = self.query_one("#capture-hint", Static)
        if not event.value.strip():
            hint.update("")
            return
        try:
            parsed = parse_capture(event.value, default_kind=self.current.default_kind if self.current else "reflection")
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
        default_kind = self.current.default_kind if self.current else "reflection"
        try:
            parsed = parse_capture(line, default_kind=default_kind)
        except FacilitatorError as exc:
            event.capture_line.restore(line)
            self.app.report(exc)
            return
        if parsed.speaker and self.rule_of(self.current) in PROTECTED_RULES:
            event.capture_line.restore(line)
            self.app.report(f"This item is held under the {RULE_LABELS[self.rule_of(self.current)]}: "
                            "speakers are not recorded.", title="Not saved")
            return
        pending = f"pending-{next(self._pending)}"
        table = self.query_one("#notes", DataTable)
        kind, key, to, text = note_cells(None, kind=parsed.kind, key=parsed.key, addressee=parsed.addressee,
                                         text=parsed.text)
        table.add_row(kind, key, to, text + "  (saving…)", key=pending)
        table.move_cursor(row=table.row_count - 1)
        self._draft_dirty = bool(event.capture_line.value)
        seq = next(self._write_seq)
        self._last_capture_seq = seq
        speaker = getattr(self, "_speaker", None)
        self.save_line(line, pending, self.current.id if self.current else None, default_kind,
                       speaker.id if speaker else None, self.group)

    @work(thread=True, exit_on_error=False, group="capture")
    def save_line(self, line: str, pending: str, item_id: str | None, default_kind: str,
                  intervention_id: str | None, group: str) -> None:
        try:
            with self._write_lock:
                note = services.capture_note(self.app.engine, self.meeting_id, item_id, line,
                                             default_kind=default_kind, intervention_id=intervention_id,
                                             group=group)
        except FacilitatorError as exc:
            self.post_message(NoteNotSaved(line, pending, str(exc)))
            return
        self.post_message(NoteSaved(note, pending))

    def on_note_saved(self, message: NoteSaved) -> None:
        table = self.query_one("#notes", DataTable)
        self._row_note[message.pending_key] = message.note.id
        if message.pending_key in table.rows:
            for column, value in zip(("kind", "key", "to", "text"), note_cells(message.note)):
                table.update_cell(message.pending_key, column, value)

    def on_note_not_saved(self, message: NoteNotSaved) -> None:
        table = self.query_one("#notes", DataTable)
        if message.pending_key in table.rows:
            table.remove_row(message.pending_key)
        # Nothing typed is lost: the line goes back into the capture line (before what is there now).
        self.query_one("#capture", CaptureLine).restore(message.line)
        self._draft_dirty = True
        self.app.notify(f"{message.error} The line is back in the capture line.", title="Not saved",
                        severity="error", timeout=10, markup=False)

    def flush_draft(self) -> None:
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

    def on_action_failed(self, message: ActionFailed) -> None:
        self.app.notify(message.error, title=message.title, severity="error", timeout=8, markup=False)

    # --- moving through the agenda ----------------------------------------------

    def action_move_item(self, step: int) -> None:
        if self.current is None:
            return
        ids = [i.id for i in self.items]
        index = ids.index(self.current.id) + step
        if not 0 <= index < len(ids):
            self.notify("That was the " + ("last" if step > 0 else "first") + " agenda item.")
            return
        self.go_to(ids[index])

    def on_option_list_option_selected(self, event) -> None:
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
        self.items = services.list_items(self.app.engine, self.meeting_id)
        self.group = self.current.groups[0] if self.current.groups else ""
        self.load_notes()
        self.tick()

    def action_next_group(self) -> None:
        groups = self.current.groups if self.current else []
        if not groups:
            self.notify("This agenda item has no breakout groups.")
            return
        self.group = groups[(groups.index(self.group) + 1) % len(groups)] if self.group in groups else groups[0]
        self.tick()

    def action_give_time(self) -> None:
        """Give what is left of this item's time to the next item (or take the overrun from it)."""
        from facilitator.clock import elapsed_seconds, planned_seconds

        item = self.current
        following = clock.next_item_id(self.app.engine, self.meeting_id, item.id) if item else None
        if item is None or following is None or item.started_at is None:
            self.notify("Start this item's clock first; the last item has no next item to give time to.")
            return
        left = (planned_seconds(item) - elapsed_seconds(item, self.app.clock())) // 60
        try:
            if left > 0:
                clock.move_minutes(self.app.engine, item.id, following, left)
                self.notify(f"Gave {left} minute(s) to the next item.")
            elif left < 0:
                clock.move_minutes(self.app.engine, following, item.id, -left)
                self.notify(f"Took {-left} minute(s) of overrun from the next item.")
        except FacilitatorError as exc:
            self.app.report(exc)
        self.items = services.list_items(self.app.engine, self.meeting_id)
        self.current = next(i for i in self.items if i.id == item.id)
        self.tick()

    def action_toggle_clock(self) -> None:
        item = self.current
        if item is None:
            return
        try:
            if item.started_at is None or item.ended_at is not None:
                self.current = clock.advance_to(self.app.engine, self.meeting_id, item.id, now=self.app.clock())
            elif item.paused_at is None:
                self.current = clock.pause(self.app.engine, item.id, now=self.app.clock())
            else:
                self.current = clock.resume(self.app.engine, item.id, now=self.app.clock())
        except FacilitatorError as exc:
            self.app.report(exc)
            return
        self.items = services.list_items(self.app.engine, self.meeting_id)
        self.tick()

    # --- speakers -----------------------------------------------------------------

    def action_next_speaker(self) -> None:
        try:
            self._speaker = speakers.call_next(self.app.engine, self.meeting_id, now=self.app.clock())
        except FacilitatorError as exc:
            self.app.report(exc)
            return
        if self._speaker is None:
            self.notify("The speakers list is empty (ctrl+l to add speakers).")
        self.tick()

    def action_speakers(self) -> None:
        from .speakers import SpeakersScreen

        def back(_=None) -> None:
            self._speaker = speakers.current_speaker(self.app.engine, self.meeting_id)
            self.tick()

        self.app.push_screen(SpeakersScreen(self.meeting_id), back)

    def action_phrase(self) -> None:
        from .dialogs.phrase import PhraseDialog

        def insert(phrase: str | None) -> None:
            if phrase:
                capture = self.query_one("#capture", Input)
                capture.insert_text_at_cursor(phrase + " ")
                capture.focus()

        self.app.push_screen(PhraseDialog(services.list_phrases(self.app.engine)), insert)

    # --- editing notes ------------------------------------------------------------

    def selected_note_id(self) -> str | None:
        table = self.query_one("#notes", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        note_id = self._row_note.get(key)
        return None if note_id is None or note_id.startswith("pending-") else note_id

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        notes_focused = self.focused is self.query_one("#notes", DataTable)
        if action in ("edit", "delete", "tag_theme"):
            return True if notes_focused and self.selected_note_id() else False
        if action == "undo":
            return True if self._last_deleted else None
        return True

    def action_tag_theme(self, number: int) -> None:
        note_id = self.selected_note_id()
        themes = self.meeting.themes = services.get_meeting(self.app.engine, self.meeting_id).themes
        if note_id is None or number > len(themes):
            self.notify(f"No theme {number}: set the meeting's themes with `facilitator edit --theme`.")
            return
        note = services.get_note(self.app.engine, note_id)
        theme = themes[number - 1]
        new = [t for t in note.themes if t != theme] if theme in note.themes else [*note.themes, theme]
        self.update_note(note_id, {"themes": new})

    # --- leaving ------------------------------------------------------------------

    def action_review(self) -> None:
        from .review import ReviewScreen

        self.app.push_screen(ReviewScreen(self.meeting_id))

    def action_back(self) -> None:
        if self.unsent_text:
            def answer(leave: bool | None) -> None:
                if leave:
                    self.keep_draft_now()
                    self._leave()

            self.app.push_screen(ConfirmDialog("The capture line holds text you have not sent. Leave anyway? "
                                               "It will be kept as a draft.", yes="Leave"), answer)
        else:
            self._leave()

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
