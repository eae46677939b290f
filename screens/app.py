"""The Textual application: wiring only — stylesheet, global bindings, the
command palette's commands, and the factory the CLI and the tests share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from sqlalchemy import Engine
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from facilitator import services
from facilitator.errors import FacilitatorError
from facilitator.models import utcnow


class FacilitatorApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "facilitator"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
        Binding("f1", "help", "Help", id="app.help"),
        Binding("f2", "search", "Search", id="app.search"),
        Binding("f3", "tracker", "Tracker", id="app.tracker"),
    ]

    def __init__(self, engine: Engine, *, clock: Callable[[], dt.datetime] = utcnow) -> None:
        super().__init__()
        self.engine = engine
        #: The time source of every clock on screen; tests inject a fixed one.
        self.clock = clock

    def on_mount(self) -> None:
        from .home import HomeScreen

        self.push_screen(HomeScreen())

    def report(self, error: FacilitatorError | Exception, title: str | None = None) -> None:
        """One notification for one error: never a traceback on screen."""
        self.notify(str(error), title=title or getattr(error, "title", "Error"), severity="error", timeout=8,
                    markup=False)

    async def action_quit(self) -> None:
        """Quit, but ask first when the capture line holds text not yet sent."""
        screen = self.screen
        if getattr(screen, "unsent_text", ""):
            from .dialogs.confirm import ConfirmDialog

            def answer(leave: bool | None) -> None:
                if leave:
                    screen.keep_draft_now()
                    self.exit()

            self.push_screen(ConfirmDialog("The capture line holds text you have not sent. Quit anyway? "
                                           "It will be kept as a draft for next time.", yes="Quit"), answer)
            return
        self.exit()

    def action_help(self) -> None:
        from .help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_search(self) -> None:
        from .search import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    def action_tracker(self) -> None:
        from .tracker import TrackerScreen

        if not isinstance(self.screen, TrackerScreen):
            self.push_screen(TrackerScreen())

    def open_meeting(self, meeting_id: str) -> None:
        from .capture import CaptureScreen

        self.push_screen(CaptureScreen(meeting_id))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Search notes", "Search every meeting's notes", self.action_search)
        yield SystemCommand("Recommendation tracker", "Follow recommendations across meetings", self.action_tracker)
        yield SystemCommand("Help", "Keys and the capture grammar", self.action_help)
        for meeting in services.list_meetings(self.engine)[:50]:
            yield SystemCommand(f"Open: {meeting.title}", f"{meeting.date} · {meeting.rule}",
                                lambda mid=meeting.id: self.open_meeting(mid), discover=False)
        export = getattr(screen, "action_export", None)
        if export is not None:
            yield SystemCommand("Export this meeting", "Write a report or memo", export)


def make_app(db: str | None = None, *, engine: Engine | None = None,
             clock: Callable[[], dt.datetime] = utcnow) -> FacilitatorApp:
    """Build the application on a database path/URL or an open engine."""
    if engine is None:
        from facilitator.db import open_engine

        engine = open_engine(db)
    return FacilitatorApp(engine, clock=clock)
