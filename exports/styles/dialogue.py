"""Dialogue summary (an on-the-record plenary with a speakers list):
introduction; opening remarks and the panel, with named speakers and short
quotations; the interactive dialogue — who took the floor, then by theme, as
prose: a tally ("Twelve Member States and two regional organisations spoke
about accountability; their statements represented over 70 states.") and
then the statements the rapporteur chose as its examples (`annotate
--example`), or the first ones in speaking order; concerns and dissenting views; civil society statements;
closing remarks; and an annex of every intervention in speaking order,
grouped by category, with on-behalf-of, presenter and language.

Each note is written up once, in one place: under a concern if it is one,
under civil society if a civil society organisation made it, else under the
first theme it raised (or the theme it is the chosen example of). Counting
is facilitator.tallies'.

Names appear only where the note's rule is on the record; under a protected
rule the tallies keep their numbers but the statements lose their names
("one Member State"), and the annex is left out.
"""

from __future__ import annotations

import re

from facilitator.models import InterventionPublic, MeetingDetail, NotePublic
from facilitator.policy import is_protected, speakers_named
from facilitator.tallies import (
    ANNEX_ORDER,
    CATEGORY_NOUNS,
    DELEGATIONS,
    category_of,
    describe_counts,
    speakers_by_category,
    spoken,
    states_of,
    tally,
)
from facilitator.vocab import RULE_PHRASES

from ..document import BulletList, Document, Heading, Paragraph, Run
from ..drafting import (
    about_sections,
    capitalise,
    disclaimer_paragraphs,
    join_names,
    number,
    running_name,
    start_sentence,
)
from . import (
    attachment_blocks,
    heading,
    intro,
    lead_blocks,
    lower_first,
    next_steps_blocks,
    note_sentences,
    notes_in,
    omissions,
    said,
    summary_blocks,
    texts,
)

STYLE = "dialogue"
OPENING_KINDS = ("opening", "keynote", "panel")
MAX_EXAMPLES = 3
SECTION_TEXTS = {
    "introduction": "Introduction",
    "opening": "Opening remarks and panel",
    "dialogue": "Interactive dialogue",
    "other-points": "Other points",
    "concerns": "Concerns and dissenting views",
    "civil-society": "Civil society statements",
    "closing": "Closing remarks",
    "annex": "Annex: interventions in speaking order",
    "summary": "Summary", "next-steps": "Next steps", "attachments": "Attachments",
}

class _Writer:
    def __init__(self, detail: MeetingDetail) -> None:
        self.detail = detail
        self.entries = {i.id: i for i in detail.interventions}
        self.on_record = speakers_named(detail.meeting.rule)
        self.proper = _proper_words(detail)

    def entry(self, note: NotePublic) -> InterventionPublic | None:
        return self.entries.get(note.intervention_id or "")

    def public(self, note: NotePublic) -> bool:
        return not is_protected(self.detail.effective_rule(note.item_id))

    def subject(self, note: NotePublic) -> str:
        """Who made the statement, as the sentence names them ("" for the rapporteur's own account)."""
        entry = self.entry(note)
        person = self.detail.participant(note.speaker_id)
        if not self.public(note):
            category = category_of(entry, self.detail) if entry else (person.category if person else "")
            return f"one {CATEGORY_NOUNS.get(category, CATEGORY_NOUNS[''])[0]}" if category else "one speaker"
        if entry is None:
            if person is None:
                return ""
            role = f", {person.role}," if person.role and person.kind == "person" else ""
            return f"{running_name(person.name) if person.kind != 'person' else person.name}{role}"
        group = entry.on_behalf_of.strip()
        if entry.presenter.strip():
            return f"{running_name(entry.presenter)}, on behalf of {running_name(group or entry.name)},"
        if group:
            return f"{running_name(entry.name)}, on behalf of {running_name(group)},"
        if person is not None and person.kind == "person":
            return f"{person.name}, {person.role}," if person.role else person.name
        return running_name(entry.name)

    def sentence(self, note: NotePublic) -> str:
        subject = self.subject(note)
        if not subject:  # the rapporteur's own account of the room
            return note_sentences(self.detail, note)
        return start_sentence(said(subject, note.text, note.kind, self.proper))

    def prose(self, notes: list[NotePublic]) -> list[Paragraph]:
        """Statements as paragraphs; a speaker's further notes join their first."""
        out: list[Paragraph] = []
        last = None
        for note in notes:
            who = note.intervention_id or note.speaker_id or note.id
            text = self.sentence(note)
            run = Run(text, footnote=note.footnote.strip() or None)
            if out and who == last:
                out[-1].runs.append(Run(" " + run.text, footnote=run.footnote))
            else:
                out.append(Paragraph([run]))
            last = who
        return out


