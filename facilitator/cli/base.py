"""What every command shares: the command group that turns errors into one
line, the `app`, the global options, the lazily opened database (`State`),
and `meeting_of`, the one way a command turns a meeting argument into a
meeting.

Nothing here imports the service layer or SQLAlchemy at module level: `--help`
and commands that never touch the database do not pay for them (issue 14).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
import typer.core

from ..errors import FacilitatorError

# Typer vendors Click and exports only BadParameter; ClickException is its base,
# the class of every usage error (unknown option, missing argument, bad value).
ClickException = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


class FacilitatorGroup(typer.core.TyperGroup):
    """Turns every user error into one line on stderr and exit 2.

    Click's standalone mode prints usage errors over three lines and lets other
    exceptions escape as tracebacks; here a `FacilitatorError`, a usage error or
    a file system error is one sentence, whether run from a shell or from
    Typer's CliRunner.
    """

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except FacilitatorError as exc:
            typer.echo(f"facilitator: {exc}", err=True)
            sys.exit(2)
        except typer.Abort:
            typer.echo("facilitator: aborted.", err=True)
            sys.exit(1)
        except ClickException as exc:
            typer.echo(f"facilitator: {exc.format_message()}", err=True)
            sys.exit(2)
        except OSError as exc:  # a file the services did not foresee: still one line, never a traceback
            where = f"{exc.filename}: " if exc.filename else ""
            typer.echo(f"facilitator: {where}{exc.strerror or exc}.", err=True)
            sys.exit(2)
        except KeyboardInterrupt:
            sys.exit(130)
        sys.exit(result if isinstance(result, int) else 0)


app = typer.Typer(
    cls=FacilitatorGroup,
    name="facilitator",
    help="Capture policy roundtables live and write them up the same day.",
    add_completion=False,
    no_args_is_help=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DbOption = Annotated[
    Optional[str],
    typer.Option("--db", help="Database file or sqlite:/// URL (default: $FACILITATOR_DB, else the user data folder).",
                 show_default=False),
]
MeetingArg = Annotated[str, typer.Argument(help="Meeting id, or the first characters of it.", show_default=False)]
PassphraseFileOption = Annotated[Optional[Path], typer.Option(
    "--passphrase-file", help="Read the passphrase from the first line of this file (else $FACILITATOR_PASSPHRASE, "
                              "else it is asked for on the terminal).", show_default=False)]


class State:
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
            from ..db import PassphraseRequired, open_engine
            from ..encryption import available
            from ..passphrases import get_passphrase

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
            from ..db import close_engine

            close_engine(self._engine)
            self._engine = None


def state(ctx: typer.Context) -> State:
    return ctx.find_root().obj


def meeting_of(ctx: typer.Context, ref: str):
    """(engine, meeting) for a meeting argument: an id or an unambiguous prefix of one."""
    from ..services import resolve_meeting

    engine = state(ctx).engine
    return engine, resolve_meeting(engine, ref)


def date_option(value: str | None, name: str):
    from ..services import parse_date

    return parse_date(value, name) if value else None
