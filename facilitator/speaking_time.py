"""Speaking time and interventions per person or delegation, counted from a
meeting's speakers list and its notes, without the database:
`services.speakers.stats` counts what the service layer reads, `facilitator
speakers stats` what facilitator.quickread reads with sqlite3 alone. One count,
one place.

An intervention is a turn on the speakers list that has been spoken, or a
statement recorded as notes with a speaker and no turn (a run of consecutive
notes of one speaker in one item counts once).
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import InvalidInput
from .policy import is_protected, protected_items
from .vocab import RULE_LABELS

#: The states of an entry on the speakers list: queued, then speaking, then spoken (or withdrawn).
QUEUED, SPEAKING, SPOKEN, WITHDRAWN = "queued", "speaking", "spoken", "withdrawn"


@dataclass
class SpeakerStats:
    name: str
    category: str
    #: Every intervention: turns timed on the speakers list, plus statements recorded only as notes.
    interventions: int = 0
    seconds: int = 0
    timed: int = 0
    noted: int = 0


def count_speaking(rule: str, items, interventions, notes, participants, *,
                   for_readers: bool = False) -> list[SpeakerStats]:
    """Each speaker's figures, most time first. `items` need `id` and `rule`; `interventions`, in the
    list's order, `item_id`, `status`, `name`, `category` and `seconds`; `notes`, in item order then the
    order taken, `item_id`, `speaker_id` and `intervention_id`; `participants` `id`, `name` and `category`.

    `for_readers`: the figures are to leave the room (a CSV for a report). The
    speakers list of a meeting held under a protected rule never does (one
    line says so), and the turns taken in an item held under one are left out."""
    protected: set[str | None] = set()
    if for_readers:
        if is_protected(rule):
            raise InvalidInput(f"This meeting is held under the {RULE_LABELS[rule]}: its speakers list stays in "
                               "the room and is never written for readers.")
        protected = set(protected_items(rule, items))
    totals: dict[str, SpeakerStats] = {}

    def row(name: str, category: str) -> SpeakerStats:
        return totals.setdefault(name, SpeakerStats(name=name, category=category))

    for entry in interventions:
        if entry.status != SPOKEN or (entry.item_id in protected):
            continue
        found = row(entry.name, entry.category)
        found.timed += 1
        found.seconds += entry.seconds
    people = {p.id: p for p in participants}
    previous: tuple[str | None, str | None] | None = None
    for note in notes:
        if note.speaker_id is None:  # a note without a speaker neither starts nor ends a statement
            continue
        statement = (note.item_id, note.speaker_id)
        if note.intervention_id is not None or note.item_id in protected:
            previous = statement  # counted with its timed turn, or not for readers
            continue
        person = people.get(note.speaker_id)
        if person is not None and statement != previous:
            row(person.name, person.category).noted += 1
        previous = statement
    for found in totals.values():
        found.interventions = found.timed + found.noted
    return sorted(totals.values(), key=lambda r: (-r.seconds, -r.interventions, r.name))
