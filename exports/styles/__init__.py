"""House styles, and the one table that says what each note kind becomes in each.

A style is a function `build(detail) -> Document`. What a note of a given kind
turns into differs by style — a challenge is a key reflection in a network
report but a group's challenge in a workshop outcome — and that mapping is
written down once, here, as data (`SECTIONS`). `None` means the style leaves
that kind out.

Attribution: a speaker is printed only by `speaker_name`, which returns a name
only when the note's effective rule (its agenda item's, else the meeting's) is
on the record. No style reads `participant.name` for a note any other way.
"""

from __future__ import annotations

import datetime as dt

from facilitator.models import MeetingDetail, NotePublic
from facilitator.vocab import ON_THE_RECORD

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
    """The notes a style puts in a section, key points first, then in agenda order."""
    chosen = [n for n in detail.notes if section_of(style, n) == section]
    return sorted(chosen, key=lambda n: not n.key)


def speaker_name(detail: MeetingDetail, note: NotePublic) -> str:
    """The note's speaker, or "" where the rule protects speakers."""
    if detail.effective_rule(note.item_id) != ON_THE_RECORD:
        return ""
    person = detail.participant(note.speaker_id)
    return person.name if person else ""


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


def headline_of(note: NotePublic) -> str:
    """The note's headline, or its first sentence when it has none."""
    if note.headline:
        return note.headline
    text = note.text.strip()
    for stop in (". ", "! ", "? "):
        if stop in text:
            return text.split(stop, 1)[0] + stop.strip()
    return text


def body_of(note: NotePublic) -> str:
    """The paragraph under a headline: the text, minus a first sentence used as the headline."""
    if note.headline:
        return note.text
    head = headline_of(note)
    rest = note.text.strip()[len(head):].strip()
    return rest
