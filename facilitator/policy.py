"""The attribution policy, in one place.

Every door asks this module: the capture screen and the `note` command (may a
speaker be recorded here?), the audit (which texts name someone who may not be
named?), anonymise, every exporter, the tracker's tables and the speakers'
statistics (may this output reach a reader?). The matching itself — every way
a name can be written — is `facilitator.names`.

The rules:

- The rule of a note is its agenda item's where the item has one, else the
  meeting's (`effective_rule`). Under a protected rule (Chatham House, not for
  attribution) no speaker is recorded (`check_speaker`) or printed.
- The protected identities of a meeting (`protected_identities`) are its
  persons not marked attributable, and the organisations they come from —
  when anything in the meeting is held under a protected rule, or when the
  person was carried over from a protected meeting of the series. The
  meeting's own organisers are not protected: a document names its hosts.
  Nor is an institution that many registered participants come from
  (`CROWD` or more): "ten officials of the European Commission" narrows the
  speaker to none of them, and house styles count participants that way.
  Delegations (a Member State, a regional organisation) are public by nature
  and never protected.
- The audit (`audit`) reads every text that can reach a reader
  (`reader_texts`): the meeting's texts, its organisers' About texts, agenda
  titles and questions, groups and themes, and each note's text, headline and
  addressee. A mention of a protected identity is a flag, unless the
  rapporteur dismissed that very mention: a dismissal is bound to one
  identity, one field and that field's exact content (`dismissal`), so an
  edit, or the same name in another field, raises the flag again.
- The final gate (`gate`) reads what the reader will read: the text of the
  rendered output itself, every format, and its metadata. A protected
  identity found there refuses the write, naming where and what, unless the
  words found are those of a mention the rapporteur dismissed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from .errors import ExportError, InvalidInput
from .text import fold
from .vocab import AUTO_SPEAKER, CARRIED, DELEGATION, ON_THE_RECORD, ORGANISATION, RULE_PHRASES

if TYPE_CHECKING:  # annotations only: the rules on speakers are read without the ORM (facilitator.quickread)
    from .models import MeetingDetail, ParticipantPublic

# The matcher (facilitator.names, with its Unicode tables) is imported when a register first matches:
# commands that only ask `is_protected` or `check_speaker` do not pay for it.
PERSON_KIND, ORG_KIND = "person", "organisation"  # as facilitator.names spells them

#: An institution at least this many registered participants come from identifies none of them: it is not
#: protected (its people still are).
CROWD = 5

#: Meeting texts that reach readers, with the label a user sees.
MEETING_FIELDS = {
    "title": "title", "subject": "subject", "place": "place", "participants_text": "participants line",
    "preceded_by": "preceded-by line", "lead": "lead paragraph", "disclaimer": "disclaimer",
    "outlook": "outlook", "byline": "byline", "kicker": "kicker", "series": "series",
    "topic": "topic", "format_noun": "format noun", "consensus": "consensus line", "summary": "summary",
}
NOTE_FIELDS = ("headline", "text", "addressee")


def effective_rule(meeting_rule: str, item_rule: str | None = None) -> str:
    """The rule an item's notes are held under: the item's own, else the meeting's."""
    return item_rule or meeting_rule


def rule_of(meeting, item=None) -> str:
    """The rule of a meeting's item (anything with a `rule`: a row or a public model; None for notes
    outside any item): `effective_rule` for callers that hold the meeting and the item."""
    return effective_rule(meeting.rule, item.rule if item is not None else None)


def protected_items(meeting_rule: str, items: Iterable) -> set[str]:
    """The ids of the items whose notes are held under a protected rule."""
    return {i.id for i in items if is_protected(effective_rule(meeting_rule, i.rule))}


def is_protected(rule: str) -> bool:
    """Does this rule protect speakers? Every rule but on-the-record does, including one this release does
    not know: the policy fails closed."""
    return not speakers_named(rule)


def speakers_named(rule: str) -> bool:
    """May speakers be named and recorded under this rule? Only on the record."""
    return rule == ON_THE_RECORD


def printed_speaker(rule: str, speaker: str | None) -> str:
    """The speaker of a note as an output may print it (search results): only under the on-the-record rule;
    under any other, even one this release does not know, nobody."""
    return (speaker or "") if rule == ON_THE_RECORD else ""


