"""Notes: capture, edit, delete and undo, reorder; and the capture line's draft.

Every function is one transaction, so a note is on disk when it returns.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, bindparam, func, literal, tuple_
from sqlmodel import Session, col, select

from ..capture import Capture, parse_capture
from ..errors import InvalidInput, NotFound
from ..models import (
    AgendaItem,
    Draft,
    DraftPublic,
    Intervention,
    Meeting,
    Note,
    NotePublic,
    NoteRevision,
    NoteRevisionPublic,
    Participant,
    new_id,
    utcnow,
)
from ..policy import check_speaker, rule_of, speakers_named
from ..text import match_label
from ..vocab import (
    AUTO_SPEAKER,
    FOLLOWED_KINDS,
    NOTE_KINDS,
    join_addressees,
    normalise_kind,
)
from ._db import reading, transaction
from .participants import find_speaker


def _check_kind(kind: str) -> str:
    canonical = normalise_kind(kind)
    if canonical is None:
        raise InvalidInput(f"Unknown note kind {kind!r}; use one of: {', '.join(NOTE_KINDS)}.")
    return canonical


_MEETING = Meeting.__table__.c
_ITEM = AgendaItem.__table__.c
_NOTE = Note.__table__.c
#: What a new note needs of its meeting and item, read as plain rows: loading ORM objects for them cost
#: more than writing the note (the capture path is measured in bench/run.py). The capture path's statements
#: are built once, here, with their values bound at each call: building a statement costs SQLAlchemy some
#: 35 µs more than running a built one, five times a note.
_MEETING_ROW = select(_MEETING.id, _MEETING.rule, _MEETING.themes, _MEETING.current_item_id)
_ITEM_ROW = select(_ITEM.id, _ITEM.meeting_id, _ITEM.rule, _ITEM.default_kind, _ITEM.groups, _ITEM.title)
_MEETING_BY_ID = _MEETING_ROW.where(_MEETING.id == bindparam("meeting_id"))
_ITEM_BY_ID = _ITEM_ROW.where(_ITEM.id == bindparam("item_id"))
_FIRST_ITEM = _ITEM_ROW.where(_ITEM.meeting_id == bindparam("meeting_id")).order_by(_ITEM.position).limit(1)
#: One past the item's last note is read off the top of the (item_id, position) index, not by a scan.
_LAST_POSITION = select(_NOTE.position).order_by(_NOTE.position.desc()).limit(1)
_LAST_POSITION_IN_ITEM = _LAST_POSITION.where(_NOTE.item_id == bindparam("item_id"))
_LAST_POSITION_OUTSIDE_ITEMS = _LAST_POSITION.where(_NOTE.meeting_id == bindparam("meeting_id"),
                                                    _NOTE.item_id.is_(None))
_INSERT_NOTE = Note.__table__.insert()
_DELETE_DRAFT = Draft.__table__.delete().where(Draft.__table__.c.meeting_id == bindparam("meeting_id"))


def _item_for(session: Session, meeting, item_id: str | None):
    """The item a note goes to: the one asked for, else the meeting's current item, else its first."""
    conn = session.connection()
    if item_id is not None:
        item = conn.execute(_ITEM_BY_ID, {"item_id": item_id}).first()
        if item is None or item.meeting_id != meeting.id:
            raise NotFound("No such agenda item in this meeting.")
        return item
    if meeting.current_item_id:
        item = conn.execute(_ITEM_BY_ID, {"item_id": meeting.current_item_id}).first()
        if item is not None:
            return item
    return conn.execute(_FIRST_ITEM, {"meeting_id": meeting.id}).first()


def _next_position(session: Session, meeting_id: str, item_id: str | None) -> int:
    """One past the item's last note (or, for a note outside every item, the meeting's last such note)."""
    conn = session.connection()
    current = conn.execute(_LAST_POSITION_IN_ITEM, {"item_id": item_id}).scalar() if item_id else \
        conn.execute(_LAST_POSITION_OUTSIDE_ITEMS, {"meeting_id": meeting_id}).scalar()
    return (current or 0) + 1


