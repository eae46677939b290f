"""Meetings and their agenda: create from a template, find, list, edit, delete."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel
from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from ..errors import Ambiguous, InvalidInput, NotFound
from ..models import (
    AgendaItem,
    AgendaItemPublic,
    Intervention,
    InterventionPublic,
    Meeting,
    MeetingDetail,
    MeetingPublic,
    Note,
    NotePublic,
    Organiser,
    OrganiserPublic,
    Participant,
    ParticipantPublic,
    utcnow,
)
from ..policy import is_protected
from ..templates import Template, load_template
from ..vocab import AUTO_SPEAKER, MAX_STATES, RULES, normalise_rule
from ._db import reading, transaction


class MeetingSummary(MeetingPublic):
    note_count: int = 0
    item_count: int = 0


def check_rule(value: str) -> str:
    rule = normalise_rule(value)
    if rule is None:
        raise InvalidInput(f"Unknown attribution rule {value!r}; use one of: {', '.join(RULES)}.")
    return rule


def create_meeting(
    engine: Engine,
    template: str | Template,
    *,
    title: str,
    date: dt.date,
    place: str = "",
    rule: str | None = None,
    end_date: dt.date | None = None,
    subject: str = "",
    series: str = "",
    organisers: list[str] | None = None,
    guests: list[dict] | None = None,
) -> MeetingPublic:
    """Create a meeting and its agenda from a template, in one transaction. `organisers` (None: the
    template's) and `guests` ({"name", "role", "as"} entries, see `person_entry`) are checked as an edit is."""
    tpl = load_template(template) if isinstance(template, str) else template
    title = title.strip()
    if not title:
        raise InvalidInput("A meeting needs a title.")
    if end_date and end_date < date:
        raise InvalidInput("The end date is before the start date.")
    days = max(item.day for item in tpl.items)
    if end_date is None and days > 1:
        end_date = date + dt.timedelta(days=days - 1)
    meeting = Meeting(
        title=title,
        subject=subject or tpl.subject,
        date=date,
        end_date=end_date,
        start_time=tpl.start,
        place=place.strip(),
        format=tpl.format,
        template=tpl.key,
        rule=check_rule(rule) if rule else tpl.rule,
        organisers=list(tpl.organisers),
        guests=list(guests or []),
        participants_text=tpl.participants,
        series=series.strip(),
        style=tpl.style,
        kicker=tpl.kicker,
        format_noun=tpl.format_noun,
        options=dict(tpl.options),
        headings=dict(tpl.headings),
        intros=dict(tpl.intros),
    )
    _check_changes({"guests": meeting.guests})
    with transaction(engine) as session:
        if organisers is not None:
            from .organisers import running_forms

            meeting.organisers = running_forms(session, [o.strip() for o in organisers if o.strip()])
        session.add(meeting)
        session.flush()
        for position, spec in enumerate(tpl.items, start=1):
            session.add(
                AgendaItem(
                    meeting_id=meeting.id,
                    position=position,
                    title=spec.title,
                    kind=spec.kind,
                    planned_minutes=spec.minutes,
                    guiding_questions=spec.questions,
                    rule=spec.rule,
                    default_kind=spec.default_kind,
                    day=spec.day,
                    groups=spec.groups,
                )
            )
        return MeetingPublic.model_validate(meeting)


def list_meetings(engine: Engine) -> list[MeetingSummary]:
    with reading(engine) as session:
        note_counts = dict(
            session.exec(
                select(Note.meeting_id, func.count()).where(col(Note.deleted_at).is_(None)).group_by(Note.meeting_id)
            ).all()
        )
        item_counts = dict(session.exec(select(AgendaItem.meeting_id, func.count()).group_by(AgendaItem.meeting_id)).all())
        meetings = session.exec(select(Meeting).order_by(col(Meeting.date).desc(), col(Meeting.created_at).desc())).all()
        return [
            MeetingSummary(
                **MeetingPublic.model_validate(m).model_dump(),
                note_count=note_counts.get(m.id, 0),
                item_count=item_counts.get(m.id, 0),
            )
            for m in meetings
        ]


def resolve_meeting(engine: Engine, ref: str) -> MeetingPublic:
    """Find a meeting by its id or an unambiguous prefix of it."""
    ref = ref.strip().lower()
    if not ref:
        raise InvalidInput("Give a meeting id (or the first characters of one).")
    with reading(engine) as session:
        exact = session.get(Meeting, ref)
        if exact:
            return MeetingPublic.model_validate(exact)
        matches = session.exec(select(Meeting).where(col(Meeting.id).startswith(ref, autoescape=True)).limit(2)).all()
    if not matches:
        raise NotFound(f"No meeting with id {ref!r}; `facilitator list` shows the ids.")
    if len(matches) > 1:
        raise Ambiguous(f"More than one meeting id starts with {ref!r}; give more characters.")
    return MeetingPublic.model_validate(matches[0])


def get_meeting(engine: Engine, meeting_id: str) -> MeetingPublic:
    with reading(engine) as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFound(f"No meeting with id {meeting_id!r}.")
        return MeetingPublic.model_validate(meeting)


EDITABLE_FIELDS = {
    "title", "subject", "date", "end_date", "start_time", "place", "rule", "organisers", "guests",
    "participants_text", "preceded_by", "themes", "series", "speaker_limit", "bell", "lead", "disclaimer", "outlook",
    "byline", "kicker", "about", "style", "topic", "format_noun", "roles", "headings", "intros", "footnotes",
    "consensus", "summary", "attachments", "options", "state_groups",
}
#: Themes a meeting may have: the first nine have number keys on the capture line, the rest go by name.
MAX_THEMES = 40
#: What an organiser did for a meeting (exports.drafting writes the verb).
ROLES = ("hosted", "convened", "co-organised", "supported", "reported")
#: House-style options and their choices (True/False for the switches).
OPTION_CHOICES = {
    "date_format": ("day-month", "month-day"),
    "grouping": ("question", "item", "addressee"),
    "paper": ("a4", "letter"),
    "numbered": (True, False),
    "contents": (True, False),
    "masthead": (True, False),
}
#: The parts a named person may play (the `as` of a guest entry).
PARTS = ("guest", "keynote", "chair", "moderator", "rapporteur", "panellist")


def person_entry(value: str, part: str = "guest") -> dict:
    """A named person's guest entry from "NAME, ROLE" (the role may be left out), as the CLI's --guest,
    --keynote ... and the screens' dialogs take it."""
    name, _, role = value.partition(",")
    if not name.strip():
        raise InvalidInput(f'Bad {part} {value.strip()!r}: write it as "NAME, ROLE".')
    if part not in PARTS:
        raise InvalidInput(f"Unknown part {part!r}; use one of: {', '.join(PARTS)}.")
    entry = {"name": name.strip(), "role": role.strip()}
    if part != "guest":
        entry["as"] = part
    return entry


def with_people(guests: list[dict], people: dict[str, list[str]]) -> list[dict]:
    """The guest entries after replacing the people of each part given ({"keynote": ["NAME, ROLE"]}); the
    people of the other parts stay as they were."""
    kept = [g for g in guests if (g.get("as") or "guest") not in people]
    return kept + [person_entry(v, part) for part, values in people.items() for v in values if v.strip()]


def people_of(guests: list[dict], part: str) -> list[str]:
    """The people of one part as "NAME, ROLE" lines, the form `person_entry` reads back."""
    return [", ".join(x for x in (g.get("name", ""), g.get("role", "")) if x) for g in guests
            if (g.get("as") or "guest") == part]


def theme_list(themes: list[str]) -> list[str]:
    """A meeting's themes as given, each once, blanks dropped; at most MAX_THEMES (InvalidInput)."""
    wanted = list(dict.fromkeys(t.strip() for t in themes if t.strip()))
    if len(wanted) > MAX_THEMES:
        raise InvalidInput(f"A meeting can have at most {MAX_THEMES} themes (number keys for the first nine).")
    return wanted


def _check_changes(changes: dict) -> None:
    """One line for the first thing wrong with an edit; the edit is then not made."""
    if "style" in changes and changes["style"]:
        from exports import STYLES

        if changes["style"] not in STYLES:
            raise InvalidInput(f"Unknown style {changes['style']!r}; use one of: {', '.join(STYLES)}.")
    for name, role in changes.get("roles", {}).items():
        if role not in ROLES:
            raise InvalidInput(f"Unknown role {role!r} for {name}; use one of: {', '.join(ROLES)}.")
    for name, value in changes.get("options", {}).items():
        if name == "category_words":
            continue
        if name not in OPTION_CHOICES:
            raise InvalidInput(f"Unknown option {name!r}; use one of: {', '.join(OPTION_CHOICES)}.")
        if value not in OPTION_CHOICES[name]:
            choices = ", ".join(str(c).lower() for c in OPTION_CHOICES[name])
            raise InvalidInput(f"Bad {name.replace('_', ' ')} {value!r}; use one of: {choices}.")
    for guest in changes.get("guests", []):
        if not isinstance(guest, dict) or not str(guest.get("name", "")).strip():
            raise InvalidInput('A guest of honour needs a name, as "NAME, ROLE".')
        if guest.get("as", "guest") not in PARTS:
            raise InvalidInput(f"Unknown part {guest.get('as')!r}; use one of: {', '.join(PARTS)}.")
    for name, spec in changes.get("state_groups", {}).items():
        if not name.strip() or not 0 <= int(spec.get("count") or 0) <= MAX_STATES:
            raise InvalidInput(f"A group of states needs a name and a count from 0 to {MAX_STATES}.")


def update_meeting(engine: Engine, meeting_id: str, **changes) -> MeetingPublic:
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise InvalidInput(f"Cannot edit field(s): {', '.join(sorted(unknown))}.")
    if "rule" in changes:
        changes["rule"] = check_rule(changes["rule"])
    if "title" in changes and not str(changes["title"]).strip():
        raise InvalidInput("A meeting needs a title.")
    if "themes" in changes:
        changes["themes"] = theme_list(changes["themes"])
    if "speaker_limit" in changes and not 0 <= int(changes["speaker_limit"]) <= 3600:
        raise InvalidInput("A speaking-time limit is between 0 (none) and 3600 seconds.")
    _check_changes(changes)
    with transaction(engine) as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFound(f"No meeting with id {meeting_id!r}.")
        if "organisers" in changes:
            from .organisers import running_forms

            changes["organisers"] = running_forms(session, changes["organisers"])
        for name, value in changes.items():
            setattr(meeting, name, value)
        unknown_roles = set(meeting.roles) - set(meeting.organisers)
        if "roles" in changes and unknown_roles:
            raise InvalidInput(f"{sorted(unknown_roles)[0]} is not an organiser of this meeting; its organisers are: "
                               f"{', '.join(meeting.organisers) or 'none yet'}.")
        meeting.roles = {k: v for k, v in meeting.roles.items() if k in meeting.organisers}
        if "rule" in changes and is_protected(meeting.rule):
            protect_auto_speakers(session, meeting_id)
        end = meeting.end_date
        if end and end < meeting.date:
            raise InvalidInput("The end date is before the start date.")
        meeting.updated_at = utcnow()
        session.add(meeting)
        session.flush()
        return MeetingPublic.model_validate(meeting)


class RuleChange(BaseModel):
    meeting: MeetingPublic
    #: Speakers registered automatically while the meeting was on the record, no longer attributable now.
    protected: list[str]


def edit_meeting(engine: Engine, meeting_id: str, **changes) -> RuleChange:
    """`update_meeting`, and say whose protection changed with a change of rule."""
    with reading(engine) as session:
        before = {p.id for p in session.exec(select(Participant).where(
            Participant.meeting_id == meeting_id, Participant.source == AUTO_SPEAKER, col(Participant.attributable)))}
    meeting = update_meeting(engine, meeting_id, **changes)
    with reading(engine) as session:
        now = session.exec(select(Participant).where(col(Participant.id).in_(before))).all()
        protected = sorted(p.name for p in now if not p.attributable)
    return RuleChange(meeting=meeting, protected=protected)


def protect_auto_speakers(session: Session, meeting_id: str) -> list[str]:
    """Under a protected rule, speakers who were registered automatically (because they were named
    while the meeting or an item was on the record) stop being attributable: nobody decided that they
    may be named. Those the rapporteur registered and marked attributable keep it."""
    changed = []
    for person in session.exec(select(Participant).where(
            Participant.meeting_id == meeting_id, Participant.source == AUTO_SPEAKER, col(Participant.attributable))):
        person.attributable = False
        session.add(person)
        changed.append(person.name)
    return changed


def delete_meeting(engine: Engine, meeting_id: str) -> None:
    with transaction(engine) as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFound(f"No meeting with id {meeting_id!r}.")
        session.delete(meeting)


def list_items(engine: Engine, meeting_id: str) -> list[AgendaItemPublic]:
    with reading(engine) as session:
        items = session.exec(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(col(AgendaItem.position))
        ).all()
        return [AgendaItemPublic.model_validate(i) for i in items]


def item_by_number(engine: Engine, meeting_id: str, number: int) -> AgendaItemPublic:
    items = list_items(engine, meeting_id)
    if not 1 <= number <= len(items):
        raise InvalidInput(f"No agenda item {number}: this meeting has items 1 to {len(items)}.")
    return items[number - 1]


def current_item(engine: Engine, meeting_id: str) -> AgendaItemPublic | None:
    """The item notes go to when none is named: the one last moved to, else the first."""
    meeting = get_meeting(engine, meeting_id)
    items = list_items(engine, meeting_id)
    for item in items:
        if item.id == meeting.current_item_id:
            return item
    return items[0] if items else None


def set_current_item(engine: Engine, meeting_id: str, item_id: str) -> AgendaItemPublic:
    """Move the meeting to an item: the running one ends, this one's clock starts."""
    from .clock import advance_to

    return advance_to(engine, meeting_id, item_id)


def get_detail(engine: Engine, meeting_id: str, *, include_deleted: bool = False) -> MeetingDetail:
    """The whole meeting in one read, ordered as an export needs it."""
    with reading(engine) as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFound(f"No meeting with id {meeting_id!r}.")
        items = session.exec(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(col(AgendaItem.position))
        ).all()
        participants = session.exec(
            select(Participant).where(Participant.meeting_id == meeting_id).order_by(col(Participant.name))
        ).all()
        query = select(Note).where(Note.meeting_id == meeting_id)
        if not include_deleted:
            query = query.where(col(Note.deleted_at).is_(None))
        notes = session.exec(query).all()
        order = {item.id: item.position for item in items}
        notes = sorted(notes, key=lambda n: (order.get(n.item_id, 10**6), n.position, n.created_at))
        organisers = []
        if meeting.organisers:
            found = {
                o.name: o
                for o in session.exec(select(Organiser).where(col(Organiser.name).in_(meeting.organisers))).all()
            }
            organisers = [
                OrganiserPublic.model_validate(found[name]) if name in found else OrganiserPublic(id="", name=name)
                for name in meeting.organisers
            ]
        interventions = session.exec(
            select(Intervention).where(Intervention.meeting_id == meeting_id)
            .order_by(col(Intervention.position), col(Intervention.created_at), col(Intervention.id))
        ).all()
        return MeetingDetail(
            interventions=[InterventionPublic.model_validate(i) for i in interventions],
            meeting=MeetingPublic.model_validate(meeting),
            items=[AgendaItemPublic.model_validate(i) for i in items],
            participants=[ParticipantPublic.model_validate(p) for p in participants],
            notes=[NotePublic.model_validate(n) for n in notes],
            organisers=organisers,
        )


# --- editing the agenda without a template ------------------------------------------------------------------
#
# Each function is one transaction. Nothing saved is lost: an item, a breakout group or a theme that notes
# still use is not removed (the message says how many notes and where to move them), and renaming a group
# or a theme renames it on every note that carries it.


def _meeting_row(session: Session, meeting_id: str) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(f"No meeting with id {meeting_id!r}.")
    return meeting


def _items(session: Session, meeting_id: str) -> list[AgendaItem]:
    return list(session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
                             .order_by(col(AgendaItem.position))).all())


