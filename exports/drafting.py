"""Drafting: the sentences a rapporteur usually writes by hand — leads,
disclaimers, About headings, the keynote and breakout sentences — written
from the meeting's data in correct English.

What it knows about English, in one place:

- Organisations keep their article: "the Stanley Foundation convened …",
  "About the Friedrich-Ebert-Stiftung", and "The International Coalition …"
  when a sentence starts with one. A profile may say how its name runs in
  text (`running`, `short`); otherwise descriptive names ("… Foundation",
  "… Network", "… Coalition for …") take "the" and proper names ("Oxfam",
  "Chatham House", an acronym) do not.
- Dates follow the house: "7 September 2017" or "September 7, 2017" (a
  meeting option, else the first organiser profile that says, else the
  template), and a meeting over several days is a span ("12–14 May 2020").
- Numbers: one to ten in words inside a sentence, and no sentence starts
  with a digit ("Fifteen civil society organisations …").
- Leads say what the organisers did (hosted, convened, co-organised,
  supported, reported on), keep a guest of honour apart from the other
  participants, never quote the document's title as its topic, and never
  double "and".
- A text the rapporteur wrote over several paragraphs stays several
  paragraphs.

Each draft is a first draft only: the rapporteur's own text, once stored on
the meeting, always wins (`lead_paragraphs` and friends).
"""

from __future__ import annotations

import datetime as dt
import re

from facilitator.models import MeetingDetail, OrganiserPublic
from facilitator.text import capitalise
from facilitator.vocab import (
    CHATHAM_HOUSE,
    NOT_FOR_ATTRIBUTION,
    ON_THE_RECORD,
    RULE_PHRASES,
)

FORMAT_NOUNS = {
    "roundtable": "roundtable", "breakfast": "breakfast meeting", "workshop": "workshop",
    "dialogue": "dialogue", "meeting": "meeting",
}

#: What an organiser did, as the CLI takes it, and the verb a lead uses.
ROLES = ("hosted", "convened", "co-organised", "supported", "reported")
HOSTING = ("hosted", "convened", "co-organised")

#: How a house writes a date.
DAY_MONTH, MONTH_DAY = "day-month", "month-day"
DATE_FORMATS = (DAY_MONTH, MONTH_DAY)

#: The parts a named person may play besides guest of honour (the `as` of a guest entry).
PARTS = ("guest", "keynote", "chair", "moderator", "rapporteur", "panellist")

# --- organisations and their articles ------------------------------------------------------------------

#: Head nouns of descriptive names, which take "the": "the Stanley Foundation", "the European Union".
_INSTITUTIONAL = {
    "academy", "agency", "alliance", "assembly", "association", "bank", "board", "body", "bureau", "campaign",
    "centre", "center", "coalition", "commission", "committee", "conference", "consortium", "council", "court",
    "delegation", "department", "directorate", "embassy", "federation", "forum", "foundation", "fund",
    "government", "group", "initiative", "institute", "institution", "league", "ministry", "mission", "movement",
    "nations", "network", "observatory", "office", "organisation", "organization", "panel", "parliament",
    "partnership", "platform", "presidency", "programme", "program", "project", "secretariat", "service",
    "society", "states", "stiftung", "trust", "union", "unit", "republic", "federation", "kingdom", "emirates",
    "islands",
}
#: Countries whose short names take "the" in running text.
_COUNTRIES_WITH_THE = {"netherlands", "philippines", "gambia", "bahamas", "comoros", "maldives", "holy see",
                       "sudan", "niger", "congo"}
_ARTICLE = re.compile(r"^(the)\s+", re.IGNORECASE)
_QUALIFIER = re.compile(r"\s+(?:of|for|on|in|to|at|against)\s+|\s*[(,–—:]")


def strip_article(name: str) -> str:
    return _ARTICLE.sub("", name.strip())


def takes_article(name: str) -> bool:
    """Does running text put "the" before this organisation's name?"""
    name = name.strip()
    if _ARTICLE.match(name):
        return True
    if not name or name.isupper():  # an acronym: "EPLO", "FES"
        return False
    if name.lower().startswith(("university of", "office of", "group of", "friends of")):
        return True
    if name.lower() in _COUNTRIES_WITH_THE:
        return True
    head = _QUALIFIER.split(name, maxsplit=1)[0].split()
    last = head[-1].lower() if head else ""
    return any(part in _INSTITUTIONAL for part in last.split("-"))


