"""Workshop outcome: a kicker and month, the title, an INTRODUCTION (dates,
hosts and partners, place, who attended, the keynote address summarised
once, the breakout groups, the rule with the Chatham House statement as a
footnote, what the summary is for); then, in agenda order, each plenary's
discussion and each breakout group's section — its challenges, best
practices and recommendations written as prose; COMMON CHALLENGES under theme
headings; the plenary's RECOMMENDATIONS as bullets; next steps; numbered
footnotes.

No note is ever left out for want of a place: a note whose breakout group no
agenda item lists still gets that group's section.
"""

from __future__ import annotations

from facilitator.models import AgendaItemPublic, MeetingDetail, NotePublic
from facilitator.policy import is_protected
from facilitator.vocab import RULE_PHRASES

from ..document import Block, BulletList, Document, Heading, Paragraph, Run
from ..drafting import (
    about_sections,
    counted,
    disclaimer_paragraphs,
    join_names,
    people,
    persons,
)
from . import (
    addressed_to,
    attachment_blocks,
    group_runs,
    groups_of,
    heading,
    intro,
    is_procedural,
    item_key,
    lead_blocks,
    lower_first,
    next_steps_blocks,
    note_runs,
    note_sentences,
    notes_in,
    omissions,
    speaker_name,
    summary_blocks,
    texts,
)

STYLE = "workshop"
SECTION_TEXTS = {
    "introduction": "Introduction",
    "purpose": "This summary records the challenges, practices and recommendations that emerged, to inform "
               "the work that follows.",
    "challenges": "Challenges", "best-practices": "Best practices", "group-recommendations": "Recommendations",
    "common-challenges": "Common challenges", "other-challenges": "Other challenges",
    "common-practices": "Best practices", "recommendations": "Recommendations",
    "summary": "Summary", "next-steps": "Next steps", "attachments": "Attachments",
}
RULE_NOTES = {
    "chatham-house": "Under the Chatham House rule, participants are free to use the information received, but "
                     "neither the identity nor the affiliation of the speaker, nor that of any other "
                     "participant, may be revealed.",
    "not-for-attribution": "Not for attribution: what was said may be reported, but not who said it.",
    "on-the-record": "On the record: statements may be quoted and attributed.",
}
#: Items whose notes do not make a section of their own.
NOT_A_SECTION = ("keynote", "break")
GROUP_PARTS = (("challenges", "Challenges"), ("best-practices", "Best practices"),
               ("recommendations", "group-recommendations"))


def _groups(detail: MeetingDetail) -> list[str]:
    """Breakout groups: those the agenda lists, in order, then any a note names that it does not."""
    seen: list[str] = []
    for item in detail.items:
        for group in item.groups:
            if group not in seen:
                seen.append(group)
    for note in detail.notes:
        if note.group and note.group not in seen:
            seen.append(note.group)
    return seen


def _keynote(detail: MeetingDetail) -> tuple[list[Block], set[str]]:
    """The keynote address summarised once: who gave it, then what was said (as prose)."""
    keynote_items = {i.id for i in detail.items if i.kind == "keynote"}
    notes = [n for n in detail.notes if n.item_id in keynote_items and n.kind != "action"]
    speakers = list(dict.fromkeys(filter(None, (speaker_name(detail, n) for n in notes))))
    named = people(detail, "keynote") or ([{"name": s} for s in speakers] if speakers else []) \
        or people(detail, "guest")
    if not keynote_items or not (named or notes):
        return [], set()
    opener = f"{persons(named)}{',' if len(named) == 1 and named[0].get('role') else ''} gave the keynote " \
             f"address." if named else "The keynote address opened the workshop."
    runs = [Run(opener)]
    for n, note in enumerate(notes):  # the speaker is named above: the notes follow as what was said
        text = note_sentences(detail, note.model_copy(update={"speaker_id": None}))
        if n == 0 and note.kind != "quote":
            text = f"The address argued that {lower_first(text)}"
        runs.append(Run(" " + text, footnote=note.footnote.strip() or None))
    return [Paragraph(runs)], {n.id for n in notes}


def _introduction(detail: MeetingDetail) -> tuple[list[Block], set[str]]:
    m = detail.meeting
    blocks: list[Block] = [*lead_blocks(detail, STYLE)]
    if not m.lead.strip() and not m.participants_text.strip():
        institutions = sorted({p.organisation for p in detail.participants
                               if p.organisation and (p.attributable or not is_protected(m.rule))})
        if institutions:
            blocks.append(Paragraph([Run(f"Participants came from {join_names(institutions)}.")]))
    keynote, used = _keynote(detail)
    blocks += keynote
    groups = _groups(detail)
    if groups:
        blocks.append(Paragraph([Run(f"Participants then split into {counted(len(groups), 'breakout group')}, "
                                     "whose discussions are summarised below.")]))
    blocks.append(Paragraph([Run(f"The workshop was held {RULE_PHRASES[m.rule]}", footnote=RULE_NOTES[m.rule]),
                             Run(". " + (m.intros.get("purpose", "").strip() or SECTION_TEXTS["purpose"]))]))
    return blocks, used


def _prose(detail: MeetingDetail, notes: list[NotePublic], label: str = "") -> list[Paragraph]:
    """Notes as paragraphs (one per theme, or joined notes); under a bold run-in label, one paragraph."""
    out = []
    for n, group in enumerate([notes] if label and notes else groups_of(notes)):
        runs = group_runs(detail, group)
        if n == 0 and label:
            runs = [Run(f"{label}. ", bold=True), *runs]
        out.append(Paragraph(runs))
    return out


