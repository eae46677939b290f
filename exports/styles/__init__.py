"""House styles, and what they share: which note goes where, in which order,
written as which sentences.

A style is a module with `build(detail) -> Document` and `SECTION_TEXTS`,
the headings and opening lines a rapporteur may rewrite per meeting
(`agenda heading`, `agenda intro`). What a note of a given kind turns into
differs by style — a challenge is a key reflection in a network report but a
group's challenge in a workshop outcome — and that mapping is written down
once, here, as data (`SECTIONS`), so a style module asks "which notes go in
my reflections?" and never tests kinds itself.

=========  ====================================================================
report     reflections -> "Key reflections" bullets, each a paragraph (notes
           on one theme, or joined, form one); recommendations -> "Key
           recommendations" grouped by guiding question (or by addressee, or
           by agenda item: the `grouping` option); actions -> next steps.
memo       reflections -> the Reflections part, in paragraphs, a bold
           headline where the note has one; recommendations -> one part per
           agenda item (or per addressee), each a bold headline and a
           paragraph; actions -> next steps.
workshop   per breakout group, in agenda order: its challenges, best
           practices and recommendations as prose; plenary reflections as
           prose under their item; plenary challenges -> common challenges by
           theme; plenary recommendations -> the closing list; the keynote's
           notes -> the introduction, once.
dialogue   statements, each once, in prose by theme with tallies and the
           examples the rapporteur chose; challenges -> concerns.
update     reflections -> the numbered points; recommendations and actions
           -> the outlook.
=========  ====================================================================

`None` means the style leaves that kind out. Observations taken during the
opening, a break or the closing are procedural ("participants were reminded
of the rule") and are left out everywhere, with a line in the export's
summary saying so.

Order: agenda order, then the order the notes were captured; a note marked
key leads the notes of its own agenda item, never those of earlier items.

Attribution: a speaker is printed only through `speaker_name` (or
`attribution`, built on it), which returns a name only when the note's
effective rule — its agenda item's, else the meeting's — is on the record.
Under the Chatham House rule and not-for-attribution no style shows a
speaker, not even an attributable one: naming a guest of honour is done by
the meeting's own texts (guests, lead), which the attribution audit reads.
"""

from __future__ import annotations

import re

from facilitator.models import AgendaItemPublic, MeetingDetail, NotePublic
from facilitator.policy import speakers_named
from facilitator.vocab import split_addressees

from ..document import Block, BulletList, Heading, Inline, Paragraph, Run
from ..drafting import (
    capitalise,
    ensure_stop,
    facts_missing_from,
    join_names,
    lead_paragraphs,
    paragraphs,
    running_name,
    sentence,
    start_sentence,
    takes_article,
)

SECTIONS: dict[str, dict[str, str | None]] = {
    "report": {
        "reflection": "reflections", "observation": "reflections", "challenge": "reflections",
        "best-practice": "reflections", "quote": "reflections",
        "recommendation": "recommendations", "action": "next-steps",
    },
    "memo": {
        "reflection": "reflections", "observation": "reflections", "challenge": "reflections",
        "best-practice": "reflections", "quote": "reflections",
        "recommendation": "recommendations", "action": "next-steps",
    },
    "workshop": {
        "challenge": "challenges", "reflection": "discussion", "observation": "discussion",
        "best-practice": "best-practices", "recommendation": "recommendations",
        "quote": "discussion", "action": "next-steps",
    },
    "dialogue": {
        "reflection": "statements", "observation": "statements", "quote": "statements",
        "recommendation": "statements", "best-practice": "statements",
        "challenge": "concerns", "action": "next-steps",
    },
    "update": {
        "reflection": "reflections", "observation": "reflections", "challenge": "reflections",
        "best-practice": "reflections", "quote": "reflections",
        "recommendation": "outlook", "action": "outlook",
    },
}

#: Section keys every style honours (with their default headings).
COMMON_TEXTS = {
    "summary": "Summary",
    "next-steps": "Next steps",
    "attachments": "Attachments",
}

PROCEDURAL_ITEMS = ("opening", "closing", "break")


def section_of(style: str, note: NotePublic) -> str | None:
    return SECTIONS[style].get(note.kind)


def is_procedural(detail: MeetingDetail, note: NotePublic, style: str = "") -> bool:
    """An observation taken while the room opened, paused or closed: about the meeting, not its subject
    (a dialogue summary reports its closing remarks, so there the closing is not procedural)."""
    if note.kind != "observation":
        return False
    item = next((i for i in detail.items if i.id == note.item_id), None)
    kinds = ("opening", "break") if style == "dialogue" else PROCEDURAL_ITEMS
    return item is not None and item.kind in kinds