def _renumber(session: Session, items: list[AgendaItem]) -> None:
    for position, item in enumerate(items, start=1):
        if item.position != position:
            item.position = position
            session.add(item)


def _item_row(session: Session, meeting_id: str, item_id: str) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None or item.meeting_id != meeting_id:
        raise NotFound("No such agenda item in this meeting.")
    return item


def _check_item_fields(fields: dict) -> dict:
    from ..vocab import ITEM_KINDS, normalise_kind

    if "title" in fields:
        fields["title"] = str(fields["title"]).strip()
        if not fields["title"]:
            raise InvalidInput("An agenda item needs a title.")
    if "kind" in fields and fields["kind"] not in ITEM_KINDS:
        raise InvalidInput(f"Unknown item kind {fields['kind']!r}; use one of: {', '.join(ITEM_KINDS)}.")
    if "planned_minutes" in fields and not 0 < int(fields["planned_minutes"]) <= 24 * 60:
        raise InvalidInput("An item's planned time is between 1 and 1440 minutes.")
    if "default_kind" in fields:
        kind = normalise_kind(fields["default_kind"])
        if kind is None:
            raise InvalidInput(f"Unknown note kind {fields['default_kind']!r}.")
        fields["default_kind"] = kind
    if fields.get("rule"):
        fields["rule"] = check_rule(fields["rule"])
    if "day" in fields and not 1 <= int(fields["day"]) <= 14:
        raise InvalidInput("An item's day is between 1 and 14.")
    for name in ("guiding_questions", "groups"):
        if name in fields:
            fields[name] = list(dict.fromkeys(v.strip() for v in fields[name] if v.strip()))
    return fields


