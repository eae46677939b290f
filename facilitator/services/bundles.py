"""Bundles: one whole meeting as a single JSON file, to move between laptops.

Every row keeps its UUID, so importing merges instead of duplicating: rows are
matched by id, a note is replaced only by a newer edit of itself (its
`updated_at`), and importing the same bundle twice changes nothing. The whole
file is validated before anything is written.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from ..db import database_file
from ..dialects import lock_meeting
from ..errors import BundleError
from ..files import check_target, write_atomically
from ..inputs import check_regular, user_path
from ..models import (
    AgendaItem,
    AgendaItemPublic,
    Intervention,
    InterventionPublic,
    Meeting,
    MeetingPublic,
    Note,
    NoteLink,
    NoteLinkPublic,
    NotePublic,
    NoteRevision,
    NoteRevisionPublic,
    Organiser,
    OrganiserPublic,
    Participant,
    ParticipantPublic,
    StatusChange,
    StatusChangePublic,
    as_utc,
    utcnow,
)
from ..sealing import check_envelope, is_sealed, seal, unseal
from ..text import match_label
from ..vocab import NOTE_KINDS, RULES
from ._db import transaction
from .import_guards import RuleGuard, check_spellings, existing_rows, foreign_ids, learn_spellings
from .meetings import get_detail


class PassphraseNeeded(BundleError):
    """The bundle is sealed and no passphrase was given (the CLI then asks for one)."""


BUNDLE_FORMAT = "facilitator-bundle"
BUNDLE_VERSION = 1
MAX_BUNDLE_BYTES = 200 * 1024 * 1024


class Bundle(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["facilitator-bundle"]
    version: int
    exported_at: dt.datetime
    meeting: MeetingPublic
    items: list[AgendaItemPublic]
    participants: list[ParticipantPublic]
    notes: list[NotePublic]
    organisers: list[OrganiserPublic]
    status_changes: list[StatusChangePublic] = []
    links: list[NoteLinkPublic] = []
    interventions: list[InterventionPublic] = []
    #: The versions of its notes that lost a merge somewhere: they travel, so that every rapporteur sees
    #: the conflict, not only the one whose database did the merge.
    revisions: list[NoteRevisionPublic] = []


class ImportReport(BaseModel):
    meeting: MeetingPublic
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    #: Notes edited on both laptops: the later edit won, the other is a revision.
    conflicts: int = 0
    #: Rows left alone because their ids belong to another meeting here (see import_guards).
    foreign: int = 0
    #: Changes toward a less protective rule: kept out, or applied when accepted.
    rule_changes: list[str] = []
    rule_changes_applied: bool = False


def write_bundle(
    engine: Engine, meeting_id: str, path: Path, *, force: bool = False, group: str | None = None,
    passphrase: str | None = None,
) -> Path:
    """Write the meeting (deleted notes included, so deletions travel too).

    With `group`, only that breakout group's notes: what a group rapporteur
    carries to the plenary laptop.
    """
    path = check_target(Path(path), force=force, database=database_file(engine), error=BundleError)
    bundle = make_bundle(engine, meeting_id, group=group)
    payload = bundle.model_dump_json(indent=1).encode("utf-8")
    if passphrase is not None:
        payload = seal(payload, passphrase)
    write_atomically(path, payload, overwrite=force, private=True, error=BundleError)
    return path


def make_bundle(engine: Engine, meeting_id: str, *, group: str | None = None) -> Bundle:
    """The meeting as a bundle, in memory: what `write_bundle` writes, and what a push or pull carries."""
    detail = get_detail(engine, meeting_id, include_deleted=True)
    if group is not None:
        names = {g for item in detail.items for g in item.groups}
        match = match_label(sorted(names), group)
        if match is None:
            raise BundleError(f"No breakout group {group!r} in this meeting; its groups are: "
                              f"{', '.join(sorted(names)) or 'none'}.")
        detail.notes = [n for n in detail.notes if n.group == match]
    note_ids = [n.id for n in detail.notes]
    with transaction(engine) as session:
        changes = session.exec(select(StatusChange).where(col(StatusChange.note_id).in_(note_ids))).all()
        links = session.exec(select(NoteLink).where(col(NoteLink.note_id).in_(note_ids))).all()
        changes = [StatusChangePublic.model_validate(c) for c in changes]
        links = [NoteLinkPublic.model_validate(l) for l in links]
        interventions = [InterventionPublic.model_validate(i) for i in session.exec(
            select(Intervention).where(Intervention.meeting_id == meeting_id)).all()]
        revisions = [NoteRevisionPublic.model_validate(r) for r in session.exec(
            select(NoteRevision).where(col(NoteRevision.note_id).in_(note_ids))).all()]
    return Bundle(
        format=BUNDLE_FORMAT, version=BUNDLE_VERSION, exported_at=utcnow(), meeting=detail.meeting,
        items=detail.items, participants=detail.participants, notes=detail.notes,
        organisers=[o for o in detail.organisers if o.id], status_changes=changes, links=links,
        interventions=interventions, revisions=revisions,
    )


def read_bundle(path: Path, passphrase: str | None = None) -> Bundle:
    path = user_path(path, BundleError)
    check_regular(path, "The bundle", BundleError)
    try:
        if path.stat().st_size > MAX_BUNDLE_BYTES:
            raise BundleError(f"{path}: larger than {MAX_BUNDLE_BYTES // 2**20} MB; not a bundle.")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BundleError(f"{path}: no such file.") from None
    except OSError as exc:
        raise BundleError(f"{path}: cannot read it ({exc.strerror}).") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BundleError(f"{path}: not UTF-8 text; not a facilitator bundle.") from None
    except json.JSONDecodeError as exc:
        raise BundleError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg}).") from None
    except RecursionError:
        raise BundleError(f"{path}: nested too deeply to be a facilitator bundle.") from None
    if is_sealed(data):
        check_envelope(data, name=str(path))  # a hostile envelope is refused before a passphrase is asked for
        if passphrase is None:
            raise PassphraseNeeded(f"{path} is sealed with a passphrase; give it to import the bundle.")
        try:
            data = json.loads(unseal(data, passphrase, name=str(path)).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            raise BundleError(f"{path}: the sealed content is not a bundle.") from None
    if not isinstance(data, dict) or data.get("format") != BUNDLE_FORMAT:
        raise BundleError(f"{path}: not a facilitator bundle.")
    if data.get("version") != BUNDLE_VERSION:
        raise BundleError(f"{path}: bundle version {data.get('version')!r} is not one this release reads.")
    try:
        bundle = Bundle.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise BundleError(f"{path}: field '{where}': {first['msg']}.") from None
    _check_consistency(path, bundle)
    _times_in_utc(bundle)
    return bundle


def _times_in_utc(bundle: Bundle) -> None:
    """A time without a zone (a bundle edited by hand or written by another tool) is read as UTC, as the
    database keeps every time; the database refuses to store one without a zone."""
    rows = [bundle, bundle.meeting, *bundle.items, *bundle.participants, *bundle.notes, *bundle.organisers,
            *bundle.status_changes, *bundle.links, *bundle.interventions, *bundle.revisions]
    for row in rows:
        for name, value in list(vars(row).items()):
            if isinstance(value, dt.datetime) and value.tzinfo is None:
                setattr(row, name, as_utc(value))


def _check_consistency(path: Path, bundle: Bundle) -> None:
    mid = bundle.meeting.id
    rows = {"meeting": [bundle.meeting], "items": bundle.items, "participants": bundle.participants,
            "notes": bundle.notes, "interventions": bundle.interventions,
            "status_changes": bundle.status_changes, "links": bundle.links, "revisions": bundle.revisions}
    blank = next((name for name, found in rows.items() if any(not str(r.id).strip() for r in found)), None)
    if blank is not None:  # a row no reference can name (`show ''` asks for an id)
        raise BundleError(f"{path}: a row of '{blank}' has an empty id; not a bundle this release wrote.")
    if bundle.meeting.rule not in RULES:
        raise BundleError(f"{path}: meeting.rule {bundle.meeting.rule!r} is not an attribution rule.")
    item_ids = {i.id for i in bundle.items}
    participant_ids = {p.id for p in bundle.participants}
    for name, rows in (("interventions", bundle.interventions), ("status_changes", bundle.status_changes),
                       ("links", bundle.links), ("revisions", bundle.revisions)):
        if len({r.id for r in rows}) != len(rows):
            raise BundleError(f"{path}: duplicate ids in '{name}'.")
    note_ids = {n.id for n in bundle.notes}
    for index, revision in enumerate(bundle.revisions):
        if revision.note_id not in note_ids:
            raise BundleError(f"{path}: revisions.{index}.note_id is not a note of the bundled meeting.")
    for name, rows in (("items", bundle.items), ("participants", bundle.participants), ("notes", bundle.notes)):
        ids = [r.id for r in rows]
        if len(ids) != len(set(ids)):
            raise BundleError(f"{path}: duplicate ids in '{name}'.")
        for index, row in enumerate(rows):
            if row.meeting_id != mid:
                raise BundleError(f"{path}: {name}.{index}.meeting_id does not match the bundled meeting.")
    problem = check_spellings(bundle.participants)
    if problem is not None:
        raise BundleError(f"{path}: {problem}.")
    for index, item in enumerate(bundle.items):
        if item.rule is not None and item.rule not in RULES:
            raise BundleError(f"{path}: items.{index}.rule {item.rule!r} is not an attribution rule.")
    intervention_ids = {i.id for i in bundle.interventions}
    for index, entry in enumerate(bundle.interventions):
        if entry.meeting_id != mid:
            raise BundleError(f"{path}: interventions.{index}.meeting_id does not match the bundled meeting.")
        if entry.participant_id is not None and entry.participant_id not in participant_ids:
            raise BundleError(f"{path}: interventions.{index}.participant_id names no bundled participant.")
        if entry.item_id is not None and entry.item_id not in item_ids:
            raise BundleError(f"{path}: interventions.{index}.item_id names no bundled agenda item.")
    note_ids = {n.id for n in bundle.notes}
    for index, note in enumerate(bundle.notes):
        if note.intervention_id is not None and note.intervention_id not in intervention_ids:
            raise BundleError(f"{path}: notes.{index}.intervention_id names no bundled intervention.")
    for name, rows in (("status_changes", bundle.status_changes), ("links", bundle.links)):
        for index, row in enumerate(rows):
            if row.note_id not in note_ids:
                raise BundleError(f"{path}: {name}.{index}.note_id names no bundled note.")
    for index, note in enumerate(bundle.notes):
        if note.kind not in NOTE_KINDS:
            raise BundleError(f"{path}: notes.{index}.kind {note.kind!r} is not a note kind.")
        if note.item_id is not None and note.item_id not in item_ids:
            raise BundleError(f"{path}: notes.{index}.item_id names no bundled agenda item.")
        if note.speaker_id is not None and note.speaker_id not in participant_ids:
            raise BundleError(f"{path}: notes.{index}.speaker_id names no bundled participant.")


def _upsert(
    session: Session, table, incoming, report: ImportReport, *, newer_only: bool = False,
    keep_local: tuple[str, ...] | bool = (), existing: dict[str, object] | None = None,
) -> None:
    """Insert a missing row; update an existing one only where the policy says.

    `keep_local=True` never changes an existing row (agenda items and
    participants: the plenary laptop's clock and register stay as they are,
    but for the spellings a participant gains: import_guards.learn_spellings);
    a tuple names fields that are never taken from a bundle. `existing`: the
    rows of this table already loaded by id (else the row is looked up).
    """
    values = incoming.model_dump()
    row = existing.get(values["id"]) if existing is not None else session.get(table, values["id"])
    if row is None:
        session.add(table(**values))
        report.added += 1
        return
    if keep_local is True:
        report.unchanged += 1
        return
    values = {k: v for k, v in values.items() if k not in keep_local}
    current = {k: getattr(row, k) for k in values}
    if current == values:
        report.unchanged += 1
        return
    if newer_only and as_utc(values["updated_at"]) <= as_utc(row.updated_at):
        report.unchanged += 1
        return
    for key, value in values.items():
        setattr(row, key, value)
    session.add(row)
    report.updated += 1



NOTE_CONTENT = ("kind", "text", "headline", "addressee", "themes", "group")


def _merge_note(session: Session, incoming: NotePublic, report: ImportReport, source: str, guard: RuleGuard,
                row: Note | None) -> None:
    """Match by id (`row`: the note here with that id, if any); the later edit wins and the other version is
    kept as a revision."""
    values = incoming.model_dump()
    if row is None:
        session.add(Note(**values))
        report.added += 1
        return
    if as_utc(row.updated_at) <= as_utc(incoming.updated_at):
        guard.note_item(row, values, newer=as_utc(row.updated_at) < as_utc(incoming.updated_at))
    if {k: getattr(row, k) for k in values} == values:
        report.unchanged += 1
        return
    local_newer = as_utc(row.updated_at) >= as_utc(incoming.updated_at)
    loser = values if local_newer else {k: getattr(row, k) for k in values}
    content_differs = any(getattr(row, k) != values[k] for k in NOTE_CONTENT)
    if content_differs and not _has_revision(session, row.id, loser):
        session.add(NoteRevision(note_id=row.id, **{k: loser[k] for k in NOTE_CONTENT},
                                 edited_at=loser["updated_at"], source=source if local_newer else "this laptop"))
        both_edited = _edited(row.created_at, row.updated_at) and _edited(incoming.created_at, incoming.updated_at)
        report.conflicts += int(both_edited)
    if local_newer:
        report.unchanged += 1
        return
    for key, value in values.items():
        setattr(row, key, value)
    session.add(row)
    report.updated += 1


def _merge_revision(session: Session, incoming: NoteRevisionPublic, report: ImportReport, foreign: set[str],
                    existing: dict[str, object]) -> None:
    """Take a revision made elsewhere, unless it is here already (by id, or the same version of the same
    note kept by a merge here) or its note is not one this import may touch."""
    if incoming.note_id in foreign or incoming.id in existing:
        report.unchanged += 1
        return
    version = {**{k: getattr(incoming, k) for k in NOTE_CONTENT}, "updated_at": incoming.edited_at}
    if session.get(Note, incoming.note_id) is None or _has_revision(session, incoming.note_id, version):
        report.unchanged += 1
        return
    session.add(NoteRevision(**incoming.model_dump()))
    report.added += 1


def _edited(created: dt.datetime, updated: dt.datetime) -> bool:
    """A note is created with updated_at == created_at; any edit moves updated_at."""
    return as_utc(updated) != as_utc(created)


def _has_revision(session: Session, note_id: str, version: dict) -> bool:
    for revision in session.exec(select(NoteRevision).where(NoteRevision.note_id == note_id)).all():
        if all(getattr(revision, k) == version[k] for k in NOTE_CONTENT) and \
                as_utc(revision.edited_at) == as_utc(version["updated_at"]):
            return True
    return False


def import_bundle(engine: Engine, path: Path, passphrase: str | None = None, *,
                  accept_rule_change: bool = False) -> ImportReport:
    """Merge a bundle into the database in one transaction (see import_guards
    for what it leaves alone, and what `accept_rule_change` lets through)."""
    return merge_bundle(engine, read_bundle(path, passphrase), source=Path(path).name,
                        accept_rule_change=accept_rule_change)


def merge_bundle(engine: Engine, bundle: Bundle, *, source: str, accept_rule_change: bool = False) -> ImportReport:
    """Merge a bundle (from a file, or carried by a push or pull) in one transaction.

    `source` names where it came from in the revisions a conflict leaves."""
    report = ImportReport(meeting=bundle.meeting)
    with transaction(engine) as session:
        lock_meeting(session, bundle.meeting.id)
        existing = existing_rows(session, bundle)
        foreign = foreign_ids(bundle, existing)
        report.foreign = len(foreign)
        guard = RuleGuard(session, bundle.meeting.id, accept_rule_change)
        _upsert(session, Meeting, guard.meeting(bundle.meeting), report, newer_only=True,
                keep_local=("current_item_id",))
        session.flush()
        for organiser in bundle.organisers:
            local = session.exec(select(Organiser).where(Organiser.name == organiser.name)).first()
            if local is None:
                session.add(Organiser(**organiser.model_dump()))
                report.added += 1
            elif (not local.about and organiser.about) or (not local.url and organiser.url):
                local.about = local.about or organiser.about
                local.url = local.url or organiser.url
                session.add(local)
                report.updated += 1
            else:
                report.unchanged += 1
        for item in _ours(bundle.items, foreign):
            row = existing[AgendaItem].get(item.id)
            if row is not None:
                guard.item(row, item.rule)
            _upsert(session, AgendaItem, item, report, keep_local=True, existing=existing[AgendaItem])
        for participant in _ours(bundle.participants, foreign):
            row = existing[Participant].get(participant.id)
            if row is not None and learn_spellings(row, participant):  # the register's own details stay
                session.add(row)
                report.updated += 1
                continue
            _upsert(session, Participant, participant, report, keep_local=True, existing=existing[Participant])
        session.flush()
        for entry in _ours(bundle.interventions, foreign):
            _upsert(session, Intervention, entry, report, newer_only=True, existing=existing[Intervention])
        session.flush()
        for note in _ours(bundle.notes, foreign):
            _merge_note(session, note, report, source, guard, existing[Note].get(note.id))
        session.flush()
        for revision in bundle.revisions:
            _merge_revision(session, revision, report, foreign, existing[NoteRevision])
        for change in _ours(bundle.status_changes, foreign):
            _upsert(session, StatusChange, change, report, existing=existing[StatusChange])
        for link in _ours(bundle.links, foreign):
            same_pair = session.exec(
                select(NoteLink).where(NoteLink.note_id == link.note_id, NoteLink.target_id == link.target_id)
            ).first()
            if same_pair is not None and same_pair.id != link.id:
                report.unchanged += 1  # both laptops linked the same pair
                continue
            _upsert(session, NoteLink, link, report, existing=existing[NoteLink])
        session.flush()
        report.meeting = MeetingPublic.model_validate(session.get(Meeting, bundle.meeting.id))
        report.rule_changes = guard.changes
        report.rule_changes_applied = accept_rule_change and bool(guard.changes)
    return report


def _ours(rows: list, foreign: set[str]) -> list:
    return [row for row in rows if row.id not in foreign]


def report_line(report: ImportReport) -> str:
    """One line for one merged meeting, as `import`, `push` and `pull` print it."""
    line = (f"{report.meeting.id[:8]}  {report.meeting.title}: {report.added} added, {report.updated} updated, "
            f"{report.unchanged} unchanged, {report.conflicts} in conflict")
    if report.foreign:
        line += f", {report.foreign} left alone (their ids belong to another meeting)"
    if report.rule_changes:
        line += (f", rule change {'applied' if report.rule_changes_applied else 'kept out'}: "
                 f"{'; '.join(report.rule_changes)}")
    return line
