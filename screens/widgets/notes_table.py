"""Notes as rows of one table — kind, key flag, addressee, text — used by the
capture screen (wrapped) and the review screen (one line each), never one
widget per note. Every cell is plain `Text`: a note holding "[/]" is shown as
typed, not parsed as markup.
"""

from __future__ import annotations

from rich.text import Text

from facilitator.models import NotePublic

from ..literal import literal
from .fill_table import FillTable

KIND_LABELS = {"reflection": "refl", "recommendation": "REC", "challenge": "chal", "best-practice": "best",
               "quote": "quote", "action": "ACT", "observation": "obs"}
KIND_HEADINGS = {"reflection": "Reflections", "recommendation": "Recommendations", "challenge": "Challenges",
                 "best-practice": "Best practices", "quote": "Quotes", "action": "Actions",
                 "observation": "Observations"}
COLUMNS = (("Kind", "kind", 5), ("★", "key", 1), ("To", "to", 12), ("Note", "text", None))


def note_text(note: NotePublic) -> Text:
    """A note's text, its headline in bold before it and its themes in brackets after it."""
    return note_body(note.text, headline=note.headline, themes=note.themes)


def note_body(text: str, *, headline: str = "", themes: list[str] | tuple[str, ...] = ()) -> Text:
    body = Text.assemble((headline, "bold"), " — ") if headline else Text()
    body.append(text)
    if themes:
        body.append("  [" + ", ".join(themes) + "]", style="italic")
    return body


def note_cells(note: NotePublic | None = None, *, kind: str = "", key: bool = False, addressee: str = "",
               text: str = "", headline: str = "", saving: bool = False,
               unsaved: str = "") -> tuple[Text, Text, Text, Text]:
    """The four cells of a saved note, of a line still being saved (`saving=True`), or of a line whose
    save failed (`unsaved`: why)."""
    if note is not None:
        kind, key, addressee = note.kind, note.key, note.addressee
        body = note_text(note)
    else:
        body = note_body(text, headline=headline)
    if saving:
        body.append("  saving…", style="dim italic")
    if unsaved:
        body.append("  NOT SAVED (ctrl+s retries)", style="bold red")
    return literal(KIND_LABELS.get(kind, kind)), literal("★" if key else ""), literal(addressee), body


class NotesTable(FillTable):
    """Notes as rows: kind, key flag, addressee, and the text filling the rest."""

    def __init__(self, *, wrap: bool = False, zebra_stripes: bool = True, id: str | None = None) -> None:
        super().__init__(COLUMNS, wrap=wrap, zebra_stripes=zebra_stripes, id=id)
