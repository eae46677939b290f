"""The `facilitator` command. Bare, it opens the TUI; its subcommands do the
same jobs without a screen, for scripts and for rapporteurs who prefer a shell.

Every user error is one line on stderr and exit code 2, never a traceback:
`main()` turns `FacilitatorError` and Click's usage errors into that line.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
import typer.core

from . import __version__, services
from .db import open_engine
from .errors import FacilitatorError

# Typer vendors Click and exports only BadParameter; ClickException is its base,
# the class of every usage error (unknown option, missing argument, bad value).
ClickException = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


class FacilitatorGroup(typer.core.TyperGroup):
    """Turns every user error into one line on stderr and exit 2.

    Click's standalone mode prints usage errors over three lines and lets other
    exceptions escape as tracebacks; here a `FacilitatorError` or a usage error
    is one sentence, whether run from a shell or from Typer's CliRunner.
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


class State:
    def __init__(self, db: str | None) -> None:
        self.db = db
        self._engine = None

    @property
    def engine(self):
        if self._engine is None:
            self._engine = open_engine(self.db)
        return self._engine


def _state(ctx: typer.Context) -> State:
    return ctx.find_root().obj


def _version(value: bool) -> None:
    if value:
        typer.echo(f"facilitator {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    db: DbOption = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Bare `facilitator` opens the terminal application."""
    ctx.obj = State(db)
    if ctx.invoked_subcommand is None:
        engine = ctx.obj.engine  # open (and check) the database before the screen starts
        from screens.app import make_app  # the one place the core reaches into the UI

        make_app(engine=engine).run()


@app.command("templates")
def templates_cmd() -> None:
    """List the bundled agenda templates."""
    from .templates import list_templates

    for tpl in list_templates():
        hours, minutes = divmod(tpl.planned_minutes, 60)
        typer.echo(f"{tpl.key:<12} {tpl.name:<20} {tpl.rule:<20} {len(tpl.items):>2} items {hours}h{minutes:02d}  "
                   f"{tpl.description}")


@app.command("new")
def new_cmd(
    ctx: typer.Context,
    template: Annotated[str, typer.Argument(help="Template key (see `facilitator templates`) or a .toml file.")],
    title: Annotated[str, typer.Option("--title", help="Meeting title.")],
    date: Annotated[str, typer.Option("--date", help="Date, YYYY-MM-DD.")],
    place: Annotated[str, typer.Option("--place", help="Where it takes place.")] = "",
    rule: Annotated[Optional[str], typer.Option(
        "--rule", help="chatham-house | not-for-attribution | on-the-record (default: the template's).")] = None,
    end_date: Annotated[Optional[str], typer.Option("--end-date", help="Last day, YYYY-MM-DD.")] = None,
    subject: Annotated[str, typer.Option("--subject", help="Subject line for the memo.")] = "",
) -> None:
    """Create a meeting from a template and print its id."""
    from .templates import load_template

    tpl = load_template(template)  # validate the template before the database is opened or created
    start = services.parse_date(date)
    end = services.parse_date(end_date, "end date") if end_date else None
    meeting = services.create_meeting(
        _state(ctx).engine, tpl, title=title, date=start, place=place, rule=rule, end_date=end, subject=subject
    )
    typer.echo(meeting.id)


@app.command("list")
def list_cmd(ctx: typer.Context) -> None:
    """List meetings, newest first."""
    meetings = services.list_meetings(_state(ctx).engine)
    if not meetings:
        typer.echo("No meetings yet: `facilitator new roundtable --title ... --date YYYY-MM-DD` creates one.")
        return
    for m in meetings:
        typer.echo(f"{m.id[:8]}  {m.date.isoformat()}  {m.rule:<19}  {m.note_count:>4} notes  {m.title}")


@app.command("show")
def show_cmd(ctx: typer.Context, meeting: MeetingArg) -> None:
    """Print a meeting's agenda and notes."""
    engine = _state(ctx).engine
    found = services.resolve_meeting(engine, meeting)
    detail = services.get_detail(engine, found.id)
    m = detail.meeting
    typer.echo(f"{m.title}\n{m.date.isoformat()}  {m.place}  ({m.rule})  id {m.id}")
    by_item: dict[str | None, list] = {}
    for note in detail.notes:
        by_item.setdefault(note.item_id, []).append(note)
    for item in detail.items:
        rule = f" [{item.rule}]" if item.rule else ""
        typer.echo(f"\n{item.position}. {item.title} ({item.kind}, {item.planned_minutes} min){rule}")
        for note in by_item.get(item.id, []):
            flags = ("* " if note.key else "") + (f"-> {note.addressee} " if note.addressee else "")
            head = f"{note.headline} :: " if note.headline else ""
            typer.echo(f"   - [{note.kind}] {flags}{head}{note.text}")


@app.command("note")
def note_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    text: Annotated[str, typer.Argument(help="The note's text.")],
    kind: Annotated[Optional[str], typer.Option(
        "--kind", "-k", help="reflection | recommendation | challenge | best-practice | quote | action | observation "
                             "(default: the agenda item's).")] = None,
    item: Annotated[Optional[int], typer.Option(
        "--item", "-i", help="Agenda item number (default: the current item, the first until the meeting has run).")]
    = None,
    addressee: Annotated[str, typer.Option("--addressee", "-a", help='Who it is addressed to, e.g. "UN".')] = "",
    headline: Annotated[str, typer.Option("--headline", help="One-sentence headline.")] = "",
    speaker: Annotated[str, typer.Option("--speaker", help="Who said it (never exported under protected rules).")]
    = "",
    key: Annotated[bool, typer.Option("--key", help="Mark as a key point.")] = False,
) -> None:
    """Add a note without a screen and print its id."""
    engine = _state(ctx).engine
    found = services.resolve_meeting(engine, meeting)
    item_id = services.item_by_number(engine, found.id, item).id if item is not None else None
    note = services.add_note(
        engine, found.id, text, kind=kind, item_id=item_id, headline=headline, addressee=addressee,
        speaker=speaker, key=key,
    )
    typer.echo(note.id)


