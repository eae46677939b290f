"""Dialogue summary (an on-the-record plenary with a speakers list):
introduction; opening remarks and panel with named speakers and short quotes
in italics; the interactive dialogue by theme, with tallies counted from the
data; concerned or dissenting statements; civil society statements; closing
remarks; and an annex of every intervention in speaking order, grouped by
category, with on-behalf-of and language.

Names appear only where the note's rule is on the record; under a protected
rule the tallies keep their numbers but lose their names, and the annex is
left out.
"""

from __future__ import annotations

from facilitator.models import MeetingDetail
from facilitator.policy import is_protected
from facilitator.tallies import CATEGORY_NOUNS, CATEGORY_ORDER, describe_counts, tally
from facilitator.vocab import ON_THE_RECORD, RULE_PHRASES

from ..document import BulletList, Document, Heading, Paragraph, Run, para
from ..drafting import lead_text
from . import join_names, notes_in, speaker_name

STYLE = "dialogue"
OPENING_KINDS = ("opening", "keynote", "panel")


def _said(detail: MeetingDetail, note) -> list[Run]:
    who = speaker_name(detail, note)
    runs = [Run(f"{who}: ", bold=True)] if who else []
    if note.kind == "quote":
        runs.append(Run(f"\u201c{note.text}\u201d", italic=True))
    else:
        runs.append(Run(note.text))
    return runs


def _category_of(detail: MeetingDetail, note) -> str:
    for entry in detail.interventions:
        if entry.id == note.intervention_id:
            return entry.category
    person = detail.participant(note.speaker_id)
    return person.category if person else ""


def build(detail: MeetingDetail) -> Document:
    m = detail.meeting
    on_record = m.rule == ON_THE_RECORD
    doc = Document(title=m.title, kicker=m.kicker or "Dialogue summary", subject=m.subject,
                   author=", ".join(m.organisers), date=m.date)
    doc.add(Heading(1, "Introduction"), para(lead_text(detail, STYLE)))

    kinds = {i.id: i.kind for i in detail.items}
    statements = notes_in(detail, STYLE, "statements")
    opening = [n for n in statements if kinds.get(n.item_id) in OPENING_KINDS]
    closing = [n for n in statements if kinds.get(n.item_id) == "closing"]
    dialogue = [n for n in statements if n not in opening and n not in closing]
    if opening:
        doc.add(Heading(1, "Opening remarks and panel"), BulletList([_said(detail, n) for n in opening]))

    # Who took the floor in an item held under a protected rule is named nowhere: not as an example of a
    # theme, not in the annex (an on-the-record dialogue may hold one such item).
    public = [i for i in detail.interventions if i.status != "withdrawn"
              and not is_protected(detail.effective_rule(i.item_id))]
    public_names = {i.name for i in public}
    rows = tally(detail)
    if rows or dialogue:
        doc.add(Heading(1, "Interactive dialogue"))
        total = len([i for i in detail.interventions if i.status != "withdrawn"])
        if total:
            doc.add(para(f"The dialogue heard {total} statement{'s' if total != 1 else ''}."))
        for row in rows:
            text = f"{describe_counts(row)} raised {row.theme}"
            text += f" in {row.statements} statement{'s' if row.statements != 1 else ''}"
            if row.states_represented:
                text += f", speaking for {row.states_represented} state{'s' if row.states_represented != 1 else ''}"
            text += "."
            examples = [name for name in row.names() if name in public_names][:3]
            if on_record and examples:
                text += f" Among them: {join_names(examples)}."
            doc.add(Heading(2, row.theme), para(text))
            themed = [n for n in dialogue if row.theme in n.themes]
            if themed:
                doc.add(BulletList([_said(detail, n) for n in themed]))
        rest = [n for n in dialogue if not n.themes and _category_of(detail, n) != "civil-society"]
        if rest:
            doc.add(Heading(2, "Other points"), BulletList([_said(detail, n) for n in rest]))

    concerns = notes_in(detail, STYLE, "concerns")
    if concerns:
        doc.add(Heading(1, "Concerns and dissenting views"), BulletList([_said(detail, n) for n in concerns]))
    civil = [n for n in dialogue if _category_of(detail, n) == "civil-society"]
    if civil:
        doc.add(Heading(1, "Civil society statements"), BulletList([_said(detail, n) for n in civil]))
    if closing:
        doc.add(Heading(1, "Closing remarks"), BulletList([_said(detail, n) for n in closing]))

    spoken = public
    if spoken and on_record:
        doc.add(Heading(1, "Annex: interventions in speaking order"))
        for category in CATEGORY_ORDER:
            entries = [i for i in spoken if i.category == category]
            if entries:
                plural = CATEGORY_NOUNS[category][1]
                doc.add(Heading(2, plural[:1].upper() + plural[1:]))
                items = []
                for entry in entries:
                    line = entry.name
                    if entry.on_behalf_of:
                        line += f", on behalf of {entry.on_behalf_of}"
                        if entry.members:
                            line += f" ({entry.members} states)"
                    if entry.language:
                        line += f" — {entry.language}"
                    items.append([Run(line)])
                doc.add(BulletList(items, ordered=True))
    elif not on_record and any(i.status != "withdrawn" for i in detail.interventions):
        doc.add(Paragraph([Run(f"The speakers list is not published: the dialogue was held "
                               f"{RULE_PHRASES[m.rule]}.", italic=True)]))
    return doc