def add_item(engine: Engine, meeting_id: str, title: str, *, position: int | None = None, **fields) \
        -> AgendaItemPublic:
    """Add an agenda item at `position` (1 = first; default: last)."""
    fields = _check_item_fields({"title": title, **fields})
    with transaction(engine) as session:
        _meeting_row(session, meeting_id)
        items = _items(session, meeting_id)
        if position is not None and not 1 <= position <= len(items) + 1:
            raise InvalidInput(f"No position {position}: use 1 to {len(items) + 1}.")
        item = AgendaItem(meeting_id=meeting_id, position=len(items) + 1, **fields)
        session.add(item)
        items.insert((position or len(items) + 1) - 1, item)
        _renumber(session, items)
        session.flush()
        return AgendaItemPublic.model_validate(item)


def update_item(engine: Engine, meeting_id: str, item_id: str, **fields) -> AgendaItemPublic:
    """Rename an item or change its kind, time, default note kind, rule, day, questions or groups. Groups
    are renamed with `rename_group` (which renames them on the notes too); a group still used by notes is
    not dropped here."""
    allowed = {"title", "kind", "planned_minutes", "default_kind", "rule", "day", "guiding_questions", "groups"}
    unknown = set(fields) - allowed
    if unknown:
        raise InvalidInput(f"Cannot edit item field(s): {', '.join(sorted(unknown))}.")
    fields = _check_item_fields(fields)
    with transaction(engine) as session:
        item = _item_row(session, meeting_id, item_id)
        if "groups" in fields:
            dropped = set(item.groups) - set(fields["groups"])
            used = _notes_in_groups(session, item.id, dropped)
            if used:
                raise InvalidInput(f"{used} note(s) are in the group(s) {', '.join(sorted(dropped))}; rename the "
                                   "group, or move its notes, before removing it.")
        for name, value in fields.items():
            setattr(item, name, value)
        session.add(item)
        session.flush()
        return AgendaItemPublic.model_validate(item)