def _speaker_id(session: Session, meeting: Meeting, name: str, rule: str) -> str:
    """The participant a note names as its speaker; where the rule protects speakers there is none."""
    check_speaker(rule)
    participant = find_speaker(session, meeting.id, name)
    if participant is None:
        participant = Participant(meeting_id=meeting.id, name=name.strip(), attributable=speakers_named(rule),
                                  source=AUTO_SPEAKER)
        session.add(participant)
        session.flush()
    return participant.id


def add_note(
    engine: Engine,
    meeting_id: str,
    text: str,
    *,
    kind: str | None = None,
    item_id: str | None = None,
    headline: str = "",
    addressee: str = "",
    speaker: str = "",
    key: bool = False,
    themes: list[str] | None = None,
    group: str = "",
    intervention_id: str | None = None,
) -> NotePublic:
    """Add a note to an item (default: the meeting's current item).

    A theme not yet in the meeting's list is added to it; a group must be one
    of the item's breakout groups when the item has any.
    """
    with transaction(engine) as session:
        meeting = _meeting(session, meeting_id)
        item = _item_for(session, meeting, item_id)
        return _insert_note(session, meeting, item, text, kind=kind, headline=headline, addressee=addressee,
                            speaker=speaker, key=key, themes=themes or [], group=group,
                            intervention_id=intervention_id)


def _meeting(session: Session, meeting_id: str):
    """The meeting's id, rule, themes and current item, as a plain row."""
    meeting = session.connection().execute(_MEETING_BY_ID, {"meeting_id": meeting_id}).first()
    if meeting is None:
        raise NotFound(f"No meeting with id {meeting_id!r}.")
    return meeting


def _insert_note(
    session: Session, meeting, item, text: str, *, kind: str | None, headline: str,
    addressee: str, speaker: str, key: bool, themes: list[str], group: str, intervention_id: str | None,
) -> NotePublic:
    """The one place a new note row is made, inside the caller's transaction."""
    text = text.strip()
    if not text:
        raise InvalidInput("The note is empty.")
    rule = rule_of(meeting, item)
    themes = _register_themes(session, meeting, themes)
    group = _check_group(item, group)
    now = utcnow()
    values = dict(
        id=new_id(), created_at=now, updated_at=now, deleted_at=None, meeting_id=meeting.id,
        item_id=item.id if item else None,
        kind=_check_kind(kind) if kind else (item.default_kind if item else "reflection"),
        text=text, headline=headline.strip(), addressee=addressee.strip(),
        speaker_id=_speaker_id(session, meeting, speaker, rule) if speaker.strip() else None,
        key=key, position=_next_position(session, meeting.id, item.id if item else None), themes=themes,
        group=group, cleared=[], status="", intervention_id=intervention_id,
    )
    if values["speaker_id"] and not intervention_id:
        values["intervention_id"] = _latest_intervention(session, values["speaker_id"])
    if values["kind"] in FOLLOWED_KINDS:
        values["status"] = "proposed"
    # A plain INSERT rather than a Note object: building and flushing an ORM row cost more than the
    # statement itself (about 3 ms a note), and nothing in this transaction needs the object.
    session.connection().execute(_INSERT_NOTE, values)
    return NotePublic.model_validate(values)


def _latest_intervention(session: Session, participant_id: str) -> str | None:
    """The statement a note about this speaker belongs to: the one under way, else their last."""
    rows = session.exec(
        select(Intervention).where(Intervention.participant_id == participant_id,
                                   col(Intervention.status).in_(["speaking", "spoken"]))
        .order_by(col(Intervention.status) == "speaking", col(Intervention.position))
    ).all()
    if not rows:
        rows = session.exec(select(Intervention).where(Intervention.participant_id == participant_id)
                            .order_by(col(Intervention.position))).all()
    return rows[-1].id if rows else None


def _register_themes(session: Session, meeting, themes: list[str]) -> list[str]:
    """The note's themes as the meeting spells them; a new one joins the meeting's list."""
    from .meetings import MAX_THEMES

    wanted = list(dict.fromkeys(t.strip() for t in themes if t.strip()))
    known = {t.casefold(): t for t in meeting.themes}
    result, added = [], []
    for theme in wanted:
        if theme.casefold() in known:
            result.append(known[theme.casefold()])
        else:
            added.append(theme)
            result.append(theme)
    if added:
        if len(meeting.themes) + len(added) > MAX_THEMES:
            raise InvalidInput(f"A meeting can have at most {MAX_THEMES} themes; it has {', '.join(meeting.themes)}.")
        session.connection().execute(Meeting.__table__.update().where(_MEETING.id == meeting.id)
                                     .values(themes=[*meeting.themes, *added]))
    return result


