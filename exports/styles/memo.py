"""Policy memo (the shape of seed 001).

Kicker "Policy Memo"; DATE and SUBJECT; a rule; a lead paragraph; a
Reflections part and one Recommendations part per agenda item that holds
recommendations, each point a bold one-sentence headline and a paragraph; a
disclaimer; an "About" paragraph per organiser that has a profile.

Headlines are bold lead-in paragraphs kept with the next paragraph rather
than Word headings: ten one-sentence headings would crowd the navigation pane
and table of contents, where the parts are what a reader looks for.
"""

from __future__ import annotations

from facilitator.models import MeetingDetail, NotePublic, OrganiserPublic

from ..document import Block, Document, HeaderBlock, Heading, Paragraph, Rule, Run, para
from ..drafting import about_text, disclaimer_text, lead_text
from . import attribution, body_of, by_item, headline_of, long_date, notes_in

STYLE = "memo"
KICKER = "Policy Memo"


def _point(detail: MeetingDetail, note: NotePublic) -> list[Block]:
    blocks: list[Block] = [Paragraph([Run(headline_of(note), bold=True)], keep_with_next=True)]
    body = body_of(note)
    runs = ([Run(body)] if body else []) + attribution(detail, note)
    if runs:
        blocks.append(Paragraph(runs))
    return blocks


def _part_title(title: str | None) -> str:
    if title is None:
        return "Further recommendations"
    return title if "recommend" in title.lower() else f"Recommendations: {title}"


def _has_profile(detail: MeetingDetail, organiser: OrganiserPublic) -> bool:
    return bool(organiser.about.strip() or organiser.url.strip()
                or detail.meeting.about.get(organiser.name, "").strip())


def build(detail: MeetingDetail) -> Document:
    m = detail.meeting
    subject = m.subject or m.title
    doc = Document(title=m.title, kicker=m.kicker or KICKER, subject=subject, author=", ".join(m.organisers),
                   date=m.date)
    doc.add(HeaderBlock([("Date", long_date(m.date)), ("Subject", subject)]), Rule(),
            para(lead_text(detail, STYLE)))

    reflections = notes_in(detail, STYLE, "reflections")
    if reflections:
        doc.add(Heading(1, f"Reflections on {m.preceded_by}" if m.preceded_by else "Reflections"))
        for note in reflections:
            doc.add(*_point(detail, note))

    for item, notes in by_item(detail, notes_in(detail, STYLE, "recommendations")):
        doc.add(Heading(1, _part_title(item.title if item else None)))
        for note in notes:
            doc.add(*_point(detail, note))

    doc.add(Paragraph([Run(disclaimer_text(detail), italic=True)]))
    for organiser in detail.organisers:
        if _has_profile(detail, organiser):
            doc.add(Heading(2, f"About {organiser.name}"), para(about_text(detail, organiser)))
    return doc
