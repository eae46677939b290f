"""What a reader of a rendered file will read, read back with real readers.

The attribution gate (facilitator.policy.gate) judges the output itself, not
the data it was made from: a name can only be missed here if the reader's own
program would not show it either. Each function returns (part, text) pairs,
the part naming where in the file the text sits ("body", "page 2",
"document properties"), so a refusal can say where the name would appear.
Metadata counts: a Word file's author or a PDF's title is read too.
"""

from __future__ import annotations

import io
from html.parser import HTMLParser

Parts = list[tuple[str, str]]


def read(fmt: str, data: bytes) -> Parts:
    return {"md": read_markdown, "docx": read_docx, "html": read_html, "pdf": read_pdf}[fmt](data)


def read_markdown(data: bytes) -> Parts:
    # The source is what a reader of a .md file reads; escapes are punctuation, which the matcher skips.
    return [("text", data.decode("utf-8", "replace"))]


def read_docx(data: bytes) -> Parts:
    from docx import Document as WordDocument

    doc = WordDocument(io.BytesIO(data))
    parts = [("body", "\n".join(p.text for p in doc.paragraphs))]
    for n, table in enumerate(doc.tables, start=1):
        parts.append((f"table {n}", "\n".join(p.text for cell in table._cells for p in cell.paragraphs)))
    for section in doc.sections:
        for name, part in (("header", section.header), ("footer", section.footer)):
            parts.append((name, "\n".join(p.text for p in part.paragraphs)))
    parts.append(("footnotes", docx_footnotes(doc)))
    props = doc.core_properties
    parts.append(("document properties", "\n".join(
        value or "" for value in (props.title, props.subject, props.author, props.last_modified_by,
                                  props.keywords, props.comments, props.category))))
    return [(part, text) for part, text in parts if text.strip()]


def docx_footnotes(doc) -> str:
    """The text of a Word file's footnotes part (python-docx reads the body only), one footnote a line."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    lines = []
    for rel in doc.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            for footnote in root.iter(qn("w:footnote")):
                lines.append("".join(t.text or "" for t in footnote.iter(qn("w:t"))).strip())
    return "\n".join(line for line in lines if line)


class _Visible(HTMLParser):
    """Text a browser shows or puts in its window title and in the page's metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.meta: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "meta":
            self.meta += [value for name, value in attrs if name == "content" and value]
        self.meta += [value for name, value in attrs if name in ("title", "alt") and value]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def read_html(data: bytes) -> Parts:
    parser = _Visible()
    parser.feed(data.decode("utf-8", "replace"))
    parser.close()
    return [("page", "".join(parser.text)), ("metadata", "\n".join(parser.meta))]


def read_pdf(data: bytes) -> Parts:
    """Each page's text as PDFium (the PDF engine of Chromium) extracts it, and the document properties.
    PDFium reads a 140-page report in about 0.3 s where pypdf took 3 s; the tests read PDFs back with
    pypdf, a reader that shares no code with this one."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        parts = []
        for n in range(len(document)):
            page = document[n]
            text_page = page.get_textpage()
            parts.append((f"page {n + 1}", text_page.get_text_range()))
            text_page.close()
            page.close()
        info = document.get_metadata_dict()
        parts.append(("document properties", "\n".join(str(v) for v in info.values() if v)))
        return parts
    finally:
        document.close()