def notes_in(detail: MeetingDetail, style: str, section: str) -> list[NotePublic]:
    """The notes a style puts in a section, in agenda order; within an agenda item the key points first
    (`get_detail` returns notes in agenda, then capture, order; the sort is stable)."""
    order = {item.id: n for n, item in enumerate(detail.items)}
    chosen = [n for n in detail.notes if section_of(style, n) == section and not is_procedural(detail, n, style)]
    return sorted(chosen, key=lambda n: (order.get(n.item_id, len(order)), not n.key))


def omissions(detail: MeetingDetail, style: str) -> list[str]:
    """The export summary's lines on what the style left out."""
    out = []
    procedural = [n for n in detail.notes if is_procedural(detail, n, style)]
    if procedural:
        out.append(f"{len(procedural)} procedural observation(s) taken during an opening, break or closing")
    dropped = [n for n in detail.notes if section_of(style, n) is None]
    if dropped:
        out.append(f"{len(dropped)} note(s) of a kind the {style} style does not print")
    return out


def by_item(detail: MeetingDetail, notes: list[NotePublic]) -> list[tuple[AgendaItemPublic | None, list[NotePublic]]]:
    """Notes grouped by the agenda item they were captured under, items in agenda
    order, each group keeping the notes' order; notes under no item come last (None)."""
    groups: dict[str | None, list[NotePublic]] = {}
    for note in notes:
        groups.setdefault(note.item_id, []).append(note)
    ordered: list[tuple[AgendaItemPublic | None, list[NotePublic]]] = [
        (item, groups.pop(item.id)) for item in detail.items if item.id in groups]
    loose = [note for rest in groups.values() for note in rest]  # no item, or an item not in this meeting
    if loose:
        ordered.append((None, loose))
    return ordered


def speaker_name(detail: MeetingDetail, note: NotePublic) -> str:
    """The note's speaker, or "" where the rule protects speakers."""
    if not speakers_named(detail.effective_rule(note.item_id)):
        return ""
    person = detail.participant(note.speaker_id)
    return person.name if person else ""


def speaker_subject(detail: MeetingDetail, note: NotePublic) -> str:
    """The speaker as the subject of a sentence ("Zorana Šimunović", "the European Union"), or "" where
    the rule protects speakers."""
    if not speakers_named(detail.effective_rule(note.item_id)):
        return ""
    person = detail.participant(note.speaker_id)
    if person is None:
        return ""
    return person.name if person.kind == "person" else running_name(person.name)


#: Past tenses that do not end in -ed, for telling a note that starts with its verb ("Called for …").
_IRREGULAR = {"said", "spoke", "made", "gave", "took", "set", "put", "saw", "held", "sought", "brought", "led",
              "drew", "felt", "found", "thought", "told", "wrote", "read", "met", "kept", "went", "came",
              "became", "began", "chose", "knew", "meant"}
_NOT_VERBS = {"red", "bed", "need", "seed", "speed", "indeed", "united", "limited", "related", "advanced",
              "based", "armed", "concerned", "detailed", "informed", "interested", "skilled", "shared"}


def starts_with_verb(text: str) -> bool:
    """Does the text open with a verb in the past tense ("Called for …", "Stressed …")?"""
    first = re.match(r"[A-Za-z]+", text)
    if not first or not first.group(0)[0].isupper():
        return False
    word = first.group(0).lower()
    return word in _IRREGULAR or (word.endswith("ed") and word not in _NOT_VERBS and len(word) > 3)


def said(subject: str, text: str, kind: str, proper: set[str] = frozenset()) -> str:
    """A statement in reported speech: "Ghana called for …" (a note that opens with its verb), "Ghana noted
    that …", or for a quotation "Ghana said: “…”"."""
    text = text.strip().strip("\"“”")
    if kind == "quote":
        return f"{subject} said: “{ensure_stop(capitalise(text))}”"
    if starts_with_verb(text):
        return ensure_stop(f"{subject} {text[0].lower()}{text[1:]}")
    return ensure_stop(f"{subject} noted that {lower_first(text, proper)}")


# --- the rapporteur's headings and opening lines --------------------------------------------------------------


def heading(detail: MeetingDetail, key: str, default: str) -> str:
    return detail.meeting.headings.get(key, "").strip() or default