def check_speaker(rule: str) -> None:
    """Refuse to record a speaker where the rule protects speakers (the capture line and `note --speaker`)."""
    if is_protected(rule):
        raise InvalidInput(f"This item is held {RULE_PHRASES[rule]}: speakers are not recorded.")


def has_protected_part(detail: MeetingDetail) -> bool:
    return is_protected(detail.meeting.rule) or any(bool(i.rule) and is_protected(i.rule)
                                                    for i in detail.items)


def dismissal(identity: str, field: str, text: str, place: str = "") -> str:
    """The record of one dismissed flag: this identity, in this field, in exactly this text, and for a
    note's text in this place (`note_place`: its item and that item's rule), so that moving the note to
    another item, or a change of the item's rule, raises the flag again."""
    payload = f"{place}\x1f{text}" if place else text
    digest = hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{identity}|{field}|{digest}"


def note_place(detail: MeetingDetail, note) -> str:
    """Where a note's dismissals hold: its item and the rule its notes are held under."""
    return f"{note.item_id or ''}|{detail.effective_rule(note.item_id)}"


# --- who is protected ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Identity:
    """A protected identity: a person, or an organisation protected persons come from."""

    key: str  # the person's participant id, or "org:" + the organisation's folded name
    name: str
    kind: str  # names.PERSON or names.ORGANISATION
    #: The participants it stands for: the person, or the people of the organisation.
    people: tuple[ParticipantPublic, ...]
    #: A person's family name where it is not the last word of the name.
    surname: str = ""
    #: Other spellings and names the person is known by, and the name they are called by.
    aliases: tuple[str, ...] = ()
    called_by: str = ""
    #: Descriptions that point at this identity alone (a role only they hold; "participant from X"
    #: where they are the only one from X).
    phrases: tuple[str, ...] = ()
    #: A speaker registered because they spoke on the record (a keynote before a Chatham House
    #: discussion): named in on-the-record items only, protected everywhere else.
    on_record_only: bool = False

    @property
    def participant(self) -> ParticipantPublic | None:
        """The person, or one person of the organisation; None for an identity a purge removed."""
        return self.people[0] if self.people else None

    def protected(self):
        """The identity as the name matcher takes it."""
        from .names import Protected

        return Protected(self.key, self.name, self.kind, surname=self.surname or None, aliases=self.aliases,
                         called_by=self.called_by or None, phrases=self.phrases)


def _organisation_key(name: str) -> str:
    return "org:" + " ".join(fold(name).split())


def protected_identities(detail: MeetingDetail) -> list[Identity]:
    """The persons and organisations no output of this meeting may name."""
    meeting_protected = has_protected_part(detail)
    hosts = {_organisation_key(o) for o in detail.meeting.organisers}
    people: list[ParticipantPublic] = []
    organisations: dict[str, list[ParticipantPublic]] = {}
    names: dict[str, str] = {}
    for p in detail.participants:
        if (p.attributable and not _on_record_only(p)) or p.kind == DELEGATION \
                or not (meeting_protected or p.source == CARRIED):
            continue
        if p.kind == ORGANISATION:
            key = _organisation_key(p.name)
            organisations.setdefault(key, []).append(p)
            names.setdefault(key, p.name)
            continue
        people.append(p)
        if p.organisation.strip() and not _on_record_only(p):
            key = _organisation_key(p.organisation)
            organisations.setdefault(key, []).append(p)
            names.setdefault(key, p.organisation.strip())
    crowds = _crowds(detail.participants)
    found = [Identity(p.id, p.name, PERSON_KIND, (p,), p.surname, tuple(p.aliases), p.called_by,
                      _pointing_phrases(p, detail.participants), _on_record_only(p))
             for p in people]
    found += [Identity(key, names[key], ORG_KIND, tuple(members)) for key, members in organisations.items()
              if key not in hosts and key not in crowds and not identifies_nobody(names[key])]
    return found


def _on_record_only(person: ParticipantPublic) -> bool:
    """Attributable because they were named as a speaker on the record, not by the rapporteur's decision:
    a person is named only in the items whose rule allows it."""
    return person.attributable and person.source == AUTO_SPEAKER and person.kind != DELEGATION


