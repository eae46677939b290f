"""The export pipeline: meeting -> house style -> Document -> format renderer -> bytes.

    build_document(detail, "memo")  ->  Document
    render(document, "docx")        ->  bytes

This module is the one registry of styles and formats, the way pandoc's
writers table is: `STYLES` maps a name to its builder, its label and what it
is for; `FORMATS` maps a name to its renderer, label and file suffix; and
`default_style` says which style a meeting is written in when nobody says
otherwise (the one its template names). The command line, the export dialog
and the file names all read these tables and nothing else. Styles and
renderers import their module on first use: the models, the drafting layer,
python-docx, lxml and the Typst compiler stay out of a command that only
names a style (`templates`) or never writes a file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.errors import ExportError

if TYPE_CHECKING:
    from facilitator.models import MeetingDetail, MeetingPublic

    from .document import Document


@dataclass(frozen=True)
class Style:
    """A house style: `style(detail) -> Document`, its module (`build`, `SECTION_TEXTS`) loaded on first use,
    so that naming and checking styles (templates, `--help`, the export dialog's list) costs no import of
    the models or the drafting layer."""

    name: str
    about: str
    module: str
    label: str = ""

    @property
    def build(self) -> Callable[[MeetingDetail], Document]:
        return import_module(self.module).build

    @property
    def sections(self) -> dict[str, str]:
        """The section keys whose headings and opening sentences a rapporteur may rewrite, with their defaults."""
        return import_module(self.module).SECTION_TEXTS

    def __call__(self, detail: MeetingDetail) -> Document:
        return self.build(detail)

    def __str__(self) -> str:
        return f"{self.label}: {self.about}" if self.label else self.about


@dataclass(frozen=True)
class Format:
    """A file format: `fmt(document) -> bytes`, its renderer loaded on first call."""

    name: str
    label: str
    suffix: str
    module: str

    def __call__(self, document: Document) -> bytes:
        return import_module(self.module).render(document)

    def __str__(self) -> str:
        return f"{self.label} ({self.suffix})"


STYLES: dict[str, Style] = {s.name: s for s in (
    Style("report", "opening paragraph, key reflections, recommendations by guiding question, a box about the "
          "network", "exports.styles.report", "Meeting report"),
    Style("memo", "DATE and SUBJECT, lead, reflections, recommendation parts, disclaimer, About",
          "exports.styles.memo", "Policy memo"),
    Style("workshop", "introduction, a section per breakout group, common challenges, recommendations",
          "exports.styles.workshop", "Workshop outcome"),
    Style("dialogue", "panel, the dialogue by theme with tallies, dissenting views, annex of interventions",
          "exports.styles.dialogue", "Dialogue summary"),
    Style("update", "a short narrative brief with the main points and an outlook", "exports.styles.update",
          "Update"),
)}

FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("docx", "Word", ".docx", "exports.renderers.docx"),
    Format("md", "Markdown", ".md", "exports.renderers.markdown"),
    Format("html", "HTML", ".html", "exports.renderers.html"),
    Format("pdf", "PDF", ".pdf", "exports.renderers.pdf"),
)}

#: The format a new export is written in unless another is asked for: Word first, as rapporteurs work.
DEFAULT_FORMAT = "docx"

#: The style a meeting of each format is written in when its template named none (older databases).
STYLE_OF_FORMAT = {"breakfast": "memo", "workshop": "workshop", "dialogue": "dialogue"}


def default_style(meeting: MeetingPublic) -> str:
    """The style a meeting is written in unless another is asked for: its template's, kept on the meeting."""
    if meeting.style in STYLES:
        return meeting.style
    return STYLE_OF_FORMAT.get(meeting.format, "report")


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


def format_for(fmt: str | None, path: Path | None) -> str:
    """The format to write: the one asked for, else the one the file name's suffix names (`report.md` is
    Markdown), else Word. A suffix of another format than the one asked for is one line: a Word file named
    `.md` opens as gibberish. A name with no suffix, or another one, is the user's choice."""
    named = next((f.name for f in FORMATS.values() if path is not None and f.suffix == path.suffix.lower()), None)
    if fmt is None:
        return named or DEFAULT_FORMAT
    chosen = check_format(fmt)
    if named is not None and named != chosen.name:
        raise ExportError(f"{path.name} ends in {path.suffix}, which is for {FORMATS[named].label}, but the format "
                          f"asked for is {chosen.label}: end the name in {chosen.suffix}, or give --format {named}.")
    return chosen.name


def check(style: str, fmt: str) -> None:
    """Raise ExportError (one line naming the valid choices) for an unknown style or format."""
    check_style(style)
    check_format(fmt)


def section_keys() -> dict[str, list[str]]:
    """Every fixed section key any style knows, with the styles that use it (for `agenda heading`)."""
    keys: dict[str, list[str]] = {}
    for style in STYLES.values():
        for key in style.sections:
            keys.setdefault(key, []).append(style.name)
    return keys


def build_document(detail: MeetingDetail, style: str) -> Document:
    return check_style(style)(detail)


def render(document: Document, fmt: str) -> bytes:
    return check_format(fmt)(document)


def render_markdown(document: Document) -> str:
    from .renderers.markdown import render_markdown as to_markdown

    return to_markdown(document)
