"""Small text helpers shared by services and exports."""

from __future__ import annotations

import re
import unicodedata


def fold(value: str) -> str:
    """Case- and accent-insensitive form: 'Šimonović' -> 'simonovic'."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def slugify(value: str, max_length: int = 60) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(value)).strip("-")
    return slug[:max_length].rstrip("-") or "meeting"
