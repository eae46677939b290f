"""The `facilitator` command. Bare, it opens the TUI; its subcommands do the
same jobs without a screen, for scripts and for rapporteurs who prefer a shell.

Every user error is one line on stderr and exit code 2, never a traceback:
`main()` turns `FacilitatorError` and Click's usage errors into that line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
import typer.core

from . import __version__, services
from .db import close_engine, exclusive, open_engine
from .errors import DatabaseError, FacilitatorError, InvalidInput
from .passphrases import confirm, get_passphrase

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
            from .db import PassphraseRequired
            from .encryption import available

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
            close_engine(self._engine)
            self._engine = None


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
        engine = ctx.obj.engine  # open (and check) the database before the screen starts
        from screens.app import make_app  # the one place the core reaches into the UI

        application = make_app(engine=engine)
        application.run()
        if application.rescued_to is not None:
            typer.echo(f"facilitator: the database could not take the last lines typed; they are in "
                       f"{application.rescued_to}", err=True)
            raise typer.Exit(application.return_code or 1)
        if application.return_code:
            raise typer.Exit(application.return_code)


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
    series: Annotated[str, typer.Option("--series", help="Series name, e.g. an annual dialogue.")] = "",
    carry_forward: Annotated[bool, typer.Option(
        "--carry-forward", help="Add a review item with the series' previous open recommendations and actions.")]
    = False,
) -> None:
    """Create a meeting from a template and print its id."""
    from .templates import load_template

    tpl = load_template(template)  # validate the template before the database is opened or created
    start = services.parse_date(date)
    end = services.parse_date(end_date, "end date") if end_date else None
    meeting = services.create_meeting(
        _state(ctx).engine, tpl, title=title, date=start, place=place, rule=rule, end_date=end, subject=subject,
        series=series,
    )
    if carry_forward:
        from .services.followup import carry_forward as carry

        review = carry(_state(ctx).engine, meeting.id)
        count = len(services.list_notes(_state(ctx).engine, meeting.id, review.id)) if review else 0
        typer.echo(f"carried forward {count} open item(s) from the previous meeting of the series", err=True)
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
    theme: Annotated[Optional[list[str]], typer.Option(
        "--theme", "-t", help="Theme (repeatable); new themes join the meeting's list.")] = None,
    group: Annotated[str, typer.Option("--group", "-g", help="Breakout group (a name or its first letters).")] = "",
) -> None:
    """Add a note without a screen and print its id."""
    engine = _state(ctx).engine
    found = services.resolve_meeting(engine, meeting)
    item_id = services.item_by_number(engine, found.id, item).id if item is not None else None
    note = services.add_note(
        engine, found.id, text, kind=kind, item_id=item_id, headline=headline, addressee=addressee,
        speaker=speaker, key=key, themes=theme or [], group=group,
    )
    typer.echo(note.id)


def _guest(value: str) -> dict:
    name, _, role = value.partition(",")
    if not name.strip():
        raise InvalidInput(f'Bad --guest {value!r}: use "NAME, ROLE".')
    return {"name": name.strip(), "role": role.strip()}


@app.command("edit")
def edit_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    title: Annotated[Optional[str], typer.Option("--title")] = None,
    subject: Annotated[Optional[str], typer.Option("--subject")] = None,
    place: Annotated[Optional[str], typer.Option("--place")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="YYYY-MM-DD")] = None,
    end_date: Annotated[Optional[str], typer.Option("--end-date", help="YYYY-MM-DD, or '' to clear")] = None,
    organiser: Annotated[Optional[list[str]], typer.Option(
        "--organiser", help="Organiser name (repeatable; replaces the list).")] = None,
    guest: Annotated[Optional[list[str]], typer.Option(
        "--guest", help='Guest of honour as "NAME, ROLE" (repeatable; replaces the list).')] = None,
    participants_text: Annotated[Optional[str], typer.Option(
        "--participants-text", help='Who took part, e.g. "15 civil society organisations from all continents".')]
    = None,
    preceded_by: Annotated[Optional[str], typer.Option("--preceded-by", help="What preceded and informed it.")]
    = None,
    rule: Annotated[Optional[str], typer.Option("--rule", help="chatham-house | not-for-attribution | on-the-record")]
    = None,
    theme: Annotated[Optional[list[str]], typer.Option("--theme", help="Theme (repeatable; replaces the list).")]
    = None,
    lead: Annotated[Optional[str], typer.Option("--lead", help="Lead paragraph ('' to draft it from data again).")]
    = None,
    disclaimer: Annotated[Optional[str], typer.Option("--disclaimer", help="Disclaimer ('' to draft it again).")]
    = None,
    outlook: Annotated[Optional[str], typer.Option("--outlook", help="Outlook section of an update.")] = None,
    byline: Annotated[Optional[str], typer.Option("--byline", help="Byline of an update.")] = None,
    kicker: Annotated[Optional[str], typer.Option("--kicker", help="Small line above the title.")] = None,
    speaker_limit: Annotated[Optional[int], typer.Option(
        "--speaker-limit", help="Seconds each speaker may talk (0: no limit).")] = None,
    bell: Annotated[Optional[bool], typer.Option("--bell/--no-bell", help="Ring the terminal bell at zero.")]
    = None,
) -> None:
    """Set the meeting's details that the house styles draw on."""
    changes: dict = {}
    for name, value in (("title", title), ("subject", subject), ("place", place),
                        ("participants_text", participants_text), ("preceded_by", preceded_by), ("rule", rule),
                        ("lead", lead), ("disclaimer", disclaimer), ("outlook", outlook), ("byline", byline),
                        ("kicker", kicker)):
        if value is not None:
            changes[name] = value
    if date is not None:
        changes["date"] = services.parse_date(date)
    if end_date is not None:
        changes["end_date"] = services.parse_date(end_date, "end date") if end_date.strip() else None
    if organiser is not None:
        changes["organisers"] = [o.strip() for o in organiser if o.strip()]
    if guest is not None:
        changes["guests"] = [_guest(g) for g in guest]
    if theme is not None:
        changes["themes"] = theme
    if speaker_limit is not None:
        changes["speaker_limit"] = speaker_limit
    if bell is not None:
        changes["bell"] = bell
    if not changes:
        raise InvalidInput("Nothing to change: give at least one option (see `facilitator edit --help`).")
    engine = _state(ctx).engine
    found = services.resolve_meeting(engine, meeting)
    from .services.meetings import edit_meeting

    change = edit_meeting(engine, found.id, **changes)
    updated = change.meeting
    typer.echo(f"{updated.id[:8]}  {updated.title}: updated {', '.join(sorted(changes))}")
    if change.protected:
        typer.echo(f"No longer attributable under the new rule (they were registered automatically as "
                   f"speakers): {', '.join(change.protected)}.", err=True)