def move_item(engine: Engine, meeting_id: str, item_id: str, position: int) -> AgendaItemPublic:
    """Move an item to `position` (1 = first); the others close up around it."""
    with transaction(engine) as session:
        items = _items(session, meeting_id)
        item = _item_row(session, meeting_id, item_id)
        if not 1 <= position <= len(items):
            raise InvalidInput(f"No position {position}: this meeting has items 1 to {len(items)}.")
        items = [i for i in items if i.id != item.id]
        items.insert(position - 1, item)
        _renumber(session, items)
        session.flush()
        return AgendaItemPublic.model_validate(item)


def remove_item(engine: Engine, meeting_id: str, item_id: str, *, notes_to: str | None = None) -> int:
    """Remove an agenda item; its notes move to `notes_to` (another item's id). An item that holds notes
    and has nowhere to send them is not removed. Returns how many notes moved."""
    with transaction(engine) as session:
        item = _item_row(session, meeting_id, item_id)
        notes = list(session.exec(select(Note).where(Note.item_id == item.id)).all())
        if notes and notes_to is None:
            live = sum(1 for n in notes if n.deleted_at is None)
            raise InvalidInput(f"Item {item.position} ({item.title}) holds {live or len(notes)} note(s); say where "
                               "they go (--notes-to N) before removing it.")
        target = _item_row(session, meeting_id, notes_to) if notes_to else None
        if target is not None and target.id == item.id:
            raise InvalidInput("The notes cannot move to the item being removed.")
        if target is not None:
            start = max((n.position for n in session.exec(select(Note).where(Note.item_id == target.id))),
                        default=0)
            for offset, note in enumerate(sorted(notes, key=lambda n: n.position), start=1):
                note.item_id, note.position, note.updated_at = target.id, start + offset, utcnow()
                if note.group and note.group not in target.groups:
                    target.groups = [*target.groups, note.group]
                session.add(note)
            session.add(target)
        meeting = _meeting_row(session, meeting_id)
        if meeting.current_item_id == item.id:
            meeting.current_item_id = None
            session.add(meeting)
        session.flush()
        session.delete(item)
        session.flush()
        _renumber(session, [i for i in _items(session, meeting_id) if i.id != item.id])
        return len(notes)


