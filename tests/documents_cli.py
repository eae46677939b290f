"""Rebuilding meetings through the public command line, as a rapporteur does,
and reading every export back with a real reader: shared by the tests of the
house styles (tests/test_documents_*.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from exports import build_document
from facilitator import services
from facilitator.cli import app
from facilitator.db import open_engine

from .exporting_helpers import docx_paragraphs, html_text, markdown_outline, pdf_text
from .prose_lint import lint_export

FORMATS = ("md", "docx", "html", "pdf")


class Cli:
    """`cli("note", meeting, "text")` runs the command on one database; a failure fails the test."""

    def __init__(self, db: Path, folder: Path) -> None:
        self.db, self.folder, self.runner = db, folder, CliRunner()

    def __call__(self, *args: str, ok: bool = True):
        result = self.runner.invoke(app, ["--db", str(self.db), *map(str, args)])
        if ok:
            assert result.exit_code == 0, (args, result.output)
        return result

    def out(self, *args: str) -> str:
        return self(*args).stdout.strip()

    def export(self, meeting: str, fmt: str, style: str | None = None):
        """Export in one format (the meeting's own style unless named); (bytes, stderr)."""
        path = self.folder / f"{meeting[:8]}-{style or 'default'}.{fmt}"
        args = ["export", meeting, "--format", fmt, "-o", path, "--force"] + (["--style", style] if style else [])
        result = self(*args)
        assert result.stdout.strip() == str(path)
        return path.read_bytes(), result.stderr

    def detail(self, meeting: str):
        engine = open_engine(self.db)
        try:
            return services.get_detail(engine, services.resolve_meeting(engine, meeting).id)
        finally:
            engine.dispose()


@dataclass
class Exports:
    """One meeting exported in every format, read back."""

    files: dict[str, bytes]
    stderr: str

    def headings(self, fmt: str) -> list[tuple[int, str]]:
        """(level, text) of every heading below the title: 1 for a section, 2 for a subsection."""
        data = self.files[fmt]
        if fmt == "md":
            return [(int(k[1]) - 1, t) for k, t in markdown_outline(data.decode()) if k in ("h2", "h3", "h4")]
        if fmt == "docx":
            return [(int(s[-1]), t) for s, t, _ in docx_paragraphs(data) if s.startswith("Heading")]
        return [(int(tag[1]) - 1, t) for tag, t in html_text(data)[1] if tag in ("h2", "h3", "h4")]

    def text(self, fmt: str) -> str:
        data = self.files[fmt]
        if fmt == "md":
            return "\n".join(t for _, t in markdown_outline(data.decode()))
        if fmt == "docx":
            from exports.readback import read_docx

            return "\n".join(text for _, text in read_docx(data))
        if fmt == "html":
            return html_text(data)[0]
        return pdf_text(data)

    def paragraphs(self) -> list[tuple[str, str]]:
        """(kind, text) from the Markdown: "p" paragraphs, "li" bullets, "h2".."h4" headings."""
        return markdown_outline(self.files["md"].decode())


def export_all(cli: Cli, meeting: str, style: str | None = None) -> Exports:
    files, stderr = {}, ""
    for fmt in FORMATS:
        files[fmt], err = cli.export(meeting, fmt, style)
        stderr = stderr or err
    return Exports(files, stderr)


def lint_all(cli: Cli, meeting: str, exports: Exports, style: str) -> list[str]:
    detail = cli.detail(meeting)
    document = build_document(detail, style)
    return [str(p) for fmt in FORMATS for p in lint_export(fmt, exports.files[fmt], detail, document)]


def flat(text: str) -> str:
    return " ".join(text.split())


def in_order(text: str, *parts: str) -> bool:
    """Do the parts appear in `text` in this order?"""
    position = 0
    for part in parts:
        found = text.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True


def no_digit_sentence_start(text: str) -> bool:
    return not re.search(r"(?:^|[.!?]\s+)\d", text)
