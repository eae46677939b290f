"""What a search asks of the database, without SQLAlchemy: the user's query
read into terms, the filters as SQL conditions, SQLite's FTS5 statement, and a
row found as the fields of a hit, the speaker left out wherever the attribution
rule says so (facilitator.policy.printed_speaker).

The search service (facilitator.services.search) runs these through its
engine, on SQLite or PostgreSQL; `facilitator search` on a plain SQLite file
runs the same statement with sqlite3 alone (facilitator.quickread), so that it
answers without waiting for the ORM to import. One query, one set of filters,
one rule on speakers, whichever door a search comes by.

The user's query is never handed to the database as is: it is read once into
terms (`parse_query`) — words (all must match), "double quotes" for a phrase,
a trailing * for a prefix — and each database gets those terms in its own
syntax. So no input can be a syntax error, both databases find the same
notes, and accents and case do not matter ('Simonovic' finds 'Šimonović').
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from .errors import InvalidInput
from .policy import printed_speaker
from .vocab import ADDRESSED_TO, addressee_pattern, normalise_kind, normalise_rule

HIGHLIGHT = ("[", "]")
#: Above this many matches, results come newest first instead of by bm25
#: relevance: scoring tens of thousands of rows costs ~70 ms, and for a term
#: that common, recency says more than term frequency.
RANK_LIMIT = 3000
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


class Term(NamedTuple):
    """Words that must stand together in this order (one word, or a phrase); `prefix`: the last may go on."""

    words: tuple[str, ...]
    prefix: bool = False


def parse_query(query: str) -> list[Term]:
    """What a user typed, as terms that must all match."""
    terms: list[Term] = []
    for phrase, word in _TOKEN.findall(query):
        if phrase:
            words = re.findall(r"\w+", phrase)
            if words:
                terms.append(Term(tuple(words)))
            continue
        parts = re.findall(r"\w+", word)
        terms.extend(Term((part,)) for part in parts)
        if word.endswith("*") and parts:
            terms[-1] = Term(terms[-1].words, prefix=True)
    if not terms:
        raise InvalidInput("Type at least one word to search for.")
    return terms


def fts_query(query: str) -> str:
    """Turn what a user typed into a safe FTS5 MATCH expression."""
    return " AND ".join('"' + " ".join(t.words) + '"' + ("*" if t.prefix else "") for t in parse_query(query))


def conditions(
    query: str,
    *,
    postgresql: bool = False,
    kind: str | None = None,
    addressee: str | None = None,
    theme: str | None = None,
    rule: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    meeting_id: str | None = None,
    limit: int = 50,
) -> tuple[list[str], dict]:
    """The WHERE conditions and the parameters of a search (FTS5's MATCH on SQLite; PostgreSQL's query is
    built from the terms by facilitator.dialects.pg_search). A filter a user got wrong is one sentence."""
    where = ["note.deleted_at IS NULL"]
    params: dict = {"limit": limit, "open": HIGHLIGHT[0], "close": HIGHLIGHT[1]}
    if not postgresql:  # (PostgreSQL's query is built from parse_query's terms: pg_search)
        where.insert(0, "note_fts MATCH :match")
        params["match"] = fts_query(query)
    if kind:
        where.append("note.kind = :kind")
        params["kind"] = _known(kind, normalise_kind, "note kind")
    if addressee:
        where.append(ADDRESSED_TO)
        params["addressee"] = addressee_pattern(addressee)
    if theme:
        elements = "jsonb_array_elements_text(note.themes) AS theme(value)" if postgresql else "json_each(note.themes)"
        where.append(f"EXISTS (SELECT 1 FROM {elements} WHERE lower(value) = lower(:theme))")
        params["theme"] = theme.strip()
    if rule:
        where.append("COALESCE(agenda_item.rule, meeting.rule) = :rule")
        params["rule"] = _known(rule, normalise_rule, "attribution rule")
    if since:
        where.append("meeting.date >= :since")
        params["since"] = since.isoformat()
    if until:
        where.append("meeting.date <= :until")
        params["until"] = until.isoformat()
    if meeting_id:
        where.append("note.meeting_id = :meeting_id")
        params["meeting_id"] = meeting_id
    return where, params


def _known(value: str, normalise, what: str) -> str:
    """The canonical form of a kind or a rule a user typed, or one sentence saying it is unknown."""
    canonical = normalise(value)
    if canonical is None:
        raise InvalidInput(f"Unknown {what} {value!r}.")
    return canonical


#: How many notes match, which decides the order (see RANK_LIMIT).
FTS5_COUNT = "SELECT count(*) FROM note_fts WHERE note_fts MATCH :match"

_FTS5_SQL = """
        SELECT note.id, note.meeting_id, meeting.title, meeting.date,
               COALESCE(agenda_item.rule, meeting.rule) AS rule, COALESCE(agenda_item.title, ''),
               note.kind, note.status, note.addressee, note.headline, note.text,
               snippet(note_fts, -1, :open, :close, '…', 16), participant.name, bm25(note_fts)
        FROM note_fts
        JOIN note ON note.rowid = note_fts.rowid
        JOIN meeting ON meeting.id = note.meeting_id
        LEFT JOIN agenda_item ON agenda_item.id = note.item_id
        LEFT JOIN participant ON participant.id = note.speaker_id
        WHERE {where}
        ORDER BY {order}
        LIMIT :limit
"""


def fts5_statement(where: list[str], matches: int) -> str:
    """SQLite's search for `where`, `matches` notes matching (FTS5_COUNT): by relevance, or newest first."""
    order = "bm25(note_fts), meeting.date DESC" if matches <= RANK_LIMIT else "note_fts.rowid DESC"
    return _FTS5_SQL.format(where=" AND ".join(where), order=order)


class SearchHit(NamedTuple):
    """A note found, as every door shows it; its fields in the order of the statement's columns (the
    PostgreSQL query's too)."""

    note_id: str
    meeting_id: str
    meeting_title: str
    meeting_date: dt.date
    rule: str
    item_title: str
    kind: str
    status: str
    addressee: str
    headline: str
    text: str
    snippet: str
    speaker: str  # "" wherever the note's rule protects speakers (policy.printed_speaker)
    score: float


def hit(row) -> SearchHit:
    """A row found as a hit: the meeting's date a date, the score a float, the speaker only where it may be
    printed."""
    found = SearchHit(*row)
    date = found.meeting_date
    return found._replace(
        meeting_date=dt.date.fromisoformat(date) if isinstance(date, str) else date,  # SQLite gives its text
        score=float(found.score), speaker=printed_speaker(found.rule, found.speaker))


def hit_json(found: SearchHit) -> dict:
    """A hit as `facilitator search --format json` prints it: every field, the date as YYYY-MM-DD."""
    return {**found._asdict(), "meeting_date": found.meeting_date.isoformat()}
