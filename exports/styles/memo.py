"""Policy memo (the shape of seed 001): DATE and SUBJECT, a lead paragraph,
reflections and one or more recommendation parts — each point a bold
one-sentence headline and a paragraph — a disclaimer, and About paragraphs."""

from __future__ import annotations

from facilitator.models import MeetingDetail

from ..document import Document, HeaderBlock, Heading, Paragraph, Rule, Run, para
from ..drafting import about_text, disclaimer_text, lead_text
from . import body_of, headline_of, long_date, notes_in

STYLE = "memo"


def _point(note) -> list:
    body = body_of(note)
    blocks = [Paragraph([Run(headline_of(note), bold=True)])]
    if body:
        blocks.append(para(body))
    return blocks


def build(detail: MeetingDetail) -> Document:
    m = detail.meeting
    doc = Document(title="Policy Memo", subject=m.subject or m.title, author=", ".join(m.organisers), date=m.date)
    doc.add(HeaderBlock([("Date", long_date(m.date)), ("Subject", m.subject or m.title)]), Rule(),
            para(lead_text(detail, STYLE)))

    reflections = notes_in(detail, STYLE, "reflections")
    if reflections:
        title = f"Reflections on {m.preceded_by}" if m.preceded_by else "Reflections"
        doc.add(Heading(1, title))
        for note in reflections:
            doc.add(*_point(note))

    recommendations = notes_in(detail, STYLE, "recommendations")
    known = {i.id for i in detail.items}
    for item in detail.items:  # one part per agenda item that holds recommendations
        under = [n for n in recommendations if n.item_id == item.id]
        if under:
            title = item.title if "recommend" in item.title.lower() else f"Recommendations: {item.title}"
            doc.add(Heading(1, title))
            for note in under:
                doc.add(*_point(note))
    loose = [n for n in recommendations if n.item_id not in known]
    if loose:
        doc.add(Heading(1, "Further recommendations"))
        for note in loose:
            doc.add(*_point(note))

    doc.add(Paragraph([Run(disclaimer_text(detail), italic=True)]))
    for organiser in detail.organisers:
        doc.add(Heading(2, f"About {organiser.name}"), para(about_text(detail, organiser)))
    return doc