def intro(detail: MeetingDetail, key: str, default: str = "") -> list[Paragraph]:
    text = detail.meeting.intros.get(key, "").strip() or default
    return [Paragraph([Run(p)]) for p in paragraphs(text)]


def item_key(item: AgendaItemPublic) -> str:
    return f"item:{item.id}"


def texts(detail: MeetingDetail, field: str, values: list[str], **run) -> list[Paragraph]:
    """Paragraphs of a meeting text; the footnote the rapporteur attached to it follows its last one."""
    footnote = detail.meeting.footnotes.get(field, "").strip() or None
    out = [Paragraph([Run(ensure_stop(v), **run)]) for v in values]
    if out and footnote:
        out[-1].runs[-1].footnote = footnote
    return out


def lead_blocks(detail: MeetingDetail, style: str, **kwargs) -> list[Paragraph]:
    """The lead, and after a lead the rapporteur wrote, the date, place and rule it leaves out."""
    values = lead_paragraphs(detail, style, **kwargs)
    blocks = texts(detail, "lead", values)
    if detail.meeting.lead.strip():
        missing = facts_missing_from(detail, detail.meeting.lead)
        if missing:
            blocks.append(Paragraph([Run(missing)]))
    return blocks


def summary_blocks(detail: MeetingDetail, level: int = 1) -> list[Block]:
    if not detail.meeting.summary.strip():
        return []
    return [Heading(level, heading(detail, "summary", COMMON_TEXTS["summary"])),
            *texts(detail, "summary", paragraphs(detail.meeting.summary))]


def attachment_blocks(detail: MeetingDetail, level: int = 1) -> list[Block]:
    items = [a.strip() for a in detail.meeting.attachments if a.strip()]
    if not items:
        return []
    return [Heading(level, heading(detail, "attachments", COMMON_TEXTS["attachments"]), numbered=False),
            BulletList([[Run(ensure_stop(capitalise(a)))] for a in items])]


def next_steps_blocks(detail: MeetingDetail, style: str, level: int = 1) -> list[Block]:
    """Actions, and the outlook the rapporteur wrote, under "Next steps"."""
    actions = notes_in(detail, style, "next-steps")
    outlook = paragraphs(detail.meeting.outlook)
    if not actions and not outlook:
        return []
    blocks: list[Block] = [Heading(level, heading(detail, "next-steps", COMMON_TEXTS["next-steps"]))]
    blocks += intro(detail, "next-steps")
    blocks += texts(detail, "outlook", outlook)
    if actions:
        blocks.append(BulletList([note_runs(detail, n) for n in actions]))
    return blocks


# --- notes as sentences ---------------------------------------------------------------------------------------

#: Addressees as running text names them.
ADDRESSEE_NAMES = {
    "un": "the United Nations", "united nations": "the United Nations", "eu": "the European Union",
    "european union": "the European Union", "member states": "Member States", "civil society": "civil society",
    "general assembly": "the General Assembly", "secretary-general": "the Secretary-General",
    "regional bodies": "regional bodies", "security council": "the Security Council",
}
#: The short forms a text may use for an addressee ("the UN should …" addresses the United Nations).
ADDRESSEE_FORMS = {
    "the United Nations": ("UN", "United Nations"), "the European Union": ("EU", "European Union"),
    "the Secretary-General": ("Secretary-General", "UNSG", "SG"), "the General Assembly": ("General Assembly",),
}


def addressees(note: NotePublic) -> list[str]:
    """A note's addressees: several are kept in one field, separated by semicolons."""
    return split_addressees(note.addressee)


def addressee_name(addressee: str) -> str:
    """ "UN" -> "the United Nations"; "Peacebuilding Commission" -> "the Peacebuilding Commission"."""
    known = ADDRESSEE_NAMES.get(addressee.strip().casefold())
    if known:
        return known
    return running_name(addressee) if takes_article(addressee) else addressee.strip()


def mentions(text: str, addressee: str) -> bool:
    """Does the text already say whom it addresses?"""
    name = addressee_name(addressee)
    forms = {addressee.strip(), name.removeprefix("the "), *ADDRESSEE_FORMS.get(name, ())}
    return any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, re.IGNORECASE) for form in forms if form)


def addressed_to(note: NotePublic, *, context: str = "") -> list[Run]:
    """ " Addressed to the United Nations and Member States." for the addressees neither the note nor its
    `context` (the heading it stands under) names already."""
    said = f"{note.headline} {note.text} {context}"
    missing = [addressee_name(a) for a in addressees(note) if not mentions(said, a)]
    if not missing:
        return []
    return [Run(f" Addressed to {join_names(missing)}.", italic=True)]


