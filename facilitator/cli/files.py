"""Files: documents, bundles, backups, restore, purge and encryption."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import DatabaseError, InvalidInput
from ..passphrases import confirm, get_passphrase
from .base import MeetingArg, PassphraseFileOption, app, meeting_of, state


@app.command("export")
def export_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    style: Annotated[Optional[str], typer.Option(
        "--style", "-s", help="House style: report | memo | workshop | dialogue | update (default: the one the "
                              "meeting's template names).", show_default=False)] = None,
    fmt: Annotated[Optional[str], typer.Option(
        "--format", "-f", help="File format: docx | md | html | pdf (default: the one --output's name ends in, else "
                       "docx).", show_default=False)] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help=(
        "File to write (default: named after the meeting, in the folder it was last exported to, else this "
        "folder)."))]
    = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    allow_attribution: Annotated[bool, typer.Option(
        "--allow-attribution", help="Export even though the audit has open flags (names may appear).")] = False,
) -> None:
    """Write a meeting as a document in a house style; say on stderr what the style left out."""

    from ..services.exporting import export

    engine, found = meeting_of(ctx, meeting)
    if allow_attribution:
        typer.echo("facilitator: warning: --allow-attribution skips the attribution audit; the document may name "
                   "participants who may not be identified.", err=True)
    written = export(engine, found.id, style, fmt, output, force=force, allow_attribution=allow_attribution)
    for line in written.omitted:
        typer.echo(f"left out: {line}", err=True)
    typer.echo(str(written.path))

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

    from ..services.bundles import write_bundle

    engine, found = meeting_of(ctx, meeting)
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

    from ..services.bundles import PassphraseNeeded, import_bundle, read_bundle, report_line

    passphrase = None
    try:
        read_bundle(bundle)  # validate before the database is opened or created
    except PassphraseNeeded:
        passphrase = get_passphrase("Passphrase", file=passphrase_file)
        read_bundle(bundle, passphrase)
    report = import_bundle(state(ctx).engine, bundle, passphrase, accept_rule_change=accept_rule_change)
    typer.echo(report_line(report))
    if report.conflicts:
        typer.echo("Notes edited on both laptops keep the later edit; the other version is kept as a revision "
                   "(see the review screen).", err=True)
    if report.rule_changes and not report.rule_changes_applied:
        typer.echo("facilitator: warning: the bundle would put speakers under a less protective attribution rule; "
                   "the stricter rule was kept. Import again with --accept-rule-change to apply it.", err=True)

@app.command("backup")
def backup_cmd(
    ctx: typer.Context,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="Backup file (default: the backups folder beside the database).")] = None,
) -> None:
    """Copy the database with SQLite's online backup."""

    from ..services.backups import backup_database

    typer.echo(str(backup_database(state(ctx).engine, output)))

@app.command("restore")
def restore_cmd(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A backup made by `facilitator backup` or a live session.")],
) -> None:
    """Replace the database's content with a backup (the current content is backed up first)."""

    from ..services.backups import restore_database

    engine = state(ctx).open(allow_empty=True)  # an emptied database file is what restore is for
    safety = restore_database(engine, file)  # checks the backup before touching anything
    typer.echo(f"restored {file}; the previous content is in {safety}")

@app.command("purge")
def purge_cmd(
    ctx: typer.Context,
    meeting: MeetingArg,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove what identifies speakers from a protected meeting, its backups and the shared phrase library
    (irreversible); name the copies made with `backup -o`, which it cannot reach."""

    from shlex import quote

    from ..services.retention import LEFT, PURGED, purge_identities

    engine, found = meeting_of(ctx, meeting)
    if not yes:
        confirm(f"Purge speaker details from {found.title!r} and its backups? This cannot be undone")
    report = purge_identities(engine, found.id)
    typer.echo(f"{report.notes_changed} note(s) changed, {report.speaker_links} speaker link(s) and "
               f"{report.queue_entries} speakers-list entr(ies) removed, {report.backups_purged} backup(s) purged")
    if report.phrases_rewritten:
        typer.echo(f"{report.phrases_rewritten} phrase(s) of the phrase library named a protected participant: "
                   "rewritten in the anonymous form")
    for backup in report.backups:
        if backup.outcome == PURGED:
            typer.echo(f"purged backup {backup.path}")
        elif backup.outcome != LEFT:
            typer.echo(f"removed backup {backup.path}: {backup.reason}")
    for backup in report.backups:
        if backup.outcome == LEFT:
            typer.echo(f"facilitator: warning: not purged: {backup.path}, in the backups folder: {backup.reason}; "
                       "delete it.", err=True)
    for copy in report.copies:
        typer.echo(f"facilitator: warning: not purged: {copy}, a copy made with backup -o; delete it or purge it "
                   f"with `facilitator --db {quote(copy)} purge {found.id[:8]} --yes`.", err=True)
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

    from .. import encryption
    from ..db import exclusive
    from ..dialects import sqlite_only
    from ..services.backups import database_path, list_backups

    engine = state(ctx).engine
    sqlite_only(engine, "Encryption")
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
