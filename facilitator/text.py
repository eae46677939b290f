"""Small text helpers shared by services and exports."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .errors import Ambiguous, InvalidInput


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
    """Find a label by what a user typed: the whole label, its short name ('A'
    or 'Group A' finds 'Group A: large field presence'), or its beginning.
    None when nothing matches; `Ambiguous` (one line naming them) when what was
    typed could be several, so that nothing is renamed or filed under a guess."""
    wanted = fold(value).strip()
    if not wanted:
        return None
    tiers: tuple[list[str], list[str], list[str]] = ([], [], [])
    for label in labels:
        folded = fold(label)
        short = folded.split(":")[0].strip()
        if wanted == folded:
            tiers[0].append(label)
        elif wanted == short or short.split()[-1:] == [wanted]:
            tiers[1].append(label)
        elif folded.startswith(wanted):
            tiers[2].append(label)
    for found in tiers:
        if len(found) == 1:
            return found[0]
        if found:
            raise Ambiguous(f"{value.strip()!r} could be {_either(found)}; give more of the name.")
    return None


def _either(labels: list[str]) -> str:
    quoted = [repr(label) for label in labels]
    return ", ".join(quoted[:-1]) + f" or {quoted[-1]}"


def parse_date(value: str, field: str = "date") -> dt.date:
    """A date a user typed (YYYY-MM-DD), or one sentence saying what is wrong with it."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(f"Bad {field} {value!r}: use YYYY-MM-DD, e.g. 2017-09-07.") from None
