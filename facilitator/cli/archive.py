"""The secretariat's archive: push and pull meetings, and (for its administrator)
set up who may see what (`archive init`, `archive grant`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import DatabaseError, InvalidInput
from .base import app, state

ARCHIVE_VAR = "FACILITATOR_ARCHIVE"

MeetingsArg = Annotated[Optional[list[str]], typer.Argument(
    help="Meeting ids or their first characters (default: every meeting).", show_default=False)]
AcceptOption = Annotated[bool, typer.Option(
    "--accept-rule-change", help="Apply changes toward a less protective attribution rule (kept out otherwise).")]


def _archive_url(value: str | None, option: str) -> str:
    url = value or os.environ.get(ARCHIVE_VAR)
    if not url:
        raise InvalidInput(f"Name the archive: {option} postgresql://USER@HOST/DATABASE (or set ${ARCHIVE_VAR}).")
    return url


def _move(ctx: typer.Context, verb: str, source, target, refs, source_name: str, accept: bool,
          audit_first: bool = False) -> None:
    from ..errors import ConnectionLost
    from ..services.bundles import report_line
    from ..services.sync import meetings_to_move, move

    ids = meetings_to_move(source, refs)
    if not ids:
        typer.echo(f"No meetings to {verb}.")
        return
    done, refused = 0, []
    try:
        for moved in move(source, target, ids, source_name=source_name, accept_rule_change=accept,
                          audit_first=audit_first):
            if moved.open_flags:  # the sentence names the meeting, its flags and what to run
                refused.append(moved.meeting_id)
                typer.echo(f"facilitator: {moved.error}", err=True)
                continue
            if moved.error:
                refused.append(moved.meeting_id)
                typer.echo(f"facilitator: {moved.meeting_id[:8]} not {verb}ed: {moved.error}", err=True)
                continue
            done += 1
            typer.echo(f"{report_line(moved.report)} ({verb}ed)")
            if moved.report.rule_changes and not moved.report.rule_changes_applied:
                typer.echo(f"facilitator: warning: {moved.meeting_id[:8]}: a less protective rule was kept out; "
                           f"{verb} again with --accept-rule-change to apply it.", err=True)
    except ConnectionLost as exc:
        left = len(ids) - done - len(refused)
        raise ConnectionLost(f"{exc} {done} meeting(s) {verb}ed before it; {left} not {verb}ed (run the same "
                             f"{verb} again: it is safe to repeat).") from None
    if refused:
        raise DatabaseError(f"{len(refused)} of {len(ids)} meeting(s) not {verb}ed (see above).")


@app.command("push")
def push_cmd(
    ctx: typer.Context,
    meetings: MeetingsArg = None,
    to: Annotated[Optional[str], typer.Option(
        "--to", help=f"The archive's URL, postgresql://USER@HOST/DATABASE (default: ${ARCHIVE_VAR}).",
        show_default=False)] = None,
    accept_rule_change: AcceptOption = False,
) -> None:
    """Send meetings from this database to the archive (merged by id; safe to repeat). A meeting with open
    audit flags is not sent (`facilitator audit` lists them); the others are."""
    from ..db import close_engine, open_engine

    url = _archive_url(to, "--to")
    laptop = state(ctx).engine
    archive = open_engine(url)
    try:
        _move(ctx, "push", laptop, archive, meetings, "a laptop's push", accept_rule_change, audit_first=True)
    finally:
        close_engine(archive)


@app.command("pull")
def pull_cmd(
    ctx: typer.Context,
    meetings: MeetingsArg = None,
    from_: Annotated[Optional[str], typer.Option(
        "--from", help=f"The archive's URL, postgresql://USER@HOST/DATABASE (default: ${ARCHIVE_VAR}).",
        show_default=False)] = None,
    accept_rule_change: AcceptOption = False,
) -> None:
    """Bring meetings from the archive into this database (merged by id; safe to repeat)."""
    from ..db import close_engine, open_engine

    url = _archive_url(from_, "--from")
    archive = open_engine(url)
    try:
        laptop = state(ctx).engine
        _move(ctx, "pull", archive, laptop, meetings, "the archive", accept_rule_change)
    finally:
        close_engine(archive)


archive_app = typer.Typer(help="Set up the secretariat's archive: roles, rapporteurs (its administrator).",
                          no_args_is_help=True)
app.add_typer(archive_app, name="archive")

AdminUrlOption = Annotated[Optional[str], typer.Option(
    "--admin-url", help=f"The archive's URL as a user who may create roles (default: ${ARCHIVE_VAR}).",
    show_default=False)]
RoleArg = Annotated[str, typer.Argument(help="reader | rapporteur | admin", show_default=False)]
UserArg = Annotated[str, typer.Argument(help="The person's PostgreSQL user name.", show_default=False)]
MeetingOption = Annotated[Optional[list[str]], typer.Option(
    "--meeting", "-m", help="A meeting the rapporteur may read raw and write (repeatable).", show_default=False)]


def _admin_engine(url: str | None):
    from ..db import open_engine

    return open_engine(_archive_url(url, "--admin-url"))


@archive_app.command("init")
def archive_init_cmd(admin_url: AdminUrlOption = None) -> None:
    """Create (or upgrade) the archive's schema, roles and row-level security. Safe to repeat."""
    from ..db import close_engine
    from ..services.archive import init_archive

    engine = _admin_engine(admin_url)
    try:
        init_archive(engine)
    finally:
        close_engine(engine)
    typer.echo("archive ready: roles facilitator_reader, facilitator_rapporteur, facilitator_admin; "
               "row-level security on every table")


