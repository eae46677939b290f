"""The capture line: one note at a time, handed over the moment Enter is read.

It is a text area that grows with what is typed, up to three lines, so the
start of a long recommendation stays in view; Enter still saves, and
shift+enter (or ctrl+j, which every terminal sends) puts a line break into
the note where a house style needs one.

Textual runs Enter as a binding action, which can run after characters typed
just behind it have already been inserted; a fast typist's next words then
rode along with the previous note (the crash-safety test caught this). Here
Enter is handled in the key handler itself, in order with the characters: the
line is parsed (`parse`, given by the screen), and only a line that parses is
taken, the text cleared and `CaptureLine.Sent` posted with what was parsed.
A line that does not parse stays where it is, and `Refused` says why.

Only the editing keys are bound here: page up/down, F6, ctrl+z and ctrl+y
belong to the capture screen (next item, give time, undo a deletion, insert
a phrase), as they did when the line was an Input.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import TextArea

from facilitator.errors import FacilitatorError

#: Keys that put a line break into the note.
LINE_BREAK_KEYS = ("shift+enter", "ctrl+j", "alt+enter")


class CaptureLine(TextArea, inherit_bindings=False):
    DEFAULT_CSS = """
    CaptureLine { height: auto; min-height: 3; max-height: 5; }
    """
    BINDINGS = [
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("left", "cursor_left", "Cursor left", show=False),
        Binding("right", "cursor_right", "Cursor right", show=False),
        Binding("ctrl+left", "cursor_word_left", "Cursor word left", show=False),
        Binding("ctrl+right", "cursor_word_right", "Cursor word right", show=False),
        Binding("home,ctrl+a", "cursor_line_start", "Cursor line start", show=False),
        Binding("end,ctrl+e", "cursor_line_end", "Cursor line end", show=False),
        Binding("ctrl+shift+left", "cursor_word_left(True)", "Cursor left word select", show=False),
        Binding("ctrl+shift+right", "cursor_word_right(True)", "Cursor right word select", show=False),
        Binding("shift+home", "cursor_line_start(True)", "Cursor line start select", show=False),
        Binding("shift+end", "cursor_line_end(True)", "Cursor line end select", show=False),
        Binding("shift+up", "cursor_up(True)", "Cursor up select", show=False),
        Binding("shift+down", "cursor_down(True)", "Cursor down select", show=False),
        Binding("shift+left", "cursor_left(True)", "Cursor left select", show=False),
        Binding("shift+right", "cursor_right(True)", "Cursor right select", show=False),
        Binding("backspace", "delete_left", "Delete character left", show=False),
        Binding("ctrl+w,ctrl+backspace,alt+backspace", "delete_word_left", "Delete left to start of word",
                show=False),
        Binding("delete,ctrl+d", "delete_right", "Delete character right", show=False),
        Binding("alt+delete", "delete_word_right", "Delete right to start of word", show=False),
        Binding("ctrl+x", "cut", "Cut", show=False),
        Binding("ctrl+c", "copy", "Copy", show=False),
        Binding("ctrl+v", "paste", "Paste", show=False),
        Binding("ctrl+u", "delete_to_start_of_line", "Delete to line start", show=False),
        Binding("ctrl+k", "delete_to_end_of_line", "Delete to line end", show=False),
    ]

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
        super().__init__(id=id, soft_wrap=True, tab_behavior="focus", show_line_numbers=False,
                         highlight_cursor_line=False, placeholder=placeholder)
        self.parse = parse

    @property
    def value(self) -> str:
        """The text typed so far."""
        return self.text

    @value.setter
    def value(self, text: str) -> None:
        """Replace the text (and its undo history); the cursor goes to its end, ready to go on typing."""
        self.load_text(text)
        self.move_cursor(self.document.end)

    def insert_text_at_cursor(self, text: str) -> None:
        self.insert(text, maintain_selection_offset=False)

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
        if event.key in LINE_BREAK_KEYS:
            event.stop()
            event.prevent_default()
            if not self.read_only:
                start, end = self.selection
                self.replace("\n", start, end, maintain_selection_offset=False)
            return
        await super()._on_key(event)

    def show_draft(self, text: str) -> None:
        """Put back a line kept from an earlier session, the cursor at its end, ready to go on typing."""
        self.value = text
