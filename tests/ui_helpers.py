"""Helpers for driving the application with Textual's Pilot."""

from __future__ import annotations

import datetime as dt

from screens.app import make_app

FIXED_NOW = dt.datetime(2017, 2, 16, 9, 45, tzinfo=dt.UTC)


def app_for(engine, now: dt.datetime = FIXED_NOW):
    return make_app(engine=engine, clock=lambda: now)


async def settle(app, pilot) -> None:
    """Let workers finish and their messages land on screen."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def table_texts(table) -> list[str]:
    return [str(table.get_row_at(i)[-1]) for i in range(table.row_count)]