@archive_app.command("grant")
def archive_grant_cmd(
    user: UserArg,
    role: RoleArg,
    meeting: MeetingOption = None,
    password_file: Annotated[Optional[Path], typer.Option(
        "--password-file", help="Set the user's password from the first line of this file.", show_default=False)]
    = None,
    admin_url: AdminUrlOption = None,
) -> None:
    """Make USER a reader, rapporteur (of the meetings named) or administrator; creates the user if missing."""
    from ..db import close_engine
    from ..passphrases import read_passphrase_file
    from ..services.archive import grant

    password = read_passphrase_file(password_file) if password_file else None
    engine = _admin_engine(admin_url)
    try:
        done = grant(engine, user, role, meetings=meeting or [], password=password)
    finally:
        close_engine(engine)
    created = " (new user" + (", with the password given)" if password else "; set a password to log in)") \
        if done.created else ""
    typer.echo(f"{done.user}: {done.role}{created}"
               + (f"; rapporteur of {', '.join(m[:8] for m in done.meetings)}" if done.meetings else ""))


@archive_app.command("revoke")
def archive_revoke_cmd(
    user: UserArg,
    role: RoleArg,
    meeting: MeetingOption = None,
    admin_url: AdminUrlOption = None,
) -> None:
    """Take a role from USER, or (with --meeting) a rapporteur's meetings."""
    from ..db import close_engine
    from ..services.archive import revoke

    engine = _admin_engine(admin_url)
    try:
        revoke(engine, user, role, meetings=meeting or [])
    finally:
        close_engine(engine)
    typer.echo(f"{user}: {role} revoked" + (" for the meetings named" if meeting else ""))


@archive_app.command("users")
def archive_users_cmd(admin_url: AdminUrlOption = None) -> None:
    """List who is reader, rapporteur or administrator, and each rapporteur's meetings."""
    from ..db import close_engine
    from ..services.archive import members

    engine = _admin_engine(admin_url)
    try:
        for member in members(engine):
            meetings = f"  meetings {', '.join(m[:8] for m in member.meetings)}" if member.meetings else ""
            typer.echo(f"{member.user:<20} {', '.join(member.roles) or '-'}{meetings}")
    finally:
        close_engine(engine)
