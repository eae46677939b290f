"""What every command shares: the command group that turns errors into one
line, the `app`, the global options, the lazily opened database (the
`State` of facilitator.launch), and `meeting_of`, the one way a command
turns a meeting argument into a meeting (`read_of_meeting` where a command
may read it without the ORM).

Nothing here imports the service layer or SQLAlchemy at module level: `--help`
and commands that never touch the database do not pay for them (issue 14).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
import typer.core

from ..launch import State, one_line_errors

# Typer vendors Click and exports only BadParameter; ClickException is its base,
# the class of every usage error (unknown option, missing argument, bad value).
ClickException = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


class _PlainValuesFirst:
    """Typer's coercion of one parameter, built only for a value that needs it.

    Typer 0.29 builds a Pydantic TypeAdapter for every parameter it processes,
    even an option not given, and importing Pydantic is half of what a command
    like `list` or `show --help` costs (issue 14). An option not given, a
    string given to a `str` parameter and an `int` option left at the default
    declared here (a valid one: Typer checks it the same way) come out of
    Typer's coercion unchanged, so they are answered here; every other value
    goes to Typer's own coercion, built on first use. If Typer renames the
    method this replaces, nothing is replaced and every value goes through
    Typer as before, only slower (tests/test_launch.py notices).
    """

    def __init__(self, param) -> None:
        self._typer_coercion = param.get_runtime_param  # bound before it is replaced

    def __call__(self) -> _PlainValuesFirst:  # stands in for the parameter's get_runtime_param()
        return self

    def coerce(self, value, param, ctx):
        if value is None:
            return () if param.multiple or param.nargs == -1 else None
        annotation = param.type_descriptor.annotation
        if param.nargs == 1 and not param.multiple and annotation in (str, int) and type(value) is annotation \
                and getattr(param.type_descriptor.parameter_info, "parser", None) is None \
                and (annotation is str or value == param.default):  # an int: the default declared here
            return value
        return self._typer_coercion().coerce(value, param=param, ctx=ctx)


def _plain_values_first(param) -> None:
    if callable(getattr(param, "get_runtime_param", None)) and "get_runtime_param" not in vars(param):
        param.get_runtime_param = _PlainValuesFirst(param)


def _coerce_plain_values_first(command) -> None:
    """Every parameter of `command` and its subcommands, and the help option each makes when first asked."""
    for param in command.params:
        _plain_values_first(param)
    typer_help_option = command.get_help_option

    def help_option(ctx):
        option = typer_help_option(ctx)
        if option is not None:
            _plain_values_first(option)
        return option

    command.get_help_option = help_option
    for sub in getattr(command, "commands", {}).values():
        _coerce_plain_values_first(sub)


class FacilitatorGroup(typer.core.TyperGroup):
    """Turns every user error into one line on stderr and exit 2.

    Click's standalone mode prints usage errors over three lines and lets other
    exceptions escape as tracebacks; here a `FacilitatorError`, a usage error or
    a file system error is one sentence, whether run from a shell or from
    Typer's CliRunner.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _coerce_plain_values_first(self)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        with one_line_errors():
            try:
                result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            except typer.Abort:
                typer.echo("facilitator: aborted.", err=True)
                sys.exit(1)
            except ClickException as exc:
                typer.echo(f"facilitator: {exc.format_message()}", err=True)
                sys.exit(2)
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


def state(ctx: typer.Context) -> State:
    return ctx.find_root().obj


def meeting_of(ctx: typer.Context, ref: str):
    """(engine, meeting) for a meeting argument: an id or an unambiguous prefix of one."""
    from ..services import resolve_meeting

    engine = state(ctx).engine
    return engine, resolve_meeting(engine, ref)


def read_of_meeting(ctx: typer.Context, ref: str, quick, full):
    """What a command prints of the meeting `ref` names: `quick(db, ref)` (facilitator.quickread), which
    reads a plain database with sqlite3 alone, else `full(services, engine, meeting_id)` through the service
    layer, which also says, in its words, what is wrong with the database or the reference."""
    found = quick(state(ctx).db, ref)
    if found is None:
        from .. import services

        engine, meeting = meeting_of(ctx, ref)
        found = full(services, engine, meeting.id)
    return found


def date_option(value: str | None, name: str):
    from ..text import parse_date

    return parse_date(value, name) if value is not None else None  # "" is a date got wrong, not "today"
