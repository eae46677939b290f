"""Update: a short narrative brief for a newsletter or blog — the kicker (the
series, or "Update"), the title, a byline, what happened, the main points as
an inline numbered list ("(1) …; (2) …; and (3) …", five at most: a brief is
not the report), and an outlook with the rapporteur's own text and the
main recommendations and next steps as short lists.

The headings ("What happened", "Outlook") are defaults the rapporteur may
rewrite per meeting.
"""

from __future__ import annotations

import re

from facilitator.models import MeetingDetail, NotePublic

from ..document import Block, BulletList, Document, Heading, Paragraph, Run
from ..drafting import (
    about_sections,
    disclaimer_paragraphs,
    ensure_stop,
    join_names,
    number_word,
    organisers_of,
    paragraphs,
    running_names,
    sentence,
)
from . import (
    attachment_blocks,
    groups_of,
    heading,
    intro,
    lead_blocks,
    lower_first,
    note_sentences,
    notes_in,
    omissions,
    summary_blocks,
    texts,
)

STYLE = "update"
SECTION_TEXTS = {
    "what-happened": "What happened",
    "outlook": "Outlook",
    "points-intro": "",
    "recommendations-intro": "",
    "next-steps-intro": "As next steps, participants noted the following:",
    "summary": "Summary", "attachments": "Attachments",
}
MAX_POINTS = 5
MAX_RECOMMENDATIONS = 3


def _proper_words(detail: MeetingDetail) -> set[str]:
    """Capitalised words the meeting's texts use in mid-sentence: names, which keep their capital."""
    found = set()
    sources = [n.text for n in detail.notes] + [n.headline for n in detail.notes] + [
        detail.meeting.title, detail.meeting.subject, detail.meeting.topic, detail.meeting.participants_text]
    for text in sources:
        for match in re.finditer(r"(?<=[\w,;:] )([A-Z][\w'-]*)", text):
            found.add(match.group(1))
    return found


def _inline(text: str, proper: set[str]) -> str:
    """A sentence as an item of an inline list: no final stop, its first word in lower case unless a name."""
    return lower_first(ensure_stop(text.strip()).rstrip("."), proper)


def _points(detail: MeetingDetail, reflections: list[NotePublic]) -> list[Block]:
    groups = groups_of(reflections)
    shown = groups[:MAX_POINTS]
    proper = _proper_words(detail)
    items = [_inline(sentence(g[0].headline) if g[0].headline.strip() else note_sentences(detail, g[0]), proper)
             for g in shown]
    if len(items) == 1:
        text = f"One point stood out: {items[0]}."
    elif any(";" in item for item in items):  # items that hold semicolons read as sentences, counted in words
        ordinals = ["First", "Second", "Third", "Fourth", "Fifth"][:len(items) - 1] + ["Finally"]
        text = f"Participants came back to {number_word(len(items))} points in particular. " + " ".join(
            f"{ordinal}, {item}." for ordinal, item in zip(ordinals, items, strict=True))
    else:
        numbered = [f"({n}) {item}" for n, item in enumerate(items, start=1)]
        listed = "; ".join(numbered[:-1]) + f"; and {numbered[-1]}"
        text = f"Participants came back to {number_word(len(items))} points in particular: {listed}."
    blocks: list[Block] = [*intro(detail, "points-intro"), Paragraph([Run(text)])]
    if len(groups) > len(shown):
        rest = len(groups) - len(shown)
        blocks.append(Paragraph([Run(f"{number_word(rest).capitalize()} further point{'s' if rest > 1 else ''} "
                                     f"{'were' if rest > 1 else 'was'} made; the full report sets "
                                     f"{'them' if rest > 1 else 'it'} out.")]))
    return blocks


def _short(note: NotePublic) -> list[Run]:
    return [Run(sentence(note.headline.strip() or note.text.strip()))]


def build(detail: MeetingDetail) -> Document:
    m = detail.meeting
    hosts = [p for p, role in organisers_of(detail) if role != "supported"]
    byline = m.byline.strip() or (f"By {join_names(running_names(hosts))}" if hosts else "")
    kicker = m.kicker.strip() or m.series.strip() or "Update"
    doc = Document(title=m.title, kicker=kicker, subject=m.subject, author=", ".join(m.organisers), date=m.date,
                   paper=m.options.get("paper", "a4"), numbered=bool(m.options.get("numbered")),
                   contents=bool(m.options.get("contents")), omitted=omissions(detail, STYLE))
    if byline:
        doc.add(Paragraph([Run(byline, italic=True)]))  # a byline is a label, not a sentence
    doc.add(*summary_blocks(detail))
    doc.add(Heading(1, heading(detail, "what-happened", SECTION_TEXTS["what-happened"])),
            *lead_blocks(detail, STYLE))
    reflections = notes_in(detail, STYLE, "reflections")
    if reflections:
        doc.add(*_points(detail, reflections))

    ahead = notes_in(detail, STYLE, "outlook")
    recommendations = [n for n in ahead if n.kind == "recommendation"]
    actions = [n for n in ahead if n.kind == "action"]
    if m.outlook.strip() or ahead:
        doc.add(Heading(1, heading(detail, "outlook", SECTION_TEXTS["outlook"])))
        doc.add(*texts(detail, "outlook", paragraphs(m.outlook)))
    if recommendations:
        shown = recommendations[:MAX_RECOMMENDATIONS]
        default = (f"Participants put forward {number_word(len(recommendations))} recommendation"
                   f"{'s' if len(recommendations) > 1 else ''}"
                   + ("; among them:" if len(recommendations) > len(shown) else ":"))
        doc.add(*intro(detail, "recommendations-intro", default),
                BulletList([_short(n) for n in shown]))
    if actions:
        doc.add(*intro(detail, "next-steps-intro", SECTION_TEXTS["next-steps-intro"]),
                BulletList([_short(n) for n in actions]))
    doc.add(*texts(detail, "disclaimer", disclaimer_paragraphs(detail, "update", drafted=False), italic=True))
    doc.add(*attachment_blocks(detail))
    for title, body in about_sections(detail):
        doc.add(Heading(2, title, numbered=False), *[Paragraph([Run(p)]) for p in body])
    return doc
