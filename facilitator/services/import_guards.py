"""What importing a bundle must never do: take a row out of another meeting,
or put speakers under a less protective attribution rule unasked.

A bundle comes from another laptop, or from anyone. Ids are UUIDs, so an id
that already belongs to another meeting here is a mistake or an attack: that
row, and every bundled row that hangs on it, is left alone and counted. A
participant already here keeps their details, but learns the spellings the
bundle knows them by and this register does not (`learn_spellings`): the
register's protection only grows. A bundle's aliases and called-by names are
checked as the CLI checks them (`check_spellings`): a list of a million
aliases, or one of ten megabytes, is refused in one line. A
change toward less protection (Chatham House or not-for-attribution → on
the record) of the meeting's rule, of an agenda item's override, or of a
note's effective rule by moving it to another item, is reported and kept
out unless the user accepts it (`facilitator import --accept-rule-change`).
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from ..errors import BundleError, InvalidInput
from ..inputs import check_utf8
from ..models import (
    AgendaItem,
    Intervention,
    Meeting,
    MeetingPublic,
    Note,
    NoteLink,
    NoteRevision,
    Participant,
    StatusChange,
    as_utc,
)
from ..vocab import less_protective
from .participants import MAX_ALIASES, check_aliases, check_called_by, check_surname

#: Ids asked for in one `IN (...)` when loading what a bundle's rows match here.
CHUNK = 500


def existing_rows(session: Session, bundle) -> dict[type, dict[str, object]]:
    """Every row already here that a bundled row has the id of, per table, in a few `IN` queries: a
    merge then looks rows up in memory instead of one SELECT a row (a push of 10,000 notes was 20,000
    round trips to the archive). Rows this user cannot see (row-level security) are not here, as with
    `session.get`."""
    found: dict[type, dict[str, object]] = {}
    for table, rows in ((AgendaItem, bundle.items), (Participant, bundle.participants),
                        (Intervention, bundle.interventions), (Note, bundle.notes),
                        (StatusChange, bundle.status_changes), (NoteLink, bundle.links),
                        (NoteRevision, bundle.revisions)):
        ids = [row.id for row in rows]
        found[table] = {}
        for start in range(0, len(ids), CHUNK):
            query = select(table).where(col(table.id).in_(ids[start:start + CHUNK]))
            found[table].update((row.id, row) for row in session.exec(query))
    return found


def foreign_ids(bundle, existing: dict[type, dict[str, object]]) -> set[str]:
    """Ids of bundled rows to leave alone: they, or a row they hang on, belong to another meeting here
    (`existing`: what `existing_rows` found)."""
    mid = bundle.meeting.id
    foreign: set[str] = set()
    for table, rows in ((AgendaItem, bundle.items), (Participant, bundle.participants),
                        (Intervention, bundle.interventions), (Note, bundle.notes)):
        for row in rows:
            local = existing[table].get(row.id)
            if local is not None and local.meeting_id != mid:
                foreign.add(row.id)
    for entry in bundle.interventions:
        if {entry.participant_id, entry.item_id} & foreign:
            foreign.add(entry.id)
    for note in bundle.notes:
        if {note.item_id, note.speaker_id, note.intervention_id} & foreign:
            foreign.add(note.id)
    for table, rows in ((StatusChange, bundle.status_changes), (NoteLink, bundle.links)):
        for row in rows:
            local = existing[table].get(row.id)
            if row.note_id in foreign or (local is not None and local.note_id != row.note_id):
                foreign.add(row.id)
    return foreign


class RuleGuard:
    """Keeps changes toward less protection out of an import, and lists them."""

    def __init__(self, session: Session, meeting_id: str, accept: bool) -> None:
        self.session, self.meeting_id, self.accept = session, meeting_id, accept
        self.changes: list[str] = []

    def meeting(self, incoming: MeetingPublic) -> MeetingPublic:
        """The meeting to merge: with the local rule, when the bundle's newer version lowers it.

        A bundle whose version was taken before with its rule kept out has the
        same time stamp as the local meeting: accepting applies its rule then.
        """
        local = self.session.get(Meeting, incoming.id)
        if local is None or as_utc(incoming.updated_at) < as_utc(local.updated_at):
            return incoming  # new here, or not taken anyway
        if not less_protective(local.rule, incoming.rule):
            return incoming
        self.changes.append(f"meeting {local.rule} → {incoming.rule}")
        newer = as_utc(incoming.updated_at) > as_utc(local.updated_at)
        if not self.accept:
            return incoming.model_copy(update={"rule": local.rule}) if newer else incoming
        if not newer:
            local.rule = incoming.rule
            self.session.add(local)
        return incoming

    def item(self, row: AgendaItem, incoming_rule: str | None) -> None:
        """Agenda items keep their local fields; a lowered override is listed, and applied if accepted."""
        if incoming_rule == row.rule:
            return
        rule = self.session.get(Meeting, self.meeting_id).rule
        before, after = row.rule or rule, incoming_rule or rule
        if not less_protective(before, after):
            return
        self.changes.append(f"item {row.position} {before} → {after}")
        if self.accept:
            row.rule = incoming_rule
            self.session.add(row)

    def note_item(self, row: Note, values: dict, *, newer: bool) -> None:
        """A note the bundle moves to an item under a less protective rule stays
        where it is, unless accepted (then also from a bundle taken before)."""
        if values["item_id"] == row.item_id:
            return
        before, after = self._effective(row.item_id), self._effective(values["item_id"])
        if not less_protective(before, after):
            return
        self.changes.append(f"note {row.id[:8]} {before} → {after}")
        if not self.accept:
            values["item_id"] = row.item_id
        elif not newer:
            row.item_id = values["item_id"]
            self.session.add(row)

    def _effective(self, item_id: str | None) -> str:
        item = self.session.get(AgendaItem, item_id) if item_id else None
        return item.rule if item is not None and item.rule else self.session.get(Meeting, self.meeting_id).rule


def check_spellings(participants: list) -> str | None:
    """The first thing wrong with how a bundle's participants are called (their aliases and called-by
    names, which travel as any field), as a phrase naming the field; None when nothing is. The aliases are
    left as this release keeps them (services.participants.check_aliases: stripped, each once)."""
    for index, person in enumerate(participants):
        where = f"participants.{index}"
        if len(person.aliases) > MAX_ALIASES:  # before looking at each: a hostile list may hold millions
            return f"{where}.aliases holds {len(person.aliases)} aliases; a participant may have at most {MAX_ALIASES}"
        try:
            person.aliases = check_aliases(person.name, person.aliases)
        except InvalidInput as exc:
            return f"{where}.aliases: {exc}".rstrip(".")
        try:
            check_utf8(called_by=person.called_by)
            person.called_by = check_called_by(person.name, person.aliases, person.called_by)
        except InvalidInput as exc:
            return f"{where}.called_by: {exc}".rstrip(".")
    return None


def learn_spellings(row: Participant, incoming) -> bool:
    """Give a participant already here the aliases the bundled version of them has and they do not, and
    its surname and called-by name where they have none (and these fit their name here); True when any
    was added. BundleError when they would then have more than MAX_ALIASES aliases."""
    changed = False
    if incoming.aliases:
        try:
            merged = check_aliases(row.name, [*(row.aliases or []), *incoming.aliases])
        except InvalidInput:
            raise BundleError(f"{row.name} would have more than {MAX_ALIASES} aliases with those of the bundle; "
                              "remove some on either side (facilitator participants edit) and import it again."
                              ) from None
        if merged != (row.aliases or []):
            row.aliases, changed = merged, True
    if incoming.surname and not row.surname:
        try:
            row.surname, changed = check_surname(row.name, incoming.surname), True
        except InvalidInput:
            pass  # renamed here: the bundle's surname is not part of the name any more
    if incoming.called_by and not row.called_by:
        try:
            row.called_by, changed = check_called_by(row.name, row.aliases or [], incoming.called_by), True
        except InvalidInput:
            pass
    return changed