def running_name(name: str, profile: OrganiserPublic | None = None) -> str:
    """The name as a sentence writes it mid-sentence: "the Stanley Foundation", "Oxfam"."""
    if profile is not None and profile.running.strip():
        return profile.running.strip()
    bare = strip_article(name)
    return f"the {bare}" if takes_article(name) else bare


def organisers_of(detail: MeetingDetail) -> list[tuple[OrganiserPublic, str]]:
    """(profile, role) of each organiser, in the meeting's order; a missing profile is an empty one."""
    profiles = {o.name: o for o in detail.organisers}
    out = []
    for name in detail.meeting.organisers:
        profile = profiles.get(name) or OrganiserPublic(id="", name=name)
        out.append((profile, detail.meeting.roles.get(name, "")))
    return out


def running_names(profiles: list[OrganiserPublic]) -> list[str]:
    return [running_name(p.name, p) for p in profiles]


def introduced(profiles: list[OrganiserPublic]) -> list[str]:
    """Names as a lead first writes them: with the acronym a profile gives as its short form, in
    parentheses ("the Civil Society Dialogue Network (CSDN)"), so that the reader knows it later."""
    out = []
    for p in profiles:
        short = p.short.strip()
        acronym = short and " " not in short and short.upper() == short and short not in p.name
        out.append(f"{running_name(p.name, p)} ({short})" if acronym else running_name(p.name, p))
    return out


# --- dates ------------------------------------------------------------------------------------------------


def date_format(detail: MeetingDetail) -> str:
    """The meeting's own setting, else the first organiser profile that has one, else day-month."""
    chosen = detail.meeting.options.get("date_format", "")
    if chosen in DATE_FORMATS:
        return chosen
    for organiser in detail.organisers:
        if organiser.date_format in DATE_FORMATS:
            return organiser.date_format
    return DAY_MONTH


def long_date(value: dt.date, order: str = DAY_MONTH, weekday: bool = False) -> str:
    if order == MONTH_DAY:
        text = f"{value:%B} {value.day}, {value.year}"
        return f"{value:%A}, {text}" if weekday else text
    text = f"{value.day} {value:%B %Y}"
    return f"{value:%A} {text}" if weekday else text


def date_span(start: dt.date, end: dt.date | None, order: str = DAY_MONTH, weekday: bool = False) -> str:
    """One day ("Thursday 16 February 2017") or a span ("12–14 May 2020", "May 12–14, 2020")."""
    if not end or end == start:
        return long_date(start, order, weekday)
    if order == MONTH_DAY:
        if (start.year, start.month) == (end.year, end.month):
            return f"{start:%B} {start.day}–{end.day}, {end.year}"
        if start.year == end.year:
            return f"{start:%B} {start.day} – {end:%B} {end.day}, {end.year}"
        return f"{long_date(start, order)} – {long_date(end, order)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%B %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%B} – {end.day} {end:%B %Y}"
    return f"{long_date(start)} – {long_date(end)}"


def meeting_date(detail: MeetingDetail, weekday: bool = False) -> str:
    m = detail.meeting
    return date_span(m.date, m.end_date, date_format(detail), weekday=weekday)


def days(detail: MeetingDetail) -> int:
    m = detail.meeting
    return (m.end_date - m.date).days + 1 if m.end_date and m.end_date > m.date else 1


# --- numbers and sentences -----------------------------------------------------------------------------------

_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
         "sixteen seventeen eighteen nineteen").split()
_TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}


def number_word(n: int) -> str:
    """0–99 in words ("forty-two"); larger numbers as digits."""
    if 0 <= n < 20:
        return _ONES[n]
    if 20 <= n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    return f"{n:,}"


def number(n: int) -> str:
    """A count inside a sentence: one to ten in words, larger numbers as digits."""
    return number_word(n) if 0 <= n <= 10 else f"{n:,}"


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """ "three breakout groups", "one participant", "15 statements"."""
    return f"{number(n)} {singular if n == 1 else plural or singular + 's'}"


_LEADING_NUMBER = re.compile(r"^(\d{1,2})(?=\s)")


def start_sentence(text: str) -> str:
    """A text that opens a sentence: capitalised, and a leading number under a hundred in words."""
    text = text.strip()
    text = _LEADING_NUMBER.sub(lambda m: number_word(int(m.group(1))), text)
    return capitalise(text)


