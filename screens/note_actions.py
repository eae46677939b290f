"""Edit, delete and undo for any screen that lists notes (capture, review).

The screen provides `selected_note_id()` and `reload_notes(select=None)`;
this mixin provides the actions and remembers the last deletion for undo.
"""

from __future__ import annotations

from facilitator import services
from facilitator.errors import FacilitatorError

from .dialogs.note_edit import NoteEditDialog


class EditsNotes:
    _last_deleted: str | None = None

    def selected_note_id(self) -> str | None:  # pragma: no cover - provided by the screen
        raise NotImplementedError

    def reload_notes(self, select: str | None = None) -> None:  # pragma: no cover - provided by the screen
        raise NotImplementedError

    def update_note(self, note_id: str, changes: dict) -> None:
        try:
            services.update_note(self.app.engine, note_id, **changes)
        except FacilitatorError as exc:
            self.app.report(exc)
        self.reload_notes(select=note_id)

    def action_edit(self) -> None:
        note_id = self.selected_note_id()
        if note_id is None:
            return

        def save(changes: dict | None) -> None:
            if changes:
                self.update_note(note_id, changes)

        self.app.push_screen(NoteEditDialog(services.get_note(self.app.engine, note_id)), save)

    def action_delete(self) -> None:
        note_id = self.selected_note_id()
        if note_id is None:
            return
        try:
            services.delete_note(self.app.engine, note_id)
        except FacilitatorError as exc:
            self.app.report(exc)
            return
        self._last_deleted = note_id
        self.reload_notes()
        self.notify("Note deleted · ctrl+z brings it back.")

    def action_undo(self) -> None:
        if not self._last_deleted:
            return
        note_id, self._last_deleted = self._last_deleted, None
        services.restore_note(self.app.engine, note_id)
        self.reload_notes(select=note_id)
        self.notify("Note restored.")
