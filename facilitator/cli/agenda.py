"""The agenda without a template file: items, breakout groups, themes, the
clock's item, section headings and opening lines; and what a dialogue summary
needs to count (groups of states, who presented a statement)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..errors import InvalidInput
from .base import MeetingArg, app, meeting_of, read_of_meeting

agenda_app = typer.Typer(help="Edit a meeting's agenda, breakout groups, themes and section headings.",
                         no_args_is_help=True)
app.add_typer(agenda_app, name="agenda")
dialogue_app = typer.Typer(help="What a dialogue summary counts: groups of states and statement presenters.",
                           no_args_is_help=True)
app.add_typer(dialogue_app, name="dialogue")

ItemArg = Annotated[int, typer.Argument(help="Agenda item number (see `agenda list`).", show_default=False)]


def _item(engine, meeting_id: str, number: int):
    from .. import services

    return services.item_by_number(engine, meeting_id, number)


@agenda_app.command("list")
def list_cmd(ctx: typer.Context, meeting: MeetingArg) -> None:
    """The agenda, numbered, with each item's kind, time, default note kind, rule and groups; the themes."""
    from ..quickread import read_meeting_text

    detail = read_of_meeting(ctx, meeting, lambda db, ref: read_meeting_text(db, ref, notes=False),
                             lambda services, engine, meeting_id: services.get_detail(engine, meeting_id))
    current = detail.meeting.current_item_id
    for item in detail.items:
        extras = [item.kind, f"{item.planned_minutes} min", f"notes: {item.default_kind}", f"day {item.day}"]
        if item.rule:
            extras.append(item.rule)
        mark = " <- clock" if item.id == current else ""
        typer.echo(f"{item.position:>2}. {item.title} ({', '.join(extras)}){mark}")
        for question in item.guiding_questions:
            typer.echo(f"      ? {question}")
        for group in item.groups:
            typer.echo(f"      group: {group}")
    if detail.meeting.themes:
        typer.echo("themes: " + "; ".join(f"{n}. {t}" if n <= 9 else t
                                           for n, t in enumerate(detail.meeting.themes, start=1)))
    for kind in ("headings", "intros"):
        for key, text in getattr(detail.meeting, kind).items():
            typer.echo(f"{kind[:-1]} {key}: {text}")


@agenda_app.command("add")
def add_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    title: Annotated[str, typer.Argument(help="The item's title.")],
    kind: Annotated[str, typer.Option("--kind", help="opening | keynote | panel | discussion | guiding-question | "
                                                     "breakout | plenary | break | closing")] = "discussion",
    minutes: Annotated[int, typer.Option("--minutes", help="Planned minutes.")] = 30,
    at: Annotated[Optional[int], typer.Option("--at", help="Position (1 = first; default: last).")] = None,
    default_kind: Annotated[str, typer.Option("--default-kind", help="Kind of its notes when none is typed.")]
    = "reflection",
    rule: Annotated[Optional[str], typer.Option("--rule", help="A rule of its own (default: the meeting's).")]
    = None,
    day: Annotated[int, typer.Option("--day", help="Day of the meeting (1, 2, …).")] = 1,
    question: Annotated[Optional[list[str]], typer.Option("--question", help="Guiding question (repeatable).")]
    = None,
    group: Annotated[Optional[list[str]], typer.Option("--group", help="Breakout group (repeatable).")] = None,
) -> None:
    """Add an agenda item and print its number."""
    from ..services.meetings import add_item

    engine, found = meeting_of(ctx, meeting)
    item = add_item(engine, found.id, title, position=at, kind=kind, planned_minutes=minutes,
                    default_kind=default_kind, rule=rule, day=day, guiding_questions=question or [],
                    groups=group or [])
    typer.echo(f"{item.position}. {item.title}")


@agenda_app.command("rename")
def rename_cmd(ctx: typer.Context, meeting: MeetingArg, item: ItemArg,
               title: Annotated[str, typer.Argument(help="The new title.")]) -> None:
    """Rename an agenda item (its title is also its section heading in some styles)."""
    from ..services.meetings import update_item

    engine, found = meeting_of(ctx, meeting)
    updated = update_item(engine, found.id, _item(engine, found.id, item).id, title=title)
    typer.echo(f"{updated.position}. {updated.title}")


