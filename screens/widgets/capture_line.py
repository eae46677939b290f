"""The capture line: an Input that hands over its text the moment Enter is read.

Textual runs Enter as a binding action, which can run after characters typed
just behind it have already been inserted; a fast typist's next words then
rode along with the previous note (the crash-safety test caught this). Here
Enter is handled in the key handler itself, in order with the characters: the
line is parsed (`parse`, given by the screen), and only a line that parses is
taken, the input cleared and `CaptureLine.Sent` posted with what was parsed.
A line that does not parse stays where it is, and `Refused` says why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import events
from textual.message import Message
from textual.widgets import Input

from facilitator.errors import FacilitatorError


class CaptureLine(Input):
    @dataclass
    class Sent(Message):
        capture_line: "CaptureLine"
        value: str
        #: What `parse` made of the line.
        parsed: Any

        @property
        def control(self) -> "CaptureLine":
            return self.capture_line

    @dataclass
    class Refused(Message):
        capture_line: "CaptureLine"
        value: str
        error: FacilitatorError

        @property
        def control(self) -> "CaptureLine":
            return self.capture_line

    def __init__(self, *, parse: Callable[[str], Any], placeholder: str = "", id: str | None = None) -> None:
        # A restored draft must not be selected on focus: the first key would replace it.
        super().__init__(placeholder=placeholder, id=id, select_on_focus=False)
        self.parse = parse

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            value = self.value
            if not value.strip():
                return
            try:
                parsed = self.parse(value)
            except FacilitatorError as exc:
                self.post_message(self.Refused(self, value, exc))
                return
            self.value = ""
            self.post_message(self.Sent(self, value, parsed))
            return
        await super()._on_key(event)

    def show_draft(self, text: str) -> None:
        """Put back a line kept from an earlier session, the cursor at its end, ready to go on typing."""
        self.value = text
        self.cursor_position = len(text)
