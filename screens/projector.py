"""The projector view: what the room sees on a second screen, as OpenSlides'
projector shows it for assemblies. The current agenda item and its clock,
the speaker with their time left, and the next three on the list — read from
the database once a second and never written.

It runs in its own terminal (`facilitator projector MEETING`), beside the
facilitator's application on the same database. Names appear only where the
current item's rule allows: on the record, everyone; under the Chatham House
rule or not for attribution, only those the attribution policy does not
protect (delegations, and participants marked attributable, such as a guest
of honour); anyone else is "a participant".
"""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Digits, Static

from facilitator import services
from facilitator.clock import elapsed_seconds, format_duration, overrun_seconds, planned_seconds, speaker_remaining
from facilitator.errors import FacilitatorError
from facilitator.models import AgendaItemPublic, InterventionPublic, MeetingPublic
from facilitator.policy import is_protected, protected_identities, rule_of
from facilitator.services import speakers
from facilitator.vocab import RULE_LABELS

from .literal import literal, markup
from .widgets.speaker_bar import spoken_for

#: How many of those waiting the projector shows.
NEXT = 3
#: The register (who may be named) is read again this often, in seconds; the list and the clock every second.
REGISTER_EVERY = 10
ANONYMOUS = "a participant"


class ProjectorScreen(Screen):
    BINDINGS = [Binding("q,escape", "app.quit", "Quit", id="projector.quit")]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.meeting: MeetingPublic | None = None
        self.item: AgendaItemPublic | None = None
        self.queue: list[InterventionPublic] = []
        #: Participants no text for readers may name (policy.protected_identities), by id.
        self.protected: set[str] = set()
        self._ticks = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="projector"):
            yield Static("", id="projector-title")
            yield Static("", id="projector-item")
            with Horizontal(id="projector-item-clock"):
                yield Digits("", id="projector-item-digits")
                yield Static("", id="projector-item-state")
            yield Static("", id="projector-speaker")
            with Horizontal(id="projector-speaker-clock"):
                yield Digits("", id="projector-speaker-digits")
                yield Static("", id="projector-speaker-state")
            yield Static("", id="projector-next")
            yield Static("", id="projector-hint")

    def on_mount(self) -> None:
        self.refresh_view()
        self.set_interval(1.0, self.refresh_view)

    # --- reading ------------------------------------------------------------------------

    def read(self) -> None:
        """One look at the database: the meeting, its current item, the list; the register now and then."""
        engine = self.app.engine
        self.meeting = services.get_meeting(engine, self.meeting_id)
        self.item = services.current_item(engine, self.meeting_id)
        self.queue = speakers.list_queue(engine, self.meeting_id, include_done=False)
        if self._ticks % REGISTER_EVERY == 0:
            detail = services.get_detail(engine, self.meeting_id)
            self.protected = {person.id for identity in protected_identities(detail) for person in identity.people}
        self._ticks += 1

    @property
    def rule(self) -> str:
        return rule_of(self.meeting, self.item)

    def name_of(self, entry: InterventionPublic) -> str:
        """The entry's name where the current item's rule allows it, else "a participant"."""
        if not is_protected(self.rule):
            return entry.name
        if entry.participant_id and entry.participant_id not in self.protected:
            return entry.name  # a delegation, or someone marked attributable
        return ANONYMOUS

    # --- showing --------------------------------------------------------------------------

    def refresh_view(self) -> None:
        try:
            self.read()
        except FacilitatorError as exc:
            self.query_one("#projector-title", Static).update(literal(f"The meeting cannot be read: {exc}"))
            return
        now = self.app.clock()
        self.show_title()
        self.show_item(now)
        self.show_speaker(now)
        self.show_next()

    def show_title(self) -> None:
        self.query_one("#projector-title", Static).update(
            markup("[b]$title[/b]   $rule", title=self.meeting.title, rule=RULE_LABELS[self.rule]))

    def show_item(self, now: dt.datetime) -> None:
        item = self.item
        digits = self.query_one("#projector-item-digits", Digits)
        state = self.query_one("#projector-item-state", Static)
        if item is None:
            self.query_one("#projector-item", Static).update("No agenda item yet.")
            digits.update("")
            state.update("")
            return
        self.query_one("#projector-item", Static).update(markup("[b]$position. $title[/b]", position=item.position,
                                                                  title=item.title))
        planned = planned_seconds(item) // 60
        over = overrun_seconds(item, now)
        digits.update(format_duration(elapsed_seconds(item, now)) if item.started_at else "0:00")
        if item.started_at is None:
            text = f"of {planned}′ · not started"
        elif over:
            text = f"of {planned}′ · {format_duration(over)} OVER TIME"
        else:
            left = planned_seconds(item) - elapsed_seconds(item, now)
            text = f"of {planned}′ · {format_duration(left)} left"
        if item.paused_at and not item.ended_at:
            text += " · paused"
        state.update(literal(text))
        self.query_one("#projector-item-clock").set_class(bool(over), "-over")

    def show_speaker(self, now: dt.datetime) -> None:
        speaking = next((e for e in self.queue if e.status == speakers.SPEAKING), None)
        digits = self.query_one("#projector-speaker-digits", Digits)
        state = self.query_one("#projector-speaker-state", Static)
        clock = self.query_one("#projector-speaker-clock")
        if speaking is None:
            self.query_one("#projector-speaker", Static).update("Nobody has the floor.")
            digits.update("")
            state.update("")
            clock.set_class(False, "-low")
            clock.set_class(False, "-over")
            return
        behalf = f" (on behalf of {speaking.on_behalf_of})" if speaking.on_behalf_of and \
            self.name_of(speaking) != ANONYMOUS else ""
        self.query_one("#projector-speaker", Static).update(
            markup("Speaking: [b]$name[/b]$behalf", name=self.name_of(speaking), behalf=behalf))
        remaining = speaker_remaining(speaking.started_at, self.meeting.speaker_limit, now)
        if remaining is None:
            digits.update(format_duration(spoken_for(speaking, now)))
            state.update("speaking")
        else:
            digits.update(format_duration(abs(remaining)))
            state.update(literal("left" if remaining >= 0 else "OVER TIME"))
        clock.set_class(remaining is not None and 0 <= remaining <= 30, "-low")
        clock.set_class(remaining is not None and remaining < 0, "-over")

    def show_next(self) -> None:
        waiting = [e for e in self.queue if e.status == speakers.QUEUED]
        if not waiting:
            self.query_one("#projector-next", Static).update("Nobody is waiting to speak.")
            return
        lines = [f"  {n}. {self.name_of(entry)}" for n, entry in enumerate(waiting[:NEXT], start=1)]
        more = f"\n  and {len(waiting) - NEXT} more" if len(waiting) > NEXT else ""
        self.query_one("#projector-next", Static).update(literal("Next:\n" + "\n".join(lines) + more))
