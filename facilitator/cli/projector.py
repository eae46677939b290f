"""The projector view: a second, read-only window on a running meeting."""

from __future__ import annotations

import sys

import typer

from ..errors import InvalidInput
from .base import MeetingArg, app, meeting_of


@app.command("projector")
def projector_cmd(ctx: typer.Context, meeting: MeetingArg) -> None:
    """Show a meeting for the room on a second screen: the current item and its clock, the speaker and
    their time left, the next three on the list (names only where the item's rule allows). Run it in
    another terminal, on the same database as the facilitator; it reads once a second and never writes."""
    engine, found = meeting_of(ctx, meeting)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise InvalidInput("The projector needs a terminal: run it in a terminal window shown on the projector.")
    read_only(engine)
    from screens.app import make_projector_app  # the one place this command reaches into the UI

    application = make_projector_app(found.id, engine=engine)
    application.run()


def read_only(engine) -> None:
    """Every connection of this engine refuses writes (SQLite's query_only), so a projector left running
    can never change the meeting, whatever its screens do."""
    from sqlalchemy import event

    def refuse_writes(dbapi_connection, _record) -> None:
        dbapi_connection.execute("PRAGMA query_only = ON")

    event.listen(engine, "connect", refuse_writes)
    engine.dispose()  # connections opened before (the migration check) are replaced by read-only ones
