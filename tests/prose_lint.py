"""A prose linter for exported documents, read back with real readers
(markdown-it-py, python-docx, html.parser, pypdf): what a copy editor would
send back to the rapporteur.

Rules:

- digit-start: no sentence begins with a digit ("15 organisations met …").
- the-the: no "the the" ("the The Stanley Foundation").
- article: every organisation that takes "the" has it ("Stanley Foundation
  convened …", "About Stanley Foundation").
- punctuation: every paragraph and bullet ends with punctuation (headings,
  the kicker, the title, header lines, a byline, index lists and the table
  of contents are not sentences).
- double-and: no doubled "and" within a few words ("X and Y and Z").
- run-on: no paragraph strings more than five numbered points or six
  semicolons together where the house style has prose.

`lint_export(fmt, data, detail, document)` returns the problems found, one
`Problem` each; the tests assert there are none.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from markdown_it import MarkdownIt

HEADING, PARAGRAPH, ITEM, INDEX, META = "heading", "paragraph", "item", "index", "meta"


@dataclass(frozen=True)
class Problem:
    rule: str
    where: str
    text: str

    def __str__(self) -> str:
        return f"{self.rule} ({self.where}): {self.text[:160]}"


@dataclass(frozen=True)
class Block:
    kind: str
    text: str


# --- reading each format into blocks --------------------------------------------------------------------------


def markdown_blocks(data: bytes) -> list[Block]:
    tokens = MarkdownIt("commonmark").parse(data.decode("utf-8"))
    out, lists, quotes, contents = [], [], 0, False
    for i, tok in enumerate(tokens):
        if tok.type == "bullet_list_close" and len(lists) == 1:
            contents = False
        if tok.type == "blockquote_open":
            quotes += 1
        elif tok.type == "blockquote_close":
            quotes -= 1
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(tok.type)
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif tok.type == "inline":
            text = "".join(c.content if c.type in ("text", "code_inline") else " " if c.type.endswith("break")
                           else "" for c in tok.children or [])
            opener = tokens[i - 1]
            kinds = [c.type for c in tok.children or [] if c.type != "text" or c.content.strip()]
            bold = kinds[:1] == ["strong_open"] and kinds[-1:] == ["strong_close"]
            if bold and text == "Contents" and not lists:
                contents = True  # the table of contents: a title, then a list of headings
            if opener.type == "heading_open" or (quotes and bold) or (contents and not lists):
                kind = HEADING  # a heading, a box's bold title, the contents' title
            elif contents:
                kind = META
            elif lists:
                kind = INDEX if lists[-1] == "ordered_list_open" else ITEM
            else:
                kind = PARAGRAPH
            out.append(Block(kind, text))
    return out


def docx_blocks(data: bytes) -> list[Block]:
    from docx import Document as WordDocument

    from exports.readback import docx_footnotes

    doc = WordDocument(io.BytesIO(data))
    kinds = {"Title": META, "Subtitle": META, "TOC Heading": META, "List Bullet": ITEM, "List Number": INDEX}
    out = []
    for p in doc.paragraphs:
        if p.text.strip():
            name = p.style.name
            kind = HEADING if name.startswith("Heading") else kinds.get(name, PARAGRAPH)
            if p._p.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}instrText") is not None \
                    or p.text.startswith("Update this field"):
                kind = META  # the table of contents field
            out.append(Block(kind, p.text))
    for table in doc.tables:  # boxes: a bold title, then paragraphs
        paragraphs = [p for cell in table._cells for p in cell.paragraphs if p.text.strip()]
        for n, p in enumerate(paragraphs):
            out.append(Block(HEADING if n == 0 and all(r.bold for r in p.runs) else PARAGRAPH, p.text))
    out += [Block(PARAGRAPH, line) for line in docx_footnotes(doc).splitlines() if line.strip()]
    return out


class _HtmlBlocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[Block] = []
        self.stack: list[str] = []
        self.text: list[str] = []
        self.classes: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.classes.append(dict(attrs).get("class") or "")
        if tag in ("p", "li", "h1", "h2", "h3", "h4", "dt", "dd"):
            self.text = []

    def handle_endtag(self, tag):
        if tag in ("p", "li", "h1", "h2", "h3", "h4", "dt", "dd"):
            text = "".join(self.text).strip()
            text = re.sub(r"\s*↩$", "", text)
            if tag.startswith("h"):
                kind = HEADING
            elif tag in ("dt", "dd") or any(c in self.classes[-1] for c in ("kicker", "box-title", "contents")):
                kind = META
            elif tag == "li":
                parents = [t for t in self.stack[:-1] if t in ("ul", "ol", "nav", "section")]
                kind = INDEX if parents and parents[-1] == "ol" and "section" not in parents else ITEM
                if "nav" in parents:
                    kind = META
                if "section" in parents:
                    kind = PARAGRAPH  # a footnote
            else:
                kind = PARAGRAPH
            if text:
                self.blocks.append(Block(kind, text))
        if self.stack:
            self.stack.pop()
            self.classes.pop()

    def handle_data(self, data):
        if "style" not in self.stack and "title" not in self.stack and "sup" not in self.stack:  # no note marks
            self.text.append(data)


def html_blocks(data: bytes) -> list[Block]:
    parser = _HtmlBlocks()
    parser.feed(data.decode("utf-8"))
    return parser.blocks


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


# --- the rules ------------------------------------------------------------------------------------------------

_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?])[”\"’')]*\s+)([0-9])")
_THE_THE = re.compile(r"\bthe\s+the\b", re.IGNORECASE)
#: "A and B and C": two "and"s around one to three words that hold no preposition (a list doubled, not
#: "collaboration and strategy for early warning and early response").
_DOUBLE_AND = re.compile(r"\band\s+(?:(?!(?:for|of|to|in|on|with|by|at|from|into|about|between|after)\b)"
                         r"[\w'’()-]+\s+){1,3}and\b", re.IGNORECASE)
_ENDS = re.compile(r"[.!?:…][”\"’')\]]*$")
_NUMBERED_POINT = re.compile(r"\(\d+\)")


def organisations_with_article(detail) -> list[str]:
    """The bare names of the meeting's organisers that running text writes with "the"."""
    from exports.drafting import organisers_of, running_name, strip_article

    out = []
    for profile, _ in organisers_of(detail):
        running = running_name(profile.name, profile)
        if running.lower().startswith("the "):
            out.append(strip_article(running))
    return out


