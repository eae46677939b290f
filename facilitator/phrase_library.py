"""The phrase library's rules, without the database: the shipped defaults
(data/phrases.toml) and what a saved list may hold. `services.phrases` reads
and writes the list; `facilitator phrases` lists it without the ORM
(facilitator.quickread)."""

from __future__ import annotations

import tomllib
from importlib import resources

from .errors import InvalidInput

MAX_PHRASES = 50


def default_phrases() -> list[str]:
    """The phrases shipped with the application, the list until a user saves their own."""
    raw = resources.files("data").joinpath("phrases.toml").read_bytes()
    return list(tomllib.loads(raw.decode("utf-8"))["phrases"])


def kept_phrases(phrases: list[str]) -> list[str]:
    """The list to save: each phrase trimmed, empty ones dropped; one sentence if none or too many are left."""
    cleaned = [p.strip() for p in phrases if p.strip()]
    if not cleaned:
        raise InvalidInput("Keep at least one phrase.")
    if len(cleaned) > MAX_PHRASES:
        raise InvalidInput(f"At most {MAX_PHRASES} phrases.")
    return cleaned
