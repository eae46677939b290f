"""Notes: capture, edit, delete and undo, reorder; and the capture line's draft.

Every function is one transaction, so a note is on disk when it returns.
"""

from __future__ import annotations

from sqlalchemy import Engine
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
from ..policy import check_speaker, effective_rule
from ..text import match_label
from ..vocab import AUTO_SPEAKER, FOLLOWED_KINDS, NOTE_KINDS, ON_THE_RECORD, normalise_kind
from ._db import reading, transaction
from .participants import find_speaker


def _check_kind(kind: str) -> str:
    canonical = normalise_kind(kind)
    if canonical is None:
        raise InvalidInput(f"Unknown note kind {kind!r}; use one of: {', '.join(NOTE_KINDS)}.")
    return canonical


_MEETING = Meeting.__table__.c
_ITEM = AgendaItem.__table__.c
#: What a new note needs of its meeting and item, read as plain rows: loading ORM objects for them cost
#: more than writing the note (the capture path is measured in bench/run.py).
_MEETING_ROW = select(_MEETING.id, _MEETING.rule, _MEETING.themes, _MEETING.current_item_id)
_ITEM_ROW = select(_ITEM.id, _ITEM.meeting_id, _ITEM.rule, _ITEM.default_kind, _ITEM.groups, _ITEM.title)


def _item_for(session: Session, meeting, item_id: str | None):
    """The item a note goes to: the one asked for, else the meeting's current item, else its first."""
    conn = session.connection()
    if item_id is not None:
        item = conn.execute(_ITEM_ROW.where(_ITEM.id == item_id)).first()
        if item is None or item.meeting_id != meeting.id:
            raise NotFound("No such agenda item in this meeting.")
        return item
    if meeting.current_item_id:
        item = conn.execute(_ITEM_ROW.where(_ITEM.id == meeting.current_item_id)).first()
        if item is not None:
            return item
    return conn.execute(_ITEM_ROW.where(_ITEM.meeting_id == meeting.id).order_by(_ITEM.position).limit(1)).first()


def _next_position(session: Session, meeting_id: str, item_id: str | None) -> int:
    """One past the item's last note: the top of the (item_id, position) index, not a scan of the item."""
    where = Note.item_id == item_id if item_id else (Note.meeting_id == meeting_id) & col(Note.item_id).is_(None)
    current = session.exec(select(Note.position).where(where).order_by(col(Note.position).desc()).limit(1)).first()
    return (current or 0) + 1


def _speaker_id(session: Session, meeting: Meeting, name: str, rule: str) -> str:
    """The participant a note names as its speaker; where the rule protects speakers there is none."""
    check_speaker(rule)
    participant = find_speaker(session, meeting.id, name)
    if participant is None:
        participant = Participant(meeting_id=meeting.id, name=name.strip(), attributable=rule == ON_THE_RECORD,
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
    meeting = session.connection().execute(_MEETING_ROW.where(_MEETING.id == meeting_id)).first()
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
    rule = effective_rule(meeting.rule, item.rule if item else None)
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
    session.connection().execute(Note.__table__.insert(), values)
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
        rule = effective_rule(meeting.rule, item.rule if item else None)
        if capture.speaker:
            check_speaker(rule)
        speaker = capture.speaker
        if intervention_id and not speaker and rule == ON_THE_RECORD:
            entry = session.get(Intervention, intervention_id)
            speaker = entry.name if entry else ""
        note = _insert_note(
            session, meeting, item, capture.text, kind=capture.kind, headline=capture.headline,
            addressee=capture.addressee, speaker=speaker, key=capture.key,
            themes=resolve_themes(capture.themes, meeting.themes), group=group,
            intervention_id=intervention_id if rule == ON_THE_RECORD or not capture.speaker else None,
        )
        session.connection().execute(Draft.__table__.delete().where(Draft.__table__.c.meeting_id == meeting_id))
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
            check_speaker(effective_rule(meeting.rule, item.rule if item else None))
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
        rows = session.exec(query.order_by(col(Note.position), col(Note.created_at))).all()
        return [NotePublic.model_validate(n) for n in rows]


def move_note(engine: Engine, note_id: str, offset: int) -> NotePublic:
    """Move a note up (offset -1) or down (+1) among its item's notes."""
    with transaction(engine) as session:
        note = session.get(Note, note_id)
        if note is None:
            raise NotFound(f"No note with id {note_id!r}.")
        siblings = list(
            session.exec(
                select(Note)
                .where(Note.meeting_id == note.meeting_id, Note.item_id == note.item_id, col(Note.deleted_at).is_(None))
                .order_by(col(Note.position), col(Note.created_at))
            ).all()
        )
        index = next(i for i, n in enumerate(siblings) if n.id == note_id)
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
        addressee = "; ".join(dict.fromkeys(wanted))
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
            note.addressee = "; ".join(dict.fromkeys(a.strip() for a in changes["addressees"] if a.strip()))
        note.updated_at = utcnow()
        session.add(note)
        session.flush()
        return NotePublic.model_validate(note)


def find_note(engine: Engine, meeting_id: str, ref: str) -> NotePublic:
    """A note of this meeting by its id or an unambiguous prefix of it."""
    ref = ref.strip().lower()
    with reading(engine) as session:
        rows = session.exec(select(Note).where(Note.meeting_id == meeting_id, col(Note.id).startswith(ref))
                            .limit(2)).all() if ref else []
    if not rows:
        raise NotFound(f"No note with id {ref!r} in this meeting; `facilitator show` lists them.")
    if len(rows) > 1:
        raise InvalidInput(f"More than one note id starts with {ref!r}; give more characters.")
    return NotePublic.model_validate(rows[0])
