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
from ..vocab import AUTO_SPEAKER, RULES, normalise_rule
from ._db import reading, transaction


class MeetingSummary(MeetingPublic):
    note_count: int = 0
    item_count: int = 0


def parse_date(value: str, field: str = "date") -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(f"Bad {field} {value!r}: use YYYY-MM-DD, e.g. 2017-09-07.") from None


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
) -> MeetingPublic:
    """Create a meeting and its agenda from a template, in one transaction."""
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
        participants_text=tpl.participants,
        series=series.strip(),
    )
    with transaction(engine) as session:
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
        matches = session.exec(select(Meeting).where(col(Meeting.id).startswith(ref)).limit(2)).all()
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
    "participants_text", "preceded_by", "themes", "series", "speaker_limit", "bell", "lead", "disclaimer", "outlook", "byline", "kicker", "about",
}
MAX_THEMES = 9


def update_meeting(engine: Engine, meeting_id: str, **changes) -> MeetingPublic:
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise InvalidInput(f"Cannot edit field(s): {', '.join(sorted(unknown))}.")
    if "rule" in changes:
        changes["rule"] = check_rule(changes["rule"])
    if "title" in changes and not str(changes["title"]).strip():
        raise InvalidInput("A meeting needs a title.")
    if "themes" in changes:
        themes = list(dict.fromkeys(t.strip() for t in changes["themes"] if t.strip()))
        if len(themes) > MAX_THEMES:
            raise InvalidInput(f"A meeting can have at most {MAX_THEMES} themes (one per number key).")
        changes["themes"] = themes
    if "speaker_limit" in changes and not 0 <= int(changes["speaker_limit"]) <= 3600:
        raise InvalidInput("A speaking-time limit is between 0 (none) and 3600 seconds.")
    for guest in changes.get("guests", []):
        if not isinstance(guest, dict) or not str(guest.get("name", "")).strip():
            raise InvalidInput('A guest of honour needs a name, as "NAME, ROLE".')
    with transaction(engine) as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFound(f"No meeting with id {meeting_id!r}.")
        for name, value in changes.items():
            setattr(meeting, name, value)
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
            select(Intervention).where(Intervention.meeting_id == meeting_id).order_by(col(Intervention.position))
        ).all()
        return MeetingDetail(
            interventions=[InterventionPublic.model_validate(i) for i in interventions],
            meeting=MeetingPublic.model_validate(meeting),
            items=[AgendaItemPublic.model_validate(i) for i in items],
            participants=[ParticipantPublic.model_validate(p) for p in participants],
            notes=[NotePublic.model_validate(n) for n in notes],
            organisers=organisers,
        )
