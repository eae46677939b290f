"""People: a meeting's participants and its speakers list."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import InvalidInput
from ..inputs import check_utf8
from .base import MeetingArg, app, meeting_of, read_of_meeting

participants_app = typer.Typer(help="Register, list, show and edit a meeting's participants.", no_args_is_help=True)

app.add_typer(participants_app, name="participants")

ParticipantArg = Annotated[str, typer.Argument(
    help="Participant id, the first characters of it, their name or an alias.", show_default=False)]




def _aliases(values: list[str] | tuple[str, ...] | None) -> list[str]:
    """--alias values: each may hold several, separated by ";" (as in a CSV or the participant dialog)."""
    from ..services.participants import split_aliases

    return [alias for value in values or () for alias in split_aliases(value)]

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
    alias: Annotated[Optional[list[str]], typer.Option(
        "--alias", help='Another spelling or name the person is known by ("Kemi"); repeat it for several (or '
                        'separate them with ";"). The audit and the export gate look for each.',
        show_default=False)] = None,
    called_by: Annotated[str, typer.Option(
        "--called-by", help='The name the person is addressed by where custom makes a given name the name '
                            '("Abebe" for "Abebe Bekele"): a word of the name or of an alias.')] = "",
    attributable: Annotated[bool, typer.Option(
        "--attributable", help="May be named even under the Chatham House rule (e.g. a guest of honour).")] = False,
) -> None:
    """Register a participant and print their id."""
    from .. import services

    check_utf8(meeting=meeting, name=name, organisation=organisation, role=role, region=region,
                     category=category, kind=kind, surname=surname, alias=alias, called_by=called_by)
    engine, found = meeting_of(ctx, meeting)
    person = services.add_participant(engine, found.id, name, organisation=organisation, role=role, region=region,
                                      category=category, kind=kind, surname=surname, attributable=attributable,
                                      aliases=_aliases(alias), called_by=called_by)
    typer.echo(person.id)


#: What `participants edit` and `participants show` call each field.
LABELS = {"name": "name", "organisation": "organisation", "role": "role", "region": "region",
          "category": "category", "kind": "kind", "surname": "surname", "aliases": "aliases",
          "called_by": "called by", "attributable": "attributable"}


@participants_app.command("edit")
def participants_edit_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    participant: ParticipantArg,
    name: Annotated[Optional[str], typer.Option("--name", help="The full name.", show_default=False)] = None,
    organisation: Annotated[Optional[str], typer.Option("--organisation", "--org", show_default=False)] = None,
    role: Annotated[Optional[str], typer.Option("--role", show_default=False)] = None,
    region: Annotated[Optional[str], typer.Option("--region", show_default=False)] = None,
    category: Annotated[Optional[str], typer.Option(
        "--category", help="panelist | regional-organisation | member-state | civil-society | other",
        show_default=False)] = None,
    kind: Annotated[Optional[str], typer.Option(
        "--kind", help="person | organisation | delegation (a category given alone leaves the kind as it is).",
        show_default=False)] = None,
    surname: Annotated[Optional[str], typer.Option(
        "--surname", help='The family name where it is not the last word ("" for none).', show_default=False)]
    = None,
    alias: Annotated[Optional[list[str]], typer.Option(
        "--alias", help='Replace the aliases with these (repeat it for several; --alias "" removes them all).',
        show_default=False)] = None,
    add_alias: Annotated[Optional[list[str]], typer.Option(
        "--add-alias", help="Add an alias (repeatable).", show_default=False)] = None,
    remove_alias: Annotated[Optional[list[str]], typer.Option(
        "--remove-alias", help="Remove an alias (repeatable).", show_default=False)] = None,
    called_by: Annotated[Optional[str], typer.Option(
        "--called-by", help='The name the person is addressed by: a word of the name or of an alias ("" for '
                            'none).', show_default=False)] = None,
    attributable: Annotated[Optional[bool], typer.Option(
        "--attributable/--not-attributable", help="May (or may not) be named under the meeting's rule.",
        show_default=False)] = None,
) -> None:
    """Change a participant's details: only the options given change. Prints what changed, and how many
    flags the audit then has open."""
    from ..services import audit as audit_service
    from ..services.participants import resolve_participant, update_participant

    check_utf8(meeting=meeting, participant=participant, name=name, organisation=organisation, role=role,
                     region=region, category=category, kind=kind, surname=surname, alias=alias,
                     add_alias=add_alias, remove_alias=remove_alias, called_by=called_by)
    given = {k: v for k, v in (("name", name), ("organisation", organisation), ("role", role), ("region", region),
                               ("category", category), ("kind", kind), ("surname", surname),
                               ("called_by", called_by), ("attributable", attributable)) if v is not None}
    engine, found = meeting_of(ctx, meeting)
    person = resolve_participant(engine, found.id, participant)
    if alias or add_alias or remove_alias:
        given["aliases"] = _edited_aliases(person.aliases, _aliases(alias) if alias else None, _aliases(add_alias),
                                           _aliases(remove_alias), person.name)
    if not given:
        raise InvalidInput("Nothing to change: give the options to change (see `facilitator participants edit "
                           "--help`).")
    after = update_participant(engine, person.id, **given)
    changed = [f"{LABELS[field]} {_shown(field, getattr(person, field))} → {_shown(field, getattr(after, field))}"
               for field in LABELS if getattr(person, field) != getattr(after, field)]
    typer.echo(f"{after.id[:8]}  {after.name}: {', '.join(changed) if changed else 'nothing changed'}.")
    flags = audit_service.audit_meeting(engine, found.id)
    if flags:
        typer.echo(f"{len(flags)} open flag{'' if len(flags) == 1 else 's'}: run facilitator audit {found.id[:8]}")


def _edited_aliases(current: list[str], replaced: list[str] | None, added: list[str], removed: list[str],
                    name: str) -> list[str]:
    """The aliases after --alias (replaces them), --add-alias and --remove-alias; an alias to remove that
    the participant does not have is one line (InvalidInput)."""
    aliases = list(current if replaced is None else replaced) + added
    for gone in removed:
        key = gone.strip().casefold()
        if key not in {a.strip().casefold() for a in aliases}:
            raise InvalidInput(f"{gone.strip()!r} is not an alias of {name}; its aliases are: "
                               f"{'; '.join(aliases) or 'none'}.")
        aliases = [a for a in aliases if a.strip().casefold() != key]
    return aliases


def _shown(field: str, value: object) -> str:
    if field == "aliases":
        return repr(list(value))
    if field == "attributable":
        return "yes" if value else "no"
    return repr(value)


def _generated_spellings(person) -> list[str]:
    """The other spellings of the person's name the attribution gate checks besides the name and the aliases
    (other romanisations: policy.spellings_checked)."""
    from ..policy import spellings_checked

    return spellings_checked(person.name, person.surname, person.aliases) if person.kind == "person" else []


@participants_app.command("show")
def participants_show_cmd(ctx: typer.Context, meeting: MeetingArg, participant: ParticipantArg) -> None:
    """Every detail of one participant, one per line."""
    from ..services.participants import resolve_participant

    check_utf8(meeting=meeting, participant=participant)
    engine, found = meeting_of(ctx, meeting)
    p = resolve_participant(engine, found.id, participant)
    lines = [("Id", p.id), ("Name", p.name), ("Organisation", p.organisation), ("Role", p.role),
             ("Region", p.region), ("Category", p.category), ("Kind", p.kind), ("Source", p.source),
             ("Attributable", "yes" if p.attributable else "no"), ("Surname", p.surname),
             ("Aliases", "; ".join(p.aliases)), ("Called by", p.called_by)]
    # The spellings the gate generates (not stored), so that a user can see what it looks for.
    generated = _generated_spellings(p)
    if generated:
        lines.append(("Other spellings checked", "; ".join(generated)))
    for label, value in lines:
        typer.echo(f"{label}: {value}".rstrip())

@participants_app.command("import")
def participants_import_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    file: Annotated[Path, typer.Argument(help="CSV with columns name, organisation, role, region, attributable, "
                                              "category, surname, aliases (several separated by ;), called_by "
                                              "(only name is required).")],
) -> None:
    """Register participants from a CSV file (all rows or none)."""

    from ..services.roster import import_participants

    check_utf8(meeting=meeting)
    engine, found = meeting_of(ctx, meeting)
    typer.echo(f"imported {import_participants(engine, found.id, file)} participant(s)")

@participants_app.command("list")
def participants_list_cmd(ctx: typer.Context, meeting: MeetingArg) -> None:
    """List a meeting's participants."""
    from ..quickread import read_participants

    check_utf8(meeting=meeting)
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
                                              "language, surname, aliases (several separated by ;) (name and "
                                              "category required).")],
) -> None:
    """Append a speakers list from CSV, in speaking order (all rows or none)."""

    from ..services.roster import import_speakers

    check_utf8(meeting=meeting)
    engine, found = meeting_of(ctx, meeting)
    typer.echo(f"imported {import_speakers(engine, found.id, file)} speaker(s)")

@speakers_app.command("list")
def speakers_list_cmd(ctx: typer.Context, meeting: MeetingArg) -> None:
    """The speakers list in order, with each entry's state and time."""

    from ..clock import format_duration
    from ..quickread import read_queue

    check_utf8(meeting=meeting)

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

    check_utf8(meeting=meeting)
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
