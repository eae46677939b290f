"""Participants of a meeting, and finding one by a typed name.

A participant has one spelling of their name, and may have others: aliases
(other spellings and names they are known by, each a name the attribution
gate protects) and the name they are called by where custom makes a given
name the name. `check_aliases` and `check_called_by` are the rules every way
in (the CLI, the screens, a CSV, a bundle) applies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from ..errors import Ambiguous, InvalidInput, NotFound
from ..inputs import check_utf8
from ..models import Meeting, Participant, ParticipantPublic
from ..policy import registered_kind
from ..text import fold
from ..vocab import IDENTITY_KINDS
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
    aliases: list[str] | tuple = (),
    called_by: str = "",
) -> ParticipantPublic:
    """Register a participant. `kind` (person, organisation, delegation) defaults to what the category
    says: a Member State or a regional organisation is a delegation, never protected. `aliases` and
    `called_by`: see check_aliases and check_called_by."""
    check_utf8(name=name, organisation=organisation, role=role, region=region, category=category, kind=kind,
               surname=surname, called_by=called_by)
    name = name.strip()
    if not name:
        raise InvalidInput("A participant needs a name.")
    category = check_category(category)
    kind = check_kind(kind) if kind else registered_kind(name, category)
    aliases = check_aliases(name, aliases)
    with transaction(engine) as session:
        if session.get(Meeting, meeting_id) is None:
            raise NotFound(f"No meeting with id {meeting_id!r}.")
        participant = Participant(
            meeting_id=meeting_id, name=name, organisation=organisation.strip(), role=role.strip(),
            region=region.strip(), attributable=attributable, category=category, kind=kind,
            surname=check_surname(name, surname), aliases=aliases,
            called_by=check_called_by(name, aliases, called_by),
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


def check_surname(name: str, surname: str) -> str:
    surname = surname.strip()
    if surname and fold(surname) not in fold(name):
        raise InvalidInput(f"The surname {surname!r} is not part of the name {name!r}.")
    return surname


#: How many aliases a participant may have, and how long each may be.
MAX_ALIASES = 20
MAX_ALIAS_LENGTH = 200
#: What separates aliases written on one line (a CSV cell, the participant dialog).
ALIAS_SEPARATOR = ";"


def split_aliases(text: str) -> list[str]:
    """Aliases written on one line, separated by ";" ("Kemi; Oluwakemi A."), as written (check_aliases
    then strips them and drops the empty ones)."""
    return text.split(ALIAS_SEPARATOR) if text.strip() else []


def normalise_aliases(name: str, aliases: Iterable[str]) -> list[str]:
    """`aliases` stripped, in their order, without the empty ones, the name itself and repeats (each
    compared case-insensitively)."""
    seen = {name.strip().casefold()}
    kept = []
    for alias in aliases:
        alias = alias.strip()
        if alias and alias.casefold() not in seen:
            seen.add(alias.casefold())
            kept.append(alias)
    return kept


def check_aliases(name: str, aliases: Iterable[str]) -> list[str]:
    """The aliases to keep (normalise_aliases), or InvalidInput (one line) when one is not text, is too
    long, or when there are more than MAX_ALIASES."""
    if isinstance(aliases, str):  # "Kemi" is one alias, not four letters
        aliases = [aliases]
    aliases = list(aliases)
    for alias in aliases:
        if not isinstance(alias, str):
            raise InvalidInput(f"An alias must be text, not {type(alias).__name__}.")
        check_utf8(alias=alias)
        if len(alias.strip()) > MAX_ALIAS_LENGTH:
            raise InvalidInput(f"An alias may be at most {MAX_ALIAS_LENGTH} characters; "
                               f"{alias.strip()[:40]!r}… has {len(alias.strip())}.")
    kept = normalise_aliases(name, aliases)
    if len(kept) > MAX_ALIASES:
        raise InvalidInput(f"A participant may have at most {MAX_ALIASES} aliases, not {len(kept)}.")
    return kept


def name_words(text: str) -> list[str]:
    """The words of a name as called_by may be one of: split at spaces and commas, and a hyphenated word
    also into its parts ("Al-Hashimi": "Al-Hashimi", "Al", "Hashimi")."""
    words = [w for w in re.split(r"[\s,;]+", text) if w]
    return words + [part for w in words if "-" in w for part in w.split("-") if part]


def check_called_by(name: str, aliases: Iterable[str], called_by: str) -> str:
    """"" or one of the words of the name or of an alias, found fold-insensitively (see text.fold) and
    spelled as the name (or alias) spells it ("abebe" is kept as "Abebe"); else InvalidInput."""
    called_by = called_by.strip()
    if not called_by:
        return ""
    words: dict[str, str] = {}
    for text in (name, *aliases):
        for word in name_words(text):
            words.setdefault(fold(word), word)
    if fold(called_by) not in words:
        raise InvalidInput(f"The called-by name {called_by!r} is not part of the name {name!r}.")
    return words[fold(called_by)]




def check_kind(value: str) -> str:
    key = value.strip().lower()
    if key not in IDENTITY_KINDS:
        raise InvalidInput(f"Unknown kind {value!r}; use one of: {', '.join(IDENTITY_KINDS)}.")
    return key


EDITABLE = {"name", "organisation", "role", "region", "attributable", "category", "kind", "surname", "aliases",
            "called_by"}


def update_participant(engine: Engine, participant_id: str, **changes) -> ParticipantPublic:
    """Change the fields given (of EDITABLE), in one transaction, or nothing (InvalidInput, one line). A
    new name is checked with the surname, aliases and called-by name it then goes with: each must still fit
    it (an alias equal to the new name is dropped)."""
    unknown = set(changes) - EDITABLE
    if unknown:
        raise InvalidInput(f"Cannot edit participant field(s): {', '.join(sorted(unknown))}.")
    check_utf8(**{k: v for k, v in changes.items() if k != "aliases"})
    if "category" in changes:
        changes["category"] = check_category(changes["category"])
    if "kind" in changes:
        changes["kind"] = check_kind(changes["kind"])
    with transaction(engine) as session:
        participant = session.get(Participant, participant_id)
        if participant is None:
            raise NotFound(f"No participant with id {participant_id!r}.")
        before = {field: getattr(participant, field) for field in ("name", "surname", "aliases", "called_by")}
        for name, value in changes.items():
            if name != "aliases":
                setattr(participant, name, value.strip() if isinstance(value, str) else value)
        if not participant.name:
            raise InvalidInput("A participant needs a name.")
        if "aliases" in changes:
            participant.aliases = check_aliases(participant.name, changes["aliases"])
        elif participant.name != before["name"]:
            participant.aliases = normalise_aliases(participant.name, participant.aliases or [])
        # Checked when they change, or what they must fit does: a dialog sends every field each time.
        changed = {field for field, value in before.items() if getattr(participant, field) != value}
        if {"name", "surname"} & changed:
            participant.surname = check_surname(participant.name, participant.surname)
        if {"name", "aliases", "called_by"} & changed:
            participant.called_by = check_called_by(participant.name, participant.aliases, participant.called_by)
        session.add(participant)
        session.flush()
        return ParticipantPublic.model_validate(participant)


def get_participant(engine: Engine, participant_id: str) -> ParticipantPublic:
    with reading(engine) as session:
        participant = session.get(Participant, participant_id)
        if participant is None:
            raise NotFound(f"No participant with id {participant_id!r}.")
        return ParticipantPublic.model_validate(participant)


def resolve_participant(engine: Engine, meeting_id: str, ref: str) -> ParticipantPublic:
    """A participant of the meeting by what a user typed: their id, the first characters of it, or their
    name (case- and accent-insensitive, see text.fold), else one of their aliases so written. NotFound when
    nobody is, Ambiguous when what was typed could be several (nothing is then done to a guess)."""
    check_utf8(participant=ref)
    wanted = ref.strip()
    if not wanted:
        raise InvalidInput("Give a participant id (or the first characters of one) or their name.")
    people = list_participants(engine, meeting_id)
    exact = [p for p in people if p.id == wanted.lower()]
    if exact:
        return exact[0]
    named = [p for p in people if fold(p.name) == fold(wanted)]
    prefixed = [p for p in people if p.id.startswith(wanted.lower())]
    found = {p.id: p for p in (*named, *prefixed)}
    if not found:
        named = [p for p in people if any(fold(a) == fold(wanted) for a in p.aliases)]
        found = {p.id: p for p in named}
    if len(found) == 1:
        return next(iter(found.values()))
    listing = f"`facilitator participants list {meeting_id[:8]}` shows them"
    if not found:
        raise NotFound(f"No participant {wanted!r} in this meeting; {listing}.")
    if named and len(named) == len(found):
        raise Ambiguous(f"{len(named)} participants are called {wanted!r}; give the id instead ({listing}).")
    raise Ambiguous(f"{wanted!r} could be any of: {', '.join(p.name for p in found.values())}; give more of "
                    f"the id ({listing}).")


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
