"""Helpers for driving the application with Textual's Pilot."""

from __future__ import annotations

import datetime as dt

from screens.app import make_app

FIXED_NOW = dt.datetime(2017, 2, 16, 9, 45, tzinfo=dt.UTC)


def app_for(engine, now: dt.datetime = FIXED_NOW):
    return make_app(engine=engine, clock=lambda: now)


async def settle(app, pilot, rounds: int = 3) -> None:
    """Let the writer and the workers finish, and their messages land on screen. A message handled
    may queue a further write (create a meeting, then open it): a few rounds cover such chains."""
    import asyncio

    for _ in range(rounds):
        await pilot.pause()
        await asyncio.get_running_loop().run_in_executor(None, app.writer.flush)
        await app.workers.wait_for_complete()
        await pilot.pause()


def table_texts(table) -> list[str]:
    return [str(table.get_row_at(i)[-1]) for i in range(table.row_count)]
