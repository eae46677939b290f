"""HTML and PDF renderers, read back with real readers: html.parser and pypdf."""

import datetime as dt
import io
from html.parser import HTMLParser

from pypdf import PdfReader

from exports.document import Box, BulletList, Document, HeaderBlock, Heading, Paragraph, Rule, Run
from exports.renderers import html as html_renderer
from exports.renderers import pdf as pdf_renderer

HOSTILE = '#read("/etc/passwd") #import "evil.typ" <script>alert(1)</script> $x^2$ *bold* \u202eevil\u202c \x07'


def sample() -> Document:
    doc = Document(title="Prevention after the dialogue — Šimonović in New York", kicker="Policy Memo",
                   author="Friedrich-Ebert-Stiftung", subject="RtoP", date=dt.date(2017, 9, 7))
    return doc.add(
        HeaderBlock([("Date", "7 September 2017"), ("Subject", "Côte d'Ivoire and the UPR")]),
        Rule(),
        Heading(1, "Reflections"),
        Paragraph([Run("A bold headline. ", bold=True), Run(HOSTILE), Run(" end", footnote="See the annex.")]),
        BulletList([[Run("first")], [Run("second", italic=True)]]),
        Heading(2, "Numbered"),
        BulletList([[Run("one")], [Run("two")]], ordered=True),
        Box("About the network", [Paragraph([Run("The network links civil society and policy-makers.")])]),
    )


class Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text, self.scripts, self.external = [], [], 0, []
        self._stack = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._stack.append(tag)
        if tag == "script":
            self.scripts += 1
        for name, value in attrs:
            if name in ("src", "href") and value and not value.startswith("#"):
                self.external.append(value)
        if tag == "link":
            self.external.append(dict(attrs).get("href"))

    def handle_endtag(self, tag):
        if self._stack:
            self._stack.pop()

    def handle_data(self, data):
        if not self._stack or self._stack[-1] != "style":
            self.text.append(data)


def test_html_is_self_contained_and_escapes_markup():
    parser = Outline()
    parser.feed(html_renderer.render(sample()).decode("utf-8"))
    text = "".join(parser.text)
    assert parser.scripts == 0 and parser.external == []
    assert "<script>alert(1)</script>" in text and '#read("/etc/passwd")' in text
    # the title, then headings one level down; the Notes section is an h2 too; a box's title is no heading
    assert parser.tags.count("h1") == 1 and parser.tags.count("h2") == 2 and parser.tags.count("h3") == 1
    assert "ol" in parser.tags and "aside" in parser.tags
    assert "Šimonović" in text and "Côte d'Ivoire" in text
    assert "See the annex." in text  # the footnote, in the Notes section


def test_pdf_prints_hostile_text_literally_with_unicode_and_metadata():
    reader = PdfReader(io.BytesIO(pdf_renderer.render(sample())))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Šimonović" in text and "Côte d'Ivoire" in text
    assert '#read("/etc/passwd")' in text and "<script>alert(1)</script>" in text
    assert "root:" not in text  # /etc/passwd was not read
    assert text.index("Reflections") < text.index("Numbered") < text.index("About the network")
    assert "See the annex." in text
    assert reader.metadata.title.startswith("Prevention after the dialogue")
    assert reader.metadata.author == "Friedrich-Ebert-Stiftung"


def test_pdf_fonts_cover_latin_extended():
    doc = Document(title="Names").add(Paragraph([Run("Šimonović Łódź Ærø Ğüçlü Ővári Dvořák Țara")]))
    reader = PdfReader(io.BytesIO(pdf_renderer.render(doc)))
    assert "Šimonović Łódź Ærø Ğüçlü Ővári Dvořák Țara" in reader.pages[0].extract_text()


def test_paper_numbering_and_contents_in_pdf_and_html():
    doc = sample()
    doc.paper, doc.numbered, doc.contents = "letter", True, True
    reader = PdfReader(io.BytesIO(pdf_renderer.render(doc)))
    assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [612, 792]  # US Letter in points
    text = reader.pages[0].extract_text()
    assert "Contents" in text and "1 Reflections" in text and "1.1 Numbered" in text
    assert [round(float(v)) for v in PdfReader(io.BytesIO(pdf_renderer.render(sample()))).pages[0].mediabox[2:]] \
        == [595, 842]  # A4 otherwise
    html = html_renderer.render(doc).decode()
    assert "size: letter" in html and '<nav class="contents">' in html and ">1.1 Numbered</h3>" in html


def test_pdf_keeps_a_headline_with_its_paragraph():
    """Push the headline down a line's worth at a time past the foot of page one: wherever it lands, its
    paragraph starts on the same page (without keep-with-next, one of these strands it)."""
    filler = Paragraph([Run("A line of filler text that takes up some room on the page. " * 6)])
    for n in range(8, 15):
        doc = Document(title="Keep").add(*[filler] * n, Paragraph([Run("Stranded headline?", bold=True)],
                                                                    keep_with_next=True),
                                         Paragraph([Run("Its paragraph. " * 30)]))
        pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf_renderer.render(doc))).pages]
        holding = [number for number, text in enumerate(pages) if "Stranded headline?" in text]
        assert len(holding) == 1 and "Its paragraph." in pages[holding[0]], n
