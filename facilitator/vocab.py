"""The fixed vocabularies: attribution rules, note kinds, agenda item kinds.

They are stored as plain text in the database, so that a template or a bundle
written by hand stays readable; services validate against these tuples.
"""

CHATHAM_HOUSE = "chatham-house"
NOT_FOR_ATTRIBUTION = "not-for-attribution"
ON_THE_RECORD = "on-the-record"

RULES = (CHATHAM_HOUSE, NOT_FOR_ATTRIBUTION, ON_THE_RECORD)
#: Rules under which a non-attributable participant must never be named.
PROTECTED_RULES = (CHATHAM_HOUSE, NOT_FOR_ATTRIBUTION)


def less_protective(before: str, after: str) -> bool:
    """True when going from rule `before` to `after` would let speakers be named."""
    return before in PROTECTED_RULES and after not in PROTECTED_RULES

RULE_LABELS = {
    CHATHAM_HOUSE: "Chatham House rule",
    NOT_FOR_ATTRIBUTION: "not for attribution",
    ON_THE_RECORD: "on the record",
}

#: How a sentence says which rule a meeting was held under: "It was held {phrase}."
RULE_PHRASES = {
    CHATHAM_HOUSE: "under the Chatham House rule",
    NOT_FOR_ATTRIBUTION: "on a not-for-attribution basis",
    ON_THE_RECORD: "on the record",
}

NOTE_KINDS = (
    "reflection",
    "recommendation",
    "challenge",
    "best-practice",
    "quote",
    "action",
    "observation",
)

#: Short forms accepted on the capture line and on the command line.
NOTE_KIND_ALIASES = {
    "r": "reflection",
    "ref": "reflection",
    "rec": "recommendation",
    "c": "challenge",
    "ch": "challenge",
    "bp": "best-practice",
    "best": "best-practice",
    "q": "quote",
    "a": "action",
    "act": "action",
    "o": "observation",
    "obs": "observation",
}

ITEM_KINDS = (
    "opening",
    "keynote",
    "panel",
    "discussion",
    "guiding-question",
    "breakout",
    "plenary",
    "break",
    "closing",
)

#: Addressees a note-taker can type in two letters on the capture line.
ADDRESSEE_ALIASES = {
    "un": "UN",
    "eu": "EU",
    "cs": "civil society",
    "ms": "Member States",
    "ga": "General Assembly",
    "sg": "Secretary-General",
    "rb": "regional bodies",
}

#: A note's several addressees are kept in its one `addressee` field, in this form: "UN; Member States".
ADDRESSEE_SEPARATOR = "; "


def join_addressees(names) -> str:
    """The `addressee` field for these addressees: each once, in the order given, blanks dropped."""
    return ADDRESSEE_SEPARATOR.join(dict.fromkeys(n.strip() for n in names if n.strip()))


def split_addressees(value: str) -> list[str]:
    """A note's addressees, from its `addressee` field."""
    return [a.strip() for a in value.split(ADDRESSEE_SEPARATOR.strip()) if a.strip()]


#: SQL (SQLite and PostgreSQL alike) true when the note's `addressee` field names :addressee among its
#: addressees, whatever the case: "UN" finds "UN" and "Member States; UN", not "UNDP". The parameter is
#: `addressee_pattern(name)`; the search and the tracker both filter with it.
ADDRESSED_TO = ("(';' || lower(replace(note.addressee, '" + ADDRESSEE_SEPARATOR + "', ';')) || ';') "
                "LIKE :addressee ESCAPE '\\'")


def addressee_pattern(name: str) -> str:
    """The LIKE pattern `ADDRESSED_TO` takes for one addressee (LIKE's own wildcards escaped)."""
    escaped = name.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%;{escaped};%"


def normalise_kind(value: str) -> str | None:
    """Return the canonical note kind for a name or alias, or None."""
    key = value.strip().lower().replace("_", "-").replace(" ", "-")
    if key in NOTE_KINDS:
        return key
    return NOTE_KIND_ALIASES.get(key)


def normalise_rule(value: str) -> str | None:
    key = value.strip().lower().replace("_", "-").replace(" ", "-")
    aliases = {"chatham": CHATHAM_HOUSE, "chr": CHATHAM_HOUSE, "nfa": NOT_FOR_ATTRIBUTION,
               "otr": ON_THE_RECORD, "public": ON_THE_RECORD}
    if key in RULES:
        return key
    return aliases.get(key)


#: The most states a group of states, or a delegation speaking for one, may count (the United Nations has
#: 193 members): a larger figure is a typing slip, and a dialogue summary would print it.
MAX_STATES = 1000

#: Follow-up of recommendations and actions, in the order they usually move.
STATUSES = ("proposed", "taken-up", "in-progress", "achieved", "dropped")
OPEN_STATUSES = ("proposed", "taken-up", "in-progress")
#: Note kinds that are followed up.
FOLLOWED_KINDS = ("recommendation", "action")


def normalise_status(value: str) -> str | None:
    key = value.strip().lower().replace("_", "-").replace(" ", "-")
    return key if key in STATUSES else {"taken": "taken-up", "progress": "in-progress", "done": "achieved"}.get(key)


#: What a name on a register is. A person may be protected; an organisation is
#: protected where it would identify a protected participant; a delegation or
#: group on a speakers list (a Member State, a regional organisation, a group of
#: friends) is public by nature and never a participant "who may not be named".
PERSON, ORGANISATION, DELEGATION = "person", "organisation", "delegation"
IDENTITY_KINDS = (PERSON, ORGANISATION, DELEGATION)

#: How a participant came onto a meeting's register: typed in or imported by
#: the rapporteur; added automatically when named as a speaker; or copied from
#: a protected meeting of the series with a carried-forward text that names them.
REGISTERED, AUTO_SPEAKER, CARRIED = "registered", "speaker", "carried"

#: The speakers-list categories whose entries are delegations (see DELEGATION),
#: and those that are organisations; any other entry is a person.
DELEGATION_CATEGORIES = ("member-state", "regional-organisation")
ORGANISATION_CATEGORIES = ("civil-society",)


def identity_kind_of_category(category: str) -> str:
    """The identity kind of a speakers-list entry of this category."""
    if category in DELEGATION_CATEGORIES:
        return DELEGATION
    return ORGANISATION if category in ORGANISATION_CATEGORIES else PERSON