@agenda_app.command("set")
def set_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    item: ItemArg,
    kind: Annotated[Optional[str], typer.Option("--kind")] = None,
    minutes: Annotated[Optional[int], typer.Option("--minutes")] = None,
    default_kind: Annotated[Optional[str], typer.Option("--default-kind")] = None,
    rule: Annotated[Optional[str], typer.Option("--rule", help="A rule of its own; '' for the meeting's.")] = None,
    day: Annotated[Optional[int], typer.Option("--day")] = None,
    question: Annotated[Optional[list[str]], typer.Option(
        "--question", help="Guiding question (repeatable; replaces the list).")] = None,
) -> None:
    """Change an item's kind, time, default note kind, rule, day or guiding questions."""
    from ..services.meetings import update_item

    changes = {name: value for name, value in (("kind", kind), ("planned_minutes", minutes),
                                               ("default_kind", default_kind), ("day", day),
                                               ("guiding_questions", question)) if value is not None}
    if rule is not None:
        changes["rule"] = rule or None
    if not changes:
        raise InvalidInput("Nothing to change: give at least one option (see `facilitator agenda set --help`).")
    engine, found = meeting_of(ctx, meeting)
    updated = update_item(engine, found.id, _item(engine, found.id, item).id, **changes)
    typer.echo(f"{updated.position}. {updated.title}: updated {', '.join(sorted(changes))}")


@agenda_app.command("move")
def move_cmd(ctx: typer.Context, meeting: MeetingArg, item: ItemArg,
             to: Annotated[int, typer.Argument(help="Its new position (1 = first).")]) -> None:
    """Move an agenda item to another position."""
    from ..services.meetings import move_item

    engine, found = meeting_of(ctx, meeting)
    moved = move_item(engine, found.id, _item(engine, found.id, item).id, to)
    typer.echo(f"{moved.position}. {moved.title}")


@agenda_app.command("remove")
def remove_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    item: ItemArg,
    notes_to: Annotated[Optional[int], typer.Option(
        "--notes-to", help="The item its notes move to (needed when it holds notes).")] = None,
) -> None:
    """Remove an agenda item; its notes, if any, move to another item first (nothing saved is lost)."""
    from ..services.meetings import remove_item

    engine, found = meeting_of(ctx, meeting)
    target = _item(engine, found.id, notes_to).id if notes_to is not None else None
    moved = remove_item(engine, found.id, _item(engine, found.id, item).id, notes_to=target)
    typer.echo(f"removed item {item}" + (f"; {moved} note(s) moved to item {notes_to}" if moved else ""))


@agenda_app.command("clock")
def clock_cmd(ctx: typer.Context, meeting: MeetingArg, item: ItemArg) -> None:
    """Put the meeting's clock on an item: notes without --item go there."""
    from .. import services

    engine, found = meeting_of(ctx, meeting)
    moved = services.set_current_item(engine, found.id, _item(engine, found.id, item).id)
    typer.echo(f"clock on {moved.position}. {moved.title}")


@agenda_app.command("group-add")
def group_add_cmd(ctx: typer.Context, meeting: MeetingArg, item: ItemArg,
                  name: Annotated[str, typer.Argument(help="The group's name.")]) -> None:
    """Add a breakout group to an item."""
    from ..services.meetings import add_group

    engine, found = meeting_of(ctx, meeting)
    updated = add_group(engine, found.id, _item(engine, found.id, item).id, name)
    typer.echo(f"{updated.position}. {updated.title}: groups {'; '.join(updated.groups)}")


@agenda_app.command("group-rename")
def group_rename_cmd(ctx: typer.Context, meeting: MeetingArg,
                     old: Annotated[str, typer.Argument(help="The group (its name or first letters).")],
                     new: Annotated[str, typer.Argument(help="Its new name.")]) -> None:
    """Rename a breakout group everywhere, its notes included."""
    from ..services.meetings import rename_group

    engine, found = meeting_of(ctx, meeting)
    typer.echo(f"renamed; {rename_group(engine, found.id, old, new)} note(s) follow the new name")


@agenda_app.command("group-remove")
def group_remove_cmd(ctx: typer.Context, meeting: MeetingArg,
                     name: Annotated[str, typer.Argument(help="The group (its name or first letters).")]) -> None:
    """Remove a breakout group that holds no notes."""
    from ..services.meetings import remove_group

    engine, found = meeting_of(ctx, meeting)
    remove_group(engine, found.id, name)
    typer.echo("removed")


