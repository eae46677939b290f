"""Running the room from the capture screen: the item's clock, giving time to
the next item, breakout groups, and the speakers list.

A mixin for CaptureScreen, which provides `meeting_id`, `meeting`, `items`,
`current`, `group`, `tick()`, `reload_items()` and `write()` (WritesToDatabase).
Each action is one service call queued on the application's writer; the
screen redraws when it has committed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from facilitator.clock import elapsed_seconds, planned_seconds
from facilitator.models import InterventionPublic
from facilitator.services import clock, speakers

#: Kinds of entry added out of turn (kept for the session: see Floor.kinds).
REPLY, POINT_OF_ORDER = "reply", "point of order"


@dataclass
class Floor:
    """What the chair's screens share about a meeting's speakers list while it is open: the changes
    that can be undone (each with the list as it was before it), the entries added as replies or
    points of order, and the speaker the bell has rung for. The capture screen holds one and hands
    it to the speakers list it opens."""

    undo: list[tuple[str, list[InterventionPublic]]] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)
    bell_rung_for: str | None = None

    def remember(self, what: str, before: list[InterventionPublic]) -> None:
        self.undo = [*self.undo[-49:], (what, before)]

    def ring_once(self, app, speaker: InterventionPublic | None, remaining: int | None, bell: bool) -> None:
        """Ring the terminal bell once when the speaker reaches the limit."""
        if speaker is not None and remaining is not None and remaining <= 0 and bell \
                and self.bell_rung_for != speaker.id:
            self.bell_rung_for = speaker.id
            app.bell()


class ChairsMeeting:
    _speaker: InterventionPublic | None = None
    #: Whether the meeting has a speakers list at all (the "Next speaker" key shows only then).
    _has_speakers: bool = False
    #: Names of who waits, in order (the speaker bar shows the first two).
    _waiting: list[str] = []

    @property
    def floor(self) -> Floor:
        if getattr(self, "_floor", None) is None:
            self._floor = Floor()
        return self._floor

    def load_speakers(self) -> None:
        queue = speakers.list_queue(self.app.engine, self.meeting_id, include_done=False)
        self._speaker = next((e for e in queue if e.status == speakers.SPEAKING), None)
        self._waiting = [e.name for e in queue if e.status == speakers.QUEUED]
        self._has_speakers = bool(queue)
        self.refresh_footer()

    def action_toggle_clock(self) -> None:
        item = self.current
        if item is None:
            return
        now = self.app.clock()
        if item.started_at is None or item.ended_at is not None:
            self.write(clock.advance_to, self.meeting_id, item.id, now=now, done=self._clock_changed)
        elif item.paused_at is None:
            self.write(clock.pause, item.id, now=now, done=self._clock_changed)
        else:
            self.write(clock.resume, item.id, now=now, done=self._clock_changed)

    def _clock_changed(self, _=None) -> None:
        self.reload_items()

    def action_give_time(self) -> None:
        """Give what is left of this item's time to the next item (or take the overrun from it)."""
        item = self.current
        following = clock.next_item_id(self.app.engine, self.meeting_id, item.id) if item else None
        if item is None or following is None or item.started_at is None:
            self.notify("Start this item's clock first; the last item has no next item to give time to.")
            return
        left = (planned_seconds(item) - elapsed_seconds(item, self.app.clock())) // 60

        def moved(said: str):
            def done(_) -> None:
                self.notify(said)
                self.reload_items()
            return done

        if left > 0:
            self.write(clock.move_minutes, item.id, following, left,
                       done=moved(f"Gave {left} minute(s) to the next item."))
        elif left < 0:
            self.write(clock.move_minutes, following, item.id, -left,
                       done=moved(f"Took {-left} minute(s) of overrun from the next item."))

    def action_next_group(self) -> None:
        groups = self.current.groups if self.current else []
        if not groups:
            self.notify("This agenda item has no breakout groups.")
            return
        self.group = groups[(groups.index(self.group) + 1) % len(groups)] if self.group in groups else groups[0]
        self.tick()

    def action_next_speaker(self) -> None:
        self.write(speakers.undoable, self.meeting_id, speakers.call_next, self.meeting_id, now=self.app.clock(),
                   done=self._speaker_called)

    def _speaker_called(self, result: tuple[InterventionPublic | None, list[InterventionPublic]]) -> None:
        speaker, before = result
        self.floor.remember("call the next speaker", before)
        if speaker is None:
            self.notify("Nobody is waiting to speak (ctrl+l: the speakers list).")
        self.load_speakers()
        self.tick()

    def action_speakers(self) -> None:
        from .speakers import SpeakersScreen

        def back(_=None) -> None:
            self.load_speakers()
            self.tick()

        self.app.push_screen(SpeakersScreen(self.meeting_id, floor=self.floor), back)

    def show_speaker(self, now: dt.datetime) -> None:
        """The speaker bar, and the bell once at the limit (tick() calls this every second)."""
        from .widgets.speaker_bar import SpeakerBar

        remaining = self.query_one(SpeakerBar).show(self._speaker, self.meeting.speaker_limit, now, self._waiting)
        self.floor.ring_once(self.app, self._speaker, remaining, self.meeting.bell)
