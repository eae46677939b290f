"""Meeting report, network style (the shape of seed 000).

An opening paragraph saying what met, when, where, why and who was brought
together; "Key reflections" as bullets, each a paragraph (notes on one theme,
or marked to join, are written as one); "Key recommendations" as bullets
grouped under the agenda's guiding questions (or by addressee, or by agenda
item: the meeting's `grouping` option); next steps where actions were
agreed; a closing box about each convening organisation that has an About
text. Under a protected rule nobody is named as a speaker: the bullets speak
for "participants", as such reports do.
"""

from __future__ import annotations

from facilitator.models import MeetingDetail, NotePublic

from ..document import Block, Box, BulletList, Document, Heading, Paragraph, Run
from ..drafting import (
    about_paragraphs,
    capitalise,
    disclaimer_paragraphs,
    extra_about_sections,
    organisers_of,
    running_name,
)
from . import (
    addressed_to,
    addressee_name,
    addressees,
    attachment_blocks,
    by_item,
    group_runs,
    groups_of,
    heading,
    intro,
    item_key,
    lead_blocks,
    next_steps_blocks,
    note_runs,
    notes_in,
    omissions,
    summary_blocks,
    texts,
)

STYLE = "report"
KICKER = "Meeting report"
SECTION_TEXTS = {
    "reflections": "Key reflections",
    "reflections-intro": "These are the main points participants raised:",
    "recommendations": "Key recommendations",
    "recommendations-intro": "Participants proposed these recommendations:",
    "other-recommendations": "Other recommendations",
    "summary": "Summary", "next-steps": "Next steps", "attachments": "Attachments",
}
#: Labels of the kinds a breakout group reports, where the report lists a group's points.
KIND_LABELS = {"challenge": "Challenge", "best-practice": "Good practice"}


def _recommendation_groups(detail: MeetingDetail, notes: list[NotePublic]) -> list[tuple[str, str, list[NotePublic]]]:
    """[(subheading, addressee it names, notes)] in the order the meeting's `grouping` option asks:
    by guiding question (the default: one group per guiding-question item, the rest under "Other
    recommendations"), by agenda item, or by addressee. A meeting without such groups gets one group
    without a subheading."""
    grouping = detail.meeting.options.get("grouping") or "question"
    groups: list[tuple[str, str, list[NotePublic]]] = []
    if grouping == "addressee":
        named: dict[str, list[NotePublic]] = {}
        rest = []
        for note in notes:
            first = addressees(note)[:1]
            if first:
                named.setdefault(first[0], []).append(note)
            else:
                rest.append(note)
        groups = [(f"For {addressee_name(a)}", a, under) for a, under in named.items()]
        if rest:
            groups.append((heading(detail, "other-recommendations", SECTION_TEXTS["other-recommendations"])
                           if groups else "", "", rest))
        return groups
    other: list[NotePublic] = []
    for item, under in by_item(detail, notes):
        if item is not None and (grouping == "item" or item.kind == "guiding-question"):
            groups.append((heading(detail, item_key(item), item.title), "", under))
        else:
            other.extend(under)
    if other:
        groups.append((heading(detail, "other-recommendations", SECTION_TEXTS["other-recommendations"])
                       if groups else "", "", other))
    return groups


def _reflections(detail: MeetingDetail, notes: list[NotePublic]) -> list[Block]:
    """Bullets of plenary points, then each breakout group's points under its name, challenges and good
    practices labelled there."""
    blocks: list[Block] = []
    plenary = [n for n in notes if not n.group]
    if plenary:
        blocks.append(BulletList([group_runs(detail, g) for g in groups_of(plenary)]))
    names = list(dict.fromkeys(n.group for n in notes if n.group))
    for name in names:
        mine = [n for n in notes if n.group == name]
        blocks.append(Heading(2, heading(detail, f"group:{name}", name)))
        blocks += intro(detail, f"group:{name}")
        bullets = []
        for group in groups_of(mine):
            label = KIND_LABELS.get(group[0].kind)
            runs = group_runs(detail, group)
            bullets.append(([Run(f"{label}: ", italic=True)] if label else []) + runs)
        blocks.append(BulletList(bullets))
    return blocks


def _closing_boxes(detail: MeetingDetail) -> list[Box]:
    """A box about each organiser with an About text (seed 000 has one, about the network that convened it),
    titled with its name, then any About section the rapporteur added under a heading of their own."""
    boxes = []
    for organiser, _ in organisers_of(detail):
        body = about_paragraphs(detail, organiser)
        if body:
            title = heading(detail, f"about:{organiser.name}", capitalise(running_name(organiser.name, organiser)))
            boxes.append(Box(title, [Paragraph([Run(p)]) for p in body]))
    for title, body in extra_about_sections(detail):
        boxes.append(Box(title, [Paragraph([Run(p)]) for p in body]))
    return boxes


def build(detail: MeetingDetail) -> Document:
    m = detail.meeting
    kicker = m.kicker.strip() or (f"{KICKER} | {m.series.strip()}" if m.series.strip() else KICKER)
    doc = Document(title=m.title, kicker=kicker, subject=m.subject, author=", ".join(m.organisers), date=m.date,
                   paper=m.options.get("paper", "a4"), numbered=bool(m.options.get("numbered")),
                   contents=bool(m.options.get("contents")), omitted=omissions(detail, STYLE))
    doc.add(*lead_blocks(detail, STYLE))
    doc.add(*summary_blocks(detail))

    reflections = notes_in(detail, STYLE, "reflections")
    if reflections:
        doc.add(Heading(1, heading(detail, "reflections", SECTION_TEXTS["reflections"])),
                *intro(detail, "reflections", SECTION_TEXTS["reflections-intro"]),
                *_reflections(detail, reflections))

    recommendations = notes_in(detail, STYLE, "recommendations")
    if recommendations:
        doc.add(Heading(1, heading(detail, "recommendations", SECTION_TEXTS["recommendations"])),
                *intro(detail, "recommendations", SECTION_TEXTS["recommendations-intro"]))
        for subheading, named, notes in _recommendation_groups(detail, recommendations):
            if subheading:
                doc.add(Heading(2, subheading))
            doc.add(BulletList([note_runs(detail, n, bold_headline=True) + addressed_to(n, context=subheading)
                                for n in notes]))

    doc.add(*next_steps_blocks(detail, STYLE))
    disclaimer = disclaimer_paragraphs(detail, "report", drafted=False)
    doc.add(*texts(detail, "disclaimer", disclaimer, italic=True))
    doc.add(*attachment_blocks(detail))
    doc.add(*_closing_boxes(detail))
    return doc
