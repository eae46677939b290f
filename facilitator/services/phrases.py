"""The phrase library: reusable openings a rapporteur inserts with a key.

Shipped defaults live in data/phrases.toml (facilitator.phrase_library);
once the user saves their own list it is stored in the database, and that
list is theirs.
"""

from __future__ import annotations

from sqlalchemy import Engine, delete
from sqlmodel import col, select

from ..models import Phrase
from ..phrase_library import default_phrases, kept_phrases
from ._db import reading, transaction


def list_phrases(engine: Engine) -> list[str]:
    with reading(engine) as session:
        rows = session.exec(select(Phrase).order_by(col(Phrase.position))).all()
        saved = [r.text for r in rows]
    return saved or default_phrases()


def save_phrases(engine: Engine, phrases: list[str]) -> list[str]:
    cleaned = kept_phrases(phrases)
    with transaction(engine) as session:
        session.exec(delete(Phrase))
        session.add_all(Phrase(position=i, text=text) for i, text in enumerate(cleaned, start=1))
    return cleaned
