"""The one intermediate document every export goes through.

A house style (exports/styles/*) builds a `Document` from a meeting; a format
renderer (exports/renderers/*) turns any `Document` into bytes. So styles x
formats costs styles + formats code, the reader -> document -> writer shape
of pandoc.

The document is deliberately small: headings, paragraphs of runs (plain,
bold, italic, with optional footnotes), bullet or numbered lists, a boxed
aside, a horizontal rule, and a header block of label/value pairs (the memo's
DATE / SUBJECT). Page size, heading numbers and a table of contents are
properties of the whole document; each renderer makes them its own way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    #: Footnote text attached after this run; renderers number footnotes in order.
    footnote: str | None = None


Inline = list[Run]


@dataclass
class Heading:
    level: int  # 1..3
    text: str
    #: Numbered ("2.1 …") when the document is numbered; a heading of a closing part (About, Notes) is not.
    numbered: bool = True


@dataclass
class Paragraph:
    runs: Inline
    #: Keep on the same page as the next block: set on a bold headline so that
    #: a page break never strands it above its paragraph (Word, PDF).
    keep_with_next: bool = False


@dataclass
class BulletList:
    items: list[Inline]
    ordered: bool = False


@dataclass
class HeaderBlock:
    """Label/value lines at the top of a memo: DATE: ..., SUBJECT: ..."""

    fields: list[tuple[str, str]]


@dataclass
class Rule:
    """A horizontal rule."""


@dataclass
class Box:
    """A framed aside, such as the closing note about the convening network."""

    title: str
    blocks: list[Block]


Block = Heading | Paragraph | BulletList | HeaderBlock | Rule | Box


@dataclass
class Document:
    title: str
    blocks: list[Block] = field(default_factory=list)
    #: A small line above the title ("Policy Memo", "Workshop outcome | March 2024").
    kicker: str = ""
    subject: str = ""
    author: str = ""
    date: dt.date | None = None
    #: Page size of the printed formats (Word, PDF): "a4" or "letter".
    paper: str = "a4"
    #: Number the headings ("1", "1.1", "1.1.1") and open with a table of contents.
    numbered: bool = False
    contents: bool = False
    #: What the style left out and why, one line each, for the export's summary (never printed).
    omitted: list[str] = field(default_factory=list)

    def add(self, *blocks: Block) -> Document:
        self.blocks.extend(blocks)
        return self


def text(value: str) -> Inline:
    return [Run(value)]


def para(*parts: str | Run) -> Paragraph:
    return Paragraph([Run(p) if isinstance(p, str) else p for p in parts])


def plain_text(document: Document) -> str:
    """Every word the document shows, one block a line: what the last leak check reads."""
    lines = [document.kicker, document.title, document.subject, document.author]

    def walk(blocks: list[Block]) -> None:
        for block in blocks:
            if isinstance(block, Heading):
                lines.append(block.text)
            elif isinstance(block, Paragraph):
                lines.append("".join(r.text + (f" {r.footnote}" if r.footnote else "") for r in block.runs))
            elif isinstance(block, BulletList):
                lines.extend("".join(r.text + (f" {r.footnote}" if r.footnote else "") for r in item)
                             for item in block.items)
            elif isinstance(block, HeaderBlock):
                lines.extend(f"{k}: {v}" for k, v in block.fields)
            elif isinstance(block, Box):
                lines.append(block.title)
                walk(block.blocks)

    walk(document.blocks)
    return "\n".join(lines)


def heading_numbers(document: Document) -> dict[int, str]:
    """{id(heading): "2.1"} for the numbered headings of a numbered document, to three levels; headings
    marked not numbered (About, Notes, an annex) and everything in boxes are left alone."""
    if not document.numbered:
        return {}
    counters = [0, 0, 0]
    out: dict[int, str] = {}
    for block in document.blocks:
        if isinstance(block, Heading) and block.numbered:
            level = min(max(block.level, 1), 3)
            counters[level - 1] += 1
            counters[level:] = [0] * (3 - level)
            out[id(block)] = ".".join(str(n) for n in counters[:level] if n) or "0"
    return out


def heading_text(block: Heading, numbers: dict[int, str]) -> str:
    """A heading as printed: with its number in a numbered document ("2.1 Working group on prevention")."""
    number = numbers.get(id(block))
    return f"{number} {block.text}" if number else block.text


def contents(document: Document) -> list[tuple[int, str]]:
    """(level, heading as printed) of every heading, for a table of contents."""
    numbers = heading_numbers(document)
    return [(min(max(b.level, 1), 3), heading_text(b, numbers)) for b in document.blocks if isinstance(b, Heading)]