@agenda_app.command("theme-add")
def theme_add_cmd(ctx: typer.Context, meeting: MeetingArg, name: Annotated[str, typer.Argument()],
                  at: Annotated[Optional[int], typer.Option("--at", help="Position (1–9 have number keys).")]
                  = None) -> None:
    """Add a theme (the first nine have number keys on the capture line; the rest go by name)."""
    from .. import services
    from ..services.meetings import set_themes

    engine, found = meeting_of(ctx, meeting)
    themes = list(services.get_meeting(engine, found.id).themes)
    if not name.strip():
        raise InvalidInput("A theme needs a name.")
    if any(t.casefold() == name.strip().casefold() for t in themes):
        raise InvalidInput(f"The meeting already has a theme {name!r}.")
    if at is not None and not 1 <= at <= len(themes) + 1:
        raise InvalidInput(f"No position {at}: use 1 to {len(themes) + 1}.")
    themes.insert((at or len(themes) + 1) - 1, name.strip())
    _echo_themes(set_themes(engine, found.id, themes).themes)


@agenda_app.command("theme-move")
def theme_move_cmd(ctx: typer.Context, meeting: MeetingArg, name: Annotated[str, typer.Argument()],
                   to: Annotated[int, typer.Argument(help="Its new position (1 = first).")]) -> None:
    """Move a theme in the list (and so to another number key)."""
    from .. import services
    from ..services.meetings import set_themes

    engine, found = meeting_of(ctx, meeting)
    themes = list(services.get_meeting(engine, found.id).themes)
    match = next((t for t in themes if t.casefold() == name.strip().casefold()), None)
    if match is None:
        raise InvalidInput(f"No theme {name!r}; this meeting's themes are: {', '.join(themes) or 'none'}.")
    if not 1 <= to <= len(themes):
        raise InvalidInput(f"No position {to}: use 1 to {len(themes)}.")
    themes.remove(match)
    themes.insert(to - 1, match)
    _echo_themes(set_themes(engine, found.id, themes).themes)


@agenda_app.command("theme-rename")
def theme_rename_cmd(ctx: typer.Context, meeting: MeetingArg, old: Annotated[str, typer.Argument()],
                     new: Annotated[str, typer.Argument()]) -> None:
    """Rename a theme, on every note tagged with it too."""
    from ..services.meetings import rename_theme

    engine, found = meeting_of(ctx, meeting)
    typer.echo(f"renamed; {rename_theme(engine, found.id, old, new)} note(s) follow the new name")


@agenda_app.command("theme-remove")
def theme_remove_cmd(ctx: typer.Context, meeting: MeetingArg, name: Annotated[str, typer.Argument()]) -> None:
    """Remove a theme no note is tagged with."""
    from .. import services
    from ..services.meetings import set_themes

    engine, found = meeting_of(ctx, meeting)
    themes = list(services.get_meeting(engine, found.id).themes)
    kept = [t for t in themes if t.casefold() != name.strip().casefold()]
    if len(kept) == len(themes):
        raise InvalidInput(f"No theme {name!r}; this meeting's themes are: {', '.join(themes) or 'none'}.")
    _echo_themes(set_themes(engine, found.id, kept).themes)


def _echo_themes(themes: list[str]) -> None:
    typer.echo("themes: " + ("; ".join(f"{n}. {t}" if n <= 9 else t for n, t in enumerate(themes, start=1))
                             or "none"))


SectionArg = Annotated[str, typer.Argument(
    help="A section: reflections, recommendations, introduction, next-steps … (see --help of `agenda heading`), "
         "an item number, group:NAME, theme:NAME, about:ORGANISER or addressee:NAME.", show_default=False)]


