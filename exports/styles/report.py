"""Meeting report, network style (the shape of seed 000).

An opening paragraph saying what met, when, where, why and who was brought
together; "Key reflections" as bullets; "Key recommendations" as bullets
grouped under the agenda's guiding questions; a closing box about the
convening network. Under a protected rule nobody is named as a speaker: the
bullets speak for "participants", as such reports do.
"""

from __future__ import annotations

from facilitator.models import MeetingDetail, NotePublic

from ..document import Box, BulletList, Document, Heading, Run, para
from ..drafting import about_text, lead_text
from . import attribution, by_item, notes_in

STYLE = "report"
#: (heading, the line under it). The lines speak for "participants", never for a person.
REFLECTIONS = ("Key reflections", "These are the main points participants raised:")
RECOMMENDATIONS = ("Key recommendations", "Participants proposed these recommendations:")
#: Subheading for recommendations made outside the guiding questions.
OTHER = "Other recommendations"


def _bullet(detail: MeetingDetail, note: NotePublic) -> list[Run]:
    runs = [Run(note.headline + " ", bold=True)] if note.headline else []
    return runs + [Run(note.text)] + attribution(detail, note)


def _recommendation_groups(detail: MeetingDetail, notes: list[NotePublic]) -> list[tuple[str, list[NotePublic]]]:
    """[(subheading, notes)]: one group per guiding-question item, in agenda
    order, then everything captured elsewhere under `OTHER`. A meeting without
    guiding questions gets one group with no subheading ("")."""
    groups: list[tuple[str, list[NotePublic]]] = []
    other: list[NotePublic] = []
    for item, under in by_item(detail, notes):
        if item is not None and item.kind == "guiding-question":
            groups.append((item.title, under))
        else:
            other.extend(under)
    if other:
        groups.append((OTHER if groups else "", other))
    return groups


def _closing_box(detail: MeetingDetail) -> Box | None:
    """The box about the convening network: the first organiser, if it has a profile."""
    if not detail.organisers:
        return None
    convener = detail.organisers[0]
    if not (convener.about.strip() or convener.url.strip() or detail.meeting.about.get(convener.name, "").strip()):
        return None
    return Box(convener.name, [para(about_text(detail, convener))])


def build(detail: MeetingDetail) -> Document:
    m = detail.meeting
    doc = Document(title=m.title, kicker=m.kicker or "Meeting report", subject=m.subject,
                   author=", ".join(m.organisers), date=m.date)
    doc.add(para(lead_text(detail, STYLE)))

    reflections = notes_in(detail, STYLE, "reflections")
    if reflections:
        heading, intro = REFLECTIONS
        doc.add(Heading(1, heading), para(intro), BulletList([_bullet(detail, n) for n in reflections]))

    recommendations = notes_in(detail, STYLE, "recommendations")
    if recommendations:
        heading, intro = RECOMMENDATIONS
        doc.add(Heading(1, heading), para(intro))
        for subheading, notes in _recommendation_groups(detail, recommendations):
            if subheading:
                doc.add(Heading(2, subheading))
            doc.add(BulletList([_bullet(detail, n) for n in notes]))

    if box := _closing_box(detail):
        doc.add(box)
    return doc
