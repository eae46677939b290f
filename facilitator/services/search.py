"""Full-text search across every meeting (SQLite FTS5, kept in step by the
triggers of migration 3; `reindex` rebuilds it).

The user's query is never handed to FTS5 as is: words become quoted terms
(all must match), "double quotes" keep a phrase, and a trailing * asks for a
prefix. So no input can be an FTS5 syntax error, and accents and case do not
matter ('Simonovic' finds 'Šimonović').

Results of a Chatham House or not-for-attribution meeting never carry a speaker.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel
from sqlalchemy import Engine, text

from ..errors import InvalidInput
from ..migrations import REBUILD_NOTE_FTS
from ..vocab import ON_THE_RECORD, normalise_kind, normalise_rule
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


def fts_query(query: str) -> str:
    """Turn what a user typed into a safe FTS5 MATCH expression."""
    terms = []
    for phrase, word in _TOKEN.findall(query):
        if phrase:
            words = re.findall(r"\w+", phrase)
            if words:
                terms.append('"' + " ".join(words) + '"')
            continue
        prefix = word.endswith("*")
        for part in re.findall(r"\w+", word):
            terms.append(f'"{part}"')
        if prefix and terms and re.findall(r"\w+", word):
            terms[-1] += "*"
    if not terms:
        raise InvalidInput("Type at least one word to search for.")
    return " AND ".join(terms)


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
    where = ["note_fts MATCH :match", "note.deleted_at IS NULL"]
    params: dict = {"match": fts_query(query), "limit": limit, "open": HIGHLIGHT[0], "close": HIGHLIGHT[1]}
    if kind:
        canonical = normalise_kind(kind)
        if canonical is None:
            raise InvalidInput(f"Unknown note kind {kind!r}.")
        where.append("note.kind = :kind")
        params["kind"] = canonical
    if addressee:
        where.append("lower(note.addressee) = lower(:addressee)")
        params["addressee"] = addressee.strip()
    if theme:
        where.append("EXISTS (SELECT 1 FROM json_each(note.themes) WHERE lower(value) = lower(:theme))")
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
        matches = conn.execute(text("SELECT count(*) FROM note_fts WHERE note_fts MATCH :match"),
                               {"match": params["match"]}).scalar()
        order = "bm25(note_fts), meeting.date DESC" if matches <= RANK_LIMIT else "note_fts.rowid DESC"
        rows = conn.execute(text(_SQL.format(where=" AND ".join(where), order=order)), params).all() if matches else []
    return [
        SearchHit(
            note_id=r[0], meeting_id=r[1], meeting_title=r[2], meeting_date=r[3], rule=r[4], item_title=r[5],
            kind=r[6], status=r[7], addressee=r[8], headline=r[9], text=r[10], snippet=r[11],
            speaker=(r[12] or "") if r[4] == ON_THE_RECORD else "", score=r[13],
        )
        for r in rows
    ]


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
        for statement in REBUILD_NOTE_FTS.split(";"):
            if statement.strip():
                conn.exec_driver_sql(statement)
        return conn.exec_driver_sql("SELECT count(*) FROM note_fts").scalar()