def _proper_words(detail: MeetingDetail) -> set[str]:
    found = set()
    for note in detail.notes:
        for match in re.finditer(r"(?<=[\w,;:] )([A-Z][\w'-]*)", note.text):
            found.add(match.group(1))
    return found


def _participation(detail: MeetingDetail, entries: list[InterventionPublic], on_record: bool) -> str:
    """ "Three Member States and one regional organisation took the floor, speaking for at least 52
    states; one civil society organisation also spoke." """
    speakers = speakers_by_category(detail, entries)
    delegations = {c: names for c, names in speakers.items() if c in DELEGATIONS}
    text = ""
    if delegations:
        text = f"{start_sentence(describe_counts(delegations, number))} took the floor"
        states = states_of([e for e in entries if category_of(e, detail) in DELEGATIONS], detail)
        for_groups = [e for e in entries if e.on_behalf_of.strip() or category_of(e, detail) == "group"]
        if for_groups:
            some = "one of them on behalf of a group" if len(for_groups) == 1 else "some of them on behalf of groups"
            text += f", {some}, speaking in all for {states.phrase(number)}"
        text += "."
    civil = speakers.get("civil-society", [])
    if civil:
        also = describe_counts({"civil-society": civil}, number)
        text += f" {start_sentence(also)} also spoke." if text else f"{start_sentence(also)} spoke."
    panel = speakers.get("panelist", [])
    if panel and on_record:
        text += f" The panel comprised {join_names(panel)}."
    return text.strip()


