"""Small text helpers shared by services and exports."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .errors import InvalidInput


def fold(value: str) -> str:
    """Case- and accent-insensitive form: 'Šimonović' -> 'simonovic'."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def capitalise(text: str) -> str:
    """The first letter up, the rest as written ("Chatham House rule"; str.capitalize would lower "House")."""
    return text[:1].upper() + text[1:] if text else text


def slugify(value: str, max_length: int = 60) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(value)).strip("-")
    return slug[:max_length].rstrip("-") or "meeting"


def match_label(labels: list[str], value: str) -> str | None:
    """Find a label by what a user typed: the whole label, its beginning, or
    its short name ('A' or 'Group A' finds 'Group A: large field presence')."""
    wanted = fold(value).strip()
    if not wanted:
        return None
    for label in labels:
        folded = fold(label)
        short = folded.split(":")[0].strip()
        if wanted in (folded, short) or folded.startswith(wanted) or short.split()[-1:] == [wanted]:
            return label
    return None


def parse_date(value: str, field: str = "date") -> dt.date:
    """A date a user typed (YYYY-MM-DD), or one sentence saying what is wrong with it."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(f"Bad {field} {value!r}: use YYYY-MM-DD, e.g. 2017-09-07.") from None