#: Nouns a note-taker uses for someone they may not name ("a participant from Ghana").
_STAND_INS = ("participant", "speaker", "delegate", "representative", "expert", "panellist", "panelist", "official")
#: Roles that many hold or that a report names by the function, not the person.
_GENERIC_ROLES = frozenset("participant member delegate expert speaker panelist panellist moderator chair "
                           "co-chair facilitator rapporteur observer guest discussant respondent note-taker "
                           "staff adviser advisor".split())


def _pointing_phrases(person: ParticipantPublic, participants: Iterable[ParticipantPublic]) -> tuple[str, ...]:
    """Descriptions that point at this one person: a role no other participant holds ("the Foreign
    Minister"), the role with their region or organisation ("Foreign Minister of Ghana"), and, where
    they are the only participant from a region, "participant from <region>" and its like."""
    people = [p for p in participants if p.kind != DELEGATION]
    role, region, organisation = person.role.strip(), person.region.strip(), person.organisation.strip()
    phrases: list[str] = []
    if role:
        same_role = [p for p in people if fold(p.role.strip()) == fold(role)]
        if len(same_role) == 1 and fold(role) not in _GENERIC_ROLES and len(role.split()) > 1:
            phrases.append(role)
        for place in (region, organisation):  # "the Chair of Ukraine" names one person even where "Chair" does not
            if place and len([p for p in same_role if fold(p.region) == fold(place)
                              or fold(p.organisation) == fold(place)]) == 1:
                phrases += [f"{role} of {place}", f"{role} from {place}", f"{place}'s {role}", f"{place} {role}"]
    if region and len([p for p in people if fold(p.region.strip()) == fold(region)]) == 1:
        phrases += [f"{noun} from {region}" for noun in _STAND_INS]
        phrases += [f"{noun} of {region}" for noun in _STAND_INS]
    return tuple(phrases)


def spellings_checked(name: str, surname: str = "", aliases: Iterable[str] = ()) -> list[str]:
    """The other spellings of a person's name the gate looks for beyond the name and aliases given (other
    romanisations), as the participant dialog and `participants show` list them."""
    from .names import Protected, other_spellings

    return other_spellings(Protected("", name, PERSON_KIND, surname=surname or None, aliases=tuple(aliases)))


#: Words of a delegation's name that a person's name never has.
_DELEGATION_WORDS = frozenset("union league community organisation organization council commission group friends "
                              "delegation mission behalf states see secretariat secretary-general bloc alliance "
                              "cooperation forum conference".split())


def registered_kind(name: str, category: str) -> str:
    """The identity kind of a participant registered with this category and no kind: a delegation (public,
    never protected) only where the name is one — a Member State, a regional organisation, a group of
    states; a person registered with the category of their delegation ("Natalia Kuznetsova",
    member-state) stays a person, protected as any other."""
    from .vocab import identity_kind_of_category

    kind = identity_kind_of_category(category)
    if kind != DELEGATION:
        return kind
    words = set(fold(name).replace("-", " ").replace(",", " ").split())
    if identifies_nobody(name) or words & _DELEGATION_WORDS or _names_a_country(name):
        return DELEGATION
    return PERSON_KIND


def _names_a_country(name: str) -> bool:
    """"Ghana", "Mexico (on behalf of ...)", "the Holy See", "Republic of Korea": a country's name."""
    from .name_words import country_names

    folded = " ".join(fold(re.sub(r"\([^()]*\)", " ", name)).split())
    return re.sub(r"^the ", "", folded) in country_names()


def identifies_nobody(organisation: str) -> bool:
    """An institution an official of which is one of thousands (the United Nations, the European Union) or
    a Member State: naming it identifies nobody, so it is never protected."""
    from .name_words import PUBLIC_INSTITUTIONS, country_names

    words = " ".join(fold(re.sub(r"\([^()]*\)\s*$", "", organisation)).replace("-", " ").split())
    words = re.sub(r"^(the|government of( the)?|ministry of foreign affairs of( the)?) ", "", words)
    return words in PUBLIC_INSTITUTIONS or words in country_names()


def _crowds(participants: Iterable[ParticipantPublic]) -> set[str]:
    """The institutions `CROWD` or more registered persons come from (an organisation registered as a
    participant in its own right is never one: it is the one it names)."""
    counts: dict[str, int] = {}
    for p in participants:
        if p.kind not in (ORGANISATION, DELEGATION) and p.organisation.strip():
            key = _organisation_key(p.organisation)
            counts[key] = counts.get(key, 0) + 1
    own = {_organisation_key(p.name) for p in participants if p.kind == ORGANISATION}
    return {key for key, count in counts.items() if count >= CROWD and key not in own}


