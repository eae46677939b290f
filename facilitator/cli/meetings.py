"""Meetings: templates, create, list, show, notes, details, organisers, phrases, the audit, search, demo."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..errors import InvalidInput
from .base import MeetingArg, app, date_option, meeting_of, read_of_meeting, state


@app.command("templates")
def templates_cmd() -> None:
    """List the bundled agenda templates."""
    from ..templates import list_templates

    for tpl in list_templates():
        hours, minutes = divmod(tpl.planned_minutes, 60)
        typer.echo(f"{tpl.key:<12} {tpl.name:<20} {tpl.rule:<20} {len(tpl.items):>2} items {hours}h{minutes:02d}  "
                   f"{tpl.description}")

@app.command("new")
def new_cmd(
    ctx: typer.Context,
    template: Annotated[str, typer.Argument(help="Template key (see `facilitator templates`) or a .toml file.")],
    title: Annotated[str, typer.Option("--title", help="Meeting title.")],
    date: Annotated[Optional[str], typer.Option("--date", help="Date, YYYY-MM-DD (default: today).")] = None,
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
    import datetime as dt

    from .. import services
    from ..templates import load_template

    tpl = load_template(template)  # validate the template before the database is opened or created
    start = services.parse_date(date) if date is not None else dt.date.today()
    end = services.parse_date(end_date, "end date") if end_date else None
    meeting = services.create_meeting(
        state(ctx).engine, tpl, title=title, date=start, place=place, rule=rule, end_date=end, subject=subject,
        series=series,
    )
    if carry_forward:
        from ..services.followup import carry_forward as carry

        review = carry(state(ctx).engine, meeting.id)
        count = len(services.list_notes(state(ctx).engine, meeting.id, review.id)) if review else 0
        typer.echo(f"carried forward {count} open item(s) from the previous meeting of the series", err=True)
    typer.echo(meeting.id)

@app.command("list")
def list_cmd(ctx: typer.Context) -> None:
    """List meetings, newest first."""
    from ..quickread import read_meetings

    # A plain database at this release's schema is read with sqlite3 alone; any other (to create, migrate or
    # decrypt, or to refuse) takes the full path, which says what is wrong. The lines below serve both.
    meetings = read_meetings(state(ctx).db)
    if meetings is None:
        from .. import services

        meetings = services.list_meetings(state(ctx).engine)
    if not meetings:
        typer.echo("No meetings yet: `facilitator new roundtable --title ... --date YYYY-MM-DD` creates one.")
        return
    for m in meetings:
        typer.echo(f"{m.id[:8]}  {m.date.isoformat()}  {m.rule:<19}  {m.note_count:>4} notes  {m.title}")

@app.command("show")
def show_cmd(ctx: typer.Context, meeting: MeetingArg) -> None:
    """Print a meeting's agenda and notes (each note with the first characters of its id)."""
    from ..quickread import read_meeting_text

    shown = read_of_meeting(ctx, meeting, read_meeting_text,
                            lambda services, engine, meeting_id: services.get_detail(engine, meeting_id))
    m = shown.meeting
    typer.echo(f"{m.title}\n{m.date.isoformat()}  {m.place}  ({m.rule})  id {m.id}")
    by_item: dict[str | None, list] = {}
    for note in shown.notes:
        by_item.setdefault(note.item_id, []).append(note)
    for item in shown.items:
        rule = f" [{item.rule}]" if item.rule else ""
        typer.echo(f"\n{item.position}. {item.title} ({item.kind}, {item.planned_minutes} min){rule}")
        for note in by_item.get(item.id, []):
            flags = ("* " if note.key else "") + (f"-> {note.addressee} " if note.addressee else "")
            head = f"{note.headline} :: " if note.headline else ""
            typer.echo(f"   - {note.id[:8]} [{note.kind}] {flags}{head}{note.text}")