def exempt_lines(document) -> set[str]:
    """Lines of a document that are not sentences: the kicker, the title, the byline, header lines."""
    from exports.document import HeaderBlock, Paragraph

    lines = {document.kicker.strip(), document.title.strip()}
    for block in document.blocks:
        if isinstance(block, HeaderBlock):
            lines |= {f"{k.upper()}: {v}" for k, v in block.fields}
            lines.add(" ".join(f"{k.upper()}: {v}" for k, v in block.fields))
            lines |= {k.upper() + ":" for k, _ in block.fields} | {v for _, v in block.fields}
    first = document.blocks[0] if document.blocks else None
    if isinstance(first, Paragraph) and len(first.runs) == 1 and first.runs[0].italic:
        lines.add(first.runs[0].text)  # a byline under the title
    return {line for line in lines if line}


def lint_blocks(blocks: list[Block], organisations: list[str], exempt: set[str] = frozenset(),
                where: str = "") -> list[Problem]:
    problems = []
    for block in blocks:
        text = " ".join(re.sub(r"\[\^\d+\]", "", block.text).replace("\u200b", "").split())  # no note marks
        if not text:
            continue
        meta = block.kind == META or text in exempt
        if block.kind in (PARAGRAPH, ITEM) and not meta:
            if _SENTENCE_START.search(text):
                problems.append(Problem("digit-start", where, text))
            if not _ENDS.search(text):
                problems.append(Problem("punctuation", where, text))
            if len(_NUMBERED_POINT.findall(text)) > 5 or text.count(";") > 6:
                problems.append(Problem("run-on", where, text))
        if _THE_THE.search(text):
            problems.append(Problem("the-the", where, text))
        if block.kind != INDEX:
            for match in _DOUBLE_AND.finditer(text):
                problems.append(Problem("double-and", where, match.group(0)))
            problems += _articles(text, organisations, where)
    return problems


def _articles(text: str, organisations: list[str], where: str) -> list[Problem]:
    out = []
    for name in organisations:
        for match in re.finditer(re.escape(name), text):
            before = text[:match.start()]
            if not re.search(r"\b[Tt]he\s+$", before) and not re.search(r"(?:^|\s)\d+\.\s*$", before):  # index lines
                context = text[max(0, match.start() - 40):match.end() + 20]
                out.append(Problem("article", where, f"“{name}” without “the”: …{context}…"))
    return out


def lint_export(fmt: str, data: bytes, detail, document) -> list[Problem]:
    organisations = organisations_with_article(detail)
    exempt = exempt_lines(document)
    where = fmt
    if fmt == "md":
        return lint_blocks(markdown_blocks(data), organisations, exempt, where)
    if fmt == "docx":
        return lint_blocks(docx_blocks(data), organisations, exempt, where)
    if fmt == "html":
        return lint_blocks(html_blocks(data), organisations, exempt, where)
    # A PDF's text has no paragraphs, only lines: the rules that need none.
    text = " ".join(pdf_text(data).split())
    problems = [Problem("the-the", where, m.group(0)) for m in _THE_THE.finditer(text)]
    problems += [Problem("double-and", where, m.group(0)) for m in _DOUBLE_AND.finditer(text)
                 if not re.search(r"\d", m.group(0))]
    return problems + _articles(text, organisations, where)