def _check_group(item, group: str) -> str:
    group = group.strip()
    if not group or item is None or not item.groups:
        return group
    found = match_label(item.groups, group)
    if found:
        return found
    raise InvalidInput(f"No breakout group {group!r} in {item.title!r}; its groups are: {', '.join(item.groups)}.")


def capture_note(
    engine: Engine, meeting_id: str, item_id: str | None, line: str | Capture, *, default_kind: str = "reflection",
    intervention_id: str | None = None, group: str = "",
) -> NotePublic:
    """Save one capture line as a note and clear the saved draft, in one transaction.

    `line` is the typed line or, from the capture screen, the `Capture` it has
    already parsed for its preview. A speaker (`@Name`) is accepted only where
    the item is on the record: under the Chatham House rule the note-taker
    should not be writing names down.
    """
    capture = line if isinstance(line, Capture) else parse_capture(line, default_kind=default_kind)
    with transaction(engine) as session:
        meeting = _meeting(session, meeting_id)
        item = _item_for(session, meeting, item_id)
        rule = rule_of(meeting, item)
        if capture.speaker:
            check_speaker(rule)
        speaker = capture.speaker
        if intervention_id and not speaker and speakers_named(rule):
            entry = session.get(Intervention, intervention_id)
            speaker = entry.name if entry else ""
        note = _insert_note(
            session, meeting, item, capture.text, kind=capture.kind, headline=capture.headline,
            addressee=capture.addressee, speaker=speaker, key=capture.key,
            themes=resolve_themes(capture.themes, meeting.themes), group=group,
            intervention_id=intervention_id if speakers_named(rule) or not capture.speaker else None,
        )
        session.connection().execute(_DELETE_DRAFT, {"meeting_id": meeting_id})
        return note


def resolve_themes(tags: tuple[str, ...] | list[str], numbered: list[str]) -> list[str]:
    """Theme tags as typed (`+Politics`, `+2`) to theme names, numbers counted in the meeting's list."""
    themes = []
    for theme in tags:
        if theme.isdigit():
            index = int(theme) - 1
            if not 0 <= index < len(numbered):
                raise InvalidInput(f"There is no theme {theme}; this meeting has {len(numbered)} numbered theme(s).")
            theme = numbered[index]
        themes.append(theme)
    return themes


EDITABLE_NOTE_FIELDS = {"text", "kind", "headline", "addressee", "key", "item_id", "speaker_id", "themes", "group",
                        "cleared"}


def get_note(engine: Engine, note_id: str) -> NotePublic:
    with reading(engine) as session:
        note = session.get(Note, note_id)
        if note is None:
            raise NotFound(f"No note with id {note_id!r}.")
        return NotePublic.model_validate(note)


def update_note(engine: Engine, note_id: str, **changes) -> NotePublic:
    unknown = set(changes) - EDITABLE_NOTE_FIELDS
    if unknown:
        raise InvalidInput(f"Cannot edit note field(s): {', '.join(sorted(unknown))}.")
    if "kind" in changes:
        changes["kind"] = _check_kind(changes["kind"])
    if "text" in changes:
        changes["text"] = changes["text"].strip()
        if not changes["text"]:
            raise InvalidInput("A note cannot be empty; delete it instead.")
    with transaction(engine) as session:
        note = session.get(Note, note_id)
        if note is None:
            raise NotFound(f"No note with id {note_id!r}.")
        if "item_id" in changes and changes["item_id"] != note.item_id:
            note.position = _next_position(session, note.meeting_id, changes["item_id"])
        if changes.get("speaker_id") and changes["speaker_id"] != note.speaker_id:
            meeting = _meeting(session, note.meeting_id)
            item = session.get(AgendaItem, changes.get("item_id", note.item_id)) if changes.get(
                "item_id", note.item_id) else None
            check_speaker(rule_of(meeting, item))
        for name, value in changes.items():
            setattr(note, name, value.strip() if isinstance(value, str) and name != "item_id" else value)
        if note.kind in FOLLOWED_KINDS and not note.status:
            note.status = "proposed"
        note.updated_at = utcnow()
        session.add(note)
        session.flush()
        return NotePublic.model_validate(note)