def _notes_in_groups(session: Session, item_id: str | None, groups: set[str], meeting_id: str | None = None) -> int:
    if not groups:
        return 0
    query = select(func.count()).select_from(Note).where(col(Note.group).in_(groups))
    query = query.where(Note.item_id == item_id) if item_id else query.where(Note.meeting_id == meeting_id)
    return session.exec(query).one()


def meeting_groups(detail: MeetingDetail) -> list[str]:
    """The meeting's breakout groups, in agenda order."""
    return list(dict.fromkeys(g for item in detail.items for g in item.groups))


def add_group(engine: Engine, meeting_id: str, item_id: str, name: str) -> AgendaItemPublic:
    name = name.strip()
    if not name:
        raise InvalidInput("A breakout group needs a name.")
    with transaction(engine) as session:
        item = _item_row(session, meeting_id, item_id)
        if any(g.casefold() == name.casefold() for g in item.groups):
            raise InvalidInput(f"Item {item.position} already has a group {name!r}.")
        item.groups = [*item.groups, name]
        session.add(item)
        session.flush()
        return AgendaItemPublic.model_validate(item)


def rename_group(engine: Engine, meeting_id: str, old: str, new: str) -> int:
    """Rename a breakout group in every item and on every note; returns how many notes were renamed."""
    new = new.strip()
    if not new:
        raise InvalidInput("A breakout group needs a name.")
    with transaction(engine) as session:
        items = _items(session, meeting_id)
        found = _find_group(items, old)
        for item in items:
            if found in item.groups:
                item.groups = [new if g == found else g for g in item.groups]
                session.add(item)
        notes = list(session.exec(select(Note).where(Note.meeting_id == meeting_id, Note.group == found)).all())
        for note in notes:
            note.group, note.updated_at = new, utcnow()
            session.add(note)
        return len(notes)


