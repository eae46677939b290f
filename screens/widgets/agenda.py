"""The agenda beside the capture line: every item with its planned minutes,
the running item's elapsed time against its plan (red when over), and the
projected end of the day. Rendered as lines of an OptionList, recomputed from
the items and a given `now` (the screen's clock)."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.clock import elapsed_seconds, format_duration, is_overrun, planned_seconds
from facilitator.models import AgendaItemPublic


class AgendaList(OptionList):
    """Agenda items as options; the highlighted option follows the current item."""

    def show(self, items: list[AgendaItemPublic], current_id: str | None, now: dt.datetime) -> None:
        highlighted = self.highlighted
        self.clear_options()
        for item in items:
            planned = item.planned_minutes + item.extra_minutes
            label = Text()
            marker = "▶ " if item.id == current_id else "  "
            label.append(marker)
            label.append(f"{item.position}. {item.title}", style="bold" if item.id == current_id else "")
            if item.started_at is not None:
                spent = format_duration(elapsed_seconds(item, now))
                style = "bold red" if is_overrun(item, now) else "green" if item.id == current_id else "dim"
                paused = " ⏸" if item.paused_at and not item.ended_at else ""
                label.append(f"  {spent}/{planned}′{paused}", style=style)
            else:
                label.append(f"  {planned}′", style="dim")
            self.add_option(Option(label, id=item.id))
        index = next((i for i, item in enumerate(items) if item.id == current_id), highlighted)
        if index is not None:
            self.highlighted = index

    @staticmethod
    def overrun(item: AgendaItemPublic, now: dt.datetime) -> bool:
        return item.started_at is not None and elapsed_seconds(item, now) > planned_seconds(item)