@app.command("note")
def note_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    text: Annotated[str, typer.Argument(help="The note, in the capture line's grammar (`rec: Headline :: text >UN "
                                             "+Theme !`) unless --raw.")],
    kind: Annotated[Optional[str], typer.Option(
        "--kind", "-k", help="reflection | recommendation | challenge | best-practice | quote | action | observation "
                             "(default: what the line says, else the agenda item's).")] = None,
    item: Annotated[Optional[int], typer.Option(
        "--item", "-i", help="Agenda item number (default: the item the meeting's clock is on; see `show`).")]
    = None,
    addressee: Annotated[Optional[list[str]], typer.Option(
        "--addressee", "-a", help='Who it is addressed to, e.g. "UN" (repeatable).')] = None,
    headline: Annotated[str, typer.Option("--headline", help="One-sentence headline.")] = "",
    speaker: Annotated[str, typer.Option("--speaker", help="Who said it (never exported under protected rules).")]
    = "",
    key: Annotated[bool, typer.Option("--key", help="Mark as a key point.")] = False,
    theme: Annotated[Optional[list[str]], typer.Option(
        "--theme", "-t", help="Theme (repeatable); new themes join the meeting's list.")] = None,
    group: Annotated[str, typer.Option("--group", "-g", help="Breakout group (a name or its first letters).")] = "",
    footnote: Annotated[str, typer.Option("--footnote", help="A footnote printed after the note.")] = "",
    join: Annotated[bool, typer.Option("--join", help="Write it in one paragraph with the note before it.")]
    = False,
    example: Annotated[bool, typer.Option(
        "--example", help="In a dialogue summary, name this statement as the example of its themes.")] = False,
    raw: Annotated[bool, typer.Option("--raw", help="Store the text as typed, without reading the grammar.")]
    = False,
) -> None:
    """Add a note without a screen and print its id."""
    from .. import services
    from ..services.notes import add_note_as_typed

    engine, found = meeting_of(ctx, meeting)
    item_id = services.item_by_number(engine, found.id, item).id if item is not None else None
    note = add_note_as_typed(
        engine, found.id, text, item_id=item_id, raw=raw, kind=kind, headline=headline, addressees=addressee or [],
        speaker=speaker, key=key, themes=theme or [], group=group, footnote=footnote, joined=join, example=example,
    )
    typer.echo(note.id)


@app.command("annotate")
def annotate_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    note: Annotated[str, typer.Argument(help="Note id, or its first characters (see `show`).")],
    join: Annotated[Optional[bool], typer.Option(
        "--join/--no-join", help="Write it in one paragraph with the note before it.", show_default=False)] = None,
    example: Annotated[Optional[bool], typer.Option(
        "--example/--no-example", help="Name this statement as the example of its themes.", show_default=False)]
    = None,
    footnote: Annotated[Optional[str], typer.Option("--footnote", help="Footnote ('' removes it).")] = None,
    addressee: Annotated[Optional[list[str]], typer.Option(
        "--addressee", "-a", help="Addressee (repeatable; replaces the list).")] = None,
) -> None:
    """Mark how a note is written up: joined to the one before, a dialogue example, a footnote, addressees."""
    from ..services.notes import annotate_note, find_note

    changes: dict = {}
    for name, value in (("joined", join), ("example", example), ("footnote", footnote)):
        if value is not None:
            changes[name] = value
    if addressee is not None:
        changes["addressees"] = addressee
    if not changes:
        raise InvalidInput("Nothing to change: give --join, --example, --footnote or --addressee.")
    engine, found = meeting_of(ctx, meeting)
    updated = annotate_note(engine, find_note(engine, found.id, note).id, **changes)
    typer.echo(f"{updated.id[:8]}: updated {', '.join(sorted(changes))}")