def delete_note(engine: Engine, note_id: str) -> NotePublic:
    """Delete a note; `restore_note` undoes it."""
    with transaction(engine) as session:
        note = session.get(Note, note_id)
        if note is None:
            raise NotFound(f"No note with id {note_id!r}.")
        note.deleted_at = note.updated_at = utcnow()
        session.add(note)
        session.flush()
        return NotePublic.model_validate(note)


def restore_note(engine: Engine, note_id: str) -> NotePublic:
    with transaction(engine) as session:
        note = session.get(Note, note_id)
        if note is None:
            raise NotFound(f"No note with id {note_id!r}.")
        note.deleted_at = None
        note.updated_at = utcnow()
        session.add(note)
        session.flush()
        return NotePublic.model_validate(note)


def list_notes(engine: Engine, meeting_id: str, item_id: str | None = None) -> list[NotePublic]:
    with reading(engine) as session:
        query = select(Note).where(Note.meeting_id == meeting_id, col(Note.deleted_at).is_(None))
        if item_id is not None:
            query = query.where(Note.item_id == item_id)
        rows = session.exec(query.order_by(col(Note.position), col(Note.created_at), col(Note.id))).all()
        return [NotePublic.model_validate(n) for n in rows]


# --- reading the notes a window at a time ------------------------------------------------------------------
#
# The capture and review screens show a window of a few hundred notes, never the whole meeting. A page is
# read by keyset: the notes strictly after (or before) one note in the list's order, which is a range of
# the (item_id, position) index, so a page costs the same at the top of a 50,000-note item as at its end
# (an OFFSET would read and throw away every note before it).

#: A note with no agenda item sorts after every item, as review lists "Not on the agenda" last.
_NO_ITEM_RANK = 2**31 - 1
_KIND_RANK = {kind: rank for rank, kind in enumerate(NOTE_KINDS)}
#: The order of notes within one item (or one group): position, when taken, then id so that none tie.
_KEYS = (_NOTE.position, _NOTE.created_at, _NOTE.id)


@dataclass(frozen=True)
class NoteGroup:
    """The live notes of one kind under one agenda item (`item_id` None: on no item), counted. Review
    shows the meeting's notes group by group: by agenda item (those on no item last), then by kind in
    the order of vocab.NOTE_KINDS."""

    item_id: str | None
    kind: str
    count: int
    item_position: int | None = None

    @property
    def rank(self) -> tuple:
        return _group_rank(self.item_position, self.item_id, self.kind)


def _group_rank(item_position: int | None, item_id: str | None, kind: str) -> tuple:
    return (_NO_ITEM_RANK if item_position is None else item_position, item_id or "",
            _KIND_RANK.get(kind, len(NOTE_KINDS)))


def _notes_where(query, meeting_id: str, item_id: str | None, kind: str | None, *, no_item: bool = False):
    query = query.where(_NOTE.meeting_id == meeting_id, _NOTE.deleted_at.is_(None))
    if no_item:
        query = query.where(_NOTE.item_id.is_(None))
    elif item_id is not None:
        query = query.where(_NOTE.item_id == item_id)
    if kind:
        query = query.where(_NOTE.kind == kind)
    return query


def _keyset(query, anchor, *, after: bool, inclusive: bool):
    """Only the notes past `anchor` (its position, created_at and id) in the order of _KEYS."""
    values = tuple_(*(literal(value, key.type) for key, value in zip(_KEYS, anchor, strict=True)))
    row = tuple_(*_KEYS)
    if after:
        return query.where(row >= values if inclusive else row > values)
    return query.where(row <= values if inclusive else row < values)


