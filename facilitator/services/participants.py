"""Participants of a meeting, and finding one by a typed name."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from ..errors import Ambiguous, InvalidInput, NotFound
from ..models import Meeting, Participant, ParticipantPublic
from ..text import fold
from ..vocab import IDENTITY_KINDS, identity_kind_of_category
from ._db import reading, transaction


def add_participant(
    engine: Engine,
    meeting_id: str,
    name: str,
    *,
    organisation: str = "",
    role: str = "",
    region: str = "",
    attributable: bool = False,
    category: str = "",
    kind: str = "",
    surname: str = "",
) -> ParticipantPublic:
    """Register a participant. `kind` (person, organisation, delegation) defaults to what the category
    says: a Member State or a regional organisation is a delegation, never protected."""
    name = name.strip()
    if not name:
        raise InvalidInput("A participant needs a name.")
    category = check_category(category)
    kind = check_kind(kind) if kind else identity_kind_of_category(category)
    with transaction(engine) as session:
        if session.get(Meeting, meeting_id) is None:
            raise NotFound(f"No meeting with id {meeting_id!r}.")
        participant = Participant(
            meeting_id=meeting_id, name=name, organisation=organisation.strip(), role=role.strip(),
            region=region.strip(), attributable=attributable, category=category, kind=kind,
            surname=_check_surname(name, surname),
        )
        session.add(participant)
        session.flush()
        return ParticipantPublic.model_validate(participant)


CATEGORIES = ("panelist", "regional-organisation", "member-state", "civil-society", "other")


def check_category(value: str) -> str:
    key = value.strip().lower().replace(" ", "-").replace("_", "-")
    key = {"regional-organization": "regional-organisation", "state": "member-state", "cso": "civil-society",
           "ngo": "civil-society"}.get(key, key)
    if key and key not in CATEGORIES:
        raise InvalidInput(f"Unknown category {value!r}; use one of: {', '.join(CATEGORIES)}.")
    return key


def _check_surname(name: str, surname: str) -> str:
    surname = surname.strip()
    if surname and fold(surname) not in fold(name):
        raise InvalidInput(f"The surname {surname!r} is not part of the name {name!r}.")
    return surname


def check_kind(value: str) -> str:
    key = value.strip().lower()
    if key not in IDENTITY_KINDS:
        raise InvalidInput(f"Unknown kind {value!r}; use one of: {', '.join(IDENTITY_KINDS)}.")
    return key


def update_participant(engine: Engine, participant_id: str, **changes) -> ParticipantPublic:
    allowed = {"name", "organisation", "role", "region", "attributable", "category", "kind", "surname"}
    unknown = set(changes) - allowed
    if unknown:
        raise InvalidInput(f"Cannot edit participant field(s): {', '.join(sorted(unknown))}.")
    if "category" in changes:
        changes["category"] = check_category(changes["category"])
    if "kind" in changes:
        changes["kind"] = check_kind(changes["kind"])
    with transaction(engine) as session:
        participant = session.get(Participant, participant_id)
        if participant is None:
            raise NotFound(f"No participant with id {participant_id!r}.")
        for name, value in changes.items():
            setattr(participant, name, value.strip() if isinstance(value, str) else value)
        if not participant.name:
            raise InvalidInput("A participant needs a name.")
        session.add(participant)
        session.flush()
        return ParticipantPublic.model_validate(participant)


def list_participants(engine: Engine, meeting_id: str) -> list[ParticipantPublic]:
    with reading(engine) as session:
        rows = session.exec(
            # Two participants can share a name: the id then, so that the order is the same every time (and
            # the same as quickread.read_participants gives).
            select(Participant).where(Participant.meeting_id == meeting_id)
            .order_by(col(Participant.name), col(Participant.id))
        ).all()
        return [ParticipantPublic.model_validate(p) for p in rows]


def find_speaker(session: Session, meeting_id: str, name: str) -> Participant | None:
    """Match a typed name against the meeting's participants.

    Case- and accent-insensitive; a full name, a surname or a first name alone
    matches ('simonovic' finds 'Ivan Šimonović'). Two matches are ambiguous.
    """
    wanted = fold(name).strip()
    rows = session.exec(select(Participant).where(Participant.meeting_id == meeting_id)).all()
    exact = [p for p in rows if fold(p.name) == wanted]
    if exact:
        return exact[0]
    partial = [p for p in rows if wanted in fold(p.name).replace("-", " ").split()]
    if len(partial) > 1:
        names = ", ".join(p.name for p in partial)
        raise Ambiguous(f"Speaker {name!r} could be any of: {names}; type more of the name.")
    return partial[0] if partial else None
