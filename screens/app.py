"""The Textual application: wiring only — stylesheet, global bindings, the
command palette's commands, and the factory the CLI and the tests share."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from facilitator.errors import FacilitatorError
from facilitator.vocab import RULE_LABELS

from .handover import hand_over
from .hangup import LeavesOnHangup

if TYPE_CHECKING:
    from sqlalchemy import Engine

# Nothing above imports SQLAlchemy, SQLModel or the service layer: the first frame is painted without them
# (issue 14). They are imported where they are used, or in the worker that opens the database.


def utcnow() -> dt.datetime:
    """The application's default clock: facilitator.clock.utcnow, imported on its first tick (not before the
    first frame)."""
    from facilitator.clock import utcnow as now

    return now()


class Opening(NamedTuple):
    """A database the application opens itself, after its first frame: `meetings`, the first frame's
    quick read of its meetings (facilitator.quickread.read_meetings_soon, already under way), `open`,
    which returns the engine, checked and migrated, or raises the error the command line reports
    (facilitator/launch.py), and `settled`, run once the meetings list is on screen with everything it
    needs loaded."""

    meetings: Future
    open: Callable[[], Engine]
    settled: Callable[[], None] = lambda: None


class FacilitatorApp(LeavesOnHangup, App):
    CSS_PATH = "app.tcss"
    TITLE = "facilitator"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
        Binding("f1", "help", "Help", id="app.help"),
        Binding("question_mark", "help", "Help", show=False, id="app.help_question_mark"),
        # Global, but shown in the footer of the meetings list only (HomeScreen), where there is room.
        Binding("f2", "search", "Search", show=False, id="app.search"),
        Binding("f3", "tracker", "Tracker", show=False, id="app.tracker"),
    ]

    def __init__(self, engine: Engine | None, *, clock: Callable[[], dt.datetime] = utcnow,
                 opening: Opening | None = None) -> None:
        """On an open `engine` (the tests, the bench, an encrypted database) the meetings list is the first
        screen; without one, `opening` says how to open the database after the first frame."""
        super().__init__()
        self.engine: Engine | None = None
        #: Every write of the application goes through this one queue and thread (screens/writing.py); it
        #: stops writing for good if the database file is replaced or deleted under it.
        self.writer = None
        #: The database file as opened, held so that it can still be copied elsewhere if that happens.
        self.held = None
        self.opening = opening
        #: What must be on screen before the database is opened (see _open_when_shown).
        self._waiting_for = {"first frame", "meetings"}
        #: Why the database could not be opened after the first frame; the command line reports it.
        self.failed: FacilitatorError | OSError | None = None
        if engine is not None:
            self._use(engine)
        #: The time source of every clock on screen; tests inject a fixed one.
        self.clock = clock
        #: Set while notes may have been taken since the last backup (the capture screen sets it).
        self.backup_at_exit = False
        #: Texts queued for the writer on the way out, with its answer for each: (meeting, text, future).
        self._last_words: list[tuple[str, str, Future]] = []
        #: Where the texts the database refused at exit were written (the CLI says so), else None.
        self.rescued_to: Path | None = None

    def _use(self, engine: Engine) -> None:
        from facilitator.db import check_same_file
        from facilitator.writer import Writer

        self.engine = engine
        self.writer = Writer(engine, check=check_same_file)
        self.held = hold_database_quietly(engine)
        # The writer's thread needs Python's interpreter lock back after each SQLite call of a commit; a UI
        # thread busy drawing keeps it up to the switch interval each time (5 ms by default), which put
        # 10-17 ms on the slowest captures. At 1 ms their p99 fell to 6-8 ms (python bench/run.py --only enter).
        sys.setswitchinterval(0.001)

    def on_mount(self) -> None:
        if self.engine is not None:
            from .home import HomeScreen

            self.push_screen(HomeScreen())
        else:
            from .opening import OpeningScreen

            # After Textual's start-up batch, not in it: a frame drawn inside that batch is dropped and
            # later frames send only what changed, so the terminal would get scraps until the next layout.
            self.call_later(self.push_screen, OpeningScreen(self.opening.meetings))
        self.watch_terminal()

    def on_ready(self) -> None:
        """The first frame is on screen (Textual sends Ready after it)."""
        self._waiting_for.discard("first frame")
        self._open_when_shown()

    def meetings_shown(self) -> None:
        """The first screen has shown what it could read of the meetings (screens/opening.py)."""
        self._waiting_for.discard("meetings")
        self._open_when_shown()

    def _open_when_shown(self) -> None:
        """Open the database once the first frame and the meetings are on screen, not sooner: the imports
        that opening needs (SQLAlchemy, the models, the services) hold Python's one interpreter lock for
        some 150 ms, and would hold back those frames."""
        if not self._waiting_for and self.engine is None and self.opening is not None:
            self._waiting_for.add("the database")  # once
            self._open_database()

    @work(thread=True, group="opening")
    def _open_database(self) -> None:
        """Open (and migrate) the database and import the meetings list and the service layer, off the UI
        thread; the meetings list then replaces the first frame. An error the command line knows how to say
        ends the application with it (exit status 2); any other is a bug, and ends it with its traceback."""
        try:
            engine = self.opening.open()
        except (FacilitatorError, OSError) as exc:
            hand_over(self, self.CouldNotOpen(exc))
            return
        from facilitator import services  # noqa: F401  (imported here, not on the UI thread)

        from .home import HomeScreen  # noqa: F401

        if not hand_over(self, self.Opened(engine)):  # the application is gone: nobody will use it
            from facilitator.db import close_engine

            close_engine(engine)

    class CouldNotOpen(Message):
        def __init__(self, error: FacilitatorError | OSError) -> None:
            super().__init__()
            self.error = error

    class Opened(Message):
        def __init__(self, engine: Engine) -> None:
            super().__init__()
            self.engine = engine

    def on_facilitator_app_could_not_open(self, message: CouldNotOpen) -> None:
        self.failed = message.error
        self.exit(return_code=2)

    def on_facilitator_app_opened(self, message: Opened) -> None:
        from .home import HomeScreen
        from .opening import OpeningScreen

        self._use(message.engine)
        first = self.screen
        if isinstance(first, OpeningScreen):
            self.switch_screen(HomeScreen(first.meetings, typed=first.typed))
        self.call_after_refresh(self.opening.settled)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Until the database is open (the first frame), only Quit: every other key needs it."""
        if self.engine is None and action not in ("quit", "help_quit", "bell"):
            return None
        return super().check_action(action, parameters)

    def on_unmount(self) -> None:
        """Screens are closed: let the writer finish what they queued (drafts included), rescue what the
        database refused, then back up."""
        if self.writer is None:  # quit (or failed) before the database was open: nothing was written
            return
        self.writer.close()
        self._rescue_last_words()
        self._session_end_backup()

    def keep_unsent(self) -> None:
        """Every capture screen queues its unsent text; quitting, hanging up and crashing all come here."""
        for screen in self.screen_stack:
            keep = getattr(screen, "keep_draft_now", None)
            if keep is not None:
                self.remember_last_words(getattr(getattr(screen, "meeting", None), "title", ""), keep())

    def remember_last_words(self, meeting: str, pending: list[tuple[str, Future]]) -> None:
        """Texts a closing capture screen handed to the writer: if the database refuses them, they are
        written to a rescue file when the application ends (nothing on screen will try them again)."""
        self._last_words += [(meeting, text, future) for text, future in pending]

    def _rescue_last_words(self) -> None:
        from facilitator.rescue import write_rescue

        refused = [(title, text) for title, text, future in self._last_words if future.exception() is not None]
        if refused:
            self.rescued_to = write_rescue([text for _, text in refused], meeting=refused[0][0])

    def _handle_exception(self, error: Exception) -> None:
        """An error no handler caught is a bug, and Textual ends the application with its traceback (and
        exit status 1); queue the unsent text to be kept first, so that the crash does not take it along."""
        try:
            self.keep_unsent()
        finally:
            super()._handle_exception(error)

    def _session_end_backup(self) -> None:
        from facilitator.services import backups

        if not self.backup_at_exit:
            return
        try:
            backups.backup_database(self.engine, reason="session-end")
        except FacilitatorError:
            pass  # an in-memory database or a read-only folder: nothing to back up to

    def report(self, error: FacilitatorError | Exception | str, title: str | None = None) -> None:
        """One notification for one error: never a traceback on screen."""
        if isinstance(error, FacilitatorError | str):
            message, default_title = str(error), getattr(error, "title", "Error")
        else:  # a bug, not a user error: still one line, with what went wrong
            message, default_title = f"{type(error).__name__}: {error}", "Unexpected error"
        self.notify(message, title=title or default_title, severity="error", timeout=8, markup=False)

    async def action_quit(self) -> None:
        """Quit, but ask first when a capture line (on any open screen) holds text not yet sent."""
        unsent = [screen for screen in self.screen_stack if getattr(screen, "unsent_text", "")]
        if not unsent:
            self.keep_unsent()
            self.exit()
            return
        from .dialogs.confirm import ConfirmDialog

        def answer(leave: bool | None) -> None:
            if leave:
                self.keep_unsent()
                self.exit()

        self.push_screen(ConfirmDialog(unsent[-1].unsent_warning("Quit anyway?"), yes="Quit"), answer)

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

        if not (isinstance(self.screen, CaptureScreen) and self.screen.meeting_id == meeting_id):
            self.push_screen(CaptureScreen(meeting_id))

    def action_new_meeting(self) -> None:
        """The New meeting dialog, from anywhere: the meetings list creates it and opens it."""
        from .home import HomeScreen

        home = next((s for s in self.screen_stack if isinstance(s, HomeScreen)), None)
        if home is not None:
            home.action_new()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette: every screen and main action, titled with the words a user would type
        (the palette matches titles only)."""
        yield from super().get_system_commands(screen)
        meeting_id = getattr(screen, "meeting_id", None)
        if meeting_id:
            yield from self._meeting_commands(screen, meeting_id)
        yield SystemCommand("New meeting", "From a template: roundtable, breakfast, workshop, dialogue",
                            self.action_new_meeting)
        yield SystemCommand("Search notes of every meeting", "Full text: words, \"a phrase\", prefix*",
                            self.action_search)
        yield SystemCommand("Recommendation tracker (follow-up, status)", "Recommendations and actions across "
                            "meetings: proposed, taken up, achieved", self.action_tracker)
        yield SystemCommand("Meetings list (home)", "All meetings, newest first", self.action_home)
        yield SystemCommand("Help: keys and capture grammar", "Every key of every screen", self.action_help)
        from facilitator import services

        try:
            meetings = services.list_meetings(self.engine)
        except FacilitatorError as exc:
            self.report(exc)
            return
        for meeting in meetings:
            yield SystemCommand(f"Open: {meeting.title}", f"{meeting.date} · {RULE_LABELS[meeting.rule]}",
                                lambda mid=meeting.id: self.open_meeting(mid), discover=False)

    def _meeting_commands(self, screen: Screen, meeting_id: str) -> Iterable[SystemCommand]:
        """Commands on the meeting the screen shows (or, on the meetings list, the highlighted one)."""
        from .capture import CaptureScreen

        capturing = isinstance(screen, CaptureScreen)
        if not capturing:
            yield SystemCommand("Capture notes: open the meeting", "The agenda, its clock and the capture line",
                                lambda: self.open_meeting(meeting_id))
        else:
            yield SystemCommand("Next speaker: give the floor", "The next one waiting on the speakers list",
                                screen.action_next_speaker)
            yield SystemCommand("Clock: start, pause or resume the item", "The current agenda item's clock",
                                screen.action_toggle_clock)
            yield SystemCommand("Next agenda item", "Move on to the next item", lambda: screen.action_move_item(1))
        yield SystemCommand("Speakers list: who speaks next", "Add, call, reply, point of order, undo",
                            getattr(screen, "action_speakers", None) or (lambda: self.open_on(meeting_id, "speakers")))
        yield SystemCommand("Review notes", "Edit, reorder, merge and filter the notes by item and kind",
                            lambda: self.open_on(meeting_id, "review"))
        yield SystemCommand("Audit attribution: who is named where", "Check names before an export; anonymise",
                            lambda: self.open_on(meeting_id, "audit"))
        yield SystemCommand("Participants: who may be named", "The register, and who is attributable",
                            lambda: self.open_on(meeting_id, "participants"))
        export = getattr(screen, "action_export", None)
        if export is not None:
            yield SystemCommand("Export this meeting: memo, report, workshop, dialogue, update",
                                "Write Word, Markdown, HTML or PDF", export)
        yield SystemCommand("Projector: show the meeting on a second screen", "How to open the read-only "
                            "projector view in another terminal", lambda: self.show_projector_command(meeting_id))

    def open_on(self, meeting_id: str, what: str) -> None:
        """Push the review, audit, participants or speakers screen of a meeting."""
        from .audit import AuditScreen
        from .participants import ParticipantsScreen
        from .review import ReviewScreen
        from .speakers import SpeakersScreen

        screens = {"review": ReviewScreen, "audit": AuditScreen, "participants": ParticipantsScreen,
                   "speakers": SpeakersScreen}
        self.push_screen(screens[what](meeting_id))

    def show_projector_command(self, meeting_id: str) -> None:
        self.notify(f"In another terminal, on the same database: facilitator projector {meeting_id[:8]}",
                    title="Projector view", timeout=20, markup=False)

    def action_home(self) -> None:
        """Back to the meetings list; a capture screen on the way leaves as Esc leaves it (asking first
        when its line holds unsent text)."""
        from .capture import CaptureScreen
        from .home import HomeScreen

        while len(self.screen_stack) > 2 and not isinstance(self.screen, HomeScreen):
            if isinstance(self.screen, CaptureScreen):
                self.screen.action_back()
                return
            self.pop_screen()


def hold_database_quietly(engine: Engine):
    from facilitator.rescue import hold_database

    try:
        return hold_database(engine)
    except Exception:  # noqa: BLE001 - a damaged database: the screens say so; there is just no rescue copy
        return None


def make_app(db: str | None = None, *, engine: Engine | None = None,
             clock: Callable[[], dt.datetime] = utcnow, opening: Opening | None = None) -> FacilitatorApp:
    """Build the application on an open engine, on a database to open after the first frame (`opening`),
    or on a database path/URL opened now."""
    if engine is None and opening is None:
        from facilitator.db import open_engine

        engine = open_engine(db)
    return FacilitatorApp(engine, clock=clock, opening=opening)


class ProjectorApp(LeavesOnHangup, App):
    """The projector view in its own terminal: one read-only screen, no writer (screens/projector.py)."""

    CSS_PATH = "app.tcss"
    TITLE = "facilitator projector"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True, id="projector.app_quit")]

    def __init__(self, engine: Engine, meeting_id: str, *, clock: Callable[[], dt.datetime] = utcnow) -> None:
        super().__init__()
        self.engine = engine
        self.meeting_id = meeting_id
        self.clock = clock

    def on_mount(self) -> None:
        from .projector import ProjectorScreen

        self.push_screen(ProjectorScreen(self.meeting_id))
        self.watch_terminal()

    def keep_unsent(self) -> None:
        """Nothing is typed here, so nothing to keep on a hang-up."""


def make_projector_app(meeting_id: str, *, engine: Engine, clock: Callable[[], dt.datetime] = utcnow) -> ProjectorApp:
    return ProjectorApp(engine, meeting_id, clock=clock)
