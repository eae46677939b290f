"""Leak benchmark: does a protected participant's name reach a reader, written
the way note-takers really write it? (Run by hand; prints figures; not part of
the test suite.)

    python -m bench leaks                   # every (name, class) pair, >= 1,000 probes
    python -m bench leaks --quick           # 200 probes, for development
    python -m bench leaks [--probes N] [--seed S] [--channels report.pdf,tracker.md,docx,...]

What it does. The names are bench/leak_names/*.tsv: people of 16 origins as a
secretariat registers them (native script where the country writes another
one), with the other spellings a note-taker types (written by hand, from the
real conventions), called-by names, organisations, roles and regions; and
long-named organisations with their acronyms. A probe is one name x one class
x one channel. It creates, through the services, a Chatham House meeting in a
temporary SQLite database, registers the protected person and six other
participants (other regions, roles and organisations), adds four ordinary
notes (tests/fixtures/ordinary_sentences.txt, each checked unflagged against
that register first) and one recommendation with the form in it, then sends
the meeting through one channel and judges what came out.

Classes (the kind of form in the note):
  registered         the name as registered, or the surname alone
  alias              another spelling, registered with add_participant(aliases=[...]);
                     "not run" while that keyword does not exist
  romanisation       another spelling (romanisation, transcription, variant), NOT registered
  called-by          the called-by name or nickname alone (Selam, Khun Somchai, Kemi), the person
                     registered with called_by= (else the name as an alias, else nothing: said in
                     the output)
  initials           "NK", "N.K." for a two-word name written given name first
  email-handle       nkuznetsova@example.org, @NKuznetsova, #Kuznetsova, natalya.kuznetsova@...
  typo               one letter substituted, deleted or transposed inside a surname of 6+ letters
  org-short          an organisation (registered by its full name) by its distinctive part
                     ("the Lindqvist Institute") or its unregistered acronym ("LIPS")
  role               the registered role where one participant holds it ("the Ambassador of Greece")
  anonymised-unique  "one participant from Iceland" where only one participant is from Iceland

Channels: the 20 exports (5 house styles x 4 formats, services.exporting.export
to a temporary file), the tracker as Markdown and CSV (services.followup.
tracker_text) and the speakers statistics CSV for readers (services.speakers.
stats(for_readers=True), written as the CLI writes it). The CLI has no bundle
for readers (a bundle carries the whole meeting, for the rapporteur's own
machines), so there is no bundle channel unless write_bundle grows a readers
option.

Outcomes of a probe:
  caught        the product refused (ExportError) and its matcher hits the form in the note
                (or the refusal names the person / organisation)
  refused-other refused, but not for this form (another flag): counted neither way
  leaked        written, and the form is in what a reader reads: read back with readers that
                share no code with the product (python-docx and the raw XML parts for Word,
                pypdf for PDF, the raw text for Markdown, HTML and CSV after html.unescape),
                searched case- and accent-insensitively (NFKD, marks dropped, casefold) for
                the form next to its sentence's own words, so that a common word printed
                elsewhere ("law", "long") is not taken for the form
  not printed   written, the form is not there (the style left the note out; "(note)" counts
                the notes that were there without the form, e.g. a PDF whose font has no glyph
                for the script, where a reader sees empty boxes): counted neither way
  withheld      the channel refused by rule before reading anything (the speakers CSV of a
                Chatham House meeting): counted neither way
  not run       the class needs a keyword add_participant does not have yet

Figures printed:
  recall per class     caught / (caught + leaked); 1.00 means no form of that class reached a reader
  leaks per channel    the outcomes by channel
  recall per origin    the same, by the origin of the name (person classes)
  false positives      sentences with at least one hit of the meeting's register (policy.Register
                       .find, what the audit and the gate run) / sentences, for the hand-written
                       corpus tests/fixtures/ordinary_sentences.txt and the older
                       tests/fixtures/roundtable_sentences.txt, against (a) a register of people
                       whose names are common English words (Theresa May, Grace Young, Edward
                       Said, ...) from the UN, the EU, the AU and the World Bank, the meeting
                       organised by the Young Peacebuilders Network, and (b) every person and
                       organisation of bench/leak_names; with the 10 most frequent false hits
  export times         seconds per written export, by format (median, p95), and one PDF export of
                       a meeting of 2,000 notes with seven protected participants

The default run (every (name, class) pair once, at least 1,000 probes: 2,148
today, every channel about 93) took 98 s on the 2-core machine; --quick 12 to
26 s. --show-leaks lists every leaked probe. Nothing here is tuned to the
matcher: the figures are what the product does today.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
import unicodedata
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

NAMES_DIR = ROOT / "bench" / "leak_names"
ORGANISATIONS_FILE = "organisations.tsv"
ORDINARY = ROOT / "tests" / "fixtures" / "ordinary_sentences.txt"
ROUNDTABLE = ROOT / "tests" / "fixtures" / "roundtable_sentences.txt"

PERSON_COLUMNS = ("registered", "surname", "organisation", "role", "region", "other_spellings", "called_by")
ORGANISATION_COLUMNS = ("name", "acronym", "short_forms", "kind")

CLASSES = ("registered", "alias", "romanisation", "called-by", "initials", "email-handle", "typo", "org-short",
           "role", "anonymised-unique")
# The house styles and formats, from the one table the product reads (exports/__init__.py): a new style or
# format is a new channel here.
from exports import FORMATS as _FORMATS, STYLES as _STYLES  # noqa: E402  (light: no models, no renderers)

STYLES = tuple(_STYLES)
FORMATS = tuple(_FORMATS)
CHANNELS = tuple(f"{s}.{f}" for s in STYLES for f in FORMATS) + ("tracker.md", "tracker.csv", "speakers.csv")
QUICK_PROBES = 200
MIN_PROBES = 1000


# --- the name lists ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    origin: str
    registered: str
    surname: str
    organisation: str
    role: str
    region: str
    others: tuple[str, ...]
    called_by: tuple[str, ...]


@dataclass(frozen=True)
class Organisation:
    name: str
    acronym: str
    short_forms: tuple[str, ...]
    kind: str


def read_tsv(path: Path) -> tuple[list[str], list[list[str]]]:
    """(comment lines, rows split on tabs) of one name file."""
    comments, rows = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            comments.append(line)
        elif line.strip():
            rows.append([cell.strip() for cell in line.split("\t")])
    return comments, rows


def origin_of(path: Path, comments: list[str]) -> str:
    for line in comments:
        if line.lower().startswith("# origin:"):
            return line.split(":", 1)[1].strip()
    return path.stem


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def load_people(folder: Path = NAMES_DIR) -> list[Person]:
    people = []
    for path in sorted(folder.glob("*.tsv")):
        if path.name == ORGANISATIONS_FILE:
            continue
        comments, rows = read_tsv(path)
        origin = origin_of(path, comments)
        for row in rows:
            row = row + [""] * (len(PERSON_COLUMNS) - len(row))
            registered, surname, organisation, role, region, others, called_by = row[:len(PERSON_COLUMNS)]
            people.append(Person(origin, registered, surname, organisation, role, region, _split(others),
                                 _split(called_by)))
    return people


def load_organisations(folder: Path = NAMES_DIR) -> list[Organisation]:
    _, rows = read_tsv(folder / ORGANISATIONS_FILE)
    rows = [(row + [""] * len(ORGANISATION_COLUMNS))[:len(ORGANISATION_COLUMNS)] for row in rows]
    return [Organisation(name, acronym, _split(short), kind) for name, acronym, short, kind in rows]


# --- forms ------------------------------------------------------------------------------------------------

TITLES = {"ms", "mr", "mrs", "dr", "pak", "bu", "ibu", "mbak", "khun", "ato", "w/ro", "chị", "anh"}
ASCII_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
                               "æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "ß": "ss", "œ": "oe", "Œ": "Oe",
                               "ı": "i"})
#: Roles that are an office of the state: "the Ambassador of Greece", "Greece's Deputy Minister of Justice".
OFFICES = ("Minister", "Deputy Minister", "Foreign Minister", "Deputy Foreign Minister", "Ambassador",
           "Permanent Representative", "Special Envoy", "Commissioner")


def is_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(c, "") for c in letters)


def ascii_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(ASCII_LETTERS))
    return "".join(c for c in text if not unicodedata.combining(c))


def latin_words(p: Person) -> tuple[list[str], list[str], bool] | None:
    """(given words, family words, family first) of the person's name in Latin letters: the registered
    name when it is Latin, else the first full other spelling in Latin letters."""
    family_first = bool(p.surname) and p.registered.startswith(p.surname)
    if is_latin(p.registered):
        words = p.registered.split()
    else:
        full = [o for o in p.others if is_latin(o) and len(o.split()) >= 2
                and not ({w.casefold() for w in o.split()} & TITLES)]
        if not full:
            return None
        words = full[0].split()
    k = max(1, len(p.surname.split())) if p.surname and " " in p.surname else 1
    if len(words) == 1:
        return [], words, False
    k = min(k, len(words) - 1)
    if family_first:
        return words[k:], words[:k], True
    return words[:-k], words[-k:], False


def surname_form(p: Person) -> str:
    if p.surname:
        return p.surname
    words = p.registered.split()
    return words[-1] if len(words) > 1 else ""


def role_form(p: Person) -> str:
    if p.role.startswith(OFFICES):
        if " of " in p.role or " for " in p.role:
            return f"{p.region}'s {p.role}"
        return f"the {p.role} of {p.region}"
    return f"the {p.role} from {p.region}"


def initials_forms(p: Person) -> list[str]:
    found = latin_words(p)
    if not found:
        return []
    given, family, family_first = found
    if family_first or len(given) != 1 or len(family) != 1:
        return []
    g, f = ascii_fold(given[0])[:1].upper(), ascii_fold(family[0])[:1].upper()
    return [f"{g}{f}", f"{g}.{f}."]


def handle_forms(p: Person) -> list[str]:
    found = latin_words(p)
    if not found:
        return []
    given, family, family_first = found
    parts = [re.sub(r"[^A-Za-z]", "", ascii_fold(w)) for w in family]
    parts = [w for w in parts if w]
    if not parts:
        return []
    fam = "".join(parts).lower()
    camel = "".join(w[:1].upper() + w[1:] for w in parts)
    forms = [f"@{camel}", f"#{camel}"]
    # The given name people use: the first one, or for a name written family first the last one (Vietnamese
    # are called by it; Chinese, Korean and Japanese given names here are one word).
    first = re.sub(r"[^A-Za-z]", "", ascii_fold(given[-1] if family_first else given[0])) if given else ""
    if first:
        forms += [f"{first[0].lower()}{fam}@example.org", f"@{first[0].upper()}{camel}",
                  f"{first.lower()}.{fam}@example.org"]
    else:
        forms.append(f"{fam}@example.org")
    return forms


def typo_base(p: Person) -> str:
    found = latin_words(p)
    if not found:
        return ""
    words = [w for w in found[1] if sum(c.isalpha() for c in w) >= 6 and w.isalpha()]
    return max(words, key=len) if words else ""


def make_typo(word: str, rng: random.Random, avoid: set[str]) -> str:
    """One letter substituted, deleted, or two adjacent letters transposed, never the first letter."""
    for _ in range(50):
        kind = rng.choice(("substitution", "deletion", "transposition"))
        i = rng.randrange(1, len(word) - 1)
        if kind == "substitution":
            letter = rng.choice([c for c in "aeiounrstlkmd" if c != word[i].lower()])
            typo = word[:i] + letter + word[i + 1:]
        elif kind == "deletion":
            typo = word[:i] + word[i + 1:]
        else:
            if word[i] == word[i + 1]:
                continue
            typo = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        if fold(typo) != fold(word) and fold(typo) not in avoid:
            return typo
    return word[:1] + word[2:]


def person_forms(p: Person, cls: str) -> list[str]:
    if cls == "registered":
        return list(dict.fromkeys(f for f in (p.registered, surname_form(p)) if f))
    if cls in ("alias", "romanisation"):
        return list(p.others)
    if cls == "called-by":
        return list(p.called_by)
    if cls == "initials":
        return initials_forms(p)
    if cls == "email-handle":
        return handle_forms(p)
    if cls == "typo":
        return [typo_base(p)] if typo_base(p) else []
    if cls == "role":
        return [role_form(p)] if p.role and p.region else []
    if cls == "anonymised-unique":
        return [f"one participant from {p.region}"] if p.region else []
    return []


# --- probes -----------------------------------------------------------------------------------------------

#: (sentence with {F}, words just before {F}, words just after {F}, a phrase of the sentence's own that says
#: whether the note was printed at all).
TEMPLATES = (
    ("In the second round, {F} argued that regional early warning desks should share their data every month.",
     "second round,", "argued that", "desks should share their data"),
    ("During the exchange on mandates, {F} warned that the mission budget would not survive another cut.",
     "on mandates,", "warned that", "budget would not survive another cut"),
    ("Asked about sequencing, {F} proposed a joint training course for police and community monitors.",
     "about sequencing,", "proposed a", "training course for police and community monitors"),
    ("On the question of funding, {F} recommended that donors pool their support for village mediators.",
     "of funding,", "recommended that", "pool their support for village mediators"),
    ("Several participants agreed with {F} that the ceasefire mechanism needs civilian observers.",
     "agreed with", "that the", "ceasefire mechanism needs civilian observers"),
    ("Picking up an earlier point, {F} suggested that the secretariat publish its reviews of lessons learned.",
     "earlier point,", "suggested that", "publish its reviews of lessons learned"),
    ("Later in the session, {F} stressed that displaced families must be consulted before any return plan.",
     "the session,", "stressed that", "consulted before any return plan"),
    ("At the close of the discussion, {F} called for a standing channel between the envoy and women's groups.",
     "the discussion,", "called for", "standing channel between the envoy and"),
)


@dataclass(frozen=True)
class Pair:
    cls: str
    person: Person | None = None
    organisation: Organisation | None = None

    @property
    def label(self) -> str:
        return self.organisation.name if self.organisation else self.person.registered

    @property
    def origin(self) -> str:
        return "organisations" if self.organisation else self.person.origin


@dataclass
class Probe:
    number: int
    pair: Pair
    form: str
    template: int
    channel: str
    person: Person  # the protected person registered (for org-short: a person from the organisation)


def all_pairs(people: list[Person], organisations: list[Organisation]) -> list[Pair]:
    pairs = [Pair(cls, person=p) for p in people for cls in CLASSES
             if cls != "org-short" and person_forms(p, cls)]
    pairs += [Pair("org-short", organisation=o) for o in organisations]
    return pairs


def choose_pairs(pairs: list[Pair], count: int, rng: random.Random) -> list[Pair]:
    """`count` pairs: every pair once when count allows (then more at random), else an even share of each
    class."""
    if count >= len(pairs):
        chosen = list(pairs) + [rng.choice(pairs) for _ in range(count - len(pairs))]
    else:
        by_class: dict[str, list[Pair]] = defaultdict(list)
        for pair in pairs:
            by_class[pair.cls].append(pair)
        queues = [rng.sample(group, len(group)) for group in by_class.values()]
        chosen = []
        while len(chosen) < count:
            for queue in queues:
                if queue and len(chosen) < count:
                    chosen.append(queue.pop())
    rng.shuffle(chosen)
    return chosen


def build_probes(people, organisations, count: int, channels: list[str], seed: int) -> list[Probe]:
    rng = random.Random(seed)
    probes = []
    for n, pair in enumerate(choose_pairs(all_pairs(people, organisations), count, rng)):
        if pair.organisation:
            o = pair.organisation
            form = rng.choice([*o.short_forms, o.acronym])
            person = rng.choice(people)
        else:
            person = pair.person
            if pair.cls == "typo":
                avoid = {fold(x) for x in (*person.others, person.registered)}
                form = make_typo(typo_base(person), rng, avoid)
            else:
                form = rng.choice(person_forms(person, pair.cls))
        probes.append(Probe(n, pair, form, rng.randrange(len(TEMPLATES)), channels[n % len(channels)], person))
    return probes


# --- reading what a reader reads (no code shared with the product) ---------------------------------------

_PUNCT = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-",
                        "—": "-", "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None,
                        "\ufeff": None})


def fold(text: str) -> str:
    """Case- and accent-insensitive, one space between words: NFKD, marks dropped, casefold."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().translate(_PUNCT)
    return " ".join(text.split())


