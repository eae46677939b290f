"""Messages that cross screens: past-tense facts posted by workers when a
service call has finished (Textual guide: workers and messages)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message


@dataclass
class ExportFinished(Message):
    """An export was written to `path` (in house style `style`, format `fmt`)."""

    path: Path
    style: str = ""
    fmt: str = ""


@dataclass
class ActionFailed(Message):
    """A service call in a worker raised a FacilitatorError."""

    title: str
    error: str
