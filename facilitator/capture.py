"""The capture line's grammar: one typed line becomes one note.

    [KIND:] TEXT [>ADDRESSEE] [@SPEAKER] [!]
    [KIND:] HEADLINE :: TEXT ...

- `KIND:` at the start sets the kind: a full name (`recommendation:`) or a
  short form (`rec:` `r:` `ch:` `bp:` `q:` `a:` `o:`). Without it the agenda
  item's default kind is used. A line wholly inside double quotes is a quote.
- `>UN`, `>eu`, `>cs` (civil society), `>ms` (Member States), `>ga`, `>sg`,
  `>rb`, or any word (`>Member_States`, underscores become spaces) or quoted
  text (`>"regional bodies"`) names who a recommendation is addressed to;
  several markers, several addressees (`>ms >sg`), kept as "A; B".
- `@Name` or `@"Full Name"` records the speaker (on-the-record items only).
- A lone `!` marks the note as key.
- `+Theme` tags a theme; `+1` … `+9` the meeting's first to ninth theme.
  A tag stands after some text: a line that begins "+1 to the previous
  point" is text. Given the meeting's `themes`, a number is a tag only where
  the meeting has that theme ("rated it +7" stays text with six themes).
- `HEADLINE :: TEXT` gives a recommendation its one-sentence headline.
- A backslash keeps a marker literal: `\\@home`, `\\!`, `\\>`.
- A line may hold line breaks (shift+enter or ctrl+j on the capture line):
  they are kept; spaces around them are not.

`parse_capture` is pure: it never touches the database, so it is cheap to run
on every keystroke for a live preview, and easy to test exhaustively.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .errors import InvalidInput
from .vocab import (
    ADDRESSEE_ALIASES,
    NOTE_KIND_ALIASES,
    NOTE_KINDS,
    join_addressees,
    normalise_kind,
)

_KIND_PREFIX = re.compile(r"^\s*([A-Za-z][A-Za-z_-]*)\s*:(?!:)\s*")
_MARKER = re.compile(r'(?<!\S)([>@+])(?:"([^"]+)"|(\S+))|(?<!\S)(!)(?!\S)')
_HEADLINE = re.compile(r"(?<!\S)::(?!\S)")
_QUOTES = {('"', '"'), ("\u201c", "\u201d"), ("\u00ab", "\u00bb")}

GRAMMAR_HELP = """\
[b]Capture line[/b]   one line, one note; Enter saves it.

  [b]rec:[/b] text          kind: r: reflection  rec: recommendation  ch: challenge
                      bp: best practice  q: quote  a: action  o: observation
  "text in quotes"    a quote
  [b]>UN[/b] [b]>eu[/b] [b]>cs[/b] [b]>ms[/b]     addressed to UN, EU, civil society, Member States
                      (also >ga >sg >rb, >Any_Word, >"any text"; >ms >sg: both)
  [b]@Name[/b]  [b]@"Full Name"[/b]   speaker (on-the-record items only)
  [b]![/b]                   key point
  [b]+Theme[/b]  [b]+1[/b] … [b]+9[/b]      tag a theme (by name, or the meeting's theme number), after the text
  headline [b]::[/b] text     a one-sentence headline, then its paragraph
  \\@ \\> \\! \\+         a literal @, >, ! or +
  shift+enter, ctrl+j  a line break within the note (the line grows to three lines)
"""


@dataclass(frozen=True)
class Capture:
    text: str
    kind: str
    headline: str = ""
    addressee: str = ""
    speaker: str = ""
    key: bool = False
    #: Theme names, or "1".."9" for the meeting's numbered themes (resolved by the service).
    themes: tuple[str, ...] = ()


def _addressee(value: str) -> str:
    alias = ADDRESSEE_ALIASES.get(value.lower())
    return alias if alias else value.replace("_", " ").strip()


def _theme_tag(value: str, themes: Sequence[str] | None) -> str | None:
    """The tag `+value` stands for, or None when it is text: a number the meeting has no theme for."""
    value = value.replace("_", " ")
    if themes is None:
        return value
    if value.isdigit():
        return value if 1 <= int(value) <= len(themes) else None
    known = {t.casefold(): t for t in themes}
    return known.get(value.casefold(), value)


def parse_capture(line: str, *, default_kind: str = "reflection", themes: Sequence[str] | None = None) -> Capture:
    """Parse one capture line. Raises InvalidInput with a one-line reason.

    `themes`: the meeting's themes, when known; then `+N` is a tag only for a theme it has."""
    text = line.strip()
    kind = None
    match = _KIND_PREFIX.match(text)
    if match:
        word = match.group(1).lower().replace("_", "-")
        if word in NOTE_KINDS or word in NOTE_KIND_ALIASES:
            kind = normalise_kind(word)
            text = text[match.end():]

    addressees: list[str] = []
    speaker = ""
    key = False
    tags: list[str] = []
    known_themes = themes

    def take(m: re.Match) -> str:
        nonlocal speaker, key
        if m.group(4):
            key = True
            return ""
        sigil, value = m.group(1), (m.group(2) or m.group(3) or "").strip()
        if sigil == "+":
            tag = _theme_tag(value, known_themes)
            if tag is None or not _MARKER.sub("", text[:m.start()]).strip():
                return m.group(0)  # before any text ("+1 to the previous point"), or no such theme: text
            tags.append(tag)
            return ""
        if sigil == ">":
            addressees.append(_addressee(value))
        else:
            if speaker:
                raise InvalidInput("Only one speaker per note (one @marker).")
            speaker = value.replace("_", " ")
        return ""

    text = _MARKER.sub(take, text)
    text = re.sub(r"(?<!\S)\\([>@!+])", r"\1", text)
    text = re.sub(r"[^\S\n]+", " ", text)  # spaces and tabs become one space; line breaks stay
    text = re.sub(r" ?\n ?", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()

    headline = ""
    separator = _HEADLINE.search(text)
    if separator:
        head, body = text[:separator.start()], text[separator.end():]
        headline, text = head.strip(), body.strip()
        if not headline:
            raise InvalidInput("Nothing before '::': write the headline first, then '::', then the text.")

    if kind is None and len(text) >= 2 and (text[0], text[-1]) in _QUOTES:
        kind = "quote"
        text = text[1:-1].strip()
    if kind is None:
        kind = normalise_kind(default_kind) or "reflection"
    if not text:
        if headline:
            text, headline = headline, ""
        else:
            raise InvalidInput("The note is empty.")
    addressee = join_addressees(addressees)
    return Capture(text=text, kind=kind, headline=headline, addressee=addressee, speaker=speaker, key=key,
                   themes=tuple(tags))
