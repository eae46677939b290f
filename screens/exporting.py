"""The export flow every screen with a meeting shares: ask (ExportDialog),
then preview or write in a worker, asking first when a file would be
replaced, then say what happened. The folder offered is the meeting's export
folder, the same default the command line uses."""

from __future__ import annotations

from dataclasses import replace

from textual import work

from facilitator.errors import FacilitatorError
from facilitator.services import exporting

from .dialogs.confirm import ConfirmDialog
from .dialogs.export import ExportDialog, ExportRequest
from .messages import ActionFailed, ExportFinished


class ExportsMeeting:
    """Mixin for a Screen that has `self.meeting_id`: adds `action_export`."""

    meeting_id: str

    def action_export(self) -> None:
        from facilitator import services

        try:
            meeting = services.get_meeting(self.app.engine, self.meeting_id)
        except FacilitatorError as exc:
            self.app.report(exc)
            return
        self.app.push_screen(ExportDialog(meeting, exporting.export_folder(meeting.id)), self._export_chosen)

    def _export_chosen(self, request: ExportRequest | None) -> None:
        if request is None:
            return
        if request.preview:
            self._run_export(request)
        else:
            self._write(request)

    def _write(self, request: ExportRequest) -> None:
        """Write the export, asking first when it would replace a file (a rapporteur's edited draft)."""
        if request.force or not exporting.would_replace(request.path):
            self._run_export(request)
            return

        def answer(replace_it: bool | None) -> None:
            if replace_it:
                self._run_export(replace(request, force=True))

        self.app.push_screen(ConfirmDialog(f"{request.path.name} already exists in {request.path.parent}. "
                                           "Replace it?", yes="Replace"), answer)

    @work(thread=True, exit_on_error=False, group="export")
    def _run_export(self, request: ExportRequest) -> None:
        try:
            if request.preview:
                text = exporting.preview_markdown(self.app.engine, self.meeting_id, request.style)
                self.app.call_from_thread(self._show_preview, text, request)
                return
            written = exporting.export(self.app.engine, self.meeting_id, request.style, request.fmt,
                                       request.path, force=request.force)
            self.post_message(ExportFinished(written.path, written.style, written.fmt))
            if written.omitted:
                self.app.call_from_thread(self.app.notify, "Left out: " + "; ".join(written.omitted) + ".",
                                          title="Export summary", timeout=10, markup=False)
        except FacilitatorError as exc:
            self.post_message(ActionFailed(exc.title, str(exc)))
        except Exception as exc:  # noqa: BLE001 - a renderer bug must still end in one message, not silence
            self.post_message(ActionFailed("Export failed", f"{type(exc).__name__}: {exc}"))

    def _show_preview(self, text: str, request: ExportRequest) -> None:
        from .preview import PreviewScreen

        def after(write: bool | None) -> None:
            if write:
                self._write(replace(request, preview=False))

        self.app.push_screen(PreviewScreen(text, request), after)

    def on_export_finished(self, message: ExportFinished) -> None:
        from exports import FORMATS

        label = FORMATS[message.fmt].label if message.fmt in FORMATS else message.fmt
        what = f"{message.style} ({label})" if message.style else "the meeting"
        self.app.notify(f"Exported {what} to {message.path}", title="Export written", timeout=10, markup=False)

    def on_action_failed(self, message: ActionFailed) -> None:
        self.app.notify(message.error, title=message.title, severity="error", timeout=10, markup=False)