def compact(folded: str) -> str:
    """A folded text without spaces and hyphens: a PDF breaks lines, and hyphenates words, anywhere."""
    return re.sub(r"[\s\-]+", "", folded)


def docx_texts(data: bytes) -> list[str]:
    from docx import Document

    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [p.text for cell in table._cells for p in cell.paragraphs]
    for section in doc.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            parts += [p.text for p in part.paragraphs]
    props = doc.core_properties
    parts += [str(getattr(props, a) or "") for a in ("title", "subject", "author", "last_modified_by", "keywords",
                                                      "comments", "category", "content_status", "identifier")]
    # Every XML part, python-docx or not (footnotes, comments, text boxes, custom properties): the text of
    # each paragraph, and any other element text.
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if not name.endswith(".xml"):
                continue
            xml = z.read(name).decode("utf-8", "replace")
            for paragraph in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S):
                parts.append(html.unescape("".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", paragraph))))
            parts.append(html.unescape(re.sub(r"<[^>]+>", " ", xml)))
    return parts


def pdf_texts(data: bytes) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    parts = [page.extract_text() or "" for page in reader.pages]
    meta = reader.metadata or {}
    parts += [str(value) for value in meta.values()]
    return parts


def read_back(fmt: str, data: bytes) -> list[str]:
    if fmt == "docx":
        return docx_texts(data)
    if fmt == "pdf":
        return pdf_texts(data)
    raw = html.unescape(data.decode("utf-8", "replace"))
    texts = [raw]
    if fmt == "md":  # what a Markdown viewer shows: backslash escapes dropped
        texts.append(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", raw))
    if fmt == "html":
        texts.append(html.unescape(re.sub(r"<[^>]+>", " ", data.decode("utf-8", "replace"))))
    return texts


def _bounded(needle: str) -> re.Pattern:
    left = r"(?<!\w)" if needle[:1].isalnum() else ""
    right = r"(?!\w)" if needle[-1:].isalnum() else ""
    return re.compile(left + re.escape(needle) + right)


@dataclass
class Found:
    leaked: bool  # the form, next to its sentence's own words
    loose: bool  # the form anywhere (diagnostic only)
    printed: bool  # the note's own phrase


def search(texts: list[str], form: str, template: int, fmt: str) -> Found:
    _, before, after, marker = TEMPLATES[template]
    hay = fold("\n".join(texts))
    needles = [fold(f"{before} {form}"), fold(f"{form} {after}")]
    leaked = any(_bounded(n).search(hay) for n in needles)
    printed = fold(marker) in hay
    loose = bool(_bounded(fold(form)).search(hay))
    if fmt == "pdf":
        squeezed = compact(hay)
        leaked = leaked or any(compact(n) in squeezed for n in needles)
        printed = printed or compact(fold(marker)) in squeezed
        loose = loose or compact(fold(form)) in squeezed
    return Found(leaked, loose, printed)


# --- the register of one probe ----------------------------------------------------------------------------

HOST = "Civil Society Dialogue Network"
#: Six participants besides the protected one: other regions, roles and organisations than any in the name
#: lists, so that a role or a region stays unique to the protected person.
OTHERS = (
    ("Ingrid Haugland", "Bergen Centre for Peace Research", "Policy Analyst", "Norway"),
    ("Joost Verhoeven", "Utrecht Network for Civic Space", "Project Lead", "Netherlands"),
    ("Wanjiru Kamau", "Kisumu Forum for Peace", "Advocacy Officer", "Kenya"),
    ("Zsófia Kovács", "Pécs Centre for Minority Studies", "Programme Assistant", "Hungary"),
    ("Emre Aydın", "Izmir Platform for Dialogue", "Consultant", "Türkiye"),
    ("Aino Virtanen", "Tampere Institute for Mediation", "Rapporteur", "Finland"),
)


@dataclass
class Result:
    probe: Probe
    outcome: str  # caught, refused-other, leaked, not-printed, withheld, not-run, error
    note_printed: bool = False
    loose_only: bool = False
    seconds: float | None = None  # the export call, when the channel is a style x format
    detail: str = ""


@dataclass
class Context:
    engine: object
    folder: Path
    ordinary: list[str]
    rng: random.Random
    called_by_modes: Counter = field(default_factory=Counter)  # how called-by names were registered
    alias_supported: bool | None = None
    ordinary_skipped: int = 0
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))


def _register_protected(ctx: Context, meeting_id: str, probe: Probe):
    """The protected person, registered as the class says; None when the class cannot be run (no such
    keyword). The called-by name is registered with called_by= where it is a word of the name; else as an
    alias and called_by= (the nickname is a word of the alias); else as an alias alone (two words: "Lan
    Anh"); else, when add_participant has neither keyword, not at all (counted in the report)."""
    from facilitator.errors import InvalidInput
    from facilitator.services.participants import add_participant

    p, cls = probe.person, probe.pair.cls
    organisation = probe.pair.organisation.name if probe.pair.organisation else p.organisation
    base = dict(organisation=organisation, role=p.role, region=p.region, surname=p.surname)
    if cls == "alias":
        try:
            participant = add_participant(ctx.engine, meeting_id, p.registered, aliases=[probe.form], **base)
        except TypeError:
            ctx.alias_supported = False
            return None
        ctx.alias_supported = True
        return participant
    if cls == "called-by":
        # The secretariat registers every name the person is called by it knows: the first as called_by=
        # where it is a word of the name, all of them as aliases (a nickname is not a word of the name).
        called, known = p.called_by[0], [c for c in p.called_by if c.strip()]
        others = [c for c in known if c != called]
        for mode, extra in (("called_by=" + (" + aliases=" if others else ""),
                             {"called_by": called, **({"aliases": others} if others else {})}),
                            ("aliases= + called_by=", {"aliases": known, "called_by": called}),
                            ("aliases=", {"aliases": known})):
            try:
                participant = add_participant(ctx.engine, meeting_id, p.registered, **extra, **base)
            except TypeError:
                break
            except InvalidInput:
                continue
            ctx.called_by_modes[mode] += 1
            return participant
        ctx.called_by_modes["not registered"] += 1
    return add_participant(ctx.engine, meeting_id, p.registered, **base)


def _items(ctx: Context, meeting_id: str):
    from facilitator.services import list_items

    items = list_items(ctx.engine, meeting_id)
    by_kind = {}
    for item in items:
        by_kind.setdefault(item.kind, item)
    question = by_kind.get("guiding-question", items[len(items) // 2])
    others = [by_kind.get("discussion", items[0]), by_kind.get("closing", items[-1]), question,
              next((i for i in items if i.kind == "guiding-question" and i.id != question.id), items[-1])]
    return question, others


def run_probe(ctx: Context, probe: Probe) -> Result:
    from facilitator.errors import ExportError, InvalidInput
    from facilitator.policy import Register
    from facilitator.services import add_note, add_participant, create_meeting, delete_meeting, get_detail

    meeting = create_meeting(ctx.engine, "roundtable", title="Roundtable on regional prevention",
                             date=dt.date(2024, 3, 5), place="Geneva", rule="chatham-house", organisers=[HOST])
    try:
        participant = _register_protected(ctx, meeting.id, probe)
        if participant is None:
            return Result(probe, "not-run", detail="add_participant has no aliases= keyword")
        for name, organisation, role, region in OTHERS:
            add_participant(ctx.engine, meeting.id, name, organisation=organisation, role=role, region=region)
        register = Register(get_detail(ctx.engine, meeting.id))
        question, note_items = _items(ctx, meeting.id)
        for item in note_items:  # ordinary notes this register does not flag: only the probe may be refused
            for _ in range(20):
                sentence = ctx.rng.choice(ctx.ordinary)
                if not register.find(sentence):
                    add_note(ctx.engine, meeting.id, sentence, item_id=item.id)
                    break
                ctx.ordinary_skipped += 1
        text = TEMPLATES[probe.template][0].format(F=probe.form)
        add_note(ctx.engine, meeting.id, text, kind="recommendation", item_id=question.id)
        return _send(ctx, probe, meeting.id, participant, register, text, ExportError, InvalidInput)
    except Exception as exc:  # the bench reports what broke and goes on
        return Result(probe, "error", detail=f"{type(exc).__name__}: {exc}"[:200])
    finally:
        delete_meeting(ctx.engine, meeting.id)


def _targets(register, participant, probe: Probe) -> set[str]:
    if probe.pair.organisation:
        wanted = " ".join(fold(probe.pair.organisation.name).split())
        return {i.key for i in register.identities.values() if i.kind != "person" and fold(i.name) == wanted}
    return {participant.id}


def _send(ctx, probe, meeting_id, participant, register, text, ExportError, InvalidInput) -> Result:
    start = text.find(probe.form)
    end = start + len(probe.form)
    targets = _targets(register, participant, probe)
    on_form = any(h.key in targets and h.start < end and h.end > start for h in register.find(text))
    channel = probe.channel
    fmt = channel.rsplit(".", 1)[1]
    seconds = None
    try:
        if channel.startswith("tracker."):
            from facilitator.services.followup import tracker_text

            data = tracker_text(ctx.engine, fmt).encode("utf-8")
        elif channel == "speakers.csv":
            from facilitator.csvfiles import write_csv
            from facilitator.services.speakers import stats

            rows = stats(ctx.engine, meeting_id, for_readers=True)
            data = write_csv(["name", "category", "interventions", "seconds", "timed_turns", "noted_statements"],
                             [[r.name, r.category, r.interventions, r.seconds, r.timed, r.noted] for r in rows]
                             ).encode("utf-8")
        else:
            from facilitator.services.exporting import export

            style = channel.split(".")[0]
            path = ctx.folder / f"probe-{probe.number}.{fmt}"
            t0 = time.perf_counter()
            export(ctx.engine, meeting_id, style, fmt, path)
            seconds = time.perf_counter() - t0
            ctx.times[fmt].append(seconds)
            data = path.read_bytes()
            path.unlink()
    except ExportError as exc:
        named = {fold(i.name) for i in register.identities.values() if i.key in targets}
        caught = on_form or any(n and n in fold(str(exc)) for n in named)
        return Result(probe, "caught" if caught else "refused-other", detail=str(exc)[:200])
    except InvalidInput as exc:
        return Result(probe, "withheld", detail=str(exc)[:200])
    found = search(read_back(fmt, data), probe.form, probe.template, fmt)
    if found.leaked:
        return Result(probe, "leaked", True, seconds=seconds)
    return Result(probe, "not-printed", found.printed, loose_only=found.loose, seconds=seconds)


# --- false positives --------------------------------------------------------------------------------------

#: People whose names are ordinary English words, with the institutions they come from.
COMMON_WORD_PEOPLE = (
    ("Theresa May", "United Nations (UN)", "United Kingdom"), ("Grace Young", "European Union", "Canada"),
    ("Edward Said", "Columbia Centre for Palestine Studies", "United States"),
    ("Samantha Power", "World Bank", "United States"), ("Jonathan Strong", "African Union", "Ghana"),
    ("Alan Field", "Peace Direct", "United Kingdom"), ("Peter Long", "Saferworld", "Australia"),
    ("Helen Grant", "United Nations (UN)", "United Kingdom"), ("Hope Little", "Oxfam", "Jamaica"),
    ("Adrienne Rich", "Human Rights Watch", "United States"), ("Laura Bush", "World Bank", "United States"),
    ("Emma Wood", "European Union", "Ireland"), ("Anita Hill", "Amnesty International", "United States"),
    ("Rose Bishop", "Conciliation Resources", "United Kingdom"), ("Mark Banks", "European Union", "Malta"),
    ("Bill Price", "Interpeace", "New Zealand"), ("Frank Hunt", "African Union", "Zambia"),
    ("Joy Reed", "Search for Common Ground", "Barbados"), ("Faith Cook", "Young Peacebuilders Network", "Fiji"),
    ("Summer Hall", "International Alert", "United States"), ("Daniel English", "Peace Direct", "Canada"),
    ("Claire French", "Médecins du Monde", "Belgium"), ("Naomi Black", "World Bank", "South Africa"),
    ("Marcus White", "African Union", "Botswana"), ("Olivia Green", "United Nations (UN)", "Australia"),
    ("Ruth Brown", "European Union", "Scotland"), ("Martin King", "Crisis Action", "United Kingdom"),
    ("Susan Rice", "Brookings Institution", "United States"), ("Rebecca Law", "Law Society", "Hong Kong"),
    ("Kevin Ward", "Saferworld", "United Kingdom"), ("Liam Fox", "Atlantic Council", "United Kingdom"),
    ("David Lamb", "Christian Aid", "United Kingdom"), ("Sarah Page", "International Alert", "Australia"),
    ("Andrew Case", "Open Society Foundations", "United States"), ("Nina Best", "Oxfam", "Germany"),
    ("Mary Good", "Caritas Internationalis", "Ireland"), ("Ian Moss", "Chatham House", "United Kingdom"),
    ("Paula Swift", "International Peace Institute", "Canada"), ("Lucy Sharp", "Amnesty International", "Wales"),
    ("Tom Small", "Norwegian Refugee Council", "Norway"), ("Diana Wise", "CARE International", "Kenya"),
    ("Martin Short", "Peace Direct", "Canada"), ("Anna Chase", "Search for Common Ground", "United States"),
    ("Robert Mills", "Crisis Group", "Australia"), ("Sally Fields", "Human Rights Watch", "United States"),
    ("Stuart Hall", "Conciliation Resources", "Jamaica"), ("Sharon Stone", "Open Society Foundations", "Israel"),
    ("Mark Rose", "Interpeace", "South Africa"), ("Grace Good", "World Vision", "Uganda"),
    ("Frank Field", "Christian Aid", "England"), ("Joy Price", "Save the Children", "Nigeria"),
    ("Faith Power", "Plan International", "Kenya"), ("Bill Young", "United Nations (UN)", "Canada"),
)
DELEGATIONS = ("France", "Ghana", "Brazil", "Indonesia", "Norway")


def corpus(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


def _fp_registers(engine, people: list[Person], organisations: list[Organisation]):
    from facilitator.policy import Register
    from facilitator.services import add_participant, create_meeting, get_detail

    common = create_meeting(engine, "roundtable", title="Youth and prevention", date=dt.date(2024, 5, 2),
                            place="Nairobi", rule="chatham-house", organisers=["Young Peacebuilders Network"])
    for name, organisation, region in COMMON_WORD_PEOPLE:
        add_participant(engine, common.id, name, organisation=organisation, region=region)
    for state in DELEGATIONS:
        add_participant(engine, common.id, state, category="member-state")
    every = create_meeting(engine, "roundtable", title="Regional dialogue", date=dt.date(2024, 5, 3),
                           place="Vienna", rule="chatham-house", organisers=[HOST])
    for p in people:
        add_participant(engine, every.id, p.registered, organisation=p.organisation, role=p.role, region=p.region,
                        surname=p.surname)
    for o in organisations:
        add_participant(engine, every.id, o.name, kind="organisation", category="civil-society")
    return [("common-word names", Register(get_detail(engine, common.id))),
            ("leak_names people + organisations", Register(get_detail(engine, every.id)))]


def false_positives(engine, people, organisations) -> list[tuple]:
    corpora = [("ordinary_sentences", corpus(ORDINARY)), ("roundtable_sentences", corpus(ROUNDTABLE))]
    rows = []
    for label, register in _fp_registers(engine, people, organisations):
        hits: Counter = Counter()
        per_corpus = []
        for corpus_name, sentences in corpora:
            flagged = 0
            for sentence in sentences:
                found = register.find(sentence)
                flagged += bool(found)
                for h in found:
                    hits[(h.matched, register.identities[h.key].name)] += 1
            per_corpus.append((corpus_name, flagged, len(sentences)))
        rows.append((label, len(register.identities), per_corpus, hits))
    return rows


# --- timing -----------------------------------------------------------------------------------------------


def big_pdf_export(engine, folder: Path) -> tuple[float | None, str]:
    from bench.export_bench import build_meeting
    from facilitator.errors import ExportError
    from facilitator.services import add_participant
    from facilitator.services.exporting import export

    meeting_id = build_meeting(engine, 2000, random.Random(1))
    for name, organisation, role, region in OTHERS + (("Наталья Кузнецова", "Moscow Centre for Conflict Studies",
                                                       "Senior Research Fellow", "Russia"),):
        add_participant(engine, meeting_id, name, organisation=organisation, role=role, region=region)
    t0 = time.perf_counter()
    try:
        export(engine, meeting_id, "report", "pdf", folder / "big.pdf")
    except ExportError as exc:
        return time.perf_counter() - t0, f"refused: {exc}"[:120]
    return time.perf_counter() - t0, f"{(folder / 'big.pdf').stat().st_size / 1024:.0f} KiB"


def bundle_for_readers() -> str:
    """The option of write_bundle that would make a bundle for readers, if it grows one (then add a channel)."""
    import inspect

    from facilitator.services.bundles import write_bundle

    found = [name for name in inspect.signature(write_bundle).parameters if "reader" in name]
    return f"write_bundle({found[0]}=...) exists but has no channel here yet" if found else ""


def pct(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


# --- the report -------------------------------------------------------------------------------------------

OUTCOMES = ("caught", "leaked", "not-printed", "refused-other", "withheld", "not-run", "error")


def _recall(counts: Counter) -> str:
    judged = counts["caught"] + counts["leaked"]
    return f"{counts['caught'] / judged:5.2f}" if judged else "    -"


def report(results: list[Result], pairs_by_class: Counter, ctx: Context, fp_rows, big, elapsed: float,
           args) -> None:
    by_class: dict[str, Counter] = defaultdict(Counter)
    by_channel: dict[str, Counter] = defaultdict(Counter)
    by_origin: dict[str, Counter] = defaultdict(Counter)
    printed_without_form = Counter()
    loose = 0
    for r in results:
        by_class[r.probe.pair.cls][r.outcome] += 1
        by_channel[r.probe.channel][r.outcome] += 1
        if r.probe.pair.cls != "org-short":
            by_origin[r.probe.pair.origin][r.outcome] += 1
        if r.outcome == "not-printed" and r.note_printed:
            printed_without_form[r.probe.pair.cls] += 1
        loose += r.loose_only
    print(f"Leak benchmark: {len(results)} probes, seed {args.seed}, {len(set(r.probe.channel for r in results))} "
          f"channels, {elapsed:.0f} s")
    modes = ", ".join(f"{mode} {n}" for mode, n in ctx.called_by_modes.most_common()) or "no called-by probe ran"
    alias = {True: "run", False: "not run (add_participant has no aliases= keyword)"}.get(ctx.alias_supported,
                                                                                          "no alias probe ran")
    print(f"called-by names registered with: {modes}; alias class: {alias}")
    bundle = bundle_for_readers() or "none in the CLI (a bundle is the whole meeting, for the rapporteur): no channel"
    print(f"bundle for readers: {bundle}")
    print()
    head = f"{'class':<18} {'pairs':>5} {'probes':>6} {'caught':>6} {'leaked':>6} {'n.print':>7} {'(note)':>6} " \
           f"{'other':>5} {'recall':>6}"
    print("Recall per class: caught / (caught + leaked)   [n.print: not printed; (note): of which the note was "
          "printed without the form; other: refused-other, withheld, not run, error]")
    print(head)
    total = Counter()
    for cls in CLASSES:
        c = by_class.get(cls, Counter())
        total.update(c)
        other = c["refused-other"] + c["withheld"] + c["not-run"] + c["error"]
        print(f"{cls:<18} {pairs_by_class[cls]:>5} {sum(c.values()):>6} {c['caught']:>6} {c['leaked']:>6} "
              f"{c['not-printed']:>7} {printed_without_form[cls]:>6} {other:>5} {_recall(c):>6}"
              + ("   not run" if c["not-run"] and c["not-run"] == sum(c.values()) else ""))
    other = total["refused-other"] + total["withheld"] + total["not-run"] + total["error"]
    print(f"{'all':<18} {sum(pairs_by_class.values()):>5} {sum(total.values()):>6} {total['caught']:>6} "
          f"{total['leaked']:>6} {total['not-printed']:>7} {sum(printed_without_form.values()):>6} {other:>5} "
          f"{_recall(total):>6}")
    print()
    print("Leaks per channel")
    print(f"{'channel':<16} {'probes':>6} {'caught':>6} {'leaked':>6} {'n.print':>7} {'ref.oth':>7} {'withheld':>8} "
          f"{'not run':>7} {'error':>5} {'recall':>6}")
    for channel in sorted(by_channel, key=CHANNELS.index):
        c = by_channel[channel]
        print(f"{channel:<16} {sum(c.values()):>6} {c['caught']:>6} {c['leaked']:>6} {c['not-printed']:>7} "
              f"{c['refused-other']:>7} {c['withheld']:>8} {c['not-run']:>7} {c['error']:>5} {_recall(c):>6}")
    print()
    print("Recall per origin (person classes)")
    for origin in sorted(by_origin):
        c = by_origin[origin]
        print(f"  {origin:<22} probes {sum(c.values()):>4}  caught {c['caught']:>4}  leaked {c['leaked']:>4}  "
              f"recall {_recall(c)}")
    print()
    print("False positives: sentences with at least one hit of the register / sentences")
    for label, size, per_corpus, hits in fp_rows:
        line = "; ".join(f"{name} {flagged}/{n} = {flagged / n:.2%}" for name, flagged, n in per_corpus)
        allflag = sum(f for _, f, _ in per_corpus)
        alln = sum(n for _, _, n in per_corpus)
        print(f"  register: {label} ({size} protected identities)")
        print(f"    {line}; both {allflag}/{alln} = {allflag / alln:.2%}")
        if hits:
            print("    10 most frequent false hits (words as written -> identity: count):")
            for (matched, name), count in hits.most_common(10):
                print(f"      {matched!r:<28} -> {name}: {count}")
    print(f"  ordinary notes redrawn because the probe's register flagged them: {ctx.ordinary_skipped}")
    print()
    print("Export times (seconds per written export, export() whole: read, audit, build, render, gate, write)")
    print(f"  {'format':<6} {'n':>5} {'median':>8} {'p95':>8}")
    for fmt in FORMATS:
        samples = ctx.times.get(fmt, [])
        if samples:
            print(f"  {fmt:<6} {len(samples):>5} {statistics.median(samples):>8.3f} {pct(samples, 95):>8.3f}")
        else:
            print(f"  {fmt:<6} {0:>5} {'-':>8} {'-':>8}")
    seconds, what = big
    print(f"  one PDF export (report style) of a 2,000-note meeting: "
          f"{'-' if seconds is None else f'{seconds:.2f} s'} ({what})")
    print()
    print(f"Diagnostics: {loose} not-printed probe(s) whose form appears elsewhere in the output, away from its "
          "sentence (a common word printed by another note or the boilerplate; not counted as a leak)")
    if args.show_leaks:
        print()
        print("Leaked probes (channel, class, origin, registered name -> form as typed)")
        for r in sorted((r for r in results if r.outcome == "leaked"),
                        key=lambda r: (CLASSES.index(r.probe.pair.cls), r.probe.pair.origin, r.probe.channel)):
            print(f"  {r.probe.channel:<14} {r.probe.pair.cls:<18} {r.probe.pair.origin:<19} "
                  f"{r.probe.pair.label} -> {r.probe.form!r}")
    errors = [r for r in results if r.outcome in ("error", "refused-other")]
    for r in errors[:5]:
        print(f"  {r.outcome}: {r.probe.channel} {r.probe.pair.cls} {r.probe.form!r}: {r.detail}")
    if len(errors) > 5:
        print(f"  ... and {len(errors) - 5} more")


# --- main -------------------------------------------------------------------------------------------------


def parse_channels(value: str | None) -> list[str]:
    if not value:
        return list(CHANNELS)
    chosen = []
    for word in (w.strip() for w in value.split(",") if w.strip()):
        matching = [c for c in CHANNELS if c == word or c.split(".")[0] == word or c.split(".")[1] == word]
        if not matching:
            raise SystemExit(f"Unknown channel {word!r}; use a style, a format, tracker, speakers, or one of: "
                             f"{', '.join(CHANNELS)}.")
        chosen += [c for c in matching if c not in chosen]
    return chosen


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench leaks", description=__doc__.splitlines()[0])
    parser.add_argument("--probes", type=int, default=None,
                        help="number of probes (default: every (name, class) pair once, and at least 1,000)")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_PROBES} probes, for development")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show-leaks", action="store_true", help="list every leaked probe after the tables")
    parser.add_argument("--channels", default=None,
                        help="comma-separated channels, styles or formats (default: all): " + ", ".join(CHANNELS))
    args = parser.parse_args(argv)

    folder = Path(tempfile.mkdtemp(prefix="leaks-"))
    home = folder / "home"  # the export folder memory and any user data stay out of the real profile
    os.environ.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
                      FACILITATOR_DB=str(folder / "unused.db"))
    from facilitator.db import close_engine, open_engine

    started = time.perf_counter()
    people, organisations = load_people(), load_organisations()
    pairs = all_pairs(people, organisations)
    channels = parse_channels(args.channels)
    count = args.probes or (QUICK_PROBES if args.quick else max(MIN_PROBES, len(pairs)))
    probes = build_probes(people, organisations, count, channels, args.seed)
    engine = open_engine(folder / "probes.db")
    ctx = Context(engine, folder, corpus(ORDINARY), random.Random(args.seed + 1))
    results = []
    try:
        for n, probe in enumerate(probes, start=1):
            results.append(run_probe(ctx, probe))
            if n % 100 == 0:
                print(f"  ... {n}/{len(probes)} probes, {time.perf_counter() - started:.0f} s", file=sys.stderr)
        fp_engine = open_engine(folder / "false-positives.db")
        fp_rows = false_positives(fp_engine, people, organisations)
        close_engine(fp_engine)
        big_engine = open_engine(folder / "big.db")
        big = big_pdf_export(big_engine, folder)
        close_engine(big_engine)
    finally:
        close_engine(engine)
    report(results, Counter(p.cls for p in pairs), ctx, fp_rows, big, time.perf_counter() - started, args)
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
