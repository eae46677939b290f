"""House styles, and the one table that says what each note kind becomes in each.

A style is a module with `build(detail) -> Document`. What a note of a given
kind turns into differs by style — a challenge is a key reflection in a
network report but a group's challenge in a workshop outcome — and that
mapping is written down once, here, as data (`SECTIONS`), so a style module
asks "which notes go in my reflections?" and never tests kinds itself.

What the sections become:

=========  ====================================================================
report     reflections -> "Key reflections" bullets;
           recommendations -> "Key recommendations", one subheading per
           guiding-question item (its title), the rest under one general
           subheading; actions are left out (seed 000 has no next steps).
memo       reflections -> the Reflections part, each a bold headline + a
           paragraph; recommendations -> one Recommendations part per agenda
           item that holds any, titled from the item; actions left out.
workshop   challenges / best-practices / recommendations per breakout group;
           quotes -> the keynote summary.
dialogue   statements by theme; challenges -> concerns and dissenting views.
update     reflections -> the numbered list; recommendations and actions ->
           the outlook.
=========  ====================================================================

`None` means the style leaves that kind out.

Order: within a section, notes the rapporteur marked key come first, then
agenda order, then the order they were captured (`notes_in`). Grouping by
agenda item (`by_item`) keeps that order inside each group, so a key
recommendation leads its guiding question.

Attribution: a speaker is printed only through `speaker_name` (or
`attribution`, built on it), which returns a name only when the note's
effective rule — its agenda item's, else the meeting's — is on the record.
Under the Chatham House rule and not-for-attribution no style shows a
speaker, not even an attributable one: naming a guest of honour is done by
the meeting's own texts (guests, lead), which the attribution audit reads.
"""

from __future__ import annotations

import datetime as dt
import re

from facilitator.models import AgendaItemPublic, MeetingDetail, NotePublic
from facilitator.vocab import ON_THE_RECORD

from ..document import Run

SECTIONS: dict[str, dict[str, str | None]] = {
    "report": {
        "reflection": "reflections", "observation": "reflections", "challenge": "reflections",
        "best-practice": "reflections", "quote": "reflections",
        "recommendation": "recommendations", "action": None,
    },
    "memo": {
        "reflection": "reflections", "observation": "reflections", "challenge": "reflections",
        "best-practice": "reflections", "quote": "reflections",
        "recommendation": "recommendations", "action": None,
    },
    "workshop": {
        "challenge": "challenges", "reflection": "challenges", "observation": "challenges",
        "best-practice": "best-practices", "recommendation": "recommendations",
        "quote": "keynote", "action": None,
    },
    "dialogue": {
        "reflection": "statements", "observation": "statements", "quote": "statements",
        "recommendation": "statements", "best-practice": "statements",
        "challenge": "concerns", "action": None,
    },
    "update": {
        "reflection": "reflections", "observation": "reflections", "challenge": "reflections",
        "best-practice": "reflections", "quote": "reflections",
        "recommendation": "outlook", "action": "outlook",
    },
}


def section_of(style: str, note: NotePublic) -> str | None:
    return SECTIONS[style].get(note.kind)


def notes_in(detail: MeetingDetail, style: str, section: str) -> list[NotePublic]:
    """The notes a style puts in a section: key points first, then agenda order
    (`get_detail` returns notes in agenda, then capture, order; the sort is stable)."""
    chosen = [n for n in detail.notes if section_of(style, n) == section]
    return sorted(chosen, key=lambda n: not n.key)


def by_item(detail: MeetingDetail, notes: list[NotePublic]) -> list[tuple[AgendaItemPublic | None, list[NotePublic]]]:
    """Notes grouped by the agenda item they were captured under, items in agenda
    order, each group keeping the notes' order; notes under no item come last (None)."""
    groups: dict[str | None, list[NotePublic]] = {}
    for note in notes:
        groups.setdefault(note.item_id, []).append(note)
    ordered: list[tuple[AgendaItemPublic | None, list[NotePublic]]] = [
        (item, groups.pop(item.id)) for item in detail.items if item.id in groups]
    loose = [note for rest in groups.values() for note in rest]  # no item, or an item not in this meeting
    if loose:
        ordered.append((None, loose))
    return ordered


def speaker_name(detail: MeetingDetail, note: NotePublic) -> str:
    """The note's speaker, or "" where the rule protects speakers."""
    if detail.effective_rule(note.item_id) != ON_THE_RECORD:
        return ""
    person = detail.participant(note.speaker_id)
    return person.name if person else ""


def attribution(detail: MeetingDetail, note: NotePublic) -> list[Run]:
    """Runs to append after a note's text: " — Name" on the record, nothing otherwise."""
    name = speaker_name(detail, note)
    return [Run(f" — {name}", italic=True)] if name else []


def long_date(value: dt.date, weekday: bool = False) -> str:
    text = f"{value.day} {value:%B %Y}"
    return f"{value:%A} {text}" if weekday else text


def date_range(start: dt.date, end: dt.date | None) -> str:
    if not end or end == start:
        return long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%B %Y}"
    return f"{long_date(start)} – {long_date(end)}"


def join_names(names: list[str]) -> str:
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


#: Words that end in a full stop without ending a sentence ("Dr. Šimonović").
_ABBREVIATIONS = {"dr", "mr", "mrs", "ms", "prof", "st", "no", "nos", "art", "para", "cf", "vs", "e.g", "i.e",
                  "etc", "approx", "ca", "vol", "p", "pp", "amb", "h.e", "u.n", "u.s"}
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")


def headline_of(note: NotePublic) -> str:
    """The note's headline, or its first sentence when it has none."""
    if note.headline.strip():
        return note.headline.strip()
    text = note.text.strip()
    for match in _SENTENCE_END.finditer(text):
        words = text[:match.start()].split()
        before = words[-1].lower() if words else ""
        if text[match.start()] == "." and (before in _ABBREVIATIONS or (len(before) == 1 and before.isalpha())):
            continue  # "Dr." or an initial, not a sentence end
        return text[:match.end()].rstrip()
    return text


def body_of(note: NotePublic) -> str:
    """The paragraph under a headline: the text, minus a first sentence used as the headline."""
    if note.headline.strip():
        return note.text.strip()
    return note.text.strip()[len(headline_of(note)):].strip()