def section_key(detail, section: str) -> str:
    """The stored key of a section as a user names it; one line listing the choices when it is unknown."""
    from exports import section_keys

    from ..services.meetings import _find_group  # noqa: PLC2701 - the one matcher of group names

    section = section.strip()
    kind, sep, rest = section.partition(":")
    if section.isdigit() or (sep and kind == "item" and rest.strip().isdigit()):
        number = int(rest if sep else section)
        if not 1 <= number <= len(detail.items):
            raise InvalidInput(f"No agenda item {number}: this meeting has items 1 to {len(detail.items)}.")
        return f"item:{detail.items[number - 1].id}"
    if sep and kind == "group":
        return "group:" + _find_group(detail.items, rest)
    if sep and kind == "theme":
        match = next((t for t in detail.meeting.themes if t.casefold() == rest.strip().casefold()), None)
        if match is None:
            raise InvalidInput(f"No theme {rest!r}; this meeting's themes are: "
                               f"{', '.join(detail.meeting.themes) or 'none'}.")
        return f"theme:{match}"
    if sep and kind == "about":
        match = next((o for o in detail.meeting.organisers
                      if o.casefold() == rest.strip().removeprefix("the ").casefold()), None)
        if match is None:
            raise InvalidInput(f"{rest.strip()} is not an organiser of this meeting; its organisers are: "
                               f"{', '.join(detail.meeting.organisers) or 'none'}.")
        return f"about:{match}"
    if sep and kind == "addressee" and rest.strip():
        return f"addressee:{rest.strip()}"
    keys = section_keys()
    if section not in keys:
        listing = "; ".join(f"{k} ({', '.join(styles)})" for k, styles in keys.items())
        raise InvalidInput(f"Unknown section {section!r}; use an item number, group:NAME, theme:NAME, "
                           f"about:ORGANISER, addressee:NAME, or one of: {listing}.")
    return section


def _section_text(ctx: typer.Context, meeting: str, section: str, text: str, kind: str) -> None:
    from .. import services
    from ..services.meetings import set_section_text

    engine, found = meeting_of(ctx, meeting)
    key = section_key(services.get_detail(engine, found.id), section)
    set_section_text(engine, found.id, kind, key, text.replace("\\n", "\n"))
    what = "heading" if kind == "headings" else "opening text"
    typer.echo(f"{section}: {what} {'set' if text.strip() else 'back to the default'}")


@agenda_app.command("heading")
def heading_cmd(ctx: typer.Context, meeting: MeetingArg, section: SectionArg,
                text: Annotated[str, typer.Argument(help="The heading ('' for the style's default).")]) -> None:
    """Rewrite a section's heading ("Key reflections", an item's or a group's title as printed, "About …")."""
    _section_text(ctx, meeting, section, text, "headings")


@agenda_app.command("intro")
def intro_cmd(ctx: typer.Context, meeting: MeetingArg, section: SectionArg,
              text: Annotated[str, typer.Argument(help="The text under the heading ('' for the default).")]) -> None:
    """Write the sentence(s) a section opens with (e.g. "The civil society participants put forward …")."""
    _section_text(ctx, meeting, section, text, "intros")


@dialogue_app.command("group")
def state_group_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    name: Annotated[str, typer.Argument(help='The group, as statements name it ("Group of Friends of RtoP").')],
    count: Annotated[Optional[int], typer.Option("--count", help="How many states it has.")] = None,
    over: Annotated[bool, typer.Option("--over", help="The count is a lower bound (\"over 70\").")] = False,
    member: Annotated[Optional[list[str]], typer.Option(
        "--member", help="A member state (repeatable; with members the count is theirs).")] = None,
    remove: Annotated[bool, typer.Option("--remove", help="Forget this group.")] = False,
) -> None:
    """Say what is known of a group of states, so that tallies count its members once."""
    from .. import services

    engine, found = meeting_of(ctx, meeting)
    known = dict(services.get_meeting(engine, found.id).state_groups)
    groups = {k: v for k, v in known.items() if k.casefold() != name.strip().casefold()}
    if remove and len(groups) == len(known):
        raise InvalidInput(f"No group of states {name.strip()!r} to forget; the meeting knows: "
                           f"{', '.join(known) or 'none'}.")
    if not remove:
        members = [m.strip() for m in member or [] if m.strip()]
        if count is None and not members:
            raise InvalidInput("Give the group's --count, or its members with --member.")
        groups[name.strip()] = {"members": members, "count": count if count is not None else len(members),
                                "over": over}
    services.update_meeting(engine, found.id, state_groups=groups)
    typer.echo(f"{name.strip()}: {'forgotten' if remove else 'saved'}")


@dialogue_app.command("presenter")
def presenter_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    statement: Annotated[int, typer.Argument(help="The statement's number in the speakers list (`speakers list`).")],
    presenter: Annotated[str, typer.Argument(help="Who read it ('' clears).")],
) -> None:
    """Record that a statement was read by one delegation on behalf of another or of a group."""
    from ..services.meetings import set_presenter

    engine, found = meeting_of(ctx, meeting)
    entry = set_presenter(engine, found.id, statement, presenter)
    typer.echo(f"{entry.position}. {entry.name}" + (f", read by {entry.presenter}" if entry.presenter else ""))
