"""Who has the floor and how long they have left (`-low` in the last 30
seconds, `-over` past the limit). Hidden when nobody is speaking."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Static

from facilitator.clock import format_duration, speaker_remaining
from facilitator.models import InterventionPublic

from ..literal import markup


class SpeakerBar(Static):
    def show(self, speaker: InterventionPublic | None, limit: int, now: dt.datetime) -> int | None:
        """Show the speaker; return the seconds they have left (None: no limit or nobody speaking)."""
        self.display = speaker is not None
        if speaker is None:
            return None
        # On screen the room sees who has the floor, whatever the attribution rule.
        remaining = speaker_remaining(speaker.started_at, limit, now)
        behalf = f" (on behalf of {speaker.on_behalf_of})" if speaker.on_behalf_of else ""
        clock = ""
        if remaining is not None:
            clock = f"   {format_duration(abs(remaining))} {'left' if remaining >= 0 else 'over'}"
        self.update(markup("Speaking: [b]$name[/b]$behalf$clock   · ctrl+n next speaker", name=speaker.name,
                           behalf=behalf, clock=clock))
        self.set_class(remaining is not None and 0 <= remaining <= 30, "-low")
        self.set_class(remaining is not None and remaining < 0, "-over")
        return remaining