def _run_page(conn, query, *, descending: bool, limit: int) -> list[NotePublic]:
    query = query.order_by(*(key.desc() for key in _KEYS) if descending else _KEYS).limit(max(0, limit))
    rows = [NotePublic.model_validate(dict(r._mapping)) for r in conn.execute(query)]
    return rows[::-1] if descending else rows


def notes_page(
    engine: Engine,
    meeting_id: str,
    item_id: str | None = None,
    *,
    after: str | None = None,
    before: str | None = None,
    inclusive: bool = False,
    tail: bool = False,
    limit: int = 200,
    kind: str | None = None,
    by_item: bool = False,
    groups: list[NoteGroup] | None = None,
) -> list[NotePublic]:
    """At most `limit` live notes of a meeting (or of one item), in the list's order, read by keyset.

    `after`: the notes that follow this note (a note id); `before`: the notes that precede it, the
    nearest last. `inclusive` counts the note itself in. The note named need not be in the list any more
    (deleted, filtered out): its place in the order is enough. Neither: the first notes, or with `tail`
    the last ones. `kind` keeps one kind.

    `by_item` orders the meeting's notes as review shows them (see NoteGroup): the page is read group by
    group, each a range of the (item_id, position) index, with `groups` (from `count_note_groups`, which
    the caller has read anyway for its headings) telling which groups hold notes and how many.
    """
    if after is not None and before is not None:
        raise InvalidInput("A page of notes is read after one note or before one, not both.")
    with reading(engine) as session:
        return _page(session.connection(), meeting_id, item_id, after=after, before=before, inclusive=inclusive,
                     tail=tail, limit=limit, kind=kind, by_item=by_item, groups=groups)


def notes_around(
    engine: Engine,
    meeting_id: str,
    item_id: str | None = None,
    *,
    note_id: str,
    before: int,
    after: int,
    kind: str | None = None,
    by_item: bool = False,
    groups: list[NoteGroup] | None = None,
) -> tuple[list[NotePublic], list[NotePublic]]:
    """A window around one note, read in one transaction so that a write committed meanwhile cannot set
    the two halves at odds: at most `before` notes before it, and at most `after` from it on (the note
    itself first, unless it has gone: then the notes from its place on). Options as `notes_page`."""
    with reading(engine) as session:
        conn = session.connection()
        common = {"kind": kind, "by_item": by_item, "groups": groups}
        return (_page(conn, meeting_id, item_id, before=note_id, limit=before, **common),
                _page(conn, meeting_id, item_id, after=note_id, inclusive=True, limit=after, **common))


@dataclass(frozen=True)
class NoteList:
    """One list of notes as a screen shows it (one item's notes; or the meeting's in review's order,
    perhaps of one kind), read a page at a time: what the screens hand to their windowed table."""

    engine: Engine
    meeting_id: str
    item_id: str | None = None
    kind: str | None = None
    by_item: bool = False
    groups: list[NoteGroup] | None = None

    def page(self, **where) -> list[NotePublic]:
        """`notes_page` of this list: after=, before=, inclusive=, tail=, limit=."""
        return notes_page(self.engine, self.meeting_id, self.item_id, kind=self.kind, by_item=self.by_item,
                          groups=self.groups, **where)

    def around(self, note_id: str, *, before: int, after: int) -> tuple[list[NotePublic], list[NotePublic]]:
        return notes_around(self.engine, self.meeting_id, self.item_id, note_id=note_id, before=before,
                            after=after, kind=self.kind, by_item=self.by_item, groups=self.groups)


