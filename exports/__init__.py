"""The export pipeline: meeting -> house style -> Document -> format renderer -> bytes.

    build_document(detail, "memo")  ->  Document
    render(document, "docx")        ->  bytes

Styles and formats are registered here by name; adding either is one module.
"""

from __future__ import annotations

from importlib import import_module

from facilitator.errors import ExportError
from facilitator.models import MeetingDetail

from .document import Document

#: style name -> (module, what it is)
STYLES = {
    "report": "Meeting report (network style): key reflections, recommendations by guiding question",
    "memo": "Policy memo: DATE/SUBJECT, lead, reflections, recommendation parts, disclaimer, about",
    "workshop": "Workshop outcome: introduction, a section per breakout group, common challenges",
    "dialogue": "Dialogue summary: panel, the dialogue by theme with tallies, annex of interventions",
    "update": "Update: a short narrative brief with an outlook",
}
#: format name -> file extension
FORMATS = {"md": ".md", "docx": ".docx", "html": ".html", "pdf": ".pdf"}
EXTENSIONS = FORMATS


def check(style: str, fmt: str) -> None:
    if style not in STYLES:
        raise ExportError(f"Unknown style {style!r}; use one of: {', '.join(STYLES)}.")
    if fmt not in FORMATS:
        raise ExportError(f"Unknown format {fmt!r}; use one of: {', '.join(FORMATS)}.")


def build_document(detail: MeetingDetail, style: str) -> Document:
    if style not in STYLES:
        raise ExportError(f"Unknown style {style!r}; use one of: {', '.join(STYLES)}.")
    return import_module(f"exports.styles.{style}").build(detail)


def render(document: Document, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ExportError(f"Unknown format {fmt!r}; use one of: {', '.join(FORMATS)}.")
    module = {"md": "markdown"}.get(fmt, fmt)
    return import_module(f"exports.renderers.{module}").render(document)


def render_markdown(document: Document) -> str:
    from .renderers.markdown import render_markdown as to_markdown

    return to_markdown(document)