def build(detail: MeetingDetail) -> Document:
    m = detail.meeting
    writer = _Writer(detail)
    doc = Document(title=m.title, kicker=m.kicker.strip() or m.series.strip() or "Dialogue summary",
                   subject=m.subject, author=", ".join(m.organisers), date=m.date,
                   paper=m.options.get("paper", "a4"), numbered=bool(m.options.get("numbered")),
                   contents=bool(m.options.get("contents")), omitted=omissions(detail, STYLE))
    doc.add(Heading(1, heading(detail, "introduction", SECTION_TEXTS["introduction"])),
            *lead_blocks(detail, STYLE), *intro(detail, "introduction"))
    doc.add(*summary_blocks(detail))

    kinds = {i.id: i.kind for i in detail.items}
    statements = notes_in(detail, STYLE, "statements")
    opening = [n for n in statements if kinds.get(n.item_id) in OPENING_KINDS]
    closing = [n for n in statements if kinds.get(n.item_id) == "closing"]
    dialogue = [n for n in statements if n not in opening and n not in closing]
    if opening:
        doc.add(Heading(1, heading(detail, "opening", SECTION_TEXTS["opening"])), *intro(detail, "opening"),
                *writer.prose(opening))

    entries = [e for e in spoken(detail)]
    public = [e for e in entries if not is_protected(detail.effective_rule(e.item_id))]
    rows = tally(detail)
    civil = [n for n in dialogue if writer.entry(n) is not None
             and category_of(writer.entry(n), detail) == "civil-society"]
    themed = [n for n in dialogue if n not in civil]
    if rows or themed or entries:
        doc.add(Heading(1, heading(detail, "dialogue", SECTION_TEXTS["dialogue"])), *intro(detail, "dialogue"))
        floor = _participation(detail, [e for e in entries if category_of(e, detail) != "other"],
                               writer.on_record)
        if floor:
            doc.add(Paragraph([Run(floor)]))
        theme_names = [r.theme for r in rows]
        home: dict[str, str] = {}
        for note in themed:
            chosen = [t for t in note.themes if note.example and t in theme_names]
            first = [t for t in theme_names if t in note.themes]
            if chosen or first:
                home[note.id] = (chosen or first)[0]
        written: set[str] = set()
        for row in rows:
            phrase = lower_first(heading(detail, f"theme:{row.theme}", row.theme), writer.proper)
            text = f"{start_sentence(describe_counts(row, number))} spoke about {phrase}"
            if any(e.on_behalf_of.strip() or category_of(e, detail) == "group" for e in row.entries):
                text += f"; their statements represented {row.states.phrase(number)}"
            mine = [n for n in themed if home.get(n.id) == row.theme]
            examples = [n for n in mine if n.example] or mine[:MAX_EXAMPLES]
            written |= {n.id for n in examples}
            doc.add(Heading(2, heading(detail, f"theme:{row.theme}", row.theme)),
                    *intro(detail, f"theme:{row.theme}"), Paragraph([Run(text + ".")]), *writer.prose(examples))
        rest = [n for n in themed if n.id not in home]
        if rest:
            doc.add(Heading(2, heading(detail, "other-points", SECTION_TEXTS["other-points"])),
                    *writer.prose(rest))
        unwritten = [n for n in themed if n.id in home and n.id not in written]
        if unwritten:
            doc.omitted.append(f"{len(unwritten)} statement(s) counted in the tallies but not written up as "
                               "examples (mark the ones to name with `annotate NOTE --example`)")

    concerns = notes_in(detail, STYLE, "concerns")
    if concerns:
        doc.add(Heading(1, heading(detail, "concerns", SECTION_TEXTS["concerns"])), *intro(detail, "concerns"),
                *writer.prose(concerns))
    if civil:
        doc.add(Heading(1, heading(detail, "civil-society", SECTION_TEXTS["civil-society"])),
                *intro(detail, "civil-society"), *writer.prose(civil))
    if closing:
        doc.add(Heading(1, heading(detail, "closing", SECTION_TEXTS["closing"])), *intro(detail, "closing"),
                *writer.prose(closing))
    doc.add(*next_steps_blocks(detail, STYLE))
    doc.add(*texts(detail, "disclaimer", disclaimer_paragraphs(detail, "summary", drafted=False), italic=True))

    if public and writer.on_record:
        doc.add(Heading(1, heading(detail, "annex", SECTION_TEXTS["annex"]), numbered=False))
        for category in ANNEX_ORDER:
            group = [e for e in public if category_of(e, detail) == category]
            if group:
                plural = CATEGORY_NOUNS[category][1]
                doc.add(Heading(2, capitalise(plural), numbered=False),
                        BulletList([[Run(_annex_line(e))] for e in group], ordered=True))
    elif not writer.on_record and entries:
        doc.add(Paragraph([Run(f"The speakers list is not published: the dialogue was held "
                               f"{RULE_PHRASES[m.rule]}.", italic=True)]))
    doc.add(*attachment_blocks(detail))
    for title, body in about_sections(detail):
        doc.add(Heading(2, title, numbered=False), *[Paragraph([Run(p)]) for p in body])
    return doc


def _annex_line(entry: InterventionPublic) -> str:
    line = entry.name
    if entry.on_behalf_of:
        line += f", on behalf of {running_name(entry.on_behalf_of)}"
        if entry.members:
            line += f" ({entry.members} states)"
    if entry.presenter:
        line += f", read by {running_name(entry.presenter)}"
    if entry.language:
        line += f" — {entry.language}"
    return line
