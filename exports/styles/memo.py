"""Policy memo (the shape of seed 001).

Kicker "Policy Memo"; the title; DATE and SUBJECT (and the series, when the
meeting belongs to one); a rule; the lead; a Reflections part written as
paragraphs (a bold headline where a note has one; notes on one theme, or
marked to join, make one paragraph; quotes keep their quotation marks); one
Recommendations part per agenda item that holds recommendations (or per
addressee: the `grouping` option), each point a bold one-sentence headline
kept with its paragraph, the addressee printed where the text does not name
it; next steps; the disclaimer; an "About" paragraph per organiser that has
an About text.

Headlines are bold lead-in paragraphs kept with the next paragraph rather
than Word headings: ten one-sentence headings would crowd the navigation pane
and table of contents, where the parts are what a reader looks for.
"""

from __future__ import annotations

from facilitator.models import MeetingDetail, NotePublic

from ..document import Block, Document, HeaderBlock, Heading, Paragraph, Rule, Run
from ..drafting import (
    about_sections,
    capitalise,
    disclaimer_paragraphs,
    document_noun,
    join_names,
    meeting_date,
    organisers_of,
    running_name,
)
from . import (
    addressed_to,
    addressee_name,
    addressees,
    attachment_blocks,
    body_of,
    by_item,
    group_runs,
    groups_of,
    heading,
    headline_of,
    intro,
    item_key,
    lead_blocks,
    next_steps_blocks,
    note_sentences,
    notes_in,
    omissions,
    summary_blocks,
    texts,
)

STYLE = "memo"
KICKER = "Policy Memo"
SECTION_TEXTS = {
    "reflections": "Reflections",
    "recommendations": "Recommendations",
    "other-recommendations": "Further recommendations",
    "summary": "Summary", "next-steps": "Next steps", "attachments": "Attachments",
}


def _point(detail: MeetingDetail, note: NotePublic, *, context: str = "") -> list[Block]:
    """A recommendation: its bold headline, kept with the paragraph that follows it."""
    blocks: list[Block] = [Paragraph([Run(headline_of(note), bold=True)], keep_with_next=True)]
    body = body_of(note)
    runs = [Run(note_sentences(detail, note, text=body), footnote=note.footnote.strip() or None)] if body else []
    runs += addressed_to(note, context=context)
    if not body and note.footnote.strip():
        blocks[0].runs[-1].footnote = note.footnote.strip()
    if runs:
        if not body:
            runs[0] = Run(runs[0].text.lstrip(), italic=runs[0].italic)
        blocks.append(Paragraph(runs))
    return blocks


def _reflection(detail: MeetingDetail, group: list[NotePublic]) -> list[Block]:
    """A paragraph of reflections; with a headline, the headline stands above it in bold."""
    runs = group_runs(detail, group)
    if runs and runs[0].bold:
        head, rest = runs[0], runs[1:]
        rest[0] = Run(rest[0].text.lstrip(), rest[0].bold, rest[0].italic, rest[0].footnote)
        return [Paragraph([Run(head.text.strip(), bold=True)], keep_with_next=True), Paragraph(rest)]
    return [Paragraph(runs)]


def _parts(detail: MeetingDetail, notes: list[NotePublic]) -> list[tuple[str, str, list[NotePublic]]]:
    """[(part title, addressee it names, notes)]: a part per agenda item (titled from the item), or per
    first addressee when the meeting groups recommendations by addressee."""
    grouping = detail.meeting.options.get("grouping") or "item"
    other = heading(detail, "other-recommendations", SECTION_TEXTS["other-recommendations"])
    if grouping == "addressee":
        named: dict[str, list[NotePublic]] = {}
        rest = []
        for note in notes:
            first = addressees(note)[:1]
            (named.setdefault(first[0], []) if first else rest).append(note)
        parts = [(heading(detail, f"addressee:{a}", f"Recommendations for {addressee_name(a)}"), a, under)
                 for a, under in named.items()]
        return parts + ([(other, "", rest)] if rest else [])
    parts = []
    for item, under in by_item(detail, notes):
        if item is None:
            parts.append((other, "", under))
            continue
        title = heading(detail, item_key(item), item.title)
        if "recommend" not in title.lower():
            title = f"Recommendations: {title}"
        parts.append((title, "", under))
    return parts


def build(detail: MeetingDetail) -> Document:
    m = detail.meeting
    subject = m.subject or m.title
    kicker = m.kicker.strip() or KICKER
    noun = document_noun(kicker, "memo")
    doc = Document(title=m.title, kicker=kicker, subject=subject, author=", ".join(m.organisers), date=m.date,
                   paper=m.options.get("paper", "a4"), numbered=bool(m.options.get("numbered")),
                   contents=bool(m.options.get("contents")), omitted=omissions(detail, STYLE))
    header = [("Date", meeting_date(detail)), ("Subject", subject)]
    if m.options.get("masthead"):  # a fuller masthead: where, which series, who organised and who supported
        hosts = [p for p, role in organisers_of(detail) if role not in ("supported", "reported")]
        supporters = [p for p, role in organisers_of(detail) if role == "supported"]
        header[1:1] = [("Place", m.place.strip())] if m.place.strip() else []
        for label, group in (("Organisers", hosts), ("With the support of", supporters)):
            if group:
                header.append((label, capitalise(join_names([running_name(p.name, p) for p in group]))))
    if m.series.strip():
        header.append(("Series", m.series.strip()))
    doc.add(HeaderBlock(header), Rule(), *lead_blocks(detail, STYLE, kicker=kicker))
    doc.add(*summary_blocks(detail))

    reflections = notes_in(detail, STYLE, "reflections")
    if reflections:
        doc.add(Heading(1, heading(detail, "reflections", SECTION_TEXTS["reflections"])),
                *intro(detail, "reflections"))
        for group in groups_of(reflections):
            doc.add(*_reflection(detail, group))

    recommendations = notes_in(detail, STYLE, "recommendations")
    if recommendations:
        doc.add(*intro(detail, "recommendations"))
    for title, named, notes in _parts(detail, recommendations):
        doc.add(Heading(1, title))
        for note in notes:
            doc.add(*_point(detail, note, context=title))

    doc.add(*next_steps_blocks(detail, STYLE))
    doc.add(*texts(detail, "disclaimer", disclaimer_paragraphs(detail, noun), italic=True))
    doc.add(*attachment_blocks(detail, level=2))
    for title, body in about_sections(detail):
        doc.add(Heading(2, title, numbered=False), *[Paragraph([Run(p)]) for p in body])
    return doc
