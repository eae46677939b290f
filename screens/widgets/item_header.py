"""The current agenda item above its notes: title, clock against the plan,
the rule it is held under and the kind a plain line becomes. `-overrun` is
set when the item has run past its planned minutes."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Static

from facilitator.clock import (
    elapsed_seconds,
    format_duration,
    is_overrun,
    planned_seconds,
)
from facilitator.models import AgendaItemPublic
from facilitator.vocab import RULE_LABELS

from ..literal import markup


class ItemHeader(Static):
    def show(self, item: AgendaItemPublic | None, rule: str, now: dt.datetime, group: str = "") -> None:
        if item is None:
            self.update("This meeting has no agenda items.")
            self.remove_class("-overrun")
            return
        planned = planned_seconds(item) // 60
        if item.started_at is None:
            clock = f"not started · {planned}′ planned · ctrl+t starts it"
        else:
            clock = f"{format_duration(elapsed_seconds(item, now))} of {planned}′"
            if item.paused_at and not item.ended_at:
                clock += " (paused)"
        content = markup("[b]$position. $title[/b]   $clock   · $rule · default kind: $kind",
                         position=item.position, title=item.title, clock=clock, rule=RULE_LABELS[rule],
                         kind=item.default_kind)
        if group:
            content += markup(" · group: [b]$group[/b] (ctrl+g)", group=group)
        self.update(content)
        self.set_class(item.started_at is not None and is_overrun(item, now), "-overrun")
