"""Importing a meeting's participants and its speakers list from CSV files,
all or nothing (see facilitator.csvfiles)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, func
from sqlmodel import select

from ..csvfiles import Column, parse_bool, raise_errors, read_rows
from ..errors import InvalidInput, NotFound
from ..models import AgendaItem, Intervention, Meeting, Participant
from ..policy import effective_rule
from ..text import fold
from ..vocab import AUTO_SPEAKER, MAX_STATES, ON_THE_RECORD, identity_kind_of_category
from ._db import transaction
from .participants import check_category

PARTICIPANT_COLUMNS = [
    Column("name", required=True, aliases=("full_name", "participant")),
    Column("organisation", aliases=("organization", "org", "affiliation")),
    Column("role", aliases=("title", "position")),
    Column("region", aliases=("country",)),
    Column("attributable", aliases=("on_record", "named")),
    Column("category"),
]
SPEAKER_COLUMNS = [
    Column("name", required=True, aliases=("delegation", "speaker")),
    Column("category", required=True),
    Column("on_behalf_of", aliases=("behalf", "on_behalf")),
    Column("members", aliases=("states", "group_size")),
    Column("language", aliases=("lang",)),
]


def import_participants(engine: Engine, meeting_id: str, path: Path) -> int:
    rows = read_rows(path, PARTICIPANT_COLUMNS)
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
        except InvalidInput as exc:
            errors.append(f"line {line}: {exc}".rstrip("."))
            continue
        key = (fold(row["name"]), fold(row.get("organisation", "")))
        if key in seen:
            errors.append(f"line {line}: {row['name']} is listed twice")
            continue
        seen.add(key)
        people.append(dict(name=row["name"], organisation=row.get("organisation", ""), role=row.get("role", ""),
                           region=row.get("region", ""), attributable=attributable, category=category))
    if errors:
        raise_errors(Path(path).name, errors)
    with transaction(engine) as session:
        if session.get(Meeting, meeting_id) is None:
            raise NotFound(f"No meeting with id {meeting_id!r}.")
        existing = {(fold(p.name), fold(p.organisation)) for p in
                    session.exec(select(Participant).where(Participant.meeting_id == meeting_id)).all()}
        added = 0
        for person in people:
            if (fold(person["name"]), fold(person["organisation"])) in existing:
                continue  # importing the same list twice adds nobody twice
            session.add(Participant(meeting_id=meeting_id, **person))
            added += 1
    return added


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
        entries.append(dict(name=row["name"], category=category, on_behalf_of=row.get("on_behalf_of", ""),
                            members=int(members_text or 0), language=row.get("language", "")))
    if errors:
        raise_errors(Path(path).name, errors)
    with transaction(engine) as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFound(f"No meeting with id {meeting_id!r}.")
        item = session.get(AgendaItem, item_id) if item_id else None
        on_record = effective_rule(meeting.rule, item.rule if item else None) == ON_THE_RECORD
        start = session.exec(select(func.max(Intervention.position)).where(
            Intervention.meeting_id == meeting_id)).one() or 0
        people = {fold(p.name): p for p in
                  session.exec(select(Participant).where(Participant.meeting_id == meeting_id)).all()}
        for offset, entry in enumerate(entries, start=1):
            person = people.get(fold(entry["name"]))
            if person is None:  # a delegation becomes a participant, so notes can name it as speaker
                person = Participant(meeting_id=meeting_id, name=entry["name"], category=entry["category"],
                                     kind=identity_kind_of_category(entry["category"]), source=AUTO_SPEAKER,
                                     attributable=on_record)
                session.add(person)
                session.flush()
                people[fold(entry["name"])] = person
            session.add(Intervention(meeting_id=meeting_id, item_id=item_id, participant_id=person.id,
                                     position=start + offset, **entry))
    return len(entries)
