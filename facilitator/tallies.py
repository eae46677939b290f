"""Who took the floor in a plenary dialogue and who raised what, counted from
the data the way a reader will check it.

A statement is one speakers-list entry (an intervention); the notes taken
during it carry its themes. The model:

- Delegations are counted by category, each once however often it spoke:
  Member States, regional organisations, and groups of states that take the
  floor in their own name ("the Group of Friends of RtoP" is a group, never
  a Member State). Panellists and other speakers (a chair) are counted
  apart; civil society organisations apart too.
- States represented: a Member State speaking for itself is one state; a
  statement on behalf of a group stands for the group's members. A group's
  members are a list (counted once across overlapping groups), or only a
  count, or only a bound ("over 70"). When two groups are known only by
  their counts, their overlap is unknown, and the total is given as a lower
  bound ("at least 52 states"), never as their sum.

Pure functions over a `MeetingDetail`; the meeting's `state_groups` say what
is known of each group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .models import InterventionPublic, MeetingDetail
from .text import fold

#: The order counts are written in ("12 Member States, two groups of states and one regional organisation").
CATEGORY_ORDER = ("panelist", "member-state", "group", "regional-organisation", "civil-society", "other", "")
#: The order of an annex of interventions: the panel, regional organisations, Member States, civil society.
ANNEX_ORDER = ("panelist", "regional-organisation", "member-state", "group", "civil-society", "other", "")
CATEGORY_NOUNS = {
    "panelist": ("panellist", "panellists"),
    "regional-organisation": ("regional organisation", "regional organisations"),
    "member-state": ("Member State", "Member States"),
    "group": ("group of states", "groups of states"),
    "civil-society": ("civil society organisation", "civil society organisations"),
    "other": ("other speaker", "other speakers"),
    "": ("other speaker", "other speakers"),
}
#: Categories that speak for states.
DELEGATIONS = ("member-state", "regional-organisation", "group")
_GROUP_NAME = re.compile(r"\b(group|friends|bloc|alliance|movement|league|coalition)\b", re.IGNORECASE)


@dataclass(frozen=True)
class GroupOfStates:
    name: str
    members: tuple[str, ...] = ()
    count: int = 0
    #: The count is a lower bound: "over 70".
    over: bool = False

    @property
    def size(self) -> int:
        return len(self.members) or self.count


def groups_of_states(detail: MeetingDetail) -> dict[str, GroupOfStates]:
    """What the meeting knows of each group spoken for, by folded name: its `state_groups`, and the
    member count a speakers-list entry gave."""
    known: dict[str, GroupOfStates] = {}
    for name, spec in detail.meeting.state_groups.items():
        known[fold(name)] = GroupOfStates(name, tuple(spec.get("members") or ()), int(spec.get("count") or 0),
                                          bool(spec.get("over")))
    for entry in detail.interventions:
        group = entry.on_behalf_of.strip() or (entry.name if _is_group_name(entry, detail) else "")
        if group and fold(group) not in known:
            known[fold(group)] = GroupOfStates(group, (), entry.members)
        elif group and entry.members and not known[fold(group)].size:
            known[fold(group)] = GroupOfStates(known[fold(group)].name, (), entry.members, known[fold(group)].over)
    return known


def _is_group_name(entry: InterventionPublic, detail: MeetingDetail) -> bool:
    names = {fold(n) for n in detail.meeting.state_groups}
    if fold(entry.name) in names:
        return True
    return entry.category in ("member-state", "") and bool(_GROUP_NAME.search(entry.name))


def category_of(entry: InterventionPublic, detail: MeetingDetail) -> str:
    """The entry's category, a group of states taking the floor in its own name counted as a group."""
    if _is_group_name(entry, detail):
        return "group"
    return entry.category or "other"


@dataclass(frozen=True)
class States:
    """How many states a set of statements stood for: exactly, or at least (`bound`), or over a bound."""

    number: int
    exact: bool = True
    over: bool = False

    def phrase(self, words) -> str:
        noun = "state" if self.number == 1 and self.exact and not self.over else "states"
        if self.over:
            return f"over {words(self.number)} {noun}"
        if not self.exact:
            return f"at least {words(self.number)} {noun}"
        return f"{words(self.number)} {noun}"


def states_of(statements: list[InterventionPublic], detail: MeetingDetail) -> States:
    groups = groups_of_states(detail)
    named: set[str] = set()
    counted: dict[str, GroupOfStates] = {}
    for entry in statements:
        group_name = entry.on_behalf_of.strip() or (entry.name if _is_group_name(entry, detail) else "")
        if group_name:
            group = groups.get(fold(group_name), GroupOfStates(group_name))
            if group.members:
                named |= {fold(m) for m in group.members}
            elif group.count:
                counted[fold(group_name)] = group
        elif entry.category == "member-state":
            named.add(fold(entry.name))
    if not counted:
        return States(len(named))
    if len(counted) == 1 and not named:
        (group,) = counted.values()
        return States(group.count, over=group.over)
    largest = max(counted.values(), key=lambda g: g.count)
    lower = max(len(named), largest.count)
    return States(lower, exact=False, over=largest.over and lower == largest.count)


@dataclass
class ThemeTally:
    theme: str
    #: category -> distinct speaker names, in speaking order
    speakers: dict[str, list[str]] = field(default_factory=dict)
    #: The statements that raised it, in speaking order.
    entries: list[InterventionPublic] = field(default_factory=list)
    states: States = field(default_factory=lambda: States(0))

    @property
    def statements(self) -> int:
        return len(self.entries)

    def count(self, category: str) -> int:
        return len(self.speakers.get(category, []))

    def names(self) -> list[str]:
        return [name for cat in CATEGORY_ORDER for name in self.speakers.get(cat, [])]


def spoken(detail: MeetingDetail) -> list[InterventionPublic]:
    """Statements actually made, in speaking order."""
    return sorted((i for i in detail.interventions if i.status != "withdrawn"), key=lambda s: s.position)


def speakers_by_category(detail: MeetingDetail, entries: list[InterventionPublic]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for entry in entries:
        names = out.setdefault(category_of(entry, detail), [])
        if entry.name not in names:
            names.append(entry.name)
    return out


def tally(detail: MeetingDetail) -> list[ThemeTally]:
    """One tally per theme of the meeting (in the meeting's order), for themes raised in at least one
    statement by a delegation or a civil society organisation (panellists are counted apart)."""
    statements = {i.id: i for i in spoken(detail)}
    themes_of: dict[str, set[str]] = {}
    for note in detail.notes:
        if note.intervention_id in statements:
            themes_of.setdefault(note.intervention_id, set()).update(note.themes)
    order = list(detail.meeting.themes) + sorted({t for ts in themes_of.values() for t in ts}
                                                 - set(detail.meeting.themes))
    result = []
    for theme in order:
        entries = [s for s in statements.values() if theme in themes_of.get(s.id, ())
                   and category_of(s, detail) not in ("panelist", "other")]
        if entries:
            result.append(ThemeTally(theme, speakers_by_category(detail, entries), entries,
                                     states_of(entries, detail)))
    return result


def describe_counts(speakers: dict[str, list[str]] | ThemeTally, words=str) -> str:
    """ "38 Member States and two civil society organisations" (`words` writes each number)."""
    if isinstance(speakers, ThemeTally):
        speakers = speakers.speakers
    parts = []
    for category in CATEGORY_ORDER:
        n = len(speakers.get(category, []))
        if n:
            singular, plural = CATEGORY_NOUNS[category]
            parts.append(f"{words(n)} {singular if n == 1 else plural}")
    if not parts:
        return "no speaker"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
