"""The attribution audit: which texts name someone who may not be named.

Under the Chatham House rule and not-for-attribution, an export must never
reveal a participant who is not marked attributable: not as a note's speaker
(styles never print speakers there) and not inside any text the rapporteur
wrote. This module finds such mentions — full names, surnames alone and
organisations, case- and accent-insensitively ('Simonovic' finds
'Šimonović') — and rewrites them anonymously. It is pure: no database.

The rule that applies to a note is its agenda item's where the item overrides
the meeting's, so an on-the-record keynote may name its speaker while the
roundtable after it may not.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .models import MeetingDetail, ParticipantPublic
from .vocab import PROTECTED_RULES

#: Meeting texts the audit reads, with the label a user sees.
MEETING_FIELDS = {
    "title": "title", "subject": "subject", "participants_text": "participants line",
    "preceded_by": "preceded-by line", "lead": "lead paragraph", "disclaimer": "disclaimer",
    "outlook": "outlook", "byline": "byline", "kicker": "kicker",
}
NOTE_FIELDS = ("headline", "text")
MIN_SURNAME = 3


@dataclass(frozen=True)
class Flag:
    """One text that mentions one protected participant."""

    note_id: str | None  # None: the meeting's own texts
    field: str  # "text", "headline", "lead", "guests", "about:<organiser>" ...
    participant_id: str
    participant: str
    matched: str  # the words as written in the text
    what: str  # "name" or "organisation"
    excerpt: str

    @property
    def where(self) -> str:
        if self.note_id is None:
            name = MEETING_FIELDS.get(self.field, self.field.replace("about:", "About "))
            return f"meeting {name}"
        return f"note {self.note_id[:8]} ({self.field})"


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold text and keep, for each folded character, its index in the original."""
    folded, index = [], []
    for i, ch in enumerate(text):
        for c in _fold_char(ch):
            folded.append(c)
            index.append(i)
    return "".join(folded), index


def _words(value: str) -> list[str]:
    return re.findall(r"\w+", fold_with_map(value)[0])


def _pattern(words: list[str]) -> re.Pattern:
    # Words in order, separated by any run of spaces, hyphens or dots: "Friedrich Ebert Stiftung" also
    # finds "Friedrich-Ebert-Stiftung".
    body = r"[\s\-.\u2010-\u2015]+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w){body}(?!\w)")


@dataclass(frozen=True)
class Target:
    participant: ParticipantPublic
    what: str
    pattern: re.Pattern
    length: int


def targets_for(participant: ParticipantPublic) -> list[Target]:
    """The patterns that identify a participant: full name, surname, organisation (and its acronym)."""
    found: list[Target] = []
    name_words = _words(participant.name)
    if name_words:
        found.append(Target(participant, "name", _pattern(name_words), len(" ".join(name_words))))
        surname = name_words[-1]
        if len(name_words) > 1 and len(surname) >= MIN_SURNAME:
            found.append(Target(participant, "name", _pattern([surname]), len(surname)))
    org = participant.organisation
    if org.strip():
        acronym = re.search(r"\(([^)]+)\)\s*$", org)
        bare = org[: acronym.start()] if acronym else org
        words = _words(bare)
        if words:
            found.append(Target(participant, "organisation", _pattern(words), len(" ".join(words))))
        if acronym and _words(acronym.group(1)):
            found.append(Target(participant, "organisation", _pattern(_words(acronym.group(1))), 2))
    return found


@dataclass(frozen=True)
class Match:
    target: Target
    start: int  # in the original text
    end: int


def find_matches(text: str, targets: list[Target]) -> list[Match]:
    """Non-overlapping mentions in `text`, longest patterns first."""
    if not text:
        return []
    folded, index = fold_with_map(text)
    taken: list[tuple[int, int]] = []
    matches: list[Match] = []
    for target in sorted(targets, key=lambda t: -t.length):
        for m in target.pattern.finditer(folded):
            start, end = index[m.start()], index[m.end() - 1] + 1
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            matches.append(Match(target, start, end))
    return sorted(matches, key=lambda m: m.start)


def protected_participants(detail: MeetingDetail) -> list[ParticipantPublic]:
    return [p for p in detail.participants if not p.attributable]


def _excerpt(text: str, start: int, end: int, width: int = 30) -> str:
    left = max(0, start - width)
    right = min(len(text), end + width)
    return ("…" if left else "") + text[left:right].replace("\n", " ") + ("…" if right < len(text) else "")


def audit(detail: MeetingDetail) -> list[Flag]:
    """Every open flag in the meeting: mentions of protected participants in
    texts that fall under a protected rule, minus those the rapporteur cleared."""
    people = protected_participants(detail)
    if not people:
        return []
    targets = {p.id: targets_for(p) for p in people}
    organisers = {" ".join(_words(o)) for o in detail.meeting.organisers}
    flags: list[Flag] = []

    def scan(text: str, note_id: str | None, field: str, cleared: list[str]) -> None:
        for pid, ptargets in targets.items():
            if pid in cleared:
                continue
            for match in find_matches(text, ptargets):
                matched = text[match.start:match.end]
                if note_id is None and match.target.what == "organisation" and " ".join(_words(matched)) in organisers:
                    continue  # a meeting text naming its own organiser is not a speaker's affiliation
                flags.append(Flag(note_id, field, pid, match.target.participant.name, matched,
                                  match.target.what, _excerpt(text, match.start, match.end)))

    meeting = detail.meeting
    if meeting.rule in PROTECTED_RULES:
        for field in MEETING_FIELDS:
            scan(getattr(meeting, field), None, field, meeting.cleared)
        for guest in meeting.guests:
            scan(f"{guest.get('name', '')}, {guest.get('role', '')}", None, "guests", meeting.cleared)
        for name, text in meeting.about.items():
            scan(text, None, f"about:{name}", meeting.cleared)
    for note in detail.notes:
        if detail.effective_rule(note.item_id) not in PROTECTED_RULES:
            continue
        for field in NOTE_FIELDS:
            scan(getattr(note, field), note.id, field, note.cleared)
    return flags


def anonymous_form(participant: ParticipantPublic, what: str) -> str:
    """How a protected participant is written instead: 'a participant',
    'one participant from <region or sector>', 'a participating organisation'."""
    if what == "organisation":
        return "a participating organisation"
    if participant.region:
        return f"one participant from {participant.region}"
    return "a participant"


def anonymise_text(text: str, participants: list[ParticipantPublic], cleared: list[str] = ()) -> str:
    """Replace every mention of the given participants with its anonymous form."""
    targets = [t for p in participants if p.id not in cleared for t in targets_for(p)]
    out, last = [], 0
    for match in find_matches(text, targets):
        replacement = anonymous_form(match.target.participant, match.target.what)
        start = match.start
        article = re.search(r"(?<!\w)(the|The)\s+$", text[last:start])
        if article:  # "the FES" -> "a participating organisation", not "the a ..."
            start = last + article.start()
        before = text[:start].rstrip()
        if not before or before[-1] in ".!?:\n\"“":
            replacement = replacement[0].upper() + replacement[1:]
        out.append(text[last:start])
        out.append(replacement)
        last = match.end
    out.append(text[last:])
    return "".join(out)


def leaked_names(text: str, participants: list[ParticipantPublic]) -> list[str]:
    """Names (not organisations) of the given participants that appear in text:
    the last check on a rendered document before it is written."""
    leaks = []
    for p in participants:
        name_targets = [t for t in targets_for(p) if t.what == "name"]
        if find_matches(text, name_targets):
            leaks.append(p.name)
    return leaks
