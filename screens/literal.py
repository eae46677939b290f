"""User text on screen exactly as typed.

Titles, notes, names and file paths can hold `[`, `]` or `$`. A Textual or
Rich markup string built with an f-string would style them, drop them, or
raise MarkupError and take the whole application down ("[/]" in a note was
enough). Everything a user typed reaches the screen through these helpers:
`literal()` for DataTable cells and option prompts, `markup()` to put values
into a styled template (Textual substitutes `$name` without parsing it).
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content


def literal(value: object, style: str = "") -> Text:
    """A cell or prompt shown as typed, never parsed as markup."""
    return Text("" if value is None else str(value), style=style)


def markup(template: str, **values: object) -> Content:
    """Content from trusted markup with user values inserted verbatim: markup("[b]$title[/b]", title=...)."""
    return Content.from_markup(template, **{k: "" if v is None else str(v) for k, v in values.items()})
