"""The export flow every screen with a meeting shares: ask (ExportDialog),
then preview or write in a worker, then say what happened."""

from __future__ import annotations

from pathlib import Path

from textual import work

from facilitator.errors import FacilitatorError
from facilitator.services import exporting

from .dialogs.export import ExportDialog, ExportRequest
from .messages import ActionFailed, ExportFinished


def export_folder() -> Path:
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


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
        self.app.push_screen(ExportDialog(meeting, export_folder()), self._export_chosen)

    def _export_chosen(self, request: ExportRequest | None) -> None:
        if request is not None:
            self._run_export(request)

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
                self._run_export(ExportRequest(request.style, request.fmt, request.path, request.force))

        self.app.push_screen(PreviewScreen(text, request), after)

    def on_export_finished(self, message: ExportFinished) -> None:
        from exports import FORMATS

        label = FORMATS[message.fmt].label if message.fmt in FORMATS else message.fmt
        what = f"{message.style} ({label})" if message.style else "the meeting"
        self.app.notify(f"Exported {what} to {message.path}", title="Export written", timeout=10, markup=False)

    def on_action_failed(self, message: ActionFailed) -> None:
        self.app.notify(message.error, title=message.title, severity="error", timeout=10, markup=False)