participants_app = typer.Typer(help="Register and list a meeting's participants.", no_args_is_help=True)
app.add_typer(participants_app, name="participants")


@participants_app.command("add")
def participants_add_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    name: Annotated[str, typer.Argument(help="Full name.")],
    organisation: Annotated[str, typer.Option("--organisation", "--org")] = "",
    role: Annotated[str, typer.Option("--role")] = "",
    region: Annotated[str, typer.Option("--region", help="Used in anonymised forms: 'one participant from …'.")]
    = "",
    category: Annotated[str, typer.Option(
        "--category", help="panelist | regional-organisation | member-state | civil-society | other")] = "",
    kind: Annotated[str, typer.Option(
        "--kind", help="person | organisation | delegation (default: from the category; a Member State or a "
                       "regional organisation is a delegation, public by nature).")] = "",
    surname: Annotated[str, typer.Option(
        "--surname", help='The family name where it is not the last word (e.g. "Nguyễn" in "Nguyễn Thị Minh").')]
    = "",
    attributable: Annotated[bool, typer.Option(
        "--attributable", help="May be named even under the Chatham House rule (e.g. a guest of honour).")] = False,
) -> None:
    """Register a participant and print their id."""
    engine = _state(ctx).engine
    found = services.resolve_meeting(engine, meeting)
    person = services.add_participant(engine, found.id, name, organisation=organisation, role=role, region=region,
                                      category=category, kind=kind, surname=surname, attributable=attributable)
    typer.echo(person.id)


@participants_app.command("import")
def participants_import_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    file: Annotated[Path, typer.Argument(help="CSV with columns name, organisation, role, region, attributable, "
                                              "category (only name is required).")],
) -> None:
    """Register participants from a CSV file (all rows or none)."""
    from .services.roster import import_participants

    engine = _state(ctx).engine
    found = services.resolve_meeting(engine, meeting)
    typer.echo(f"imported {import_participants(engine, found.id, file)} participant(s)")


