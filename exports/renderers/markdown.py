"""Markdown renderer (CommonMark), for previews and for pasting into other tools.

The title is the one `#` heading and the document's headings 1–3 become
`##`–`####`, so a Markdown reader gets back the same heading tree. All text is
escaped: a note containing `*`, `#`, `<script>` or `[x](y)` shows as those
characters, never as markup. Footnotes are written the way pandoc, GitHub
and most Markdown tools read them — a "[^1]" marker and a "[^1]: text"
definition at the end — and a plain CommonMark reader still shows both. A
box is a block quote opened by its bold title; a header block is bold labels
with hard line breaks; a numbered document numbers its headings, and a table
of contents is a nested list.
"""

from __future__ import annotations

import re
import unicodedata

from ..document import (
    Box,
    BulletList,
    Document,
    HeaderBlock,
    Heading,
    Inline,
    Paragraph,
    Rule,
    Run,
    contents,
    heading_numbers,
    heading_text,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|~&])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])")
#: Markdown's own whitespace: line ends, tabs and spaces. Unicode spaces (a
#: no-break space in "Dr.\u00a0Šimonović") are text and stay.
_BREAKS = re.compile(r"[\t\n\r\f\v\x1c-\x1f ]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def escape(text: str) -> str:
    """Text as literal CommonMark inline content, on one line."""
    text = _CONTROL.sub("", _BREAKS.sub(" ", text))  # a paragraph is one line: breaks fold to a space
    return _guard_line_start(_SPECIAL.sub(r"\\\1", text))


def _guard_line_start(text: str) -> str:
    """Escape what would open a list or a heading underline at the start of a line."""
    return _LINE_START.sub(lambda m: m.group(1) + re.sub(r"([-+=.)])", r"\\\1", m.group(2)), text)


_UNIT = re.compile(r"\\.|.", re.DOTALL)  # one shown character: an escape pair or a plain character


def _is_punct(char: str) -> bool:
    """CommonMark's Unicode punctuation: categories P and S."""
    return bool(char) and unicodedata.category(char)[0] in "PS"


def _is_space(char: str) -> bool:
    """CommonMark's Unicode whitespace: category Zs, tab and line ends."""
    return char in "\t\n\v\f\r" or unicodedata.category(char) == "Zs"


def _emphasise(text: str, mark: str, before: str, after: str, *, after_mark: bool) -> tuple[str, bool]:
    """Wrap escaped `text` in `mark` so that CommonMark really reads emphasis;
    also say whether the result ends with the closing mark.

    A delimiter must touch no space on its inner side; next to punctuation it
    only counts when the character on its outer side (`before`, `after`) is a
    space or punctuation too ("x**(y)**z" is not bold); and it must not touch
    the previous run's closing mark (`after_mark`: "*a***b**" merges). Edge
    characters that break this are moved outside the marks: the words stay
    exactly as written, and at worst a space or a bracket is not bold."""
    def blocks(unit: str, outside: str, touches_mark: bool = False) -> bool:
        if touches_mark or _is_space(unit[-1]):
            return True
        return _is_punct(unit[-1]) and bool(outside) and not (_is_space(outside) or _is_punct(outside))

    if text and not blocks(text[0], before, after_mark) and not blocks(text[-1], after):
        return f"{mark}{text}{mark[::-1]}", True  # the usual case, without splitting the text
    units = _UNIT.findall(text)
    head: list[str] = []
    tail: list[str] = []
    while units and blocks(units[0], head[-1][-1] if head else before, after_mark and not head):
        head.append(units.pop(0))
    while units and blocks(units[-1], tail[0][0] if tail else after):
        tail.insert(0, units.pop())
    if not units:
        return text, False
    return f"{''.join(head)}{mark}{''.join(units)}{mark[::-1]}{''.join(tail)}", not tail


def _merged(runs: Inline) -> list[Run]:
    """Neighbouring runs of the same emphasis as one, so no "**a****b**" appears."""
    out: list[Run] = []
    for run in runs:
        last = out[-1] if out else None
        if last and not last.footnote and (last.bold, last.italic) == (run.bold, run.italic):
            out[-1] = Run(last.text + run.text, run.bold, run.italic, run.footnote)
        else:
            out.append(run)
    return out


def _following(shown: list[tuple[Run, str]], n: int) -> str:
    """The character a run's closing mark will touch: its own footnote marker
    ("\\[1\\]"), else the next run's first character, else nothing."""
    if shown[n][0].footnote:
        return "["
    if n + 1 < len(shown):
        return shown[n + 1][1][:1] or "\\"  # an empty next run shows only its footnote marker
    return ""


class _Renderer:
    def __init__(self, numbers: dict[int, str] | None = None) -> None:
        self.footnotes: list[str] = []
        self.numbers = numbers or {}

    def inline(self, runs: Inline) -> str:
        shown = [(run, escape(run.text)) for run in _merged(runs)]
        shown = [(run, text) for run, text in shown if text or run.footnote]
        out, closed = "", False
        for n, (run, text) in enumerate(shown):
            if text and text[0] in "([:" and n and shown[n - 1][0].footnote:
                text = "\\" + text  # "[^1](x)" would be a link, "[^1]:" a definition
            closed_before, closed = closed, False
            if run.bold or run.italic:
                mark = ("**" if run.bold else "") + ("*" if run.italic else "")
                text, closed = _emphasise(text, mark, out[-1:], _following(shown, n), after_mark=closed_before)
            if run.footnote:
                self.footnotes.append(run.footnote)
                text += f"[^{len(self.footnotes)}]"
                closed = False
            out += text
        # Runs are escaped one by one, so "1" + ". text" is checked again once joined.
        return _guard_line_start(out.strip()) or "\u00a0"

    def block(self, block) -> str:
        match block:
            case Heading(level=level):
                return "#" * (min(max(level, 1), 3) + 1) + " " + escape(heading_text(block, self.numbers))
            case Paragraph(runs=runs):
                return self.inline(runs)
            case BulletList(items=items, ordered=ordered):
                lines = []
                for n, item in enumerate(items, start=1):
                    marker = f"{n}." if ordered else "-"
                    lines.append(f"{marker} {self.inline(item)}")
                return "\n".join(lines)
            case HeaderBlock(fields=fields):
                return "  \n".join(f"**{escape(k).upper()}:** {escape(v)}" for k, v in fields)
            case Rule():
                return "---"
            case Box(title=title, blocks=blocks):
                inner = [f"**{escape(title.strip())}**"] if title.strip() else []
                inner += [self.block(b) for b in blocks]
                return "\n>\n".join("\n".join("> " + line for line in part.split("\n")) for part in inner)
        raise TypeError(f"unknown block {type(block).__name__}")


def _definition(text: str) -> str:
    """A footnote's text, kept from reading as a CommonMark link reference definition ("[^1]: Ibid."
    would otherwise turn every "[^1]" into a link and hide the note): one word, or a word then a quoted
    title, gets an invisible zero-width space after it."""
    first, _, rest = text.partition(" ")
    if not rest.strip() or rest.lstrip()[:1] in "\"'(":
        return f"{text} \u200b"
    return text


def render_markdown(document: Document) -> str:
    renderer = _Renderer(heading_numbers(document))
    parts = []
    if document.kicker.strip():
        parts.append(f"*{escape(document.kicker.strip())}*")
    parts.append(f"# {escape(document.title)}")
    if document.contents:
        parts.append("**Contents**")
        parts.append("\n".join("   " * (level - 1) + f"- {escape(text)}" for level, text in contents(document)))
    parts += [renderer.block(b) for b in document.blocks]
    parts += [f"[^{n}]: {_definition(escape(text))}" for n, text in enumerate(renderer.footnotes, start=1)]
    return "\n\n".join(parts) + "\n"


def render(document: Document) -> bytes:
    return render_markdown(document).encode("utf-8")
