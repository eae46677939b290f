"""The search service's query on PostgreSQL: the parsed terms (facilitator.
searching.parse_query) as a tsquery over `note_search` (see pg_schema), with the same
filters, snippet markers and result columns as the FTS5 query.

Each word is handed to `to_tsquery` quoted, so it is cut, lower-cased and
accent-folded exactly as the notes were when they were indexed; a phrase's
words must follow one another (`<->`), a prefix keeps `:*`, and all terms
must match (`&`). Ranking is `ts_rank` where FTS5 uses bm25 — the same notes
are found, and above `rank_limit` matches both return the newest first.
"""

from __future__ import annotations

from sqlalchemy import text

from .pg_schema import SEARCH_CONFIG

SNIPPET = "StartSel=[, StopSel=], MaxWords=16, MinWords=6, ShortWord=0, MaxFragments=1, FragmentDelimiter=…"


def _quoted(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery_text(terms) -> str:
    """`to_tsquery` input for the terms: every one must match."""
    parts = []
    for term in terms:
        words = [_quoted(w) for w in term.words]
        if term.prefix:
            words[-1] += ":*"
        parts.append("(" + " <-> ".join(words) + ")")
    return " & ".join(parts)


def search_rows(conn, terms, where: list[str], params: dict, *, rank_limit: int) -> list:
    params = {**params, "tsquery": tsquery_text(terms), "cap": rank_limit + 1, "snippet": SNIPPET}
    matches = conn.execute(text(_COUNT), params).scalar()
    if not matches:
        return []
    order = "score, meeting.date DESC" if matches <= rank_limit else "note_search.created_at DESC"
    return conn.execute(text(_SQL.format(where=" AND ".join(where), order=order)), params).all()


_QUERY = f"(SELECT to_tsquery('{SEARCH_CONFIG}', :tsquery) AS query)"

_COUNT = f"""
    SELECT count(*) FROM (
        SELECT 1 FROM note_search, {_QUERY} AS q WHERE note_search.document @@ q.query LIMIT :cap
    ) AS matched
"""

_SQL = f"""
        SELECT note.id, note.meeting_id, meeting.title, meeting.date,
               COALESCE(agenda_item.rule, meeting.rule) AS rule, COALESCE(agenda_item.title, ''),
               note.kind, note.status, note.addressee, note.headline, note.text,
               ts_headline('{SEARCH_CONFIG}', CASE WHEN note.text = '' THEN note.headline ELSE note.text END,
                           q.query, :snippet),
               participant.name, -ts_rank(note_search.document, q.query) AS score
        FROM note_search
        CROSS JOIN {_QUERY} AS q
        JOIN note ON note.id = note_search.note_id
        JOIN meeting ON meeting.id = note.meeting_id
        LEFT JOIN agenda_item ON agenda_item.id = note.item_id
        LEFT JOIN participant ON participant.id = note.speaker_id
        WHERE note_search.document @@ q.query AND {{where}}
        ORDER BY {{order}}
        LIMIT :limit
"""