@participants_app.command("list")
def participants_list_cmd(ctx: typer.Context, meeting: MeetingArg) -> None:
    """List a meeting's participants."""
    engine = _state(ctx).engine
    found = services.resolve_meeting(engine, meeting)
    for p in services.list_participants(engine, found.id):
        mark = "attributable" if p.attributable else "protected"
        typer.echo(f"{p.id[:8]}  {p.name:<28} {p.organisation:<32} {p.region:<18} {mark}")


speakers_app = typer.Typer(help="The speakers list of a plenary dialogue.", no_args_is_help=True)
app.add_typer(speakers_app, name="speakers")


@speakers_app.command("import")
def speakers_import_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    file: Annotated[Path, typer.Argument(help="CSV in speaking order: name, category, on_behalf_of, members, "
                                              "language (name and category required).")],
) -> None:
    """Append a speakers list from CSV, in speaking order (all rows or none)."""
    from .services.roster import import_speakers

    engine = _state(ctx).engine
    found = services.resolve_meeting(engine, meeting)
    typer.echo(f"imported {import_speakers(engine, found.id, file)} speaker(s)")


@speakers_app.command("list")
def speakers_list_cmd(ctx: typer.Context, meeting: MeetingArg) -> None:
    """The speakers list in order, with each entry's state and time."""
    from .clock import format_duration
    from .services.speakers import list_queue

    engine = _state(ctx).engine
    found = services.resolve_meeting(engine, meeting)
    for entry in list_queue(engine, found.id):
        behalf = f" on behalf of {entry.on_behalf_of}" if entry.on_behalf_of else ""
        time_taken = format_duration(entry.seconds) if entry.seconds else ""
        typer.echo(f"{entry.position:>3}. {entry.name}{behalf}  [{entry.category or '-'}] {entry.language}  "
                   f"{entry.status} {time_taken}".rstrip())


@speakers_app.command("stats")
def speakers_stats_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | csv")] = "table",
) -> None:
    """Speaking time and number of interventions per person or delegation."""
    from .clock import format_duration
    from .services.speakers import stats

    if fmt not in ("table", "csv"):
        raise InvalidInput(f"Unknown format {fmt!r}; use table or csv.")
    engine = _state(ctx).engine
    found = services.resolve_meeting(engine, meeting)
    rows = stats(engine, found.id, for_readers=fmt == "csv")
    if fmt == "csv":
        from .csvfiles import write_csv

        typer.echo(write_csv(["name", "category", "interventions", "seconds"],
                             [[r.name, r.category, r.interventions, r.seconds] for r in rows]), nl=False)
        return
    for r in rows:
        typer.echo(f"{r.name:<36} {r.category:<22} {r.interventions:>3}  {format_duration(r.seconds):>8}")


@app.command("organiser")
def organiser_cmd(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Organiser name, as listed on meetings.")],
    about: Annotated[str, typer.Option("--about", help="A short 'About' paragraph.")] = "",
    url: Annotated[str, typer.Option("--url", help="Web address.")] = "",
) -> None:
    """Create or update a reusable organiser profile (used by the memo's About paragraphs)."""
    profile = services.save_organiser(_state(ctx).engine, name, about=about, url=url)
    typer.echo(f"{profile.name}: saved")


@app.command("audit")
def audit_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    anonymise: Annotated[bool, typer.Option(
        "--anonymise", help="Show how every flagged text would be anonymised, then ask before rewriting them.")]
    = False,
    yes: Annotated[bool, typer.Option("--yes", help="With --anonymise: apply without asking.")] = False,
) -> None:
    """List the texts that name participants who may not be identified. Exits 1 while flags are open."""
    from .services import audit as audit_service

    engine = _state(ctx).engine
    found = services.resolve_meeting(engine, meeting)
    flags = audit_service.audit_meeting(engine, found.id)
    if not flags:
        typer.echo("No open flags: nothing names a participant who may not be identified.")
        return
    for flag in flags:
        typer.echo(f"{flag.where}: {flag.what} of {flag.participant} — {flag.excerpt}")
    if anonymise:
        changes = audit_service.anonymise_preview(engine, found.id, flags)
        for change in changes:
            typer.echo(f"\n{change.where}\n  - {change.before}\n  + {change.after}")
        if changes and (yes or typer.confirm(f"\nRewrite these {len(changes)} text(s)?", default=False)):
            audit_service.anonymise(engine, found.id, flags)
            typer.echo(f"Anonymised {len(changes)} text(s).")
        flags = audit_service.audit_meeting(engine, found.id)
        if not flags:
            return
        typer.echo(f"{len(flags)} flag(s) still open.")
    raise typer.Exit(1)