def inside_sentence(text: str) -> str:
    """A text set inside a sentence: a leading count of ten or less in words ("nine organisations")."""
    text = text.strip()
    return _LEADING_NUMBER.sub(lambda m: number(int(m.group(1))), text)


_CLOSERS = "\"'”’)]»"
_STOPS = ".!?…"


def ensure_stop(text: str) -> str:
    """The text as a finished sentence: a full stop added where it ends without one (inside a closing
    quotation mark only when the quotation is the whole text)."""
    text = text.rstrip()
    if not text:
        return text
    body = text.rstrip(_CLOSERS)
    if body and body[-1] in _STOPS:
        return text
    if body and body[-1] in ",;:":
        return body[:-1] + text[len(body):] + "."
    return text + "."


def sentence(text: str) -> str:
    """A note or drafted text as a sentence: starts well, ends with punctuation."""
    return ensure_stop(start_sentence(text))


def paragraphs(text: str) -> list[str]:
    """A stored text as the paragraphs it was written in (one a line; blank lines are not paragraphs)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def join_names(names: list[str], conjunction: str = "and") -> str:
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]


def a(noun: str) -> str:
    """The noun with its indefinite article."""
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


# --- people ------------------------------------------------------------------------------------------------


def people(detail: MeetingDetail, part: str) -> list[dict]:
    """The named persons playing a part (guest of honour by default) from the meeting's guest list."""
    return [g for g in detail.meeting.guests if (g.get("as") or "guest") == part and g.get("name", "").strip()]


def person(entry: dict, *, parenthesis: bool = False) -> str:
    """ "Ivan Šimonović, the UN Special Adviser …" (an appositive), or with the role in parentheses."""
    name, role = entry.get("name", "").strip(), entry.get("role", "").strip()
    if not role:
        return name
    return f"{name} ({role})" if parenthesis else f"{name}, {role}"


def persons(entries: list[dict]) -> str:
    """One person with the role as an appositive; several with roles in parentheses, so commas never blur."""
    if len(entries) == 1:
        return person(entries[0])
    return join_names([person(e, parenthesis=True) for e in entries])


def _appositive_end(entries: list[dict]) -> str:
    """The comma that closes a single person's appositive role before the sentence goes on."""
    return "," if len(entries) == 1 and entries[0].get("role", "").strip() else ""


# --- what the meeting was ----------------------------------------------------------------------------------


def format_noun(detail: MeetingDetail) -> str:
    m = detail.meeting
    noun = m.format_noun.strip() or FORMAT_NOUNS.get(m.format, "meeting")
    if days(detail) > 1 and "day" not in noun:
        noun = f"{number_word(days(detail))}-day {noun}"
    return noun


def document_noun(kicker: str, default: str) -> str:
    """How the document names itself ("this memo", "this brief"): the last word of its kicker."""
    words = re.findall(r"[A-Za-z]+", kicker)
    return words[-1].lower() if words else default


def topic(detail: MeetingDetail) -> str:
    """What was discussed, as a phrase: the topic, else a subject written as a phrase; never the title."""
    m = detail.meeting
    if m.topic.strip():
        return m.topic.strip().rstrip(".")
    if m.subject.strip() and m.subject.strip()[0].islower():
        return m.subject.strip().rstrip(".")
    return ""


def _hosts(detail: MeetingDetail) -> tuple[list[OrganiserPublic], str, list[OrganiserPublic], list[OrganiserPublic]]:
    """(hosts, their verb, supporters, reporters)."""
    hosts, verbs, supporters, reporters = [], [], [], []
    for profile, role in organisers_of(detail):
        if role == "supported":
            supporters.append(profile)
        elif role == "reported":
            reporters.append(profile)
        else:
            hosts.append(profile)
            verbs.append(role)
    named = {v for v in verbs if v}
    verb = named.pop() if len(named) == 1 else ""
    return hosts, verb, supporters, reporters


def _host_clause(detail: MeetingDetail, default_verb: str) -> str:
    """ "the Civil Society Dialogue Network convened a roundtable" or "a roundtable was held"."""
    hosts, verb, _, _ = _hosts(detail)
    noun = format_noun(detail)
    if not hosts:
        return f"{a(noun)} was held"
    verb = verb or (default_verb if len(hosts) == 1 else "co-hosted")
    if verb == "co-organised" and len(hosts) == 1:
        verb = "organised"
    return f"{join_names(introduced(hosts))} {verb} {a(noun)}"