def _group_section(detail: MeetingDetail, group: str, notes: list[NotePublic]) -> list[Block]:
    blocks: list[Block] = [Heading(1, heading(detail, f"group:{group}", group)), *intro(detail, f"group:{group}")]
    discussion = [n for n in notes if n.kind not in ("challenge", "best-practice", "recommendation", "action")]
    blocks += _prose(detail, discussion)
    for kind, key in (("challenge", "challenges"), ("best-practice", "best-practices"),
                      ("recommendation", "group-recommendations")):
        mine = [n for n in notes if n.kind == kind]
        if mine:
            label = heading(detail, key, SECTION_TEXTS[key])
            if kind != "recommendation":
                blocks += _prose(detail, mine, label)
                continue
            runs = [Run(f"{label}. ", bold=True)]  # each recommendation keeps its addressee
            for n, note in enumerate(mine):
                said = note_runs(detail, note, bold_headline=False)
                if n:
                    said[0] = Run(" " + said[0].text, said[0].bold, said[0].italic, said[0].footnote)
                runs += said + addressed_to(note)
            blocks.append(Paragraph(runs))
    return blocks


def _plenary_section(detail: MeetingDetail, item: AgendaItemPublic, notes: list[NotePublic]) -> list[Block]:
    return [Heading(1, heading(detail, item_key(item), item.title)), *intro(detail, item_key(item)),
            *_prose(detail, notes)]


def _by_theme(detail: MeetingDetail, notes: list[NotePublic], other_key: str) -> list[Block]:
    blocks: list[Block] = []
    themes = list(detail.meeting.themes) + sorted({n.themes[0] for n in notes if n.themes}
                                                  - set(detail.meeting.themes))
    for theme in themes:
        under = [n for n in notes if n.themes and n.themes[0] == theme]
        if under:
            blocks += [Heading(2, heading(detail, f"theme:{theme}", theme)), *intro(detail, f"theme:{theme}"),
                       *_prose(detail, under)]
    unthemed = [n for n in notes if not n.themes]
    if unthemed:
        if blocks:
            blocks.append(Heading(2, heading(detail, other_key, SECTION_TEXTS[other_key])))
        blocks += _prose(detail, unthemed)
    return blocks


def build(detail: MeetingDetail) -> Document:
    m = detail.meeting
    kicker = m.kicker.strip() or f"{m.series.strip() or 'Workshop outcome'} | {m.date:%B %Y}"
    doc = Document(title=m.title, kicker=kicker, subject=m.subject, author=", ".join(m.organisers), date=m.date,
                   paper=m.options.get("paper", "a4"), numbered=bool(m.options.get("numbered")),
                   contents=bool(m.options.get("contents")), omitted=omissions(detail, STYLE))
    introduction, keynote_notes = _introduction(detail)
    doc.add(Heading(1, heading(detail, "introduction", SECTION_TEXTS["introduction"])), *introduction)
    doc.add(*summary_blocks(detail))

    # Everything but the keynote (summarised above) and actions (next steps), in agenda order.
    body = [n for n in detail.notes if n.id not in keynote_notes and n.kind != "action"
            and not is_procedural(detail, n, STYLE)]
    in_groups = [n for n in body if n.group]
    plenary = [n for n in body if not n.group]
    done: set[str] = set()
    groups = _groups(detail)
    for item in detail.items:
        names = [g for g in item.groups if g not in done] if item.groups else []
        for group in names:
            mine = [n for n in in_groups if n.group == group]
            if mine:
                doc.add(*_group_section(detail, group, mine))
                done.add(group)
        if item.kind in NOT_A_SECTION:
            continue
        discussion = [n for n in plenary if n.item_id == item.id and n.kind not in
                      ("challenge", "best-practice", "recommendation")]
        if discussion:
            doc.add(*_plenary_section(detail, item, discussion))
    for group in groups:  # groups no agenda item lists: never dropped
        mine = [n for n in in_groups if n.group == group]
        if group not in done and mine:
            doc.add(*_group_section(detail, group, mine))
    loose = [n for n in plenary if n.item_id not in {i.id for i in detail.items}
             and n.kind not in ("challenge", "best-practice", "recommendation")]
    if loose:
        doc.add(Heading(1, "Other points"), *_prose(detail, loose))

    challenges = [n for n in plenary if n.kind == "challenge"]
    if challenges:
        doc.add(Heading(1, heading(detail, "common-challenges", SECTION_TEXTS["common-challenges"])),
                *intro(detail, "common-challenges"), *_by_theme(detail, challenges, "other-challenges"))
    practices = [n for n in plenary if n.kind == "best-practice"]
    if practices:
        doc.add(Heading(1, heading(detail, "common-practices", SECTION_TEXTS["common-practices"])),
                *intro(detail, "common-practices"), *_prose(detail, practices))
    recommendations = [n for n in notes_in(detail, STYLE, "recommendations") if not n.group
                       and n.id not in keynote_notes]
    if recommendations:
        doc.add(Heading(1, heading(detail, "recommendations", SECTION_TEXTS["recommendations"])),
                *intro(detail, "recommendations"),
                BulletList([note_runs(detail, n) + addressed_to(n) for n in recommendations]))

    doc.add(*next_steps_blocks(detail, STYLE))
    doc.add(*texts(detail, "disclaimer", disclaimer_paragraphs(detail, "summary", drafted=False), italic=True))
    doc.add(*attachment_blocks(detail))
    for title, paragraphs in about_sections(detail):
        doc.add(Heading(2, title, numbered=False), *[Paragraph([Run(p)]) for p in paragraphs])
    return doc
