"""The current agenda item above its notes: title, clock against the plan,
the rule it is held under and the kind a plain line becomes. Past its
planned minutes the item says by how much ("1:20 OVER TIME") and `-overrun`
colours the header."""

from __future__ import annotations

import datetime as dt

from facilitator.clock import elapsed_seconds, format_duration, overrun_seconds, planned_seconds
from facilitator.models import AgendaItemPublic
from facilitator.vocab import RULE_LABELS

from ..literal import markup
from .steady_static import SteadyStatic


class ItemHeader(SteadyStatic):
    def show(self, item: AgendaItemPublic | None, rule: str, now: dt.datetime, group: str = "") -> None:
        if item is None:
            self.update("This meeting has no agenda items.")
            self.remove_class("-overrun")
            return
        planned = planned_seconds(item) // 60
        over = overrun_seconds(item, now)
        if item.started_at is None:
            clock = f"not started · {planned}′ planned · ctrl+t starts it"
        else:
            clock = f"{format_duration(elapsed_seconds(item, now))} of {planned}′"
            if item.paused_at and not item.ended_at:
                clock += " (paused)"
        content = markup("[b]$position. $title[/b]   $clock", position=item.position, title=item.title, clock=clock)
        if over:
            content += markup("  [b reverse] $over OVER TIME [/]", over=format_duration(over))
        content += markup("   · $rule · default kind: $kind", rule=RULE_LABELS[rule], kind=item.default_kind)
        if group:
            content += markup(" · group: [b]$group[/b] (ctrl+g)", group=group)
        self.update(content)
        self.set_class(bool(over), "-overrun")