def _page(conn, meeting_id: str, item_id: str | None, *, after: str | None = None, before: str | None = None,
          inclusive: bool = False, tail: bool = False, limit: int, kind: str | None, by_item: bool,
          groups: list[NoteGroup] | None) -> list[NotePublic]:
    descending = tail or before is not None
    anchor_id = after if after is not None else before
    table = select(Note.__table__)
    anchor = None
    if anchor_id is not None:
        anchor = conn.execute(select(*_KEYS, _NOTE.item_id, _NOTE.kind, _ITEM.position)
                              .select_from(Note.__table__.outerjoin(AgendaItem.__table__,
                                                                    _ITEM.id == _NOTE.item_id))
                              .where(_NOTE.id == anchor_id)).first()
        if anchor is None:
            return []
    if not by_item:
        query = _notes_where(table, meeting_id, item_id, kind)
        if anchor is not None:
            query = _keyset(query, anchor[:3], after=after is not None, inclusive=inclusive)
        return _run_page(conn, query, descending=descending, limit=limit)

    if groups is None:
        groups = _note_groups(conn, meeting_id)
    groups = [g for g in groups if not kind or g.kind == kind]
    if anchor is None:
        walk = [(g, None) for g in (reversed(groups) if descending else groups)]
    else:
        rank = _group_rank(anchor[5], anchor[3], anchor[4])
        if descending:
            walk = [(g, anchor[:3] if g.rank == rank else None) for g in reversed(groups) if g.rank <= rank]
        else:
            walk = [(g, anchor[:3] if g.rank == rank else None) for g in groups if g.rank >= rank]
    page: list[NotePublic] = []
    for group, keyset in walk:
        wanted = limit - len(page)
        if wanted <= 0:
            break
        query = _notes_where(table, meeting_id, group.item_id, group.kind, no_item=group.item_id is None)
        if keyset is not None:
            query = _keyset(query, keyset, after=not descending, inclusive=inclusive)
        else:
            wanted = min(wanted, group.count)  # the scan stops at the group's last note
        found = _run_page(conn, query, descending=descending, limit=wanted)
        page = found + page if descending else page + found
    return page


def count_notes(engine: Engine, meeting_id: str, item_id: str | None = None, *, kind: str | None = None) -> int:
    """How many live notes a meeting (or one of its items) holds: one COUNT, no note read."""
    with reading(engine) as session:
        query = _notes_where(select(func.count()).select_from(Note.__table__), meeting_id, item_id, kind)
        return session.connection().execute(query).scalar_one()


def count_note_groups(engine: Engine, meeting_id: str) -> list[NoteGroup]:
    """The meeting's live notes counted by item and kind, in review's order: one GROUP BY, no note read."""
    with reading(engine) as session:
        return _note_groups(session.connection(), meeting_id)


def _note_groups(conn, meeting_id: str) -> list[NoteGroup]:
    query = _notes_where(select(_NOTE.item_id, _NOTE.kind, func.count()).select_from(Note.__table__),
                         meeting_id, None, None).group_by(_NOTE.item_id, _NOTE.kind)
    counted = conn.execute(query).all()
    positions = dict(conn.execute(select(_ITEM.id, _ITEM.position).where(_ITEM.meeting_id == meeting_id)).all())
    groups = [NoteGroup(item_id if item_id in positions else None, kind, count, positions.get(item_id))
              for item_id, kind, count in counted]
    return sorted(groups, key=lambda g: g.rank)


def move_note_past(engine: Engine, note_id: str, other_id: str) -> NotePublic:
    """Move a note just past another note of its item (before it when it was above, after it when it was
    below); the notes in between shift by one place. This is `move_note` by the distance between the two,
    read as a range of positions rather than as all the item's notes, so it costs the same in a long item.
    """
    with transaction(engine) as session:
        note, other = session.get(Note, note_id), session.get(Note, other_id)
        if note is None or other is None:
            raise NotFound(f"No note with id {note_id if note is None else other_id!r}.")
        if (note.meeting_id, note.item_id) != (other.meeting_id, other.item_id) or note.deleted_at or other.deleted_at:
            raise InvalidInput("A note moves past another note of the same item only.")
        low, high = sorted((note.position, other.position))
        where = (Note.item_id == note.item_id if note.item_id
                 else (Note.meeting_id == note.meeting_id) & col(Note.item_id).is_(None))
        span = list(session.exec(select(Note).where(where, col(Note.deleted_at).is_(None),
                                                    col(Note.position) >= low, col(Note.position) <= high)
                                 .order_by(col(Note.position), col(Note.created_at), col(Note.id))).all())
        positions = [n.position for n in span]
        if len(set(positions)) != len(positions):  # positions tie (merged laptops): number the item afresh
            siblings = _siblings(session, note)
            ids = [n.id for n in siblings]
            return _move_among(session, note, siblings, ids.index(other_id) - ids.index(note_id))
        ids = [n.id for n in span]
        moved = span.pop(ids.index(note_id))
        span.insert(ids.index(other_id), moved)
        for position, sibling in zip(positions, span, strict=True):
            if sibling.position != position:
                sibling.position = position
                session.add(sibling)
        session.flush()
        return NotePublic.model_validate(note)


