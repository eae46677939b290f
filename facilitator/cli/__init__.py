"""The `facilitator` command. Bare, it opens the TUI; its subcommands do the
same jobs without a screen, for scripts and for rapporteurs who prefer a shell.

One module per subject (meetings, agenda, people, follow-up, files); `base` holds
what they share. Every user error is one line on stderr and exit code 2,
never a traceback (`base.FacilitatorGroup`). Each command imports the
services it needs inside itself, so a command pays only for what it uses.
"""

from __future__ import annotations

from importlib import import_module
from typing import Annotated

import typer

from .. import __version__
from ..launch import State, run_application
from .base import DbOption, PassphraseFileOption, app


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
    if ctx.invoked_subcommand is None:  # the console script opens it without Typer (facilitator.launch)
        code = run_application(ctx.obj)
        if code:
            raise typer.Exit(code)


# Each subject module registers its commands on `app`, in the order `--help` lists them.
for _subject in ("meetings", "agenda", "people", "followup", "files", "archive", "projector"):
    import_module(f"{__name__}.{_subject}")


def main() -> None:
    """Run the command line in sys.argv (the console script comes here through facilitator.launch)."""
    app(prog_name="facilitator")
