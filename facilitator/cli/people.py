"""People: a meeting's participants and its speakers list."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import InvalidInput
from .base import MeetingArg, app, meeting_of, read_of_meeting

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
    from .. import services

    engine, found = meeting_of(ctx, meeting)
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

    from ..services.roster import import_participants

    engine, found = meeting_of(ctx, meeting)
    typer.echo(f"imported {import_participants(engine, found.id, file)} participant(s)")

@participants_app.command("list")
def participants_list_cmd(ctx: typer.Context, meeting: MeetingArg) -> None:
    """List a meeting's participants."""
    from ..quickread import read_participants

    registered = read_of_meeting(ctx, meeting, read_participants,
                                 lambda services, engine, meeting_id: services.list_participants(engine, meeting_id))
    for p in registered:
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

    from ..services.roster import import_speakers

    engine, found = meeting_of(ctx, meeting)
    typer.echo(f"imported {import_speakers(engine, found.id, file)} speaker(s)")

@speakers_app.command("list")
def speakers_list_cmd(ctx: typer.Context, meeting: MeetingArg) -> None:
    """The speakers list in order, with each entry's state and time."""

    from ..clock import format_duration
    from ..quickread import read_queue

    def full(_services, engine, meeting_id: str):
        from ..services.speakers import list_queue

        return list_queue(engine, meeting_id)

    for entry in read_of_meeting(ctx, meeting, read_queue, full):
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
    """Speaking time and number of interventions per person or delegation: turns timed on the speakers
    list, and statements recorded as notes with a speaker (`note --speaker`)."""

    from ..clock import format_duration
    from ..quickread import read_speaker_stats

    if fmt not in ("table", "csv"):
        raise InvalidInput(f"Unknown format {fmt!r}; use table or csv.")
    for_readers = fmt == "csv"

    def full(_services, engine, meeting_id: str):
        from ..services.speakers import stats

        return stats(engine, meeting_id, for_readers=for_readers)

    rows = read_of_meeting(ctx, meeting, lambda db, ref: read_speaker_stats(db, ref, for_readers=for_readers), full)
    if fmt == "csv":
        from ..csvfiles import write_csv

        typer.echo(write_csv(["name", "category", "interventions", "seconds", "timed_turns", "noted_statements"],
                             [[r.name, r.category, r.interventions, r.seconds, r.timed, r.noted] for r in rows]),
                   nl=False)
        return
    if not rows:
        typer.echo("Nobody has spoken yet: no turn on the speakers list has ended, and no note names a speaker.")
        return
    typer.echo(f"{'Speaker':<36} {'Category':<22} {'Turns':>5} {'Noted':>5} {'Time':>8}")
    for r in rows:
        typer.echo(f"{r.name:<36} {r.category or '-':<22} {r.timed:>5} {r.noted:>5}  {format_duration(r.seconds):>8}")
    typer.echo(f"{sum(r.interventions for r in rows)} intervention(s) by {len(rows)} speaker(s): "
               f"{sum(r.timed for r in rows)} timed turn(s), {sum(r.noted for r in rows)} statement(s) recorded as "
               "notes.")