def _pairs(values: list[str], option: str) -> dict[str, str]:
    """ "KEY=VALUE" options as a dict (the last of a key wins)."""
    out = {}
    for value in values:
        key, sep, text = value.partition("=")
        if not sep or not key.strip():
            raise InvalidInput(f"Bad {option} {value!r}: use NAME=VALUE.")
        out[key.strip()] = text.strip()
    return out


def _bare(name: str) -> str:
    """An organisation's name without a leading article, as meetings list it."""
    return name.strip()[4:].strip() if name.strip().lower().startswith("the ") else name.strip()


def _switch(value: str, option: str) -> bool:
    lowered = value.strip().lower()
    if lowered in ("yes", "true", "on", "1"):
        return True
    if lowered in ("no", "false", "off", "0"):
        return False
    raise InvalidInput(f"Bad {option} {value!r}: use yes or no.")


@app.command("edit")
def edit_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    title: Annotated[Optional[str], typer.Option("--title")] = None,
    subject: Annotated[Optional[str], typer.Option("--subject", help="Subject line (the memo's SUBJECT).")] = None,
    topic: Annotated[Optional[str], typer.Option(
        "--topic", help='What was discussed, as a phrase: "accountability and prevention under RtoP".')] = None,
    place: Annotated[Optional[str], typer.Option("--place")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="YYYY-MM-DD")] = None,
    end_date: Annotated[Optional[str], typer.Option("--end-date", help="YYYY-MM-DD, or '' to clear")] = None,
    organiser: Annotated[Optional[list[str]], typer.Option(
        "--organiser", help="Organiser name (repeatable; replaces the list).")] = None,
    role: Annotated[Optional[list[str]], typer.Option(
        "--role", help="What an organiser did: NAME=hosted|convened|co-organised|supported|reported (repeatable).")]
    = None,
    guest: Annotated[Optional[list[str]], typer.Option(
        "--guest", help='Guest of honour as "NAME, ROLE" (repeatable; replaces the guests of honour).')] = None,
    keynote: Annotated[Optional[list[str]], typer.Option("--keynote", help='Keynote speaker, "NAME, ROLE".')] = None,
    chair: Annotated[Optional[list[str]], typer.Option("--chair", help='Chair, "NAME, ROLE".')] = None,
    moderator: Annotated[Optional[list[str]], typer.Option("--moderator", help='Moderator, "NAME, ROLE".')] = None,
    rapporteur: Annotated[Optional[list[str]], typer.Option("--rapporteur", help='Rapporteur, "NAME, ROLE".')]
    = None,
    participants_text: Annotated[Optional[str], typer.Option(
        "--participants-text", help='Who took part, e.g. "15 civil society organisations from all continents".')]
    = None,
    preceded_by: Annotated[Optional[str], typer.Option("--preceded-by", help="What preceded and informed it.")]
    = None,
    format_noun: Annotated[Optional[str], typer.Option(
        "--format-noun", help='What prose calls the event: "conference", "policy meeting".')] = None,
    rule: Annotated[Optional[str], typer.Option("--rule", help="chatham-house | not-for-attribution | on-the-record")]
    = None,
    theme: Annotated[Optional[list[str]], typer.Option("--theme", help="Theme (repeatable; replaces the list).")]
    = None,
    style: Annotated[Optional[str], typer.Option(
        "--style", help="The house style exports use by default: report | memo | workshop | dialogue | update.")]
    = None,
    lead: Annotated[Optional[str], typer.Option(
        "--lead", help="Lead paragraph(s), one a line ('' to draft it from data again).")] = None,
    summary: Annotated[Optional[str], typer.Option("--summary", help="A summary printed before the body.")] = None,
    consensus: Annotated[Optional[str], typer.Option(
        "--consensus", help='How the outcome was reached, e.g. "The meeting did not seek consensus."')] = None,
    disclaimer: Annotated[Optional[str], typer.Option("--disclaimer", help="Disclaimer ('' to draft it again).")]
    = None,
    outlook: Annotated[Optional[str], typer.Option(
        "--outlook", help="Outlook (update) or next steps (other styles).")] = None,
    byline: Annotated[Optional[str], typer.Option("--byline", help="Byline of an update.")] = None,
    kicker: Annotated[Optional[str], typer.Option(
        "--kicker", help='The document type above the title, e.g. "Dialogue brief".')] = None,
    series: Annotated[Optional[str], typer.Option("--series", help="Series, e.g. an annual dialogue.")] = None,
    about: Annotated[Optional[list[str]], typer.Option(
        "--about", help='This meeting\'s About text: "ORGANISER=TEXT", or "HEADING=TEXT" for a section of its '
                        'own ("About the conference=…"); "NAME=" removes it (repeatable).')] = None,
    footnote: Annotated[Optional[list[str]], typer.Option(
        "--footnote", help="A footnote on a meeting text: FIELD=TEXT (lead, summary, disclaimer, outlook).")]
    = None,
    attachment: Annotated[Optional[list[str]], typer.Option(
        "--attachment", help="A document that goes with the text (repeatable; replaces the list).")] = None,
    date_format: Annotated[Optional[str], typer.Option("--date-format", help="day-month | month-day")] = None,
    grouping: Annotated[Optional[str], typer.Option(
        "--grouping", help="Recommendations grouped by: question | item | addressee")] = None,
    paper: Annotated[Optional[str], typer.Option("--paper", help="a4 | letter")] = None,
    numbered: Annotated[Optional[str], typer.Option("--numbered", help="Number the sections: yes | no")] = None,
    contents: Annotated[Optional[str], typer.Option("--contents", help="A table of contents: yes | no")] = None,
    masthead: Annotated[Optional[str], typer.Option(
        "--masthead", help="The memo's header block also gives place, series and sponsors: yes | no")] = None,
    category_words: Annotated[Optional[list[str]], typer.Option(
        "--count-as", help='Count registered participants of a category in the lead: CATEGORY="singular|plural", '
                           'e.g. civil-society="civil society expert|civil society experts".')] = None,
    speaker_limit: Annotated[Optional[int], typer.Option(
        "--speaker-limit", help="Seconds each speaker may talk (0: no limit).")] = None,
    bell: Annotated[Optional[bool], typer.Option("--bell/--no-bell", help="Ring the terminal bell at zero.")]
    = None,
) -> None:
    """Set the meeting's details that the house styles draw on."""
    from .. import services

    changes: dict = {}
    for name, value in (("title", title), ("subject", subject), ("topic", topic), ("place", place),
                        ("participants_text", participants_text), ("preceded_by", preceded_by), ("rule", rule),
                        ("lead", lead), ("disclaimer", disclaimer), ("outlook", outlook), ("byline", byline),
                        ("kicker", kicker), ("series", series), ("format_noun", format_noun), ("style", style),
                        ("summary", summary), ("consensus", consensus)):
        if value is not None:
            changes[name] = value.replace("\\n", "\n") if name in ("lead", "summary", "outlook", "disclaimer") \
                else value
    if date is not None:
        changes["date"] = services.parse_date(date)
    if end_date is not None:
        changes["end_date"] = services.parse_date(end_date, "end date") if end_date.strip() else None
    if organiser is not None:
        changes["organisers"] = [o.strip() for o in organiser if o.strip()]
    people = [(part, values) for part, values in (("guest", guest), ("keynote", keynote), ("chair", chair),
                                                  ("moderator", moderator), ("rapporteur", rapporteur))
              if values is not None]
    engine, found = meeting_of(ctx, meeting)
    current = services.get_meeting(engine, found.id)
    if people:  # each part given replaces the people of that part; the others stay
        changes["guests"] = services.with_people(current.guests, dict(people))
    if theme is not None:
        changes["themes"] = theme
    if attachment is not None:
        changes["attachments"] = [a.strip() for a in attachment if a.strip()]
    if speaker_limit is not None:
        changes["speaker_limit"] = speaker_limit
    if bell is not None:
        changes["bell"] = bell
    if role is not None:
        organisers = [_bare(o) for o in changes.get("organisers", current.organisers)]
        roles = {**current.roles}
        for name, value in _pairs(role, "--role").items():
            match = next((o for o in organisers if o.casefold() == _bare(name).casefold()), None)
            if match is None:
                raise InvalidInput(f"{name} is not an organiser of this meeting; its organisers are: "
                                   f"{', '.join(organisers) or 'none yet'}.")
            roles[match] = value
        changes["roles"] = roles
    if about is not None:
        texts = {**current.about}
        for name, text in _pairs(about, "--about").items():
            texts.pop(name, None)
            if text:
                texts[name] = text
        changes["about"] = texts
    if footnote is not None:
        notes = {**current.footnotes}
        for name, text in _pairs(footnote, "--footnote").items():
            if name not in ("lead", "summary", "disclaimer", "outlook"):
                raise InvalidInput(f"Bad --footnote field {name!r}: use lead, summary, disclaimer or outlook.")
            notes.pop(name, None)
            if text:
                notes[name] = text
        changes["footnotes"] = notes
    options = {name: value for name, value in (("date_format", date_format), ("grouping", grouping),
                                               ("paper", paper)) if value is not None}
    for name, value in (("numbered", numbered), ("contents", contents), ("masthead", masthead)):
        if value is not None:
            options[name] = _switch(value, f"--{name}")
    if category_words is not None:
        options["category_words"] = _pairs(category_words, "--count-as")
    if options:
        changes["options"] = {**current.options, **options}
    if not changes:
        raise InvalidInput("Nothing to change: give at least one option (see `facilitator edit --help`).")
    from ..services.meetings import edit_meeting

    change = edit_meeting(engine, found.id, **changes)
    updated = change.meeting
    typer.echo(f"{updated.id[:8]}  {updated.title}: updated {', '.join(sorted(changes))}")
    if change.protected:
        typer.echo(f"No longer attributable under the new rule (they were registered automatically as "
                   f"speakers): {', '.join(change.protected)}.", err=True)


