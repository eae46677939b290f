"""PDF renderer, through the `typst` package (its compiler ships in the wheel,
so this works offline). Fonts are Typst's embedded Libertinus Serif, which
covers Latin Extended (Šimonović, Côte d'Ivoire); system fonts are ignored
so that every laptop produces the same file.

The document is handed to `document.typ` as JSON data, not spliced into Typst
source, so nothing in a note can run as Typst code. The compiler's root is an
empty temporary folder, so even a bug there could read no file of the user's.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from importlib import resources

from facilitator.errors import ExportError

from ..document import (
    Box,
    BulletList,
    Document,
    HeaderBlock,
    Heading,
    Inline,
    Paragraph,
    Rule,
    heading_numbers,
    heading_text,
)

#: Characters Typst cannot place in a PDF string; they carry no meaning in a report.
_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10))


def _clean(text: str) -> str:
    return text.translate(_CONTROL)


def _runs(runs: Inline) -> list[dict]:
    return [
        {"text": _clean(r.text), "bold": r.bold, "italic": r.italic,
         "footnote": _clean(r.footnote) if r.footnote else None}
        for r in runs
    ]


def _block(block, numbers: dict[int, str] | None = None) -> dict:
    match block:
        case Heading(level=level):
            return {"type": "heading", "level": min(max(level, 1), 3),
                    "text": _clean(heading_text(block, numbers or {}))}
        case Paragraph(runs=runs):
            return {"type": "paragraph", "runs": _runs(runs)}
        case BulletList(items=items, ordered=ordered):
            return {"type": "list", "ordered": ordered, "items": [_runs(i) for i in items]}
        case HeaderBlock(fields=fields):
            return {"type": "header", "fields": [[_clean(k), _clean(v)] for k, v in fields]}
        case Rule():
            return {"type": "rule"}
        case Box(title=title, blocks=blocks):
            return {"type": "box", "title": _clean(title), "blocks": [_block(b) for b in blocks]}
    raise TypeError(f"unknown block {type(block).__name__}")


def _blocks(document: Document) -> list[dict]:
    """The blocks as data; a paragraph kept with the next block (a headline and its paragraph) is set
    with it in one unbreakable block, so a page break never strands it."""
    numbers = heading_numbers(document)
    out: list[dict] = []
    keep = False
    for block in document.blocks:
        data = _block(block, numbers)
        if keep:
            out[-1]["blocks"].append(data)
        elif isinstance(block, Paragraph) and block.keep_with_next:
            data = {"type": "keep", "blocks": [data]}
        if not keep:
            out.append(data)
        keep = isinstance(block, Paragraph) and block.keep_with_next and not keep
    return out


def document_json(document: Document) -> str:
    return json.dumps({
        "title": _clean(document.title), "kicker": _clean(document.kicker), "author": _clean(document.author),
        "contents": document.contents, "blocks": _blocks(document),
    }, ensure_ascii=False)


def render(document: Document, *, paper: str | None = None) -> bytes:
    import typst

    template = resources.files("exports.renderers").joinpath("document.typ").read_bytes()
    stamp = dt.datetime.combine(document.date or dt.date(2000, 1, 1), dt.time(12), tzinfo=dt.UTC)
    with tempfile.TemporaryDirectory(prefix="facilitator-typst-") as root:
        try:
            compiler = typst.Compiler(
                template, root=root, ignore_system_fonts=True,
                sys_inputs={"doc": document_json(document),
                            "paper": "us-letter" if (paper or document.paper) == "letter" else "a4"},
            )
            pdf = compiler.compile(format="pdf", timestamp=stamp)
        except typst.TypstError as exc:  # a bug of ours, not the user's input: say so plainly
            raise ExportError(f"The PDF could not be typeset: {exc.message}.") from None
    if not isinstance(pdf, bytes):
        raise ExportError("The PDF could not be typeset: the compiler returned no document.")
    return pdf