#: Phrases that hold a protected organisation's name and mean something else: the rule is not the institute.
_PUBLIC_PHRASES = ("Chatham House rule",)


class Register:
    """The protected identities of one meeting, with the matcher built for them (build it once per meeting)."""

    def __init__(self, detail: MeetingDetail, extra: Iterable[Identity] = ()) -> None:
        self.detail = detail
        self.identities = {i.key: i for i in [*protected_identities(detail), *extra, *_purged(detail)]}

    @cached_property
    def matcher(self):
        from .names import Matcher, Protected

        # Organisers, guests of honour and people who may be named are matched too, never reported: their names hide the
        # protected words inside them and are no slip of a protected name ("Šimonović", "Šimunović").
        hosts = [Protected(f"host:{n}", name, ORG_KIND, public=True)
                 for n, name in enumerate(self.detail.meeting.organisers) if name.strip()]
        protected = {p.id for i in self.identities.values() for p in i.people}
        named = [Protected(f"named:{p.id}", p.name, PERSON_KIND, surname=p.surname or None, public=True)
                 for p in self.detail.participants if p.id not in protected and p.kind == "person"]
        named += [Protected(f"guest:{n}", g["name"], PERSON_KIND, public=True)
                  for n, g in enumerate(self.detail.meeting.guests) if str(g.get("name", "")).strip()]
        named += [Protected(f"phrase:{n}", phrase, ORG_KIND, public=True) for n, phrase in enumerate(_PUBLIC_PHRASES)]
        in_clear = [i.protected() for i in self.identities.values() if not i.key.startswith(_PURGED)]
        return Matcher([*in_clear, *hosts, *named])

    @cached_property
    def purged_matcher(self):
        """The names a purge removed, recognised from their fingerprints (names.FingerprintMatcher)."""
        from .names import FingerprintMatcher

        return FingerprintMatcher(self.detail.meeting.fingerprints, self.detail.meeting.id, _purged_key)

    def find(self, text: str) -> list:
        if not self.identities or not text:
            return []
        if not self.detail.meeting.fingerprints:
            return self.matcher.find(text)
        return sorted([*self.matcher.find(text), *self.purged_matcher.find(text)], key=lambda h: (h.start, h.end))

    def fingerprints_after_purge(self) -> list[list]:
        """The meeting's fingerprints with those of every identity of this register in clear added: what the
        meeting keeps when a purge deletes those identities' rows (services.retention)."""
        from .names import fingerprints

        kept = list(self.detail.meeting.fingerprints)
        offset = 1 + max((entry[0] for entry in kept), default=-1)
        live = [i.protected() for i in self.identities.values() if not i.key.startswith(_PURGED)]
        return kept + [[n + offset, *rest] for n, *rest in fingerprints(live, self.detail.meeting.id)]


_PURGED = "purged:"


def _purged_key(n: int) -> str:
    return f"{_PURGED}{n}"


def _purged(detail: MeetingDetail) -> list[Identity]:
    """The identities a purge removed from this meeting, known only by their fingerprints."""
    kinds = {entry[0]: entry[1] for entry in detail.meeting.fingerprints}
    return [Identity(_purged_key(n), "a participant removed by the purge" if kind == PERSON_KIND else
                     "an organisation removed by the purge", kind, ()) for n, kind in sorted(kinds.items())]


# --- what reaches readers, and the audit ---------------------------------------------------------------


@dataclass(frozen=True)
class ReaderText:
    """One text that can reach a reader, and where it lives."""

    note_id: str | None  # None: the meeting's (or its organisers') texts
    field: str  # "text", "lead", "guests", "about:<organiser>", "organiser:<organiser>", "item:<id>" ...
    text: str
    place: str = ""  # a note's item and rule (note_place); "" for the meeting's texts

    @property
    def where(self) -> str:
        if self.note_id is not None:
            return f"note {self.note_id[:8]} ({self.field})"
        kind, _, name = self.field.partition(":")
        label = {"about": f"About text for {name}", "organiser": f"profile of {name}", "item": "agenda item",
                 "question": "guiding question", "group": "breakout group", "theme": "theme",
                 "guests": "guests of honour", "headings": f"heading of {name}",
                 "intros": f"introduction to {name}", "footnotes": f"footnote on {name}",
                 "attachment": "attachment"}.get(kind)
        return f"meeting {label or MEETING_FIELDS.get(self.field, self.field)}"