@app.command("export")
def export_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    style: Annotated[str, typer.Option("--style", "-s", help="House style: report | memo.")] = "report",
    fmt: Annotated[str, typer.Option("--format", "-f", help="File format: md | docx.")] = "docx",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (default: in this folder).")]
    = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a meeting as a document in a house style."""
    from .services.exporting import export_meeting

    engine = _state(ctx).engine
    found = services.resolve_meeting(engine, meeting)
    path = export_meeting(engine, found.id, style, fmt, output, force=force)
    typer.echo(str(path))


@app.command("bundle")
def bundle_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="Bundle file to write (JSON).")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write one whole meeting to a single JSON file, to carry to another laptop."""
    from .services.bundles import write_bundle

    engine = _state(ctx).engine
    found = services.resolve_meeting(engine, meeting)
    typer.echo(str(write_bundle(engine, found.id, output, force=force)))


@app.command("import")
def import_cmd(
    ctx: typer.Context,
    bundle: Annotated[Path, typer.Argument(help="A bundle written by `facilitator bundle`.")],
) -> None:
    """Merge a bundle into this database (rows matched by id; safe to repeat)."""
    from .services.bundles import import_bundle, read_bundle

    read_bundle(bundle)  # validate before the database is opened or created
    report = import_bundle(_state(ctx).engine, bundle)
    typer.echo(f"{report.meeting.id[:8]}  {report.meeting.title}: {report.added} added, {report.updated} updated, "
               f"{report.unchanged} unchanged")


@app.command("demo")
def demo_cmd(ctx: typer.Context) -> None:
    """Load two demo meetings (a network roundtable and a breakfast meeting)."""
    from .services.demo import load_demo

    for meeting in load_demo(_state(ctx).engine):
        typer.echo(f"{meeting.id}  {meeting.title}")


def main() -> None:
    """Console-script entry point."""
    app(prog_name="facilitator")


if __name__ == "__main__":  # pragma: no cover
    main()
