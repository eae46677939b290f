"""The agenda beside the capture line: every item with its planned minutes,
the running item's elapsed time against its plan (red, and "over" in words,
when past it). Rendered as
the options of one OptionList, recomputed from the items and a given `now`
(the screen's clock). While the list has focus the highlight is the user's;
otherwise it follows the current item."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.clock import elapsed_seconds, format_duration, overrun_seconds
from facilitator.models import AgendaItemPublic


def agenda_line(item: AgendaItemPublic, current: bool, now: dt.datetime) -> Text:
    planned = item.planned_minutes + item.extra_minutes
    label = Text("▶ " if current else "  ")
    label.append(f"{item.position}. {item.title}", style="bold" if current else "")
    if item.started_at is not None:
        over = overrun_seconds(item, now)
        style = "bold red" if over else "green" if current else "dim"
        paused = " ⏸" if item.paused_at and not item.ended_at else ""
        label.append(f"  {format_duration(elapsed_seconds(item, now))}/{planned}′{paused}", style=style)
        if over:
            label.append(f" {format_duration(over)} over", style="bold red")
    else:
        label.append(f"  {planned}′", style="dim")
    return label


class AgendaList(OptionList):
    def show(self, items: list[AgendaItemPublic], current_id: str | None, now: dt.datetime) -> None:
        """Show the agenda at `now`. It is shown again every second, and mostly one line changes (the
        running item's clock): only the lines that changed are replaced, and the list is built anew only
        when the items are not the ones shown."""
        kept = self.highlighted if self.has_focus else None
        lines = [agenda_line(item, item.id == current_id, now) for item in items]
        ids = [item.id for item in items]
        if ids == [option.id for option in self.options]:
            for index, (line, option) in enumerate(zip(lines, self.options)):
                if line != option.prompt:
                    self.replace_option_prompt_at_index(index, line)
        else:
            self.clear_options()
            self.add_options([Option(line, id=id_) for line, id_ in zip(lines, ids)])
        index = kept if kept is not None else next((i for i, item in enumerate(items) if item.id == current_id), None)
        if index is not None and index < len(items):
            self.highlighted = index
