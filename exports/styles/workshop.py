"""Workshop outcome: a kicker and month, the title, an INTRODUCTION drafted
from the meeting's data (dates, hosts, place, institutions, the keynote and a
summary of its notes, the breakout groups, the rule), one section per
breakout group (challenges, best practices, recommendations), COMMON
CHALLENGES under theme headings, RECOMMENDATIONS as bullets, and numbered
footnotes."""

from __future__ import annotations

from facilitator.models import MeetingDetail
from facilitator.vocab import PROTECTED_RULES, RULE_PHRASES

from ..document import BulletList, Document, Heading, Paragraph, Run, para
from ..drafting import FORMAT_NOUNS
from . import date_range, join_names, notes_in, speaker_name

STYLE = "workshop"
RULE_NOTES = {
    "chatham-house": "Under the Chatham House rule, participants may use the information received, but may "
                     "reveal neither the identity nor the affiliation of the speaker, nor that of any other "
                     "participant.",
    "not-for-attribution": "Not for attribution: what was said may be reported, but not who said it.",
    "on-the-record": "On the record: statements may be quoted and attributed.",
}


def _groups(detail: MeetingDetail) -> list[str]:
    seen: list[str] = []
    for item in detail.items:
        for group in item.groups:
            if group not in seen:
                seen.append(group)
    return seen


def _intro(detail: MeetingDetail) -> list:
    m = detail.meeting
    hosts = join_names(m.organisers) or "The organisers"
    where = f" in {m.place}" if m.place else ""
    text = [Run(f"On {date_range(m.date, m.end_date)}, {hosts} held a {FORMAT_NOUNS.get(m.format, 'workshop')}"
                f"{where}")]
    if m.subject:
        text.append(Run(f" on {m.subject}" if m.subject[0].islower() else f" on \u201c{m.subject}\u201d"))
    text.append(Run("."))
    institutions = sorted({p.organisation for p in detail.participants
                           if p.organisation and (p.attributable or m.rule not in PROTECTED_RULES)})
    who = m.participants_text or (join_names(institutions) if institutions else "")
    if who:
        text.append(Run(f" Participants came from {who}."))
    blocks = [Paragraph(text)]
    if m.lead.strip():
        blocks = [para(m.lead.strip())]

    keynote_items = [i for i in detail.items if i.kind == "keynote"]
    keynote_notes = [n for n in detail.notes if n.item_id in {i.id for i in keynote_items}]
    speakers = join_names(list(dict.fromkeys(filter(None, (speaker_name(detail, n) for n in keynote_notes)))))
    guests = join_names([f"{g['name']}, {g['role']}" if g.get("role") else g["name"] for g in m.guests])
    if keynote_items and (speakers or guests or keynote_notes):
        opener = f"In the keynote address, {speakers or guests}" if (speakers or guests) else "The keynote address"
        summary = " ".join(n.text.rstrip(".") + "." for n in keynote_notes[:4])
        blocks.append(para(f"{opener} set the scene. {summary}".strip()))

    groups = _groups(detail)
    if groups:
        blocks.append(para(f"Participants then split into {len(groups)} breakout groups: {join_names(groups)}."))
    blocks.append(Paragraph([Run(f"The workshop was held {RULE_PHRASES[m.rule]}",
                                 footnote=RULE_NOTES[m.rule]),
                             Run(". This summary records the challenges, practices and recommendations that "
                                 "emerged, to inform the work that follows.")]))
    return blocks


def _with_addressee(note) -> list[Run]:
    runs = [Run(note.headline + " ", bold=True)] if note.headline else []
    runs.append(Run(note.text, footnote=f"Addressed to {note.addressee}." if note.addressee else None))
    return runs


def build(detail: MeetingDetail) -> Document:
    m = detail.meeting
    kicker = m.kicker or f"Workshop outcome | {m.date:%B %Y}"
    doc = Document(title=m.title, kicker=kicker, subject=m.subject, author=", ".join(m.organisers), date=m.date)
    doc.add(Heading(1, "Introduction"), *_intro(detail))

    sections = {name: notes_in(detail, STYLE, name) for name in ("challenges", "best-practices", "recommendations")}
    for group in _groups(detail):
        doc.add(Heading(1, group))
        for name, title in (("challenges", "Challenges"), ("best-practices", "Best practices"),
                            ("recommendations", "Recommendations")):
            mine = [n for n in sections[name] if n.group == group]
            if mine:
                doc.add(Heading(2, title), BulletList([_with_addressee(n) for n in mine]))

    common = [n for n in sections["challenges"] if not n.group]
    if common:
        doc.add(Heading(1, "Common challenges"))
        themes = list(m.themes) + sorted({t for n in common for t in n.themes} - set(m.themes))
        for theme in themes:
            under = [n for n in common if n.themes and n.themes[0] == theme]
            if under:
                doc.add(Heading(2, theme), BulletList([_with_addressee(n) for n in under]))
        unthemed = [n for n in common if not n.themes]
        if unthemed:
            doc.add(Heading(2, "Other challenges") if len(unthemed) < len(common) else Heading(2, "Challenges"),
                    BulletList([_with_addressee(n) for n in unthemed]))
    plenary_recs = [n for n in sections["recommendations"] if not n.group]
    plenary_bp = [n for n in sections["best-practices"] if not n.group]
    if plenary_bp:
        doc.add(Heading(1, "Best practices"), BulletList([_with_addressee(n) for n in plenary_bp]))
    if plenary_recs:
        doc.add(Heading(1, "Recommendations"), BulletList([_with_addressee(n) for n in plenary_recs]))
    return doc