def remove_group(engine: Engine, meeting_id: str, name: str) -> None:
    """Remove a breakout group no note is in (from every item that lists it)."""
    with transaction(engine) as session:
        items = _items(session, meeting_id)
        found = _find_group(items, name)
        used = _notes_in_groups(session, None, {found}, meeting_id)
        if used:
            raise InvalidInput(f"{used} note(s) are in {found!r}; rename the group, or move its notes, before "
                               "removing it.")
        for item in items:
            if found in item.groups:
                item.groups = [g for g in item.groups if g != found]
                session.add(item)


def _find_group(items: list, name: str) -> str:
    """The meeting's group a user means (its name or first letters), from items' `groups`."""
    from ..text import match_label

    groups = list(dict.fromkeys(g for item in items for g in item.groups))
    found = match_label(groups, name)
    if found is None:
        raise InvalidInput(f"No breakout group {name!r}; this meeting's groups are: {', '.join(groups) or 'none'}.")
    return found


def set_themes(engine: Engine, meeting_id: str, themes: list[str]) -> MeetingPublic:
    """Replace the theme list (order matters: the first nine have number keys). A theme notes carry cannot
    be dropped (rename it instead)."""
    with transaction(engine) as session:
        meeting = _meeting_row(session, meeting_id)
        wanted = theme_list(themes)
        dropped = {t.casefold() for t in meeting.themes} - {t.casefold() for t in wanted}
        used = [n for n in session.exec(select(Note).where(Note.meeting_id == meeting_id,
                                                           col(Note.deleted_at).is_(None)))
                if any(t.casefold() in dropped for t in n.themes)]
        if used:
            raise InvalidInput(f"{len(used)} note(s) are tagged with a theme being removed; rename the theme, or "
                               "retag the notes, first.")
        meeting.themes = wanted
        session.add(meeting)
        session.flush()
        return MeetingPublic.model_validate(meeting)