@app.command("organiser")
def organiser_cmd(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Organiser name, as listed on meetings (with or without 'the').")],
    about: Annotated[Optional[str], typer.Option("--about", help="A short 'About' paragraph.")] = None,
    url: Annotated[Optional[str], typer.Option("--url", help="Web address.")] = None,
    running: Annotated[Optional[str], typer.Option(
        "--running", help='The name as a sentence writes it, e.g. "the Stanley Foundation".')] = None,
    short: Annotated[Optional[str], typer.Option("--short", help='A short form, e.g. "FES".')] = None,
    date_format: Annotated[Optional[str], typer.Option(
        "--date-format", help="How this house writes dates: day-month | month-day.")] = None,
) -> None:
    """Create or update a reusable organiser profile (its About text, and how its name and dates are written)."""
    from .. import services

    given = {k: v for k, v in (("about", about), ("url", url), ("running", running), ("short", short),
                               ("date_format", date_format)) if v is not None}
    profile = services.save_organiser(state(ctx).engine, name, **given)
    typer.echo(f"{profile.name}: saved")


@app.command("audit")
def audit_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    anonymise: Annotated[bool, typer.Option(
        "--anonymise", help="Show how every flagged text would be anonymised, then ask before rewriting them.")]
    = False,
    yes: Annotated[bool, typer.Option("--yes", help="With --anonymise: apply without asking.")] = False,
    dismiss: Annotated[list[str] | None, typer.Option(
        "--dismiss", metavar="REF", help="Dismiss a flag as not identifying anyone, by the reference listed "
        "after it in brackets (repeatable). It holds for that text in that place only.")] = None,
    allow: Annotated[str | None, typer.Option(
        "--allow", metavar="ORGANISATION", help="With --attendance: the participants line may name this "
        "institution participants came from.")] = None,
    attendance: Annotated[bool, typer.Option(
        "--attendance", help="With --allow: the allowance holds in the participants line only.")] = False,
) -> None:
    """List the texts that name participants who may not be identified. Exits 1 while flags are open."""
    from ..services import audit as audit_service

    if (allow is None) != (not attendance):
        raise InvalidInput("--allow ORGANISATION and --attendance go together: an institution may be named in "
                           "the participants line, nowhere else.")
    engine, found = meeting_of(ctx, meeting)
    audit_service.check_can_audit(engine, found.id)  # an archive reader sees no register: "no flags" would lie
    if allow is not None:
        name = audit_service.allow_in_attendance(engine, found.id, allow)
        typer.echo(f"The participants line may name {name}.")
    for flag in audit_service.dismiss_by_ref(engine, found.id, dismiss) if dismiss else []:
        typer.echo(f"Dismissed [{flag.ref}]: {flag.where}: {flag.what} of {flag.participant}.")
    flags = audit_service.audit_meeting(engine, found.id)
    if not flags:
        typer.echo("No open flags: nothing names a participant who may not be identified.")
        return
    for flag in flags:
        typer.echo(f"{flag.where}: {flag.what} of {flag.participant} — {flag.excerpt} [{flag.ref}]")
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

    from ..quickread import read_search

    if fmt not in ("table", "json"):
        raise InvalidInput(f"Unknown format {fmt!r}; use table or json.")
    filters = dict(kind=kind, addressee=addressee, theme=theme, rule=rule, limit=limit,
                   since=date_option(since, "--since date"), until=date_option(until, "--until date"))
    # As `list` and `show`: a plain database at this release's schema is searched with sqlite3 alone, by the
    # search service's own statement; any other takes the full path. The lines below serve both.
    hits = read_search(state(ctx).db, query, **filters)
    if hits is None:
        from ..services.search import search

        hits = search(state(ctx).engine, query, **filters)
    if fmt == "json":
        import json

        from ..searching import hit_json

        typer.echo(json.dumps([hit_json(h) for h in hits], ensure_ascii=False, indent=1))
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

    from ..services.search import reindex

    typer.echo(f"indexed {reindex(state(ctx).engine)} notes")

