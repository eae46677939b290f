"""Importing a meeting's participants and its speakers list from CSV files,
all or nothing (see facilitator.csvfiles).

Either list may say how people are called: a surname (where it is not the
last word of the name) and aliases (other spellings and names, several in one
cell separated by ";"); the participants list also the name a person is
addressed by (called_by). Each is checked as the CLI checks it (services.participants), and
a bad one is reported with its line. A person already registered keeps what
they have and gains the aliases they did not have yet (and a surname or
called-by name where they had none): importing the same list twice adds
nobody twice, and an alias on the list is never left out of the register.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, func
from sqlmodel import select

from ..csvfiles import Column, parse_bool, raise_errors, read_rows
from ..errors import InvalidInput, NotFound
from ..models import AgendaItem, Intervention, Meeting, Participant
from ..policy import rule_of, speakers_named
from ..text import fold
from ..vocab import AUTO_SPEAKER, MAX_STATES, identity_kind_of_category
from ._db import transaction
from .participants import (
    check_aliases,
    check_called_by,
    check_category,
    check_surname,
    split_aliases,
)

PARTICIPANT_COLUMNS = [
    Column("name", required=True, aliases=("full_name", "participant")),
    Column("organisation", aliases=("organization", "org", "affiliation")),
    Column("role", aliases=("title", "position")),
    Column("region", aliases=("country",)),
    Column("attributable", aliases=("on_record", "named")),
    Column("category"),
    Column("surname", aliases=("family_name", "last_name")),
    Column("aliases", aliases=("alias", "other_names", "also_known_as")),
    Column("called_by", aliases=("called",)),
]
SPEAKER_COLUMNS = [
    Column("name", required=True, aliases=("delegation", "speaker")),
    Column("category", required=True),
    Column("on_behalf_of", aliases=("behalf", "on_behalf")),
    Column("members", aliases=("states", "group_size")),
    Column("language", aliases=("lang",)),
    Column("surname", aliases=("family_name", "last_name")),
    Column("aliases", aliases=("alias", "other_names", "also_known_as")),
]


def _spellings(row: dict[str, str], *, called_by: bool = True) -> dict:
    """The row's surname, aliases and (with `called_by`) called-by name, checked against its name;
    InvalidInput (one line) for the first that does not fit."""
    name = row["name"]
    aliases = check_aliases(name, split_aliases(row.get("aliases", "")))
    found = {"surname": check_surname(name, row.get("surname", "")), "aliases": aliases}
    if called_by:
        found["called_by"] = check_called_by(name, aliases, row.get("called_by", ""))
    return found


def _known_spellings(person: Participant, spellings: dict) -> None:
    """Give a participant already registered the aliases of a list they do not have yet, and its surname
    and called-by name where they have none; InvalidInput when they would then have too many aliases."""
    if spellings["aliases"]:
        merged = check_aliases(person.name, [*(person.aliases or []), *spellings["aliases"]])
        if merged != (person.aliases or []):
            person.aliases = merged
    for field in ("surname", "called_by"):
        if spellings.get(field) and not getattr(person, field):
            setattr(person, field, spellings[field])


def import_participants(engine: Engine, meeting_id: str, path: Path) -> int:
    rows = read_rows(path, PARTICIPANT_COLUMNS)
    name = Path(path).name
    errors, people, seen = [], [], set()
    for line, row in rows:
        if not row.get("name"):
            errors.append(f"line {line}: name is empty")
            continue
        attributable = parse_bool(row.get("attributable", ""))
        if attributable is None:
            errors.append(f"line {line}: attributable must be yes or no, not {row['attributable']!r}")
            continue
        try:
            category = check_category(row.get("category", ""))
            spellings = _spellings(row)
        except InvalidInput as exc:
            errors.append(f"line {line}: {exc}".rstrip("."))
            continue
        key = (fold(row["name"]), fold(row.get("organisation", "")))
        if key in seen:
            errors.append(f"line {line}: {row['name']} is listed twice")
            continue
        seen.add(key)
        people.append((line, dict(name=row["name"], organisation=row.get("organisation", ""),
                                  role=row.get("role", ""), region=row.get("region", ""),
                                  attributable=attributable, category=category, **spellings)))
    if errors:
        raise_errors(name, errors)
    with transaction(engine) as session:
        if session.get(Meeting, meeting_id) is None:
            raise NotFound(f"No meeting with id {meeting_id!r}.")
        existing = {(fold(p.name), fold(p.organisation)): p for p in
                    session.exec(select(Participant).where(Participant.meeting_id == meeting_id)).all()}
        added = 0
        for line, person in people:
            known = existing.get((fold(person["name"]), fold(person["organisation"])))
            if known is not None:  # importing the same list twice adds nobody twice
                _in_line(name, line, _known_spellings, known, person)
                session.add(known)
                continue
            session.add(Participant(meeting_id=meeting_id, **person))
            added += 1
    return added


def _in_line(name: str, line: int, action, *args) -> None:
    """`action(*args)`; its InvalidInput as the one line a bad row gives (csvfiles.raise_errors)."""
    try:
        action(*args)
    except InvalidInput as exc:
        raise_errors(name, [f"line {line}: {exc}".rstrip(".")])


def import_speakers(engine: Engine, meeting_id: str, path: Path, *, item_id: str | None = None) -> int:
    """Append a speakers list, in speaking order, to the meeting's queue."""
    rows = read_rows(path, SPEAKER_COLUMNS)
    errors, entries = [], []
    for line, row in rows:
        if not row.get("name"):
            errors.append(f"line {line}: name is empty")
            continue
        try:
            category = check_category(row.get("category", ""))
        except InvalidInput as exc:
            errors.append(f"line {line}: {exc}".rstrip("."))
            continue
        if not category:
            errors.append(f"line {line}: category is empty")
            continue
        members_text = row.get("members", "")
        if members_text and not (members_text.isdecimal() and 0 < int(members_text) <= MAX_STATES):
            errors.append(f"line {line}: members must be a whole number of states, not {members_text!r}")
            continue
        try:
            spellings = _spellings(row, called_by=False)
        except InvalidInput as exc:
            errors.append(f"line {line}: {exc}".rstrip("."))
            continue
        entries.append((line, spellings, dict(
            name=row["name"], category=category, on_behalf_of=row.get("on_behalf_of", ""),
            members=int(members_text or 0), language=row.get("language", ""))))
    if errors:
        raise_errors(Path(path).name, errors)
    with transaction(engine) as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFound(f"No meeting with id {meeting_id!r}.")
        item = session.get(AgendaItem, item_id) if item_id else None
        on_record = speakers_named(rule_of(meeting, item))
        start = session.exec(select(func.max(Intervention.position)).where(
            Intervention.meeting_id == meeting_id)).one() or 0
        people = {fold(p.name): p for p in
                  session.exec(select(Participant).where(Participant.meeting_id == meeting_id)).all()}
        for offset, (line, spellings, entry) in enumerate(entries, start=1):
            person = people.get(fold(entry["name"]))
            if person is None:  # a delegation becomes a participant, so notes can name it as speaker
                person = Participant(meeting_id=meeting_id, name=entry["name"], category=entry["category"],
                                     kind=identity_kind_of_category(entry["category"]), source=AUTO_SPEAKER,
                                     attributable=on_record, **spellings)
                session.add(person)
                session.flush()
                people[fold(entry["name"])] = person
            else:  # registered, or on the list before: the spellings this line adds
                _in_line(Path(path).name, line, _known_spellings, person, spellings)
                session.add(person)
            session.add(Intervention(meeting_id=meeting_id, item_id=item_id, participant_id=person.id,
                                     position=start + offset, **entry))
    return len(entries)