def note_sentences(detail: MeetingDetail, note: NotePublic, *, with_headline: bool = False,
                   text: str | None = None) -> str:
    """A note's text (or `text`, part of it) as running prose: a finished sentence, a quote in quotation
    marks; on the record, reported as its speaker's ("Ghana called for …")."""
    text = note.text.strip() if text is None else text.strip()
    subject = speaker_subject(detail, note)
    if subject:
        text = start_sentence(said(subject, text, note.kind))
    elif note.kind == "quote":
        body = ensure_stop(capitalise(text.strip("\"“”")))
        text = f"“{body}”"
    else:
        text = sentence(text)
    if with_headline and note.headline.strip():
        text = f"{sentence(note.headline)} {text}"
    return text


def note_runs(detail: MeetingDetail, note: NotePublic, *, bold_headline: bool = True) -> Inline:
    """A note as one paragraph or bullet: a bold headline where it has one, its text as sentences, its
    footnote, and its speaker where the rule allows."""
    runs: Inline = []
    if note.headline.strip():
        runs.append(Run(sentence(note.headline) + " ", bold=bold_headline))
    runs.append(Run(note_sentences(detail, note), footnote=note.footnote.strip() or None))
    return runs


def groups_of(notes: list[NotePublic], *, by_theme: bool = True) -> list[list[NotePublic]]:
    """Notes that belong in one paragraph: those on the same (first) theme, and a note marked to join the
    one before it. A note with a headline of its own starts a paragraph unless it is marked to join.
    The paragraph stands where its first note stood."""
    out: list[list[NotePublic]] = []
    by_key: dict[str, list[NotePublic]] = {}
    for note in notes:
        if note.joined and out:
            out[-1].append(note)
            continue
        key = note.themes[0].casefold() if by_theme and note.themes and not note.headline.strip() else None
        if key is not None and key in by_key:
            by_key[key].append(note)
            continue
        group = [note]
        out.append(group)
        if key is not None:
            by_key[key] = group
    return out


def group_runs(detail: MeetingDetail, group: list[NotePublic], *, bold_headline: bool = True) -> Inline:
    """One paragraph of several notes: the first note's headline (bold), then every note's sentences."""
    runs: Inline = []
    head = next((n.headline.strip() for n in group if n.headline.strip()), "")
    if head:
        runs.append(Run(sentence(head) + " ", bold=bold_headline))
    for n, note in enumerate(group):
        lead = " " if n else ""
        text = note_sentences(detail, note, with_headline=bool(note.headline.strip()) and note.headline.strip() != head)
        runs.append(Run(lead + text, footnote=note.footnote.strip() or None))
    return runs


def lower_first(text: str, proper: set[str] = frozenset()) -> str:
    """A sentence or phrase set after other words: its first word in lower case, unless it is a name or
    an acronym ("RtoP", "EU", a word the meeting writes with a capital mid-sentence)."""
    text = text.strip()
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and first[1:] == first[1:].lower() and first not in proper and first != "I":
        return first.lower() + text[len(first):]
    return text


def headline_of(note: NotePublic) -> str:
    """The note's headline, or its first sentence when it has none."""
    if note.headline.strip():
        return sentence(note.headline.strip())
    text = note.text.strip()
    for match in _SENTENCE_END.finditer(text):
        words = text[:match.start()].split()
        before = words[-1].lower() if words else ""
        if text[match.start()] == "." and (before in _ABBREVIATIONS or (len(before) == 1 and before.isalpha())):
            continue  # "Dr." or an initial, not a sentence end
        return text[:match.end()].rstrip()
    return sentence(text)


def body_of(note: NotePublic) -> str:
    """The paragraph under a headline: the text, minus a first sentence used as the headline."""
    if note.headline.strip():
        return note.text.strip()
    text = note.text.strip()
    first = headline_of(note)
    return text[len(first):].strip() if text.startswith(first) else ""


#: Words that end in a full stop without ending a sentence ("Dr. Šimonović").
_ABBREVIATIONS = {"dr", "mr", "mrs", "ms", "prof", "st", "no", "nos", "art", "para", "cf", "vs", "e.g", "i.e",
                  "etc", "approx", "ca", "vol", "p", "pp", "amb", "h.e", "u.n", "u.s"}
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")
