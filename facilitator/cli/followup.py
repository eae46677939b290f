"""Following recommendations and actions across meetings."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .base import app, date_option, state

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

    if fmt == "table":  # read with sqlite3 alone where it may be, as `list` is; md and csv go through the gate
        from ..quickread import read_tracker
        from ..tracker_format import tracker_table

        rows = read_tracker(state(ctx).db, addressee=addressee, status=status)
        if rows is not None:
            typer.echo(tracker_table(rows, status, addressee), nl=False)
            return
    from ..services.followup import tracker_text

    typer.echo(tracker_text(state(ctx).engine, fmt, addressee=addressee, status=status), nl=False)

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

    from ..services.followup import resolve_note, set_status

    engine = state(ctx).engine
    found = resolve_note(engine, note)
    change = set_status(engine, found.id, status, comment=comment, date=date_option(date, "date"))
    typer.echo(f"{found.id[:8]}  {change.status} on {change.date}")

@followup_app.command("link")
def followup_link_cmd(
    ctx: typer.Context,
    note: Annotated[str, typer.Argument(help="The later note (id or prefix).")],
    earlier: Annotated[str, typer.Argument(help="The earlier recommendation it reports on.")],
) -> None:
    """Link a later note to the earlier recommendation it reports on."""

    from ..services.followup import link, resolve_note

    engine = state(ctx).engine
    later, before = resolve_note(engine, note), resolve_note(engine, earlier)
    link(engine, later.id, before.id)
    typer.echo(f"{later.id[:8]} reports on {before.id[:8]}")

@followup_app.command("show")
def followup_show_cmd(ctx: typer.Context, note: Annotated[str, typer.Argument(help="Note id or prefix.")]) -> None:
    """A recommendation's status history and links."""

    from ..quickread import FollowUp, read_follow_up

    shown = read_follow_up(state(ctx).db, note)  # sqlite3 alone where it may; else the service layer
    if shown is None:
        from ..services.followup import history, links_of, resolve_note

        engine = state(ctx).engine
        found = resolve_note(engine, note)
        shown = FollowUp(found, history(engine, found.id), *links_of(engine, found.id))
    found = shown.note
    typer.echo(f"{found.id[:8]}  [{found.kind}] {found.headline or found.text}\nstatus: {found.status or '-'}")
    for change in shown.history:
        typer.echo(f"  {change.date}  {change.status:<12} {change.comment}")
    for n in shown.earlier:
        typer.echo(f"  reports on {n.id[:8]}  {n.headline or n.text}")
    for n in shown.later:
        typer.echo(f"  reported on by {n.id[:8]}  {n.text}")
