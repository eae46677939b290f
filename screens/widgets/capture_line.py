"""The capture line: an Input that hands over its text the moment Enter is read.

Textual runs Enter as a binding action, which can run after characters typed
just behind it have already been inserted; a fast typist's next words then
rode along with the previous note (the crash-safety test caught this). Here
Enter is handled in the key handler itself, in order with the characters:
the line is taken, the input cleared, and `CaptureLine.Sent` posted.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.widgets import Input


class CaptureLine(Input):
    @dataclass
    class Sent(Message):
        capture_line: "CaptureLine"
        value: str

        @property
        def control(self) -> "CaptureLine":
            return self.capture_line

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            value = self.value
            if value.strip():
                self.value = ""
            self.post_message(self.Sent(self, value))
            return
        await super()._on_key(event)

    def restore(self, line: str) -> None:
        """Put back a line that could not be saved, before anything typed since."""
        self.value = line if not self.value else f"{line} {self.value}"
