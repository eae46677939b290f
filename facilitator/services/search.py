"""Full-text search across every meeting: SQLite's FTS5 (kept in step by the
triggers of migration 3) on a laptop, PostgreSQL's full-text search on an
archive (facilitator.dialects.pg_search); `reindex` rebuilds either.

The user's query is never handed to the database as is: it is read once into
terms (`parse_query`) — words (all must match), "double quotes" for a phrase,
a trailing * for a prefix — and each database gets those terms in its own
syntax. So no input can be a syntax error, both databases find the same
notes, and accents and case do not matter ('Simonovic' finds 'Šimonović').

Results of a Chatham House or not-for-attribution meeting never carry a speaker.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from pydantic import BaseModel
from sqlalchemy import Engine, text

from .. import dialects
from ..errors import InvalidInput
from ..migrations import REBUILD_NOTE_FTS
from ..vocab import (
    ADDRESSED_TO,
    ON_THE_RECORD,
    addressee_pattern,
    normalise_kind,
    normalise_rule,
)
from ._db import reading, transaction

HIGHLIGHT = ("[", "]")
#: Above this many matches, results come newest first instead of by bm25
#: relevance: scoring tens of thousands of rows costs ~70 ms, and for a term
#: that common, recency says more than term frequency.
RANK_LIMIT = 3000
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


class SearchHit(BaseModel):
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
    speaker: str  # "" whenever the note's rule protects speakers
    score: float


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


def search(
    engine: Engine,
    query: str,
    *,
    kind: str | None = None,
    addressee: str | None = None,
    theme: str | None = None,
    rule: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    meeting_id: str | None = None,
    limit: int = 50,
) -> list[SearchHit]:
    postgresql = dialects.is_postgresql(engine)
    where = ["note.deleted_at IS NULL"]
    params: dict = {"limit": limit, "open": HIGHLIGHT[0], "close": HIGHLIGHT[1]}
    if not postgresql:
        where.insert(0, "note_fts MATCH :match")
        params["match"] = fts_query(query)
    if kind:
        canonical = normalise_kind(kind)
        if canonical is None:
            raise InvalidInput(f"Unknown note kind {kind!r}.")
        where.append("note.kind = :kind")
        params["kind"] = canonical
    if addressee:
        where.append(ADDRESSED_TO)
        params["addressee"] = addressee_pattern(addressee)
    if theme:
        elements = "jsonb_array_elements_text(note.themes) AS theme(value)" if postgresql else "json_each(note.themes)"
        where.append(f"EXISTS (SELECT 1 FROM {elements} WHERE lower(value) = lower(:theme))")
        params["theme"] = theme.strip()
    if rule:
        canonical_rule = normalise_rule(rule)
        if canonical_rule is None:
            raise InvalidInput(f"Unknown attribution rule {rule!r}.")
        where.append("COALESCE(agenda_item.rule, meeting.rule) = :rule")
        params["rule"] = canonical_rule
    if since:
        where.append("meeting.date >= :since")
        params["since"] = since.isoformat()
    if until:
        where.append("meeting.date <= :until")
        params["until"] = until.isoformat()
    if meeting_id:
        where.append("note.meeting_id = :meeting_id")
        params["meeting_id"] = meeting_id
    with reading(engine) as session:
        conn = session.connection()
        if postgresql:
            from ..dialects.pg_search import search_rows

            rows = search_rows(conn, parse_query(query), where, params, rank_limit=RANK_LIMIT)
        else:
            rows = _fts5_rows(conn, where, params)
    return [
        SearchHit(
            note_id=r[0], meeting_id=r[1], meeting_title=r[2], meeting_date=r[3], rule=r[4], item_title=r[5],
            kind=r[6], status=r[7], addressee=r[8], headline=r[9], text=r[10], snippet=r[11],
            speaker=(r[12] or "") if r[4] == ON_THE_RECORD else "", score=r[13],
        )
        for r in rows
    ]


def _fts5_rows(conn, where: list[str], params: dict) -> list:
    matches = conn.execute(text("SELECT count(*) FROM note_fts WHERE note_fts MATCH :match"),
                           {"match": params["match"]}).scalar()
    order = "bm25(note_fts), meeting.date DESC" if matches <= RANK_LIMIT else "note_fts.rowid DESC"
    return conn.execute(text(_SQL.format(where=" AND ".join(where), order=order)), params).all() if matches else []


_SQL = """
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


def reindex(engine: Engine) -> int:
    """Rebuild the search index from the notes; returns the number indexed."""
    with transaction(engine) as session:
        conn = session.connection()
        if dialects.is_postgresql(engine):
            from ..dialects.pg_schema import REBUILD

            for statement in REBUILD:
                conn.exec_driver_sql(statement)
            return conn.exec_driver_sql("SELECT count(*) FROM note_search").scalar()
        for statement in REBUILD_NOTE_FTS.split(";"):
            if statement.strip():
                conn.exec_driver_sql(statement)
        return conn.exec_driver_sql("SELECT count(*) FROM note_fts").scalar()