@app.command("export")
def export_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    style: Annotated[str, typer.Option(
        "--style", "-s", help="House style: report | memo | workshop | dialogue | update.")] = "report",
    fmt: Annotated[str, typer.Option("--format", "-f", help="File format: docx | md | html | pdf.")] = "docx",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (default: in this folder).")]
    = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    allow_attribution: Annotated[bool, typer.Option(
        "--allow-attribution", help="Export even though the audit has open flags (names may appear).")] = False,
) -> None:
    """Write a meeting as a document in a house style."""
    from .services.exporting import export_meeting

    engine = _state(ctx).engine
    found = services.resolve_meeting(engine, meeting)
    if allow_attribution:
        typer.echo("facilitator: warning: --allow-attribution skips the attribution audit; the document may name "
                   "participants who may not be identified.", err=True)
    path = export_meeting(engine, found.id, style, fmt, output, force=force, allow_attribution=allow_attribution)
    typer.echo(str(path))


@app.command("bundle")
def bundle_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="Bundle file to write (JSON).")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    group: Annotated[Optional[str], typer.Option("--group", "-g", help="Only this breakout group's notes.")] = None,
    seal: Annotated[bool, typer.Option("--seal", help="Encrypt with a passphrase (asked for, never stored).")]
    = False,
    passphrase_file: PassphraseFileOption = None,
) -> None:
    """Write one whole meeting (or one breakout group's part) to a single JSON file."""
    from .services.bundles import write_bundle

    engine = _state(ctx).engine
    found = services.resolve_meeting(engine, meeting)
    if passphrase_file is not None and not seal:
        raise InvalidInput("--passphrase-file is for a sealed bundle: add --seal.")
    passphrase = get_passphrase("Passphrase", file=passphrase_file, confirm=True) if seal else None
    typer.echo(str(write_bundle(engine, found.id, output, force=force, group=group, passphrase=passphrase)))


@app.command("import")
def import_cmd(
    ctx: typer.Context,
    bundle: Annotated[Path, typer.Argument(help="A bundle written by `facilitator bundle`.")],
    accept_rule_change: Annotated[bool, typer.Option(
        "--accept-rule-change", help="Apply the bundle's changes toward a less protective attribution rule "
                                     "(kept out otherwise).")] = False,
    passphrase_file: PassphraseFileOption = None,
) -> None:
    """Merge a bundle into this database (rows matched by id; safe to repeat)."""
    from .services.bundles import PassphraseNeeded, import_bundle, read_bundle

    passphrase = None
    try:
        read_bundle(bundle)  # validate before the database is opened or created
    except PassphraseNeeded:
        passphrase = get_passphrase("Passphrase", file=passphrase_file)
        read_bundle(bundle, passphrase)
    report = import_bundle(_state(ctx).engine, bundle, passphrase, accept_rule_change=accept_rule_change)
    line = (f"{report.meeting.id[:8]}  {report.meeting.title}: {report.added} added, {report.updated} updated, "
            f"{report.unchanged} unchanged, {report.conflicts} in conflict")
    if report.foreign:
        line += f", {report.foreign} left alone (their ids belong to another meeting)"
    if report.rule_changes:
        line += (f", rule change {'applied' if report.rule_changes_applied else 'kept out'}: "
                 f"{'; '.join(report.rule_changes)}")
    typer.echo(line)
    if report.conflicts:
        typer.echo("Notes edited on both laptops keep the later edit; the other version is kept as a revision "
                   "(see the review screen).", err=True)
    if report.rule_changes and not report.rule_changes_applied:
        typer.echo("facilitator: warning: the bundle would put speakers under a less protective attribution rule; "
                   "the stricter rule was kept. Import again with --accept-rule-change to apply it.", err=True)


def _date_option(value: str | None, name: str):
    return services.parse_date(value, name) if value else None