def reader_texts(detail: MeetingDetail) -> list[ReaderText]:
    m = detail.meeting
    texts = [ReaderText(None, field, getattr(m, field) or "") for field in MEETING_FIELDS]
    texts += [ReaderText(None, "guests", f"{g.get('name', '')}, {g.get('role', '')}") for g in m.guests]
    texts += [ReaderText(None, f"about:{name}", text) for name, text in m.about.items()]
    texts += [ReaderText(None, f"organiser:{o.name}", o.about) for o in detail.organisers]
    texts += [ReaderText(None, f"theme:{n}", theme) for n, theme in enumerate(m.themes, start=1)]
    for kind in ("headings", "intros", "footnotes"):
        texts += [ReaderText(None, f"{kind}:{key}", text) for key, text in getattr(m, kind).items()]
    texts += [ReaderText(None, f"attachment:{n}", text) for n, text in enumerate(m.attachments)]
    for item in detail.items:
        texts.append(ReaderText(None, f"item:{item.id}", item.title))
        texts += [ReaderText(None, f"question:{item.id}:{n}", q) for n, q in enumerate(item.guiding_questions)]
        texts += [ReaderText(None, f"group:{item.id}:{n}", g) for n, g in enumerate(item.groups)]
    for note in detail.notes:
        place = note_place(detail, note)
        texts += [ReaderText(note.id, field, getattr(note, field) or "", place) for field in NOTE_FIELDS]
        texts.append(ReaderText(note.id, "footnote", note.footnote or "", place))
    return [t for t in texts if t.text.strip()]


