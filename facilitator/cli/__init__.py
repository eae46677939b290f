"""The `facilitator` command. Bare, it opens the TUI; its subcommands do the
same jobs without a screen, for scripts and for rapporteurs who prefer a shell.

One module per subject (meetings, agenda, people, follow-up, files); `base` holds
what they share. Every user error is one line on stderr and exit code 2,
never a traceback (`base.FacilitatorGroup`). Each command imports the
services it needs inside itself, so a command pays only for what it uses.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module
from typing import Annotated

import typer

from .. import __version__
from ..errors import FacilitatorError, InvalidInput
from .base import DbOption, PassphraseFileOption, State, app


def _version(value: bool) -> None:
    if value:
        typer.echo(f"facilitator {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    db: DbOption = None,
    passphrase_file: PassphraseFileOption = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Bare `facilitator` opens the terminal application."""
    ctx.obj = State(db, passphrase_file)
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is None:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise InvalidInput("The application needs a terminal; in a script or a pipe use a subcommand "
                               "(see `facilitator --help`).")
        application = build_application(ctx.obj, settled=quiet_garbage_collector)
        if application.opening is None:  # else once the database is open and the list is on screen
            quiet_garbage_collector()
        try:
            application.run()
        finally:
            if application.opening is not None and application.engine is not None:  # the one it opened itself
                from ..db import close_engine

                close_engine(application.engine)
        if application.failed is not None:  # the database could not be opened: its one line, exit 2
            raise application.failed
        if application.rescued_to is not None:
            typer.echo(f"facilitator: the database could not take the last lines typed; they are in "
                       f"{application.rescued_to}", err=True)
            raise typer.Exit(application.return_code or 1)
        if application.return_code:
            raise typer.Exit(application.return_code)


def build_application(state: State, settled: Callable[[], None] = lambda: None):
    """The terminal application on the database of `state`, painted before that database is opened;
    `settled` runs once it is open and the meetings list is on screen.

    An encrypted database is opened now, as before: its passphrase is asked for on the terminal before the
    screen takes it. Any other is opened by the application after its first frame (screens/app.py), through
    the same `open_engine`, so a database that cannot be opened still ends in its one line and exit 2."""
    # The one place the core reaches into the UI.
    from screens.app import Opening, make_app

    if _encrypted(state.db):
        return make_app(engine=state.engine)

    def open_database():
        from ..db import open_engine

        return open_engine(state.db)

    return make_app(opening=Opening(state.db, open_database, settled))


def _encrypted(db: str | None) -> bool:
    """Whether the database file needs a passphrase (see dbfile.check_file); a file that is wrong in any other
    way is left for open_engine to refuse, in its words."""
    from ..dbfile import PassphraseRequired, check_file
    from ..dbpath import file_of

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
    not before its first frame, which it would only delay."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)


# Each subject module registers its commands on `app`, in the order `--help` lists them.
for _subject in ("meetings", "agenda", "people", "followup", "files", "archive", "projector"):
    import_module(f"{__name__}.{_subject}")


def main() -> None:
    """Console-script entry point."""
    app(prog_name="facilitator")