@app.command("search")
def search_cmd(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help='Words (all must match), "a phrase", or a prefix*.')],
    kind: Annotated[Optional[str], typer.Option("--kind", "-k")] = None,
    addressee: Annotated[Optional[str], typer.Option("--addressee", "-a")] = None,
    theme: Annotated[Optional[str], typer.Option("--theme", "-t")] = None,
    rule: Annotated[Optional[str], typer.Option("--rule")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="From this meeting date, YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Up to this meeting date, YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000)] = 20,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | json")] = "table",
) -> None:
    """Search every meeting's notes, headlines and agenda items."""
    from .services.search import search

    if fmt not in ("table", "json"):
        raise InvalidInput(f"Unknown format {fmt!r}; use table or json.")
    hits = search(_state(ctx).engine, query, kind=kind, addressee=addressee, theme=theme, rule=rule,
                  since=_date_option(since, "--since date"), until=_date_option(until, "--until date"), limit=limit)
    if fmt == "json":
        typer.echo(json.dumps([h.model_dump(mode="json") for h in hits], ensure_ascii=False, indent=1))
        return
    if not hits:
        typer.echo("No matches.")
    for hit in hits:
        who = f"  ({hit.speaker})" if hit.speaker else ""
        typer.echo(f"{hit.note_id[:8]}  {hit.meeting_date}  {hit.meeting_title[:40]:<40}  {hit.kind:<14} "
                   f"{hit.snippet}{who}")


@app.command("reindex")
def reindex_cmd(ctx: typer.Context) -> None:
    """Rebuild the full-text search index."""
    from .services.search import reindex

    typer.echo(f"indexed {reindex(_state(ctx).engine)} notes")


followup_app = typer.Typer(help="Follow recommendations and actions until they are achieved.", no_args_is_help=True)
app.add_typer(followup_app, name="followup")


@followup_app.command("list")
def followup_list_cmd(
    ctx: typer.Context,
    addressee: Annotated[Optional[str], typer.Option("--addressee", "-a")] = None,
    status: Annotated[Optional[str], typer.Option(
        "--status", "-s", help="proposed | taken-up | in-progress | achieved | dropped (default: all open)")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | md | csv")] = "table",
) -> None:
    """The tracker: recommendations and actions across meetings."""
    from .services.followup import tracker_text

    typer.echo(tracker_text(_state(ctx).engine, fmt, addressee=addressee, status=status), nl=False)


@followup_app.command("set")
def followup_set_cmd(
    ctx: typer.Context,
    note: Annotated[str, typer.Argument(help="Note id or prefix.")],
    status: Annotated[str, typer.Argument(help="proposed | taken-up | in-progress | achieved | dropped")],
    comment: Annotated[str, typer.Option("--comment", "-c")] = "",
    date: Annotated[Optional[str], typer.Option("--date", help="When it happened, YYYY-MM-DD (default today).")]
    = None,
) -> None:
    """Record a change of status, with an optional comment."""
    from .services.followup import resolve_note, set_status

    engine = _state(ctx).engine
    found = resolve_note(engine, note)
    change = set_status(engine, found.id, status, comment=comment, date=_date_option(date, "date"))
    typer.echo(f"{found.id[:8]}  {change.status} on {change.date}")


@followup_app.command("link")
def followup_link_cmd(
    ctx: typer.Context,
    note: Annotated[str, typer.Argument(help="The later note (id or prefix).")],
    earlier: Annotated[str, typer.Argument(help="The earlier recommendation it reports on.")],
) -> None:
    """Link a later note to the earlier recommendation it reports on."""
    from .services.followup import link, resolve_note

    engine = _state(ctx).engine
    later, before = resolve_note(engine, note), resolve_note(engine, earlier)
    link(engine, later.id, before.id)
    typer.echo(f"{later.id[:8]} reports on {before.id[:8]}")


@followup_app.command("show")
def followup_show_cmd(ctx: typer.Context, note: Annotated[str, typer.Argument(help="Note id or prefix.")]) -> None:
    """A recommendation's status history and links."""
    from .services.followup import history, links_of, resolve_note

    engine = _state(ctx).engine
    found = resolve_note(engine, note)
    typer.echo(f"{found.id[:8]}  [{found.kind}] {found.headline or found.text}\nstatus: {found.status or '-'}")
    for change in history(engine, found.id):
        typer.echo(f"  {change.date}  {change.status:<12} {change.comment}")
    earlier, later = links_of(engine, found.id)
    for n in earlier:
        typer.echo(f"  reports on {n.id[:8]}  {n.headline or n.text}")
    for n in later:
        typer.echo(f"  reported on by {n.id[:8]}  {n.text}")


@app.command("phrases")
def phrases_cmd(
    ctx: typer.Context,
    add: Annotated[Optional[list[str]], typer.Option("--add", help="Add a phrase (repeatable).")] = None,
    remove: Annotated[Optional[int], typer.Option("--remove", help="Remove phrase number N.")] = None,
) -> None:
    """List, add to or trim the phrase library (inserted with ctrl+k while capturing)."""
    engine = _state(ctx).engine
    phrases = services.list_phrases(engine)
    if remove is not None:
        if not 1 <= remove <= len(phrases):
            raise InvalidInput(f"No phrase {remove}; there are {len(phrases)}.")
        phrases.pop(remove - 1)
    if add:
        phrases.extend(add)
    if add or remove is not None:
        phrases = services.save_phrases(engine, phrases)
    for number, phrase in enumerate(phrases, start=1):
        typer.echo(f"{number:>2}. {phrase}")


@app.command("backup")
def backup_cmd(
    ctx: typer.Context,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="Backup file (default: the backups folder beside the database).")] = None,
) -> None:
    """Copy the database with SQLite's online backup."""
    from .services.backups import backup_database

    typer.echo(str(backup_database(_state(ctx).engine, output)))


