"""HTML renderer: one self-contained file (inline CSS, no external fetches)
that reads well on screen and prints on the house's paper (A4 or Letter),
with numbered headings and a table of contents when the document asks.

Every piece of text goes through `html.escape`, so a note containing markup
(`<script>`, `<img onerror=...>`) is shown as the literal characters it is.
"""

from __future__ import annotations

from html import escape

from ..document import (
    Box,
    BulletList,
    Document,
    HeaderBlock,
    Heading,
    Inline,
    Paragraph,
    Rule,
    contents,
    heading_numbers,
    heading_text,
)

CSS = """
:root { color-scheme: light; }
body { font-family: "Libertinus Serif", "Georgia", "Times New Roman", serif; font-size: 11.5pt;
       line-height: 1.45; color: #1a1a1a; max-width: 42rem; margin: 2.5rem auto; padding: 0 1.25rem; }
h1, h2, h3, h4 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.25; break-after: avoid; }
h1.title { font-size: 1.7rem; margin: 0.2rem 0 1rem; }
h2 { font-size: 1.3rem; margin-top: 1.8rem; }
h3 { font-size: 1.1rem; margin-top: 1.4rem; }
h4 { font-size: 1rem; margin-top: 1.1rem; }
.kicker { font-family: "Helvetica Neue", Arial, sans-serif; text-transform: uppercase; letter-spacing: 0.08em;
          font-size: 0.8rem; color: #555; margin: 0; }
dl.header { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 1rem 0; }
dl.header dt { font-weight: bold; }
dl.header dd { margin: 0; }
aside.box { border: 1px solid #999; background: #f4f4f1; padding: 0.6rem 1rem; margin: 1.5rem 0; break-inside: avoid; }
aside.box .box-title { margin-top: 0.3rem; font-family: "Helvetica Neue", Arial, sans-serif; }
li { margin: 0.25rem 0; }
sup a { text-decoration: none; }
section.notes { font-size: 0.9rem; border-top: 1px solid #bbb; margin-top: 2rem; }
hr { border: 0; border-top: 1px solid #999; margin: 1.2rem 0; }
nav.contents ol { list-style: none; padding-left: 1.2rem; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  li, p { orphans: 3; widows: 3; }
}
"""


class _Renderer:
    def __init__(self, numbers: dict[int, str] | None = None) -> None:
        self.footnotes: list[str] = []
        self.numbers = numbers or {}
        self.headings = 0

    def inline(self, runs: Inline) -> str:
        parts = []
        for run in runs:
            text = escape(run.text)
            if run.italic:
                text = f"<em>{text}</em>"
            if run.bold:
                text = f"<strong>{text}</strong>"
            if run.footnote:
                self.footnotes.append(run.footnote)
                n = len(self.footnotes)
                text += f'<sup id="ref{n}"><a href="#note{n}">{n}</a></sup>'
            parts.append(text)
        return "".join(parts)

    def block(self, block) -> str:
        match block:
            case Heading(level=level):
                level = min(max(level, 1), 3) + 1  # <h1> is the title
                self.headings += 1
                return f'<h{level} id="s{self.headings}">{escape(heading_text(block, self.numbers))}</h{level}>'
            case Paragraph(runs=runs):
                return f"<p>{self.inline(runs)}</p>"
            case BulletList(items=items, ordered=ordered):
                tag = "ol" if ordered else "ul"
                body = "".join(f"<li>{self.inline(item)}</li>" for item in items)
                return f"<{tag}>{body}</{tag}>"
            case HeaderBlock(fields=fields):
                body = "".join(f"<dt>{escape(k.upper())}:</dt><dd>{escape(v)}</dd>" for k, v in fields)
                return f'<dl class="header">{body}</dl>'
            case Rule():
                return "<hr>"
            case Box(title=title, blocks=blocks):
                inner = "".join(self.block(b) for b in blocks)
                heading = f'<p class="box-title"><strong>{escape(title)}</strong></p>' if title else ""
                return f'<aside class="box">{heading}{inner}</aside>'
        raise TypeError(f"unknown block {type(block).__name__}")


def _contents(document: Document) -> str:
    items = "".join(f'<li class="level{level}"><a href="#s{n}">{escape(text)}</a></li>'
                    for n, (level, text) in enumerate(contents(document), start=1))
    return f'<nav class="contents"><p class="contents-title"><strong>Contents</strong></p><ol>{items}</ol></nav>'


def render_html(document: Document) -> str:
    renderer = _Renderer(heading_numbers(document))
    body = "\n".join(renderer.block(b) for b in document.blocks)
    if document.contents:
        body = _contents(document) + "\n" + body
    notes = ""
    if renderer.footnotes:
        items = "".join(
            f'<li id="note{n}">{escape(text)} <a href="#ref{n}">↩</a></li>'
            for n, text in enumerate(renderer.footnotes, start=1)
        )
        notes = f'<section class="notes"><h2>Notes</h2><ol>{items}</ol></section>'
    meta = []
    if document.author:
        meta.append(f'<meta name="author" content="{escape(document.author)}">')
    if document.subject:
        meta.append(f'<meta name="description" content="{escape(document.subject)}">')
    if document.date:
        meta.append(f'<meta name="date" content="{document.date.isoformat()}">')
    kicker = f'<p class="kicker">{escape(document.kicker)}</p>' if document.kicker else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(document.title)}</title>{''.join(meta)}<style>{CSS}{_page(document)}</style></head>\n"
        f'<body><header>{kicker}<h1 class="title">{escape(document.title)}</h1></header>\n'
        f"<main>\n{body}\n{notes}\n</main></body></html>\n"
    )


def _page(document: Document) -> str:
    size = "letter" if document.paper == "letter" else "A4"
    margin = "25.4mm" if document.paper == "letter" else "25mm"
    return f"@page {{ size: {size}; margin: {margin}; }}"


def render(document: Document) -> bytes:
    return render_html(document).encode("utf-8")