def rename_theme(engine: Engine, meeting_id: str, old: str, new: str) -> int:
    """Rename a theme in the meeting's list and on every note tagged with it; returns how many notes."""
    new = new.strip()
    if not new:
        raise InvalidInput("A theme needs a name.")
    with transaction(engine) as session:
        meeting = _meeting_row(session, meeting_id)
        found = next((t for t in meeting.themes if t.casefold() == old.strip().casefold()), None)
        if found is None:
            raise InvalidInput(f"No theme {old!r}; this meeting's themes are: {', '.join(meeting.themes) or 'none'}.")
        meeting.themes = [new if t == found else t for t in meeting.themes]
        for key in ("headings", "intros"):
            texts = getattr(meeting, key)
            if f"theme:{found}" in texts:
                setattr(meeting, key, {(f"theme:{new}" if k == f"theme:{found}" else k): v for k, v in texts.items()})
        session.add(meeting)
        notes = [n for n in session.exec(select(Note).where(Note.meeting_id == meeting_id)) if found in n.themes]
        for note in notes:
            note.themes = [new if t == found else t for t in note.themes]
            note.updated_at = utcnow()
            session.add(note)
        return len(notes)


def set_section_text(engine: Engine, meeting_id: str, kind: str, key: str, text: str) -> MeetingPublic:
    """Set (or with "" clear) a section's heading (`kind` "headings") or opening text ("intros")."""
    if kind not in ("headings", "intros"):
        raise InvalidInput(f"Unknown section text {kind!r}.")
    with transaction(engine) as session:
        meeting = _meeting_row(session, meeting_id)
        texts = {k: v for k, v in getattr(meeting, kind).items() if k != key}
        if text.strip():
            texts[key] = text.strip()
        setattr(meeting, kind, texts)
        meeting.updated_at = utcnow()
        session.add(meeting)
        session.flush()
        return MeetingPublic.model_validate(meeting)


def set_presenter(engine: Engine, meeting_id: str, position: int, presenter: str) -> InterventionPublic:
    """Record who read statement number `position` of the speakers list on behalf of its speaker ("" clears)."""
    with transaction(engine) as session:
        entries = list(session.exec(select(Intervention).where(Intervention.meeting_id == meeting_id)
                                    .order_by(col(Intervention.position))).all())
        if not 1 <= position <= len(entries):
            raise InvalidInput(f"No statement {position}: the speakers list has {len(entries)} entries.")
        entry = entries[position - 1]
        entry.presenter, entry.updated_at = presenter.strip(), utcnow()
        session.add(entry)
        session.flush()
        return InterventionPublic.model_validate(entry)


def set_section(engine: Engine, meeting_id: str, key: str, heading: str, intro: str) -> MeetingPublic:
    """Set a section's heading and opening text together ("" for either: the style's own), in one
    transaction."""
    with transaction(engine) as session:
        meeting = _meeting_row(session, meeting_id)
        for kind, text in (("headings", heading), ("intros", intro)):
            texts = {k: v for k, v in getattr(meeting, kind).items() if k != key}
            if text.strip():
                texts[key] = text.strip()
            setattr(meeting, kind, texts)
        meeting.updated_at = utcnow()
        session.add(meeting)
        session.flush()
        return MeetingPublic.model_validate(meeting)


def section_choices(detail: MeetingDetail) -> list[tuple[str, str]]:
    """(label, key) of every section a heading or an opening text may be set for: the styles' fixed
    sections, each agenda item, breakout group and theme, and each organiser's About section."""
    from exports import section_keys

    out = [(f"{key} ({', '.join(styles)})", key) for key, styles in section_keys().items()]
    out += [(f"item {item.position}: {item.title}", f"item:{item.id}") for item in detail.items]
    out += [(f"group: {group}", f"group:{group}") for group in meeting_groups(detail)]
    out += [(f"theme: {theme}", f"theme:{theme}") for theme in detail.meeting.themes]
    out += [(f"About {name}", f"about:{name}") for name in detail.meeting.organisers]
    return out