def _where(detail: MeetingDetail) -> str:
    return f" in {detail.meeting.place.strip()}" if detail.meeting.place.strip() else ""


def _when(detail: MeetingDetail, weekday: bool = False, *, continues: bool = False) -> str:
    """ " on 7 September 2017"; a month-day date closes with a comma when the sentence goes on after it
    ("on September 7, 2017, at which …")."""
    comma = "," if continues and date_format(detail) == MONTH_DAY else ""
    return f" on {meeting_date(detail, weekday=weekday)}{comma}"


def _support_sentence(detail: MeetingDetail) -> str:
    _, _, supporters, _ = _hosts(detail)
    if not supporters:
        return ""
    return f" It was held with the support of {join_names(introduced(supporters))}."


def _reporter_sentence(detail: MeetingDetail, noun: str) -> str:
    """ "This summary was prepared by …" for organisers who reported on a meeting others held."""
    _, _, _, reporters = _hosts(detail)
    if not reporters:
        return ""
    return f" This {noun} was prepared by {join_names(introduced(reporters))}."


def _roles_sentences(detail: MeetingDetail) -> str:
    out = ""
    for part, verb in (("keynote", "gave the keynote address"), ("chair", "chaired the meeting"),
                       ("moderator", "moderated the discussion"), ("rapporteur", "was the rapporteur")):
        entries = people(detail, part)
        if entries:
            plural = len(entries) > 1 and part != "keynote"
            phrase = verb.replace("was the rapporteur", "were the rapporteurs") if plural else verb
            out += f" {persons(entries)}{_appositive_end(entries)} {phrase}."
    return out


def _brought_together(detail: MeetingDetail) -> str:
    """ "It brought together Ivan Šimonović, …, with officials …" — guests apart from the other participants."""
    m = detail.meeting
    guests = people(detail, "guest")
    others = inside_sentence(m.participants_text) if m.participants_text.strip() else ""
    if guests and others:
        return f" It brought together {persons(guests)}{_appositive_end(guests)} with {others}."
    if guests:
        return f" Its guest of honour was {persons(guests)}."
    if others:
        return f" It brought together {others}."
    return ""


def rule_sentence(detail: MeetingDetail, subject: str = "The meeting") -> str:
    rule = detail.meeting.rule
    spoken = {n.item_id for n in detail.notes}  # a part held under another rule matters only if it was written up
    rules = {i.rule for i in detail.items if i.rule and i.rule != rule and i.id in spoken}
    text = f"{subject} was held {RULE_PHRASES[rule]}"
    if rules:
        text += ", save for parts held " + join_names([RULE_PHRASES[r] for r in sorted(rules)])
    return text + "."


def participation_sentence(detail: MeetingDetail) -> str:
    """Counts by category from the register, naming nobody (see `participation`)."""
    counts = participation(detail)
    return f" {counts}" if counts else ""


def participation(detail: MeetingDetail) -> str:
    """ "Thirty participants took part: 18 civil society experts and 12 officials." counted from the
    register's categories, in the words the meeting gives them (option `category_words`: {category:
    "singular|plural"}), naming nobody; "" when the meeting gives no words."""
    words: dict[str, str] = detail.meeting.options.get("category_words", {}) or {}
    if not words:
        return ""
    counts: dict[str, int] = {}
    for p in detail.participants:
        if p.kind == "person" and p.source == "registered":
            key = p.category or "other"
            counts[key] = counts.get(key, 0) + 1
    total = sum(counts.values())
    if not total:
        return ""
    parts = []
    for key, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        singular, _, plural = words.get(key, key.replace("-", " ")).partition("|")
        parts.append(counted(n, singular, plural or None))
    return f"{start_sentence(f'{total} participants')} took part: {join_names(parts)}."


def consensus_sentence(detail: MeetingDetail) -> str:
    text = detail.meeting.consensus.strip()
    return f" {sentence(text)}" if text else ""


# --- leads per house style -------------------------------------------------------------------------------------


