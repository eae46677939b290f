"""How `facilitator` starts: the bare command opens the terminal application,
every other command line goes to the Typer CLI (facilitator.cli).

The bare launch is the one a facilitator waits on in the meeting room, so it
does not go through Typer: Typer checks every option's value with Pydantic,
and importing the two (with the CLI's command modules) cost about 130 ms in
front of the first frame (issue 14). `bare_launch` recognises only the command
lines that name no command — nothing, `--db X`, `--passphrase-file X` — and
leaves everything else, including any it is unsure of, to Typer, which parses,
explains and refuses as it does for every command. Both doors open the
application through `run_application`, and report errors through
`one_line_errors`, so the launch behaves the same whichever door it came by.

Nothing here imports Typer, Textual, SQLAlchemy or the service layer at module
level.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import FacilitatorError, InvalidInput

#: The options of the bare command, by flag, and the name of the argument each one sets.
BARE_OPTIONS = {"--db": "db", "--passphrase-file": "passphrase_file"}


class State:
    """The database a command line names, opened on first use (and its passphrase asked for then)."""

    def __init__(self, db: str | None, passphrase_file: Path | None = None) -> None:
        self.db = db
        self.passphrase_file = passphrase_file
        self._engine = None

    @property
    def engine(self):
        return self.open()

    def open(self, *, allow_empty: bool = False):
        """The engine, opened on first use; an encrypted database needs its passphrase."""
        if self._engine is None:
            from .db import PassphraseRequired, open_engine
            from .encryption import available
            from .passphrases import get_passphrase

            try:
                self._engine = open_engine(self.db, allow_empty=allow_empty)
            except PassphraseRequired as exc:
                if not available():
                    raise PassphraseRequired(f"{exc} (Encryption is unavailable on this machine.)") from None
                passphrase = get_passphrase("Passphrase", file=self.passphrase_file,
                                            how="--passphrase-file FILE before the command")
                self._engine = open_engine(self.db, passphrase=passphrase)
        return self._engine

    def close(self) -> None:
        """Let go of the database (and its lock) as soon as the command is done."""
        if self._engine is not None:
            from .db import close_engine

            close_engine(self._engine)
            self._engine = None


def bare_launch(argv: list[str]) -> State | None:
    """The State of a command line that only opens the application, or None for anything else (a command,
    --help, --version, an unknown or repeated option, a missing or empty value), which Typer then handles."""
    found: dict[str, str] = {}
    args = iter(argv)
    for arg in args:
        flag, equals, value = arg.partition("=")
        name = BARE_OPTIONS.get(flag)
        if name is None or name in found:
            return None
        if not equals:
            value = next(args, "")
        if not value or value.startswith("-"):
            return None
        found[name] = value
    passphrase_file = found.get("passphrase_file")
    return State(found.get("db"), Path(passphrase_file) if passphrase_file else None)


@contextmanager
def one_line_errors() -> Iterator[None]:
    """Every error a user can cause ends as one line on stderr and exit status 2, never a traceback; an
    interrupt exits 130. The Typer CLI adds its own usage errors around this (cli.base.FacilitatorGroup)."""
    try:
        yield
    except FacilitatorError as exc:
        print(f"facilitator: {exc}", file=sys.stderr)
        sys.exit(2)
    except OSError as exc:  # a file the services did not foresee: still one line
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"facilitator: {where}{exc.strerror or exc}.", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)


def run_application(state: State) -> int:
    """Open the terminal application on `state`'s database, run it until it quits, and return its exit
    status. A database that cannot be opened raises its FacilitatorError once the screen is gone."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise InvalidInput("The application needs a terminal; in a script or a pipe use a subcommand "
                           "(see `facilitator --help`).")
    import gc

    gc.disable()  # until quiet_garbage_collector: start-up allocates what lives as long as the process
    application = build_application(state, settled=quiet_garbage_collector)
    if application.opening is None:  # else once the database is open and the list is on screen
        quiet_garbage_collector()
    try:
        application.run()
    finally:
        if application.opening is not None and application.engine is not None:  # the one it opened itself
            from .db import close_engine

            close_engine(application.engine)
    if application.failed is not None:  # the database could not be opened: its one line, exit 2
        raise application.failed
    if application.rescued_to is not None:
        print(f"facilitator: the database could not take the last lines typed; they are in "
              f"{application.rescued_to}", file=sys.stderr)
        return application.return_code or 1
    return application.return_code or 0


def build_application(state: State, settled: Callable[[], None] = lambda: None):
    """The terminal application on the database of `state`, painted before that database is opened;
    `settled` runs once it is open and the meetings list is on screen.

    An encrypted database is opened now, as before: its passphrase is asked for on the terminal before the
    screen takes it. Any other is opened by the application after its first frame (screens/app.py), through
    the same `open_engine`, so a database that cannot be opened still ends in its one line and exit 2."""
    if _encrypted(state.db):
        from screens.app import make_app  # the one place the core reaches into the UI (and here)

        return make_app(engine=state.engine)
    from .quickread import read_meetings_soon

    meetings = read_meetings_soon(state.db)  # read while Textual imports, for the first frame

    from screens.app import Opening, make_app

    def open_database():
        from .db import open_engine

        return open_engine(state.db)

    return make_app(opening=Opening(meetings, open_database, settled))


def _encrypted(db: str | None) -> bool:
    """Whether the database file needs a passphrase (see dbfile.check_file); a file that is wrong in any other
    way is left for open_engine to refuse, in its words."""
    from .dbfile import PassphraseRequired, check_file
    from .dbpath import file_of

    try:
        path = file_of(db)
        if path is not None:
            check_file(path, None)
    except PassphraseRequired:
        return True
    except (FacilitatorError, OSError):
        return False
    return False


def quiet_garbage_collector() -> None:
    """Keep full garbage-collection passes out of typing and Enter. Everything loaded so far (modules,
    the engine, the application) lives as long as the process: freezing it takes it out of every later
    collection, and a higher first threshold lets short-lived objects die young without a pass. The
    application calls it once the database is open (SQLAlchemy, the models and the services loaded),
    not before its first frame, which it would only delay. Until then the collector is off
    (run_application): each full pass during those imports walked the whole growing heap, some 50 ms
    each, and held back the first keys of a meeting opened at once."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)
    gc.enable()


def main() -> None:
    """Console-script entry point: the application at once, or the Typer CLI."""
    state = bare_launch(sys.argv[1:])
    if state is None:
        from .cli import main as cli

        cli()
        return
    with one_line_errors():
        try:
            code = run_application(state)
        finally:
            state.close()
    sys.exit(code)
