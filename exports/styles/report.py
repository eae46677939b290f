"""Meeting report, network style (the shape of seed 000): an opening paragraph,
key reflections attributed only to "participants", key recommendations grouped
under the agenda's guiding questions, and a closing box about the convener."""

from __future__ import annotations

from facilitator.models import MeetingDetail

from ..document import Box, BulletList, Document, Heading, Run, para
from ..drafting import about_text, lead_text
from . import notes_in

STYLE = "report"


def _bullet(note) -> list[Run]:
    if note.headline:
        return [Run(note.headline + " ", bold=True), Run(note.text)]
    return [Run(note.text)]


def build(detail: MeetingDetail) -> Document:
    m = detail.meeting
    doc = Document(title=m.title, kicker="Meeting report", subject=m.subject, author=", ".join(m.organisers),
                   date=m.date)
    doc.add(para(lead_text(detail, STYLE)))

    reflections = notes_in(detail, STYLE, "reflections")
    if reflections:
        doc.add(Heading(1, "Key reflections"), para("Participants raised the following points:"),
                BulletList([_bullet(n) for n in reflections]))

    recommendations = notes_in(detail, STYLE, "recommendations")
    if recommendations:
        doc.add(Heading(1, "Key recommendations"), para("Participants put forward the following recommendations:"))
        for item in detail.items:  # guiding questions in agenda order
            under = [n for n in recommendations if n.item_id == item.id]
            if under:
                doc.add(Heading(2, item.title), BulletList([_bullet(n) for n in under]))
        loose = [n for n in recommendations if n.item_id not in {i.id for i in detail.items}]
        if loose:
            doc.add(Heading(2, "Other recommendations"), BulletList([_bullet(n) for n in loose]))

    if detail.organisers:
        convener = detail.organisers[0]
        doc.add(Box(convener.name, [para(about_text(detail, o)) for o in detail.organisers]))
    return doc
