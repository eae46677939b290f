"""Full-text search across every meeting: SQLite's FTS5 (kept in step by the
triggers of migration 3) on a laptop, PostgreSQL's full-text search on an
archive (facilitator.dialects.pg_search); `reindex` rebuilds either.

What a search asks — the query read into terms, the filters, the statement,
the rule on speakers — is facilitator.searching, which `facilitator search`
also runs without the ORM on a plain SQLite file (facilitator.quickread).

Results of a Chatham House or not-for-attribution meeting never carry a speaker.
"""

from __future__ import annotations

from sqlalchemy import Engine, text

from .. import dialects
from ..migrations import REBUILD_NOTE_FTS
from ..searching import FTS5_COUNT, RANK_LIMIT, SearchHit, conditions, fts5_statement, hit, parse_query
from ._db import reading, transaction

__all__ = ["SearchHit", "reindex", "search"]


def search(engine: Engine, query: str, **filters) -> list[SearchHit]:
    """The notes of every meeting that `query` finds, under `filters` (the keyword arguments of
    facilitator.searching.conditions: kind, addressee, theme, rule, since, until, meeting_id, limit)."""
    postgresql = dialects.is_postgresql(engine)
    where, params = conditions(query, postgresql=postgresql, **filters)
    with reading(engine) as session:
        conn = session.connection()
        if postgresql:
            from ..dialects.pg_search import search_rows

            rows = search_rows(conn, parse_query(query), where, params, rank_limit=RANK_LIMIT)
        else:
            matches = conn.execute(text(FTS5_COUNT), {"match": params["match"]}).scalar()
            rows = conn.execute(text(fts5_statement(where, matches)), params).all() if matches else []
    return [hit(row) for row in rows]


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
