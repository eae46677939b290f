"""Edit, delete and undo for any screen that lists notes (capture, review).

The screen provides `selected_note_id()` and `reload_notes(select=None)`, and
mixes in `WritesToDatabase`; this mixin provides the actions and remembers
the last deletion for undo. Every write goes through the application's
writer; the list is reloaded when it has committed, around the note written
(the lists hold a window of the notes, see NotesTable).
"""

from __future__ import annotations

from collections.abc import Callable

from facilitator import services

from .dialogs.note_edit import NoteEdit, NoteEditDialog


class EditsNotes:
    _last_deleted: str | None = None

    def selected_note_id(self) -> str | None:  # pragma: no cover - provided by the screen
        raise NotImplementedError

    def reload_notes(self, select: str | None = None) -> None:  # pragma: no cover - provided by the screen
        raise NotImplementedError

    def write_note(self, action: Callable, *args, select: str | None = None, done: str = "", **kwargs) -> None:
        """Queue one service call on the writer, then reload (and say `done`)."""
        self.write(action, *args, **kwargs, done=lambda _: self._written(select, done))

    def footer_state(self) -> tuple:
        """What the footer's dimmed and hidden keys depend on; screens add their own."""
        return self.selected_note_id() is not None, bool(self._last_deleted)

    def refresh_footer(self) -> None:
        """Refresh the footer only when what it shows changes: each refresh rebuilds it, which is not free
        while someone types fast."""
        state = self.footer_state()
        if state != getattr(self, "_footer_state", None):
            self._footer_state = state
            self.refresh_bindings()

    def _written(self, select: str | None, done: str) -> None:
        self.reload_notes(select=select)
        if done:
            self.notify(done)

    def update_note(self, note_id: str, changes: dict) -> None:
        self.write_note(services.update_note, note_id, select=note_id, **changes)

    def action_edit(self) -> None:
        note_id = self.selected_note_id()
        if note_id is None:
            return

        note = services.get_note(self.app.engine, note_id)

        def save(edit: NoteEdit | None) -> None:
            if edit is not None and edit.changes(note):
                self.update_note(note_id, edit.changes(note))

        self.app.push_screen(NoteEditDialog(note), save)

    def action_delete(self) -> None:
        note_id = self.selected_note_id()
        if note_id is None:
            return
        self._last_deleted = note_id
        # select the deleted note: the list reads its window around the note's place, so the cursor goes
        # to the note that followed it rather than to one end of a long list
        self.write_note(services.delete_note, note_id, select=note_id, done="Note deleted · ctrl+z brings it back.")

    def action_undo(self) -> None:
        if not self._last_deleted:
            return
        note_id, self._last_deleted = self._last_deleted, None
        self.write_note(services.restore_note, note_id, select=note_id, done="Note restored.")