@app.command("restore")
def restore_cmd(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A backup made by `facilitator backup` or a live session.")],
) -> None:
    """Replace the database's content with a backup (the current content is backed up first)."""
    from .services.backups import restore_database

    engine = _state(ctx).open(allow_empty=True)  # an emptied database file is what restore is for
    safety = restore_database(engine, file)  # checks the backup before touching anything
    typer.echo(f"restored {file}; the previous content is in {safety}")


@app.command("purge")
def purge_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove what identifies speakers from a protected meeting's raw notes and its backups (irreversible)."""
    from .services.retention import purge_identities

    engine = _state(ctx).engine
    found = services.resolve_meeting(engine, meeting)
    if not yes:
        confirm(f"Purge speaker details from {found.title!r} and its backups? This cannot be undone")
    report = purge_identities(engine, found.id)
    typer.echo(f"{report.notes_changed} note(s) changed, {report.speaker_links} speaker link(s) and "
               f"{report.queue_entries} speakers-list entr(ies) removed, {report.backups_purged} backup(s) purged")
    if report.not_compacted:
        raise DatabaseError(f"The purge is complete, but {len(report.not_compacted)} file(s) could not be compacted "
                            f"for want of free disk space (first {report.not_compacted[0]}); free some space and "
                            "run the same purge again to compact them.")


@app.command("encrypt")
def encrypt_cmd(
    ctx: typer.Context,
    remove_plain_backups: Annotated[bool, typer.Option(
        "--remove-plain-backups", help="Delete the unencrypted backups made before.")] = False,
    passphrase_file: PassphraseFileOption = None,
) -> None:
    """Encrypt the database with a passphrase (SQLCipher). It is asked for at every start."""
    from . import encryption
    from .services.backups import database_path, list_backups

    engine = _state(ctx).engine
    if encryption.passphrase_of(engine):
        raise InvalidInput("This database is already encrypted.")
    encryption.sqlcipher()  # says so plainly when SQLCipher is not installed
    path = database_path(engine)
    plain_backups = list_backups(engine)
    engine.dispose()
    with exclusive(engine):  # refuse before asking for a passphrase, and hold the file until it is done
        passphrase = get_passphrase("New passphrase", file=passphrase_file, confirm=True)
        encryption.encrypt_file(path, passphrase)
    typer.echo(f"encrypted {path}")
    if plain_backups:
        if remove_plain_backups:
            for backup in plain_backups:
                backup.unlink(missing_ok=True)
            typer.echo(f"removed {len(plain_backups)} unencrypted backup(s)")
        else:
            typer.echo(f"facilitator: warning: {len(plain_backups)} earlier backup(s) in {plain_backups[0].parent} are "
                       "not encrypted; remove them, or run again with --remove-plain-backups.", err=True)


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
