"""Who has the floor, for how long they have spoken, how long they have left
(`-low` in the last 30 seconds, `-over` past the limit, with "OVER" in
words), and who comes next. Hidden when nobody is speaking."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from facilitator.clock import format_duration, speaker_remaining
from facilitator.models import InterventionPublic, as_utc

from ..literal import markup
from .steady_static import SteadyStatic


def spoken_for(speaker: InterventionPublic, now: dt.datetime) -> int:
    """Seconds the current speaker has had the floor."""
    return max(0, int((as_utc(now) - as_utc(speaker.started_at)).total_seconds())) if speaker.started_at else 0


class SpeakerBar(SteadyStatic):
    def show(self, speaker: InterventionPublic | None, limit: int, now: dt.datetime,
             waiting: Sequence[str] = ()) -> int | None:
        """Show the speaker; return the seconds they have left (None: no limit or nobody speaking)."""
        self.display = speaker is not None
        if speaker is None:
            self.set_class(False, "-low")
            self.set_class(False, "-over")
            return None
        # On screen the room sees who has the floor, whatever the attribution rule.
        remaining = speaker_remaining(speaker.started_at, limit, now)
        behalf = f" (on behalf of {speaker.on_behalf_of})" if speaker.on_behalf_of else ""
        clock = format_duration(spoken_for(speaker, now))
        if remaining is not None:
            clock += f" · {format_duration(remaining)} left" if remaining >= 0 else \
                f" · {format_duration(-remaining)} OVER"
        following = f"   next: {', '.join(waiting[:2])}" if waiting else ""
        self.update(markup("Speaking: [b]$name[/b]$behalf   [b]$clock[/b]$following", name=speaker.name,
                           behalf=behalf, clock=clock, following=following))
        self.set_class(remaining is not None and 0 <= remaining <= 30, "-low")
        self.set_class(remaining is not None and remaining < 0, "-over")
        return remaining
