"""Bundles: one whole meeting as a single JSON file, to move between laptops.

Every row keeps its UUID, so importing merges instead of duplicating: rows are
matched by id, a note is replaced only by a newer edit of itself (its
`updated_at`), and importing the same bundle twice changes nothing. The whole
file is validated before anything is written.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from ..errors import BundleError
from ..models import (
    AgendaItem,
    AgendaItemPublic,
    Meeting,
    MeetingPublic,
    Note,
    NoteLink,
    NoteLinkPublic,
    NotePublic,
    Organiser,
    OrganiserPublic,
    Participant,
    ParticipantPublic,
    StatusChange,
    StatusChangePublic,
    utcnow,
)
from ..vocab import NOTE_KINDS, RULES
from ._db import transaction
from .meetings import get_detail

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


class ImportReport(BaseModel):
    meeting: MeetingPublic
    added: int = 0
    updated: int = 0
    unchanged: int = 0


def write_bundle(engine: Engine, meeting_id: str, path: Path, *, force: bool = False) -> Path:
    """Write the meeting (deleted notes included, so deletions travel too)."""
    path = Path(path)
    if path.exists() and not force:
        raise BundleError(f"{path} already exists; use --force to overwrite it.")
    if not path.parent.is_dir():
        raise BundleError(f"Cannot write {path}: the folder {path.parent} does not exist.")
    detail = get_detail(engine, meeting_id, include_deleted=True)
    note_ids = [n.id for n in detail.notes]
    with transaction(engine) as session:
        changes = session.exec(select(StatusChange).where(col(StatusChange.note_id).in_(note_ids))).all()
        links = session.exec(select(NoteLink).where(col(NoteLink.note_id).in_(note_ids))).all()
        changes = [StatusChangePublic.model_validate(c) for c in changes]
        links = [NoteLinkPublic.model_validate(l) for l in links]
    bundle = Bundle(
        format=BUNDLE_FORMAT, version=BUNDLE_VERSION, exported_at=utcnow(), meeting=detail.meeting,
        items=detail.items, participants=detail.participants, notes=detail.notes,
        organisers=[o for o in detail.organisers if o.id], status_changes=changes, links=links,
    )
    payload = bundle.model_dump_json(indent=1).encode("utf-8")
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise BundleError(f"Cannot write {path}: {exc.strerror}.") from None
    return path


def read_bundle(path: Path) -> Bundle:
    path = Path(path)
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
    return bundle


def _check_consistency(path: Path, bundle: Bundle) -> None:
    mid = bundle.meeting.id
    if bundle.meeting.rule not in RULES:
        raise BundleError(f"{path}: meeting.rule {bundle.meeting.rule!r} is not an attribution rule.")
    item_ids = {i.id for i in bundle.items}
    participant_ids = {p.id for p in bundle.participants}
    for name, rows in (("items", bundle.items), ("participants", bundle.participants), ("notes", bundle.notes)):
        ids = [r.id for r in rows]
        if len(ids) != len(set(ids)):
            raise BundleError(f"{path}: duplicate ids in '{name}'.")
        for index, row in enumerate(rows):
            if row.meeting_id != mid:
                raise BundleError(f"{path}: {name}.{index}.meeting_id does not match the bundled meeting.")
    for index, item in enumerate(bundle.items):
        if item.rule is not None and item.rule not in RULES:
            raise BundleError(f"{path}: items.{index}.rule {item.rule!r} is not an attribution rule.")
    note_ids = {n.id for n in bundle.notes}
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


def _upsert(session: Session, table, incoming, report: ImportReport, *, newer_only: bool = False) -> None:
    values = incoming.model_dump()
    row = session.get(table, values["id"])
    if row is None:
        session.add(table(**values))
        report.added += 1
        return
    current = {k: getattr(row, k) for k in values}
    if current == values:
        report.unchanged += 1
        return
    if newer_only and _aware(values["updated_at"]) <= _aware(row.updated_at):
        report.unchanged += 1
        return
    for key, value in values.items():
        setattr(row, key, value)
    session.add(row)
    report.updated += 1


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def import_bundle(engine: Engine, path: Path) -> ImportReport:
    """Merge a bundle into the database in one transaction."""
    bundle = read_bundle(path)
    report = ImportReport(meeting=bundle.meeting)
    with transaction(engine) as session:
        _upsert(session, Meeting, bundle.meeting, report, newer_only=True)
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
        for item in bundle.items:
            _upsert(session, AgendaItem, item, report)
        for participant in bundle.participants:
            _upsert(session, Participant, participant, report)
        session.flush()
        for note in bundle.notes:
            _upsert(session, Note, note, report, newer_only=True)
        session.flush()
        for change in bundle.status_changes:
            _upsert(session, StatusChange, change, report)
        for link in bundle.links:
            same_pair = session.exec(
                select(NoteLink).where(NoteLink.note_id == link.note_id, NoteLink.target_id == link.target_id)
            ).first()
            if same_pair is not None and same_pair.id != link.id:
                report.unchanged += 1  # both laptops linked the same pair
                continue
            _upsert(session, NoteLink, link, report)
        session.flush()
        report.meeting = MeetingPublic.model_validate(session.get(Meeting, bundle.meeting.id))
    return report
