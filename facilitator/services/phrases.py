"""The phrase library: reusable openings a rapporteur inserts with a key.

Shipped defaults live in data/phrases.toml; once the user saves their own
list it is stored in the database, and that list is theirs.
"""

from __future__ import annotations

import tomllib
from importlib import resources

from sqlalchemy import Engine, delete
from sqlmodel import col, select

from ..errors import InvalidInput
from ..models import Phrase
from ._db import reading, transaction

MAX_PHRASES = 50


def default_phrases() -> list[str]:
    raw = resources.files("data").joinpath("phrases.toml").read_bytes()
    return list(tomllib.loads(raw.decode("utf-8"))["phrases"])


def list_phrases(engine: Engine) -> list[str]:
    with reading(engine) as session:
        rows = session.exec(select(Phrase).order_by(col(Phrase.position))).all()
        saved = [r.text for r in rows]
    return saved or default_phrases()


def save_phrases(engine: Engine, phrases: list[str]) -> list[str]:
    cleaned = [p.strip() for p in phrases if p.strip()]
    if not cleaned:
        raise InvalidInput("Keep at least one phrase.")
    if len(cleaned) > MAX_PHRASES:
        raise InvalidInput(f"At most {MAX_PHRASES} phrases.")
    with transaction(engine) as session:
        session.exec(delete(Phrase))
        session.add_all(Phrase(position=i, text=text) for i, text in enumerate(cleaned, start=1))
    return cleaned