def move_note(engine: Engine, note_id: str, offset: int) -> NotePublic:
    """Move a note up (offset -1) or down (+1) among its item's notes."""
    with transaction(engine) as session:
        note = session.get(Note, note_id)
        if note is None:
            raise NotFound(f"No note with id {note_id!r}.")
        return _move_among(session, note, _siblings(session, note), offset)


def _siblings(session: Session, note: Note) -> list[Note]:
    return list(
        session.exec(
            select(Note)
            .where(Note.meeting_id == note.meeting_id, Note.item_id == note.item_id, col(Note.deleted_at).is_(None))
            .order_by(col(Note.position), col(Note.created_at), col(Note.id))
        ).all()
    )


def _move_among(session: Session, note: Note, siblings: list[Note], offset: int) -> NotePublic:
    """Move `note` `offset` places among `siblings` (its item's notes in order) and number them 1, 2, …"""
    index = next(i for i, n in enumerate(siblings) if n.id == note.id)
    target = index + offset
    if 0 <= target < len(siblings):
        siblings.insert(target, siblings.pop(index))
        for position, sibling in enumerate(siblings, start=1):
            if sibling.position != position:
                sibling.position = position
                session.add(sibling)
    session.flush()
    return NotePublic.model_validate(note)


# --- the capture line's draft --------------------------------------------------


def save_draft(engine: Engine, meeting_id: str, item_id: str | None, text: str) -> None:
    """Keep the unsent capture line; an empty text removes the draft."""
    with transaction(engine) as session:
        _set_draft(session, meeting_id, item_id, text)


def _set_draft(session: Session, meeting_id: str, item_id: str | None, text: str) -> None:
    draft = session.get(Draft, meeting_id)
    if not text.strip():
        if draft is not None:
            session.delete(draft)
        return
    if draft is None:
        draft = Draft(meeting_id=meeting_id)
    draft.item_id, draft.text, draft.updated_at = item_id, text, utcnow()
    session.add(draft)


def get_draft(engine: Engine, meeting_id: str) -> DraftPublic | None:
    with reading(engine) as session:
        draft = session.get(Draft, meeting_id)
        return DraftPublic.model_validate(draft) if draft and draft.text.strip() else None


def clear_draft(engine: Engine, meeting_id: str) -> None:
    save_draft(engine, meeting_id, None, "")


def list_revisions(engine: Engine, note_id: str) -> list[NoteRevisionPublic]:
    """Versions of a note that lost a merge, newest first."""
    with reading(engine) as session:
        rows = session.exec(select(NoteRevision).where(NoteRevision.note_id == note_id)
                            .order_by(col(NoteRevision.edited_at).desc())).all()
        return [NoteRevisionPublic.model_validate(r) for r in rows]


def notes_with_revisions(engine: Engine, meeting_id: str) -> set[str]:
    with reading(engine) as session:
        return set(session.exec(select(NoteRevision.note_id).join(Note, Note.id == NoteRevision.note_id)
                                .where(Note.meeting_id == meeting_id)).all())


