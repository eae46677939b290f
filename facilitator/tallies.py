"""Who raised what in a plenary dialogue, counted from the data.

A statement is one speakers-list entry (an intervention); the notes taken
during it carry its themes. For each theme: how many distinct speakers of
each category raised it, how many statements did, and how many states those
statements represent — a statement on behalf of a group counts the group's
members when their number is known, a Member State speaking for itself
counts one. Pure functions over a `MeetingDetail`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import InterventionPublic, MeetingDetail

CATEGORY_ORDER = ("panelist", "regional-organisation", "member-state", "civil-society", "other", "")
CATEGORY_NOUNS = {
    "panelist": ("panelist", "panelists"),
    "regional-organisation": ("regional organisation", "regional organisations"),
    "member-state": ("Member State", "Member States"),
    "civil-society": ("civil society organisation", "civil society organisations"),
    "other": ("other speaker", "other speakers"),
    "": ("other speaker", "other speakers"),
}


@dataclass
class ThemeTally:
    theme: str
    #: category -> distinct speaker names, in speaking order
    speakers: dict[str, list[str]] = field(default_factory=dict)
    statements: int = 0
    states_represented: int = 0

    def count(self, category: str) -> int:
        return len(self.speakers.get(category, []))

    def names(self) -> list[str]:
        return [name for cat in CATEGORY_ORDER for name in self.speakers.get(cat, [])]


def states_in(statement: InterventionPublic) -> int:
    if statement.members:
        return statement.members
    return 1 if statement.category == "member-state" else 0


def tally(detail: MeetingDetail) -> list[ThemeTally]:
    """One tally per theme of the meeting (in the meeting's order), for themes
    raised in at least one statement."""
    statements = {i.id: i for i in detail.interventions if i.status != "withdrawn"}
    themes_of: dict[str, set[str]] = {}
    for note in detail.notes:
        if note.intervention_id in statements:
            themes_of.setdefault(note.intervention_id, set()).update(note.themes)
    order = list(detail.meeting.themes) + sorted({t for ts in themes_of.values() for t in ts}
                                                 - set(detail.meeting.themes))
    result = []
    for theme in order:
        row = ThemeTally(theme)
        for statement in sorted(statements.values(), key=lambda s: s.position):
            if theme not in themes_of.get(statement.id, ()):
                continue
            row.statements += 1
            row.states_represented += states_in(statement)
            names = row.speakers.setdefault(statement.category, [])
            if statement.name not in names:
                names.append(statement.name)
        if row.statements:
            result.append(row)
    return result


def describe_counts(row: ThemeTally) -> str:
    """'38 Member States and 2 civil society organisations'."""
    parts = []
    for category in CATEGORY_ORDER:
        n = row.count(category)
        if n:
            singular, plural = CATEGORY_NOUNS[category]
            parts.append(f"{n} {singular if n == 1 else plural}")
    if not parts:
        return "no speaker"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
