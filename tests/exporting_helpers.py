"""Readers for exported files, shared by the export tests: each returns what a
person would see, parsed by a real reader of that format."""

from __future__ import annotations

import io
from contextlib import contextmanager
from html.parser import HTMLParser

from docx import Document as WordDocument
from markdown_it import MarkdownIt
from pypdf import PdfReader


def markdown_outline(text: str) -> list[tuple[str, str]]:
    """[(kind, text)]: ('h1'..'h4', heading), ('li', item text), ('p', paragraph)."""
    tokens = MarkdownIt("commonmark").parse(text)
    out, in_list = [], 0
    for i, tok in enumerate(tokens):
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            in_list += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            in_list -= 1
        elif tok.type == "heading_open":
            out.append((tok.tag, tokens[i + 1].content))
        elif tok.type == "inline" and tokens[i - 1].type == "paragraph_open":
            plain = "".join(c.content for c in tok.children if c.type in ("text", "code_inline", "softbreak"))
            out.append(("li" if in_list else "p", plain))
    return out


def docx_paragraphs(data: bytes) -> list[tuple[str, str, bool]]:
    """[(style name, text, starts bold)] for every non-empty paragraph, tables included."""
    doc = WordDocument(io.BytesIO(data))
    paragraphs = list(doc.paragraphs)
    for table in doc.tables:
        for cell in table._cells:
            paragraphs.extend(cell.paragraphs)
    return [(p.style.name, p.text, bool(p.runs and p.runs[0].bold)) for p in paragraphs if p.text.strip()]


def docx_text(data: bytes) -> str:
    doc = WordDocument(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [p.text for cell in table._cells for p in cell.paragraphs]
    props = doc.core_properties
    parts += [props.title or "", props.subject or "", props.author or ""]
    return "\n".join(parts)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.headings, self._tag = [], [], []

    def handle_starttag(self, tag, attrs):
        self._tag.append(tag)

    def handle_endtag(self, tag):
        if self._tag:
            self._tag.pop()

    def handle_data(self, data):
        if self._tag and self._tag[-1] == "style":
            return
        self.parts.append(data)
        if self._tag and self._tag[-1] in ("h1", "h2", "h3", "h4"):
            self.headings.append((self._tag[-1], data))


def html_text(data: bytes) -> tuple[str, list[tuple[str, str]]]:
    parser = _Text()
    parser.feed(data.decode("utf-8"))
    return " ".join(parser.parts), parser.headings


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def text_of(fmt: str, data: bytes) -> str:
    if fmt == "md":
        return " ".join(t for _, t in markdown_outline(data.decode("utf-8")))
    if fmt == "docx":
        return docx_text(data)
    if fmt == "html":
        return html_text(data)[0]
    return pdf_text(data)


@contextmanager
def on_the_record_for_a_while(engine, meeting_id: str):
    """Speakers are recorded only on the record. To plant notes with a speaker in a protected meeting, add
    them while the meeting is on the record; its rule is put back afterwards, as when a rule changes later."""
    from facilitator import services

    rule = services.get_meeting(engine, meeting_id).rule
    services.update_meeting(engine, meeting_id, rule="on-the-record")
    try:
        yield
    finally:
        services.update_meeting(engine, meeting_id, rule=rule)
