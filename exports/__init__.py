"""The export pipeline: meeting -> house style -> Document -> format renderer -> bytes.

    build_document(detail, "memo")  ->  Document
    render(document, "docx")        ->  bytes

Styles and formats are registered here by name, so adding either is one
module and one line. `STYLES` maps a name to its builder and `FORMATS` a name
to its renderer; both are callables that also say what they are (`about`,
`label`), which is what the export dialog lists. Renderers import their
module on first use: python-docx, lxml and the Typst compiler stay out of a
CLI command that never writes a file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from facilitator.errors import ExportError
from facilitator.models import MeetingDetail

from .document import Document
from .styles import dialogue, memo, report, update, workshop


@dataclass(frozen=True)
class Style:
    """A house style: `style(detail) -> Document`."""

    name: str
    about: str
    build: Callable[[MeetingDetail], Document]

    def __call__(self, detail: MeetingDetail) -> Document:
        return self.build(detail)

    def __str__(self) -> str:
        return self.about


@dataclass(frozen=True)
class Format:
    """A file format: `fmt(document) -> bytes`, its renderer loaded on first call."""

    name: str
    label: str
    extension: str
    module: str

    def __call__(self, document: Document) -> bytes:
        return import_module(self.module).render(document)

    def __str__(self) -> str:
        return self.label


STYLES: dict[str, Style] = {s.name: s for s in (
    Style("report", "Meeting report (network style): key reflections, recommendations by guiding question",
          report.build),
    Style("memo", "Policy memo: DATE/SUBJECT, lead, reflections, recommendation parts, disclaimer, about",
          memo.build),
    Style("workshop", "Workshop outcome: introduction, a section per breakout group, common challenges",
          workshop.build),
    Style("dialogue", "Dialogue summary: panel, the dialogue by theme with tallies, annex of interventions",
          dialogue.build),
    Style("update", "Update: a short narrative brief with an outlook", update.build),
)}

FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("md", "Markdown", ".md", "exports.renderers.markdown"),
    Format("docx", "Word", ".docx", "exports.renderers.docx"),
    Format("html", "HTML", ".html", "exports.renderers.html"),
    Format("pdf", "PDF", ".pdf", "exports.renderers.pdf"),
)}

EXTENSIONS: dict[str, str] = {name: f.extension for name, f in FORMATS.items()}


def check_style(style: str) -> Style:
    try:
        return STYLES[style]
    except (KeyError, TypeError):
        raise ExportError(f"Unknown style {style!r}; use one of: {', '.join(STYLES)}.") from None


def check_format(fmt: str) -> Format:
    try:
        return FORMATS[fmt]
    except (KeyError, TypeError):
        raise ExportError(f"Unknown format {fmt!r}; use one of: {', '.join(FORMATS)}.") from None


def check(style: str, fmt: str) -> None:
    """Raise ExportError (one line naming the valid choices) for an unknown style or format."""
    check_style(style)
    check_format(fmt)


def build_document(detail: MeetingDetail, style: str) -> Document:
    return check_style(style)(detail)


def render(document: Document, fmt: str) -> bytes:
    return check_format(fmt)(document)


def render_markdown(document: Document) -> str:
    from .renderers.markdown import render_markdown as to_markdown

    return to_markdown(document)
