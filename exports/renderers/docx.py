"""Word renderer (python-docx): the built-in styles Title, Heading 1–3, List
Bullet and List Number, bold headline runs, document properties, page numbers
in the footer, footnotes as a numbered Notes section, and a bordered box.

Speed: used naively, python-docx looks a style up by name for every
`add_paragraph(style=...)`, finds the body's end by scanning all its children
for every new paragraph, and sets run text one character at a time; 2,000
notes took about 3 s that way. Here style ids are resolved once, paragraphs
are put before the remembered section properties, and plain text goes into
`w:t` in one piece: 2,000 notes render in about 0.2 s (bench/export_bench.py).
"""

from __future__ import annotations

import datetime as dt
import io
import re

from docx import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from ..document import Box, BulletList, Document, HeaderBlock, Heading, Inline, Paragraph, Rule

# XML 1.0 cannot hold most control characters, nor lone surrogates; lxml raises on them.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("[\t\n\r]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("", text)


def _child(parent, tag: str, attrs: dict[str, str] | None = None):
    """Append a new `tag` element (with attributes, prefixed names) to `parent` and return it."""
    element = OxmlElement(tag, {qn(k): v for k, v in attrs.items()} if attrs else None)
    parent.append(element)
    return element


def _page_number_footer(section) -> None:
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = 1  # centre
    run = paragraph.add_run()
    for tag, attrs in (("w:fldChar", {"w:fldCharType": "begin"}), ("w:instrText", None),
                       ("w:fldChar", {"w:fldCharType": "end"})):
        element = OxmlElement(tag)
        if attrs:
            for key, value in attrs.items():
                element.set(qn(key), value)
        else:
            element.set(qn("xml:space"), "preserve")
            element.text = "PAGE"
        run._r.append(element)


def _box_borders(cell) -> None:
    properties = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for edge in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{edge}")
        for key, value in (("val", "single"), ("sz", "6"), ("space", "0"), ("color", "808080")):
            element.set(qn(f"w:{key}"), value)
        borders.append(element)
    properties.append(borders)
    shading = OxmlElement("w:shd")
    for key, value in (("val", "clear"), ("color", "auto"), ("fill", "F2F2EE")):
        shading.set(qn(f"w:{key}"), value)
    properties.append(shading)


class _Writer:
    def __init__(self) -> None:
        self.doc = WordDocument()
        styles = self.doc.styles
        self.style = {name: styles[name].style_id for name in (
            "Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Number", "Normal", "Subtitle")}
        # New body paragraphs go just before the section properties, the body's last child.
        self.section_end = self.doc.element.body.sectPr
        self.footnotes: list[str] = []

    def paragraph(self, container, style: str, text: str = "", *, keep_with_next: bool = False):
        """A new paragraph at the end of `container` (the document, or a table cell), by style name.
        Properties are built in schema order (pStyle, keepNext) rather than through python-docx's
        get-or-add helpers, which search every possible sibling on each call."""
        p = OxmlElement("w:p")
        if container is self.doc:
            self.section_end.addprevious(p)
        else:
            container._element.append(p)
        if style != "Normal" or keep_with_next:
            ppr = _child(p, "w:pPr")
            if style != "Normal":
                _child(ppr, "w:pStyle", {"w:val": self.style[style]})
            if keep_with_next:
                _child(ppr, "w:keepNext")
        if text:
            self.run(p, text)
        return p

    def run(self, p, text: str, *, bold: bool = False, italic: bool = False, superscript: bool = False) -> None:
        r = _child(p, "w:r")
        if bold or italic or superscript:
            rpr = _child(r, "w:rPr")
            if bold:
                _child(rpr, "w:b")
            if italic:
                _child(rpr, "w:i")
            if superscript:
                _child(rpr, "w:vertAlign", {"w:val": "superscript"})
        text = _clean(text)
        if _BREAKS.search(text):
            r.text = text  # python-docx turns tabs and line breaks into <w:tab/> and <w:br/>
        else:
            _child(r, "w:t", {"xml:space": "preserve"}).text = text

    def runs(self, p, runs: Inline) -> None:
        for run in runs:
            if run.text:
                self.run(p, run.text, bold=run.bold, italic=run.italic)
            if run.footnote:
                self.footnotes.append(run.footnote)
                self.run(p, str(len(self.footnotes)), superscript=True)

    def block(self, block, container=None) -> None:
        target = container or self.doc
        match block:
            case Heading(level=level, text=text):
                self.paragraph(target, f"Heading {min(max(level, 1), 3)}", text)
            case Paragraph(runs=runs, keep_with_next=keep):
                self.runs(self.paragraph(target, "Normal", keep_with_next=keep), runs)
            case BulletList(items=items, ordered=ordered):
                style = "List Number" if ordered else "List Bullet"
                for item in items:
                    self.runs(self.paragraph(target, style), item)
            case HeaderBlock(fields=fields):
                for label, value in fields:
                    p = self.paragraph(target, "Normal")
                    self.run(p, label.upper() + ": ", bold=True)
                    self.run(p, value)
            case Rule():
                p = self.paragraph(target, "Normal")
                border = OxmlElement("w:pBdr")
                bottom = OxmlElement("w:bottom")
                for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "808080")):
                    bottom.set(qn(f"w:{key}"), value)
                border.append(bottom)
                p.get_or_add_pPr().append(border)
            case Box(title=title, blocks=blocks):
                table = self.doc.add_table(rows=1, cols=1)
                cell = table.cell(0, 0)
                _box_borders(cell)
                first = cell.paragraphs[0]._p
                if title:
                    first.style = self.style["Heading 2"]
                    self.run(first, title)
                for inner in blocks:
                    self.block(inner, cell)
                self.paragraph(self.doc, "Normal")
            case _:
                raise TypeError(f"unknown block {type(block).__name__}")

    def render(self, document: Document) -> bytes:
        props = self.doc.core_properties
        props.title = _clean(document.title)
        props.subject = _clean(document.subject)
        props.author = _clean(document.author)
        props.last_modified_by = props.author
        props.comments = "Written with facilitator"
        props.modified = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        if document.date:
            props.created = dt.datetime.combine(document.date, dt.time(12))
        self.doc.styles["Normal"].font.size = Pt(11)
        _page_number_footer(self.doc.sections[0])
        if document.kicker.strip():
            self.paragraph(self.doc, "Subtitle", document.kicker.strip())
        self.paragraph(self.doc, "Title", document.title)
        for block in document.blocks:
            self.block(block)
        if self.footnotes:
            self.paragraph(self.doc, "Heading 1", "Notes")
            for note in self.footnotes:
                self.paragraph(self.doc, "List Number", note)
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def render(document: Document) -> bytes:
    return _Writer().render(document)
