"""Markdown renderer (CommonMark). The title is the one `#` heading and the
document's headings 1–3 become `##`–`####`, so a Markdown parser reads back the
same heading tree. All text is escaped: a note containing `*`, `#`, `<script>`
or `[x](y)` renders as those characters, never as markup."""

from __future__ import annotations

import re

from ..document import Box, BulletList, Document, HeaderBlock, Heading, Inline, Paragraph, Rule

_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|~&])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])")
_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9,))


def escape(text: str) -> str:
    text = re.sub(r"\s+", " ", text.translate(_CONTROL))  # one paragraph: newlines and runs of space fold
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + re.sub(r"([-+=.)])", r"\\\1", m.group(2)), text)


class _Renderer:
    def __init__(self) -> None:
        self.footnotes: list[str] = []

    def inline(self, runs: Inline) -> str:
        out = []
        for run in runs:
            text = escape(run.text)
            core = text.strip()
            if core and (run.bold or run.italic):
                mark = "**" if run.bold else ""
                mark += "*" if run.italic else ""
                lead = text[: len(text) - len(text.lstrip())]
                trail = text[len(text.rstrip()):]
                text = f"{lead}{mark}{core}{mark[::-1]}{trail}"
            if run.footnote:
                self.footnotes.append(run.footnote)
                text += f"\\[{len(self.footnotes)}\\]"
            out.append(text)
        return "".join(out).strip() or "\u00a0"

    def block(self, block) -> str:
        match block:
            case Heading(level=level, text=text):
                return "#" * (min(max(level, 1), 3) + 1) + " " + escape(text)
            case Paragraph(runs=runs):
                return self.inline(runs)
            case BulletList(items=items, ordered=ordered):
                lines = []
                for n, item in enumerate(items, start=1):
                    marker = f"{n}." if ordered else "-"
                    lines.append(f"{marker} {self.inline(item)}")
                return "\n".join(lines)
            case HeaderBlock(fields=fields):
                return "  \n".join(f"**{escape(k).upper()}:** {escape(v)}" for k, v in fields)
            case Rule():
                return "---"
            case Box(title=title, blocks=blocks):
                inner = [f"**{escape(title)}**"] if title else []
                inner += [self.block(b) for b in blocks]
                return "\n>\n".join("\n".join("> " + line for line in part.splitlines()) for part in inner)
        raise TypeError(f"unknown block {type(block).__name__}")


def render_markdown(document: Document) -> str:
    renderer = _Renderer()
    parts = []
    if document.kicker:
        parts.append(f"*{escape(document.kicker)}*")
    parts.append(f"# {escape(document.title)}")
    parts += [renderer.block(b) for b in document.blocks]
    if renderer.footnotes:
        parts.append("## Notes")
        parts.append("\n".join(f"{n}. {escape(text)}" for n, text in enumerate(renderer.footnotes, start=1)))
    return "\n\n".join(parts) + "\n"


def render(document: Document) -> bytes:
    return render_markdown(document).encode("utf-8")