@dataclass(frozen=True)
class Flag:
    """One text that mentions one protected identity."""

    note_id: str | None
    field: str
    identity: str  # Identity.key
    participant_id: str  # the person, or one person of the organisation
    participant: str  # the name shown in the audit
    matched: str  # the words as written in the text
    what: str  # "name" or "organisation"
    excerpt: str
    text: str  # the whole text the flag was raised on (dismissals are bound to it)
    place: str = ""  # and, for a note, to its item and rule

    @property
    def where(self) -> str:
        return ReaderText(self.note_id, self.field, self.text).where

    @property
    def token(self) -> str:
        return dismissal(self.identity, self.field, self.text, self.place)

    @property
    def ref(self) -> str:
        """A short name for the flag a user can type (`facilitator audit MEETING --dismiss REF`)."""
        return hashlib.sha256(self.token.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def _excerpt(text: str, start: int, end: int, width: int = 30) -> str:
    left, right = max(0, start - width), min(len(text), end + width)
    return ("…" if left else "") + text[left:right].replace("\n", " ") + ("…" if right < len(text) else "")


def _dismissed(detail: MeetingDetail) -> set[str]:
    return set(detail.meeting.cleared) | {token for note in detail.notes for token in note.cleared}


#: The meeting text that says who attended: naming an institution there is attendance, not attribution,
#: once the rapporteur allows it (`attendance_allowance`).
ATTENDANCE_FIELD = "participants_text"


def attendance_allowance(organisation: str) -> str:
    """The record (kept with the meeting's dismissals) that the participants line may name `organisation`."""
    return f"attendance|{_organisation_key(organisation)}"


def _allowed_here(reader_text: ReaderText, identity: Identity, dismissed: set[str]) -> bool:
    """An institution in an allowed attendance line; a speaker on the record in a note of an on-the-record
    item (the rule of a note's place is the last part of `note_place`)."""
    if identity.on_record_only and reader_text.note_id is not None:
        return speakers_named(reader_text.place.rpartition("|")[2])
    return reader_text.field == ATTENDANCE_FIELD and f"attendance|{identity.key}" in dismissed


def audit(detail: MeetingDetail, register: Register | None = None) -> list[Flag]:
    """Every open flag: mentions of protected identities in texts that reach readers, minus dismissed ones."""
    register = register or Register(detail)
    if not register.identities:
        return []
    dismissed = _dismissed(detail)
    flags = []
    for reader_text in reader_texts(detail):
        for hit in register.find(reader_text.text):
            identity = register.identities[hit.key]
            flag = Flag(reader_text.note_id, reader_text.field, identity.key,
                        identity.participant.id if identity.participant else "",
                        identity.name, hit.matched, _flag_kind(identity, hit.what),
                        _excerpt(reader_text.text, hit.start, hit.end), reader_text.text, reader_text.place)
            if flag.token not in dismissed and not _allowed_here(reader_text, identity, dismissed):
                flags.append(flag)
    return flags


def _flag_kind(identity: Identity, what: str) -> str:
    """What the audit calls a mention: "name", "organisation", "role" (a description that points at one
    person) or "possible" (a word one slip away from a protected name: check it)."""
    if what in ("possible", "role"):
        return what
    return "organisation" if identity.kind == ORG_KIND else "name"


def dismissed_mentions(detail: MeetingDetail, register: Register) -> set[tuple[str, str]]:
    """(identity, words as written) of every dismissed or allowed mention still in the meeting's texts, and
    the name of each speaker on the record as the styles print it with their on-the-record notes."""
    dismissed = _dismissed(detail)
    kept = {(i.key, _words(i.name)) for i in register.identities.values() if i.on_record_only}
    for reader_text in reader_texts(detail):
        for hit in register.find(reader_text.text):
            if dismissal(hit.key, reader_text.field, reader_text.text, reader_text.place) in dismissed \
                    or _allowed_here(reader_text, register.identities[hit.key], dismissed):
                kept.add((hit.key, _words(hit.matched)))
    return kept


def _words(text: str) -> str:
    return " ".join(fold(text).split())


# --- anonymising ------------------------------------------------------------------------------------------


def anonymous_form(identity: Identity, participants: Iterable[ParticipantPublic] = ()) -> str:
    """How a protected identity is written instead: 'a participant', 'one
    participant from <region>', 'a participating organisation'. The region is
    named only where at least two of the meeting's `participants` come from it:
    "one participant from Ghana" names the only one from Ghana."""
    if identity.kind == ORG_KIND:
        return "a participating organisation"
    region = identity.participant.region.strip() if identity.participant else ""
    shared = [p for p in participants if p.kind != DELEGATION and fold(p.region.strip()) == fold(region)]
    return f"one participant from {region}" if region and len(shared) >= 2 else "a participant"


def anonymise_text(text: str, register: Register, keys: set[str] | None = None) -> str:
    """`text` with every mention of the given identities (default: all) in its anonymous form."""
    out, last = [], 0
    for hit in register.find(text):
        if (keys is not None and hit.key not in keys) or hit.start < last:
            continue
        replacement = anonymous_form(register.identities[hit.key], register.detail.participants)
        start = hit.start
        article = _ARTICLE_BEFORE.search(text, last, start)
        if article:  # "the FES" -> "a participating organisation", not "the a ..."
            start = article.start()
        preceding = text[:start].rstrip()
        if not preceding or preceding[-1] in ".!?:\n\"“":
            replacement = replacement[0].upper() + replacement[1:]
        out += [text[last:start], replacement]
        last = hit.end
    out.append(text[last:])
    return "".join(out)


_ARTICLE_BEFORE = re.compile(r"(?<!\w)[Tt]he\s+$")


# --- the final gate -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Leak:
    where: str  # the channel and part: "memo.docx, document properties", "tracker (csv), row 3"
    name: str
    matched: str
    excerpt: str


def leaks(texts: Iterable[tuple[str, str]], register: Register, allowed: set[tuple[str, str]] = frozenset()) \
        -> list[Leak]:
    """Mentions of protected identities in (where, text) pairs of an output, minus `allowed` (identity, words)."""
    found = []
    for where, text in texts:
        for hit in register.find(text):
            if (hit.key, _words(hit.matched)) in allowed:
                continue
            found.append(Leak(where, register.identities[hit.key].name, hit.matched,
                              _excerpt(text, hit.start, hit.end)))
    return found


def gate(texts: Iterable[tuple[str, str]], register: Register, *, what: str,
         allowed: set[tuple[str, str]] = frozenset()) -> None:
    """Refuse (ExportError, one line) an output in which a reader would read a protected identity."""
    found = leaks(texts, register, allowed)
    if found:
        first = found[0]
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        raise ExportError(f"{what} would name {first.name} ({first.where}: “{first.excerpt}”){more}, who may not "
                          "be identified; nothing was written.")