@app.command("phrases")
def phrases_cmd(
    ctx: typer.Context,
    add: Annotated[Optional[list[str]], typer.Option("--add", help="Add a phrase (repeatable).")] = None,
    remove: Annotated[Optional[int], typer.Option("--remove", help="Remove phrase number N.")] = None,
) -> None:
    """List, add to or trim the phrase library (inserted with ctrl+y while capturing)."""
    if not add and remove is None:  # a list to read: with sqlite3 alone where it may be
        from ..quickread import read_phrases

        phrases = read_phrases(state(ctx).db)
        if phrases is not None:
            _print_phrases(phrases)
            return
    from .. import services

    engine = state(ctx).engine
    phrases = services.list_phrases(engine)
    if remove is not None:
        if not 1 <= remove <= len(phrases):
            raise InvalidInput(f"No phrase {remove}; there are {len(phrases)}.")
        phrases.pop(remove - 1)
    if add:
        phrases.extend(add)
    if add or remove is not None:
        phrases = services.save_phrases(engine, phrases)
    _print_phrases(phrases)

def _print_phrases(phrases: list[str]) -> None:
    for number, phrase in enumerate(phrases, start=1):
        typer.echo(f"{number:>2}. {phrase}")

@app.command("demo")
def demo_cmd(ctx: typer.Context) -> None:
    """Load the demo meetings: one for each house style (report and update share the roundtable)."""

    from ..services.demo import load_demos

    shown = set()
    for style, meeting in load_demos(state(ctx).engine).items():
        if meeting.id not in shown:
            shown.add(meeting.id)
            typer.echo(f"{meeting.id}  {meeting.title}")
