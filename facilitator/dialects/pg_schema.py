"""The migrations, which are written in SQLite's SQL, applied to PostgreSQL.

Migrations are never edited once shipped, so PostgreSQL runs the very same
list: each statement passes through `translate`, which changes only what
the two dialects spell differently (DATETIME, JSON, a boolean's default) and
puts PostgreSQL's full-text index in the place of FTS5's virtual table and
triggers. A new migration that adds columns or indexes needs nothing here;
`tests/test_migrations.py` migrates a PostgreSQL database and compares it
with the models, so one that does need something fails there first.

The search index (`note_search`) is one tsvector per note, kept by triggers
as FTS5's `note_fts` is: the same fields (text, headline, addressee, agenda
item title, themes), cut into words the way FTS5's unicode61 tokenizer cuts
them (every run of letters and digits; the database needs a UTF-8 locale),
lower-cased and folded by `unaccent`. A position gap between fields keeps a
phrase from running across two of them, as in FTS5.
"""

from __future__ import annotations

import re

SEARCH_CONFIG = "facilitator_search"
FIELD_BREAK = "facilitatorfieldbreak"  # a word placed between fields, then deleted: it leaves a position gap

_TYPES = (
    (re.compile(r"\bDATETIME\b"), "TIMESTAMP"),
    (re.compile(r"\bJSON\b"), "JSONB"),
    (re.compile(r"\bBOOLEAN NOT NULL DEFAULT 0\b"), "BOOLEAN NOT NULL DEFAULT false"),
    (re.compile(r"\bBOOLEAN NOT NULL DEFAULT 1\b"), "BOOLEAN NOT NULL DEFAULT true"),
)

SEARCH_OBJECTS = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    f"""DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{SEARCH_CONFIG}'
                       AND cfgnamespace = current_schema()::regnamespace) THEN
            CREATE TEXT SEARCH CONFIGURATION {SEARCH_CONFIG} (COPY = simple);
            ALTER TEXT SEARCH CONFIGURATION {SEARCH_CONFIG}
                ALTER MAPPING FOR word, numword, hword, hword_part, hword_numpart, numhword, asciiword,
                                  asciihword, hword_asciipart
                WITH unaccent, simple;
        END IF;
    END $$""",
    # What FTS5's unicode61 tokenizer keeps of a text: its runs of letters and digits.
    """CREATE OR REPLACE FUNCTION facilitator_search_words(value text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT regexp_replace(coalesce(value, ''), '[^[:alnum:]]+', ' ', 'g') $$""",
    f"""CREATE OR REPLACE FUNCTION facilitator_search_document(
            text text, headline text, addressee text, item_title text, themes jsonb) RETURNS tsvector
        LANGUAGE sql STABLE
        AS $$ SELECT ts_delete(
            to_tsvector('{SEARCH_CONFIG}', facilitator_search_words(text))
            || to_tsvector('simple', '{FIELD_BREAK}')
            || to_tsvector('{SEARCH_CONFIG}', facilitator_search_words(headline))
            || to_tsvector('simple', '{FIELD_BREAK}')
            || to_tsvector('{SEARCH_CONFIG}', facilitator_search_words(addressee))
            || to_tsvector('simple', '{FIELD_BREAK}')
            || to_tsvector('{SEARCH_CONFIG}', facilitator_search_words(item_title))
            || to_tsvector('simple', '{FIELD_BREAK}')
            || to_tsvector('{SEARCH_CONFIG}', facilitator_search_words(
                   (SELECT string_agg(value, ' ') FROM jsonb_array_elements_text(coalesce(themes, '[]'))))),
            '{FIELD_BREAK}') $$""",
    """CREATE TABLE note_search (
        note_id VARCHAR NOT NULL PRIMARY KEY REFERENCES note(id) ON DELETE CASCADE,
        created_at TIMESTAMP NOT NULL,
        document tsvector NOT NULL
    )""",
    "CREATE INDEX ix_note_search_document ON note_search USING gin (document)",
    "CREATE INDEX ix_note_search_created_at ON note_search (created_at)",
    """CREATE OR REPLACE FUNCTION facilitator_note_search_row() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO note_search (note_id, created_at, document)
            VALUES (NEW.id, NEW.created_at, facilitator_search_document(
                NEW.text, NEW.headline, NEW.addressee,
                (SELECT title FROM agenda_item WHERE id = NEW.item_id), NEW.themes::jsonb))
            ON CONFLICT (note_id) DO UPDATE SET document = EXCLUDED.document, created_at = EXCLUDED.created_at;
            RETURN NULL;
        END $$""",
    """CREATE TRIGGER note_search_insert AFTER INSERT ON note
        FOR EACH ROW EXECUTE FUNCTION facilitator_note_search_row()""",
    """CREATE TRIGGER note_search_update AFTER UPDATE OF text, headline, addressee, item_id, themes ON note
        FOR EACH ROW EXECUTE FUNCTION facilitator_note_search_row()""",
    """CREATE OR REPLACE FUNCTION facilitator_item_title_search() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE note_search SET document = facilitator_search_document(
                note.text, note.headline, note.addressee, NEW.title, note.themes::jsonb)
            FROM note WHERE note.id = note_search.note_id AND note.item_id = NEW.id;
            RETURN NULL;
        END $$""",
    """CREATE TRIGGER note_search_item_title AFTER UPDATE OF title ON agenda_item
        FOR EACH ROW EXECUTE FUNCTION facilitator_item_title_search()""",
]

REBUILD = [
    "DELETE FROM note_search",
    """INSERT INTO note_search (note_id, created_at, document)
        SELECT note.id, note.created_at, facilitator_search_document(
            note.text, note.headline, note.addressee, agenda_item.title, note.themes::jsonb)
        FROM note LEFT JOIN agenda_item ON agenda_item.id = note.item_id""",
]


def translate(statement: str) -> list[str]:
    """The PostgreSQL statements that do what one SQLite migration statement does."""
    if "note_fts" in statement:
        return list(SEARCH_OBJECTS) if "CREATE VIRTUAL TABLE" in statement else []  # triggers, rebuilds: above
    for pattern, replacement in _TYPES:
        statement = pattern.sub(replacement, statement)
    return [statement]