def add_note_as_typed(
    engine: Engine,
    meeting_id: str,
    line: str,
    *,
    item_id: str | None = None,
    raw: bool = False,
    kind: str | None = None,
    headline: str = "",
    addressees: list[str] | tuple[str, ...] = (),
    speaker: str = "",
    key: bool = False,
    themes: list[str] | tuple[str, ...] = (),
    group: str = "",
    footnote: str = "",
    joined: bool = False,
    example: bool = False,
) -> NotePublic:
    """A note from the command line, in one transaction.

    Without `item_id` the note goes to the item the meeting's clock is on; before the clock has started
    there is no such item, and the note is refused with the list of items. The line is read with the
    capture grammar (`rec: Headline :: text >UN +Theme !`) unless `raw`; options given besides add to
    what the line says (several addressees are kept, separated by semicolons). A breakout group must be
    one of the meeting's: a group held under another item, or none at all, is refused with the list.
    """
    with transaction(engine) as session:
        meeting = _meeting(session, meeting_id)
        items = list(session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)
                                  .order_by(col(AgendaItem.position))).all())
        if item_id is not None:
            item = _item_for(session, meeting, item_id)
        else:
            item = session.get(AgendaItem, meeting.current_item_id) if meeting.current_item_id else None
            if item is None:
                listing = "; ".join(f"{i.position}. {i.title}" for i in items)
                raise InvalidInput(f"The meeting's clock is on no item yet: give --item N ({listing}).")
        default_kind = item.default_kind if item else "reflection"
        capture = (Capture(text=line.strip(), kind=default_kind) if raw
                   else parse_capture(line, default_kind=default_kind))
        if kind:
            capture_kind = _check_kind(kind)
        elif raw:
            capture_kind = None
        else:
            capture_kind = capture.kind
        wanted = [*([capture.addressee] if capture.addressee else []), *(a.strip() for a in addressees if a.strip())]
        addressee = join_addressees(wanted)
        group = _group_in_meeting(items, item, group)
        note = _insert_note(
            session, meeting, item, capture.text, kind=capture_kind, headline=headline or capture.headline,
            addressee=addressee, speaker=speaker or capture.speaker, key=key or capture.key,
            themes=resolve_themes([*capture.themes, *themes], meeting.themes), group=group, intervention_id=None,
        )
        if footnote.strip() or joined or example:
            row = session.get(Note, note.id)
            row.footnote, row.joined, row.example = footnote.strip(), joined, example
            session.add(row)
            session.flush()
            note = NotePublic.model_validate(row)
        return note


def _group_in_meeting(items: list[AgendaItem], item: AgendaItem | None, group: str) -> str:
    """The breakout group a note is for, checked against the meeting's groups: never stored unknown."""
    group = group.strip()
    if not group:
        return ""
    if item is not None and item.groups:
        return _check_group(item, group)
    everywhere = list(dict.fromkeys(g for i in items for g in i.groups))
    found = match_label(everywhere, group)
    if found is None:
        known = ", ".join(everywhere) if everywhere else "none (add one with `facilitator agenda group-add`)"
        raise InvalidInput(f"No breakout group {group!r} in this meeting; its groups are: {known}.")
    holders = [i for i in items if found in i.groups]
    raise InvalidInput(f"{found!r} meets under item {holders[0].position} ({holders[0].title}); give --item "
                       f"{holders[0].position}.")


def annotate_note(engine: Engine, note_id: str, **changes) -> NotePublic:
    """Mark a note to join the one before it in a paragraph, as the example of its themes in a dialogue
    summary, or give it a footnote or addressees (a list)."""
    allowed = {"joined", "example", "footnote", "addressees"}
    unknown = set(changes) - allowed
    if unknown:
        raise InvalidInput(f"Cannot annotate note field(s): {', '.join(sorted(unknown))}.")
    with transaction(engine) as session:
        note = session.get(Note, note_id)
        if note is None:
            raise NotFound(f"No note with id {note_id!r}.")
        for name in ("joined", "example"):
            if name in changes:
                setattr(note, name, bool(changes[name]))
        if "footnote" in changes:
            note.footnote = changes["footnote"].strip()
        if "addressees" in changes:
            note.addressee = join_addressees(changes["addressees"])
        note.updated_at = utcnow()
        session.add(note)
        session.flush()
        return NotePublic.model_validate(note)


def find_note(engine: Engine, meeting_id: str, ref: str) -> NotePublic:
    """A note of this meeting by its id or an unambiguous prefix of it."""
    ref = ref.strip().lower()
    with reading(engine) as session:
        rows = session.exec(select(Note).where(Note.meeting_id == meeting_id,
                                               col(Note.id).startswith(ref, autoescape=True))
                            .limit(2)).all() if ref else []
    if not rows:
        raise NotFound(f"No note with id {ref!r} in this meeting; `facilitator show` lists them.")
    if len(rows) > 1:
        raise InvalidInput(f"More than one note id starts with {ref!r}; give more characters.")
    return NotePublic.model_validate(rows[0])
