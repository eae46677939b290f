"""The tables, and the plain models services hand to callers.

Each table follows SQLModel's split: `XBase` holds the fields, `X(table=True)`
is the row, `XPublic` is what services return (a detached copy that never
expires after a commit). Every row has a stable UUID, so a meeting can move
between laptops in a bundle and merge back without collisions.

The DDL that creates these tables lives in `facilitator.migrations`, not here:
a migration must keep creating the same schema after these classes change.
`tests/test_migrations.py` checks the two agree.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON
from sqlmodel import Field, SQLModel

from .clock import as_utc, utcnow  # noqa: F401  (the rows' timestamps; services import them from here)
from .vocab import CHATHAM_HOUSE


def new_id() -> str:
    return str(uuid.uuid4())


# --- meeting -----------------------------------------------------------------


class MeetingBase(SQLModel):
    title: str
    subject: str = ""
    date: dt.date
    end_date: dt.date | None = None
    #: Planned start of the first agenda item, "HH:MM" local time ("" if unknown).
    start_time: str = ""
    place: str = ""
    format: str = "roundtable"
    template: str = ""
    rule: str = CHATHAM_HOUSE
    organisers: list[str] = Field(default_factory=list, sa_type=JSON)
    #: Guests of honour: [{"name": ..., "role": ...}], named in the memo.
    guests: list[dict] = Field(default_factory=list, sa_type=JSON)
    #: One line on who took part, e.g. "15 civil society organisations from all continents".
    participants_text: str = ""
    #: What preceded and informed the meeting, e.g. an annual dialogue.
    preceded_by: str = ""
    current_item_id: str | None = None
    #: Themes notes can be tagged with (Information, Leadership, Politics ...).
    themes: list[str] = Field(default_factory=list, sa_type=JSON)
    # Texts the rapporteur may rewrite before export; empty means "draft it
    # from the meeting's data" (see exports.drafting).
    lead: str = ""
    disclaimer: str = ""
    outlook: str = ""
    byline: str = ""
    kicker: str = ""
    #: Per-meeting rewrites of organisers' "About" paragraphs: {name: text}.
    about: dict[str, str] = Field(default_factory=dict, sa_type=JSON)
    #: Meetings of one series (an annual dialogue) carry open recommendations forward.
    series: str = ""
    #: Per-speaker time limit in seconds (0: none), and whether to ring the terminal bell at zero.
    speaker_limit: int = 0
    bell: bool = False
    #: Dismissed audit flags on the meeting's own texts (lead, about, agenda
    #: titles ...): each is bound to one identity, one field and that field's
    #: exact content (policy.dismissal), so an edit or another field flags again.
    cleared: list[str] = Field(default_factory=list, sa_type=JSON)
    #: What a purge kept of the protected identities it removed: their name patterns with every word
    #: hashed (names.fingerprints), so that a name typed after the purge is still flagged and refused.
    fingerprints: list[list] = Field(default_factory=list, sa_type=JSON)
    #: The house style the meeting is written in unless another is asked for (exports.STYLES; from the template).
    style: str = ""
    #: What was discussed, as a phrase that reads inside a sentence ("accountability and prevention under RtoP").
    topic: str = ""
    #: The noun prose uses for the event ("conference", "policy meeting"); "" means the format's usual noun.
    format_noun: str = ""
    #: What each organiser did: {name: "hosted" | "convened" | "co-organised" | "supported" | "reported"}.
    roles: dict[str, str] = Field(default_factory=dict, sa_type=JSON)
    #: Section headings and the sentences under them, as the rapporteur rewrote them: {section key: text}.
    headings: dict[str, str] = Field(default_factory=dict, sa_type=JSON)
    intros: dict[str, str] = Field(default_factory=dict, sa_type=JSON)
    #: Footnotes on the meeting's own texts: {field ("lead", "summary", ...): footnote}.
    footnotes: dict[str, str] = Field(default_factory=dict, sa_type=JSON)
    #: A line on how the outcome was reached ("The meeting did not seek consensus; ...").
    consensus: str = ""
    #: A summary printed before the body (houses that open with one).
    summary: str = ""
    #: Documents that go with the text (the full report, the agenda), listed at its end.
    attachments: list[str] = Field(default_factory=list, sa_type=JSON)
    #: House-style settings from the template, changeable per meeting (see exports.options).
    options: dict = Field(default_factory=dict, sa_type=JSON)
    #: Groups of states statements are made on behalf of: {name: {"members": [...], "count": N, "over": bool}}.
    state_groups: dict[str, dict] = Field(default_factory=dict, sa_type=JSON)


class Meeting(MeetingBase, table=True):
    id: str = Field(default_factory=new_id, primary_key=True)
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)


class MeetingPublic(MeetingBase):
    id: str
    created_at: dt.datetime
    updated_at: dt.datetime


# --- organiser profile -------------------------------------------------------


class OrganiserBase(SQLModel):
    name: str = Field(unique=True)
    about: str = ""
    url: str = ""
    #: The name as running text writes it, with its article ("the Stanley Foundation"); "" means guessed.
    running: str = ""
    #: A short form for later mentions ("the Foundation", "FES").
    short: str = ""
    #: How this house writes dates: "day-month" (7 September 2017) or "month-day" (September 7, 2017); "" unset.
    date_format: str = ""


class Organiser(OrganiserBase, table=True):
    id: str = Field(default_factory=new_id, primary_key=True)


class OrganiserPublic(OrganiserBase):
    id: str


# --- agenda item -------------------------------------------------------------


class AgendaItemBase(SQLModel):
    meeting_id: str = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    position: int
    title: str
    kind: str = "discussion"
    planned_minutes: int = 30
    guiding_questions: list[str] = Field(default_factory=list, sa_type=JSON)
    #: Overrides the meeting's attribution rule for this item's notes (None: inherit).
    rule: str | None = None
    #: The note kind the capture line uses when none is typed.
    default_kind: str = "reflection"
    day: int = 1
    #: Names of breakout groups held under this item.
    groups: list[str] = Field(default_factory=list, sa_type=JSON)
    started_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None
    #: Set while the clock is paused; paused time is not counted as elapsed.
    paused_at: dt.datetime | None = None
    paused_seconds: int = 0
    #: Minutes moved into (+) or out of (-) this item from another.
    extra_minutes: int = 0


class AgendaItem(AgendaItemBase, table=True):
    __tablename__ = "agenda_item"
    id: str = Field(default_factory=new_id, primary_key=True)


class AgendaItemPublic(AgendaItemBase):
    id: str


# --- participant -------------------------------------------------------------


class ParticipantBase(SQLModel):
    meeting_id: str = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    name: str
    organisation: str = ""
    role: str = ""
    region: str = ""
    #: May this person be named in an export of a protected meeting?
    attributable: bool = False
    #: For dialogue annexes: panelist, regional organisation, Member State, civil society, other.
    category: str = ""
    #: person | organisation | delegation (vocab.IDENTITY_KINDS): only persons and organisations are protected.
    kind: str = "person"
    #: registered | speaker | carried (vocab): how the participant came onto the register.
    source: str = "registered"
    #: The family name where it is not the last word of `name` ("Nguyễn" in "Nguyễn Thị Minh"); "" otherwise.
    surname: str = ""
    #: Other spellings and names the person is known by ("Kemi" for "Oluwakemi Adeyemi", "Natalia
    #: Kouznetsova", "Al-Hashimi"), each also a name the attribution gate protects; none by default.
    aliases: list[str] = Field(default_factory=list, sa_type=JSON)
    #: The name the person is addressed by where custom makes a given name the name ("Abebe" for "Abebe
    #: Bekele", Icelandic, Thai "Somchai"): one of the words of `name` or of an alias; "" otherwise.
    called_by: str = ""


class Participant(ParticipantBase, table=True):
    id: str = Field(default_factory=new_id, primary_key=True)


class ParticipantPublic(ParticipantBase):
    id: str


# --- note --------------------------------------------------------------------


class NoteBase(SQLModel):
    meeting_id: str = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    item_id: str | None = Field(default=None, foreign_key="agenda_item.id", ondelete="SET NULL", index=True)
    kind: str = "reflection"
    text: str
    headline: str = ""
    addressee: str = ""
    speaker_id: str | None = Field(default=None, foreign_key="participant.id", ondelete="SET NULL")
    key: bool = False
    position: int = 0
    themes: list[str] = Field(default_factory=list, sa_type=JSON)
    #: The breakout group the note was taken in ("" outside breakouts).
    group: str = ""
    #: Dismissed audit flags on this note (an organisation named as a subject,
    #: say), each bound to one identity, one field and its exact content.
    cleared: list[str] = Field(default_factory=list, sa_type=JSON)
    #: Follow-up status of a recommendation or action (see vocab.STATUSES); "" for other kinds.
    status: str = ""
    #: The statement (speakers-list entry) the note was taken during, if any.
    intervention_id: str | None = Field(default=None, foreign_key="intervention.id", ondelete="SET NULL")
    #: Written in one paragraph with the note before it (same item and kind).
    joined: bool = False
    #: The statement a dialogue summary names as the example of its themes.
    example: bool = False
    #: A footnote printed after the note's text.
    footnote: str = ""


class Note(NoteBase, table=True):
    id: str = Field(default_factory=new_id, primary_key=True)
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)
    #: Soft delete, so that the last deletion can be undone and bundles carry it.
    deleted_at: dt.datetime | None = None


class NotePublic(NoteBase):
    id: str
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None = None


# --- speakers list -----------------------------------------------------------


class InterventionBase(SQLModel):
    """One request for the floor: queued, then speaking, then spoken (or withdrawn)."""

    meeting_id: str = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    item_id: str | None = Field(default=None, foreign_key="agenda_item.id", ondelete="SET NULL")
    participant_id: str | None = Field(default=None, foreign_key="participant.id", ondelete="SET NULL")
    position: int
    #: The person or delegation, as the speakers list writes it.
    name: str
    category: str = ""
    #: A group spoken for ("the Group of Friends of RtoP"), and how many states it has (0: unknown).
    on_behalf_of: str = ""
    members: int = 0
    language: str = ""
    status: str = "queued"
    started_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None
    seconds: int = 0
    #: Who read a statement made on behalf of another ("read by Ghana on behalf of ...").
    presenter: str = ""


class Intervention(InterventionBase, table=True):
    id: str = Field(default_factory=new_id, primary_key=True)
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)


class InterventionPublic(InterventionBase):
    id: str
    created_at: dt.datetime
    updated_at: dt.datetime


# --- merge revisions and phrases ------------------------------------------------


class NoteRevisionBase(SQLModel):
    """A version of a note that lost a merge (edited on two laptops): kept,
    never dropped, for the rapporteur to compare and restore."""

    note_id: str = Field(foreign_key="note.id", ondelete="CASCADE", index=True)
    kind: str
    text: str
    headline: str = ""
    addressee: str = ""
    themes: list[str] = Field(default_factory=list, sa_type=JSON)
    group: str = ""
    edited_at: dt.datetime
    source: str = ""


class NoteRevision(NoteRevisionBase, table=True):
    __tablename__ = "note_revision"
    id: str = Field(default_factory=new_id, primary_key=True)
    created_at: dt.datetime = Field(default_factory=utcnow)


class NoteRevisionPublic(NoteRevisionBase):
    id: str
    created_at: dt.datetime


class Phrase(SQLModel, table=True):
    """A reusable phrase the rapporteur inserts into a note with a key."""

    id: str = Field(default_factory=new_id, primary_key=True)
    position: int
    text: str


# --- follow-up ---------------------------------------------------------------


class StatusChangeBase(SQLModel):
    note_id: str = Field(foreign_key="note.id", ondelete="CASCADE", index=True)
    status: str
    date: dt.date
    comment: str = ""


class StatusChange(StatusChangeBase, table=True):
    __tablename__ = "status_change"
    id: str = Field(default_factory=new_id, primary_key=True)
    created_at: dt.datetime = Field(default_factory=utcnow)


class StatusChangePublic(StatusChangeBase):
    id: str
    created_at: dt.datetime


class NoteLinkBase(SQLModel):
    """A later note reporting on an earlier recommendation. The earlier note
    may live in a meeting not (yet) in this database, so it has no foreign key."""

    note_id: str = Field(foreign_key="note.id", ondelete="CASCADE", index=True)
    target_id: str = Field(index=True)


class NoteLink(NoteLinkBase, table=True):
    __tablename__ = "note_link"
    id: str = Field(default_factory=new_id, primary_key=True)
    created_at: dt.datetime = Field(default_factory=utcnow)


class NoteLinkPublic(NoteLinkBase):
    id: str
    created_at: dt.datetime


# --- draft -------------------------------------------------------------------


class Draft(SQLModel, table=True):
    """The capture line's unsent text, saved about once a second while typing."""

    meeting_id: str = Field(foreign_key="meeting.id", ondelete="CASCADE", primary_key=True)
    item_id: str | None = None
    text: str = ""
    updated_at: dt.datetime = Field(default_factory=utcnow)


class DraftPublic(SQLModel):
    meeting_id: str
    item_id: str | None
    text: str
    updated_at: dt.datetime


# --- composites returned by services -----------------------------------------


class MeetingDetail(SQLModel):
    """Everything an export or the review screen needs, in one read."""

    meeting: MeetingPublic
    items: list[AgendaItemPublic]
    participants: list[ParticipantPublic]
    notes: list[NotePublic]
    organisers: list[OrganiserPublic]
    #: The speakers list in speaking order (statements of a plenary dialogue).
    interventions: list[InterventionPublic] = []

    def effective_rule(self, item_id: str | None) -> str:
        """The rule of an item's notes (see policy.effective_rule)."""
        from .policy import rule_of

        return rule_of(self.meeting, next((i for i in self.items if i.id == item_id), None))

    def participant(self, participant_id: str | None) -> ParticipantPublic | None:
        for p in self.participants:
            if p.id == participant_id:
                return p
        return None
