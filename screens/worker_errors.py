"""Workers run with exit_on_error=False, so an error that escapes one would
otherwise vanish without a word. Screens that run workers mix this in: such an
error becomes one notification (App.report), never a traceback nor silence.
Workers still catch FacilitatorError themselves and say what it means."""

from __future__ import annotations

from textual.worker import Worker, WorkerState


class ReportsWorkerErrors:
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            self.app.report(event.worker.error)