def draft_report_lead(detail: MeetingDetail) -> list[str]:
    """The network report's opening: who convened what, when, where and why, and who was brought together;
    then (its own paragraph when there is more to say) who took part, the rule and how the outcome came about."""
    m = detail.meeting
    about = f" to discuss {topic(detail)}" if topic(detail) else ""
    first = (f"{capitalise(_host_clause(detail, 'convened'))}{_where(detail)}"
             f"{_when(detail, weekday=True, continues=bool(about))}{about}.")
    first += _support_sentence(detail) + _brought_together(detail) + _roles_sentences(detail)
    if m.preceded_by.strip():
        first += f" It followed {m.preceded_by.strip().rstrip('.')}."
    first += _reporter_sentence(detail, "report")
    closing = participation_sentence(detail).strip()
    closing = (closing + " " + rule_sentence(detail)).strip() + consensus_sentence(detail)
    if participation(detail) or m.consensus.strip():
        return [first, closing]
    return [f"{first} {closing}"]


_SETTINGS = {
    NOT_FOR_ATTRIBUTION: "In an informal setting, not for attribution",
    CHATHAM_HOUSE: "Under the Chatham House rule",
    ON_THE_RECORD: "On the record",
}


def draft_memo_lead(detail: MeetingDetail, kicker: str = "Policy Memo") -> list[str]:
    """The memo's lead: partners, format, who met whom, the setting, what preceded it, what the memo does."""
    m = detail.meeting
    hosts, _, _, _ = _hosts(detail)
    guests = people(detail, "guest")
    others = inside_sentence(m.participants_text) if m.participants_text.strip() else ""
    when = f"On {meeting_date(detail)}, "
    if hosts:
        text = f"{capitalise(_host_clause(detail, 'hosted'))}{_where(detail)}"
        text += _when(detail, continues=bool(guests or others))
        if guests and others:
            text += f" at which {others} met {persons(guests)}."
        elif guests:
            text += f" with {persons(guests)}."
        elif others:
            text += f" for {others}."
        else:
            text += "."
    elif others and guests:
        text = f"{when}{others} met {persons(guests)} at {a(format_noun(detail))}{_where(detail)}."
    else:
        text = f"{when}{a(format_noun(detail))} was held{_where(detail)}."
    text += _support_sentence(detail) + _roles_sentences(detail)
    about = topic(detail)
    text += (f" {_SETTINGS[m.rule]}, participants put forward recommendations after discussing {about}."
             if about else f" {_SETTINGS[m.rule]}, participants discussed the questions before them and put "
                           "forward recommendations.")
    if m.preceded_by.strip():
        text += f" The meeting followed {m.preceded_by.strip().rstrip('.')}, which informed the discussion."
    noun = document_noun(kicker, "memo")
    text += (f" This {noun} sets out the main lines of the conversation and the recommendations that emerged "
             f"from it.")
    extra = (participation_sentence(detail).strip() + consensus_sentence(detail)).strip()
    return [text, extra] if extra else [text]


def draft_workshop_lead(detail: MeetingDetail) -> list[str]:
    """The workshop introduction's opening: dates, hosts and partners, place, topic, who attended."""
    m = detail.meeting
    about = f" on {topic(detail)}" if topic(detail) else ""
    text = (f"{capitalise(_host_clause(detail, 'hosted'))}{_where(detail)}"
            f"{_when(detail, continues=bool(about))}{about}.")
    text += _support_sentence(detail)
    if m.participants_text.strip():
        text += f" Participants came from {inside_sentence(m.participants_text)}."
    text += participation_sentence(detail)
    if m.preceded_by.strip():
        text += f" It followed {m.preceded_by.strip().rstrip('.')}."
    return [text]


def draft_dialogue_lead(detail: MeetingDetail) -> list[str]:
    m = detail.meeting
    about = f" on {topic(detail)}" if topic(detail) else ""
    text = (f"{capitalise(_host_clause(detail, 'convened'))}{_where(detail)}"
            f"{_when(detail, continues=bool(about))}{about}.")
    text += _support_sentence(detail) + _roles_sentences(detail)
    if m.preceded_by.strip():
        text += f" It followed {m.preceded_by.strip().rstrip('.')}."
    text += f" {rule_sentence(detail, 'The dialogue')}" + consensus_sentence(detail)
    return [text + _reporter_sentence(detail, "summary")]


def draft_update_lead(detail: MeetingDetail) -> list[str]:
    m = detail.meeting
    about = f" on {topic(detail)}" if topic(detail) else ""
    text = (f"{capitalise(_host_clause(detail, 'hosted'))}{_where(detail)}"
            f"{_when(detail, continues=bool(about))}{about}.")
    text += _brought_together(detail) + _roles_sentences(detail)
    if m.preceded_by.strip():
        text += f" It followed {m.preceded_by.strip().rstrip('.')}."
    return [text]


LEADS = {"report": draft_report_lead, "memo": draft_memo_lead, "workshop": draft_workshop_lead,
         "dialogue": draft_dialogue_lead, "update": draft_update_lead}


def lead_paragraphs(detail: MeetingDetail, style: str, **kwargs) -> list[str]:
    """The rapporteur's lead, paragraph by paragraph, or the style's draft."""
    if detail.meeting.lead.strip():
        return paragraphs(detail.meeting.lead)
    return LEADS[style](detail, **kwargs)


def facts_missing_from(detail: MeetingDetail, text: str) -> str:
    """After a lead the rapporteur wrote: a sentence with the date, place and rule it does not give, so
    that no document loses them ("" when the lead says them all)."""
    m = detail.meeting
    folded = text.casefold()
    parts = []
    if m.place.strip() and m.place.strip().casefold() not in folded:
        parts.append(f"in {m.place.strip()}")
    if str(m.date.year) not in text or m.date.strftime("%B").casefold() not in folded:
        parts.append(f"on {meeting_date(detail)}")
    rule = RULE_PHRASES[m.rule]
    if not any(word in folded for word in ("chatham house", "not for attribution", "not-for-attribution",
                                           "on the record", "on-the-record")):
        parts.append(rule)
    if not parts:
        return ""
    return f"The {format_noun(detail)} took place {' '.join(parts)}."


# --- closing texts -------------------------------------------------------------------------------------------


def draft_disclaimer(detail: MeetingDetail, noun: str = "memo") -> str:
    return (f"This {noun} summarises the main threads of the discussion as the rapporteur understood them. It "
            "does not necessarily represent the views of the organisers or of any participant. Participants have "
            "neither reviewed nor approved the text, and no participant should be taken to endorse every "
            "observation or recommendation in it.")


def disclaimer_paragraphs(detail: MeetingDetail, noun: str = "memo", *, drafted: bool = True) -> list[str]:
    """The rapporteur's disclaimer, else (where the house prints one) the drafted one."""
    if detail.meeting.disclaimer.strip():
        return paragraphs(detail.meeting.disclaimer)
    return [draft_disclaimer(detail, noun)] if drafted else []


def about_heading(detail: MeetingDetail, organiser: OrganiserPublic) -> str:
    custom = detail.meeting.headings.get(f"about:{organiser.name}", "").strip()
    return custom or f"About {running_name(organiser.name, organiser)}"


def about_paragraphs(detail: MeetingDetail, organiser: OrganiserPublic) -> list[str]:
    """The organiser's About text (this meeting's rewrite first), with its web address; [] when there is
    none: no filler is ever written in an organiser's name."""
    text = detail.meeting.about.get(organiser.name, "").strip() or organiser.about.strip()
    if not text and not organiser.url.strip():
        return []
    out = paragraphs(text)
    if organiser.url.strip():
        where = f"Online at {organiser.url.strip()}."
        if out:
            out[-1] = f"{ensure_stop(out[-1])} {where}"
        else:
            out = [f"{capitalise(running_name(organiser.name, organiser))} is online at {organiser.url.strip()}."]
    return out


def extra_about_sections(detail: MeetingDetail) -> list[tuple[str, list[str]]]:
    """About sections the rapporteur added under a heading of their own ("About the conference"): the
    meeting's About texts whose key is not one of its organisers."""
    names = set(detail.meeting.organisers)
    return [(heading, paragraphs(text)) for heading, text in detail.meeting.about.items()
            if heading not in names and text.strip()]


def about_sections(detail: MeetingDetail) -> list[tuple[str, list[str]]]:
    """[(heading, paragraphs)]: one per organiser with an About text, then the rapporteur's own."""
    out = []
    for organiser, _ in organisers_of(detail):
        body = about_paragraphs(detail, organiser)
        if body:
            out.append((about_heading(detail, organiser), body))
    return out + extra_about_sections(detail)
