"""Reusable organiser profiles: a name, a short 'about' text and a web address.

Meetings list their organisers by name; the memo's 'About ...' paragraphs
come from these profiles, so a convener writes its own once.
"""

from __future__ import annotations

import re

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from ..errors import InvalidInput
from ..models import Organiser, OrganiserPublic
from ._db import reading, transaction

_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
DATE_FORMATS = ("day-month", "month-day")
_UNSET = object()


def save_organiser(engine: Engine, name: str, *, about=_UNSET, url=_UNSET, running=_UNSET, short=_UNSET,
                   date_format=_UNSET) -> OrganiserPublic:
    """Create or update the profile called `name` (given with or without its article: "the Stanley
    Foundation" is the profile "Stanley Foundation", which running text writes with "the"). Fields not
    given keep their value."""
    bare = _ARTICLE.sub("", name.strip())
    if not bare:
        raise InvalidInput("An organiser needs a name.")
    if date_format is not _UNSET and date_format not in ("", *DATE_FORMATS):
        raise InvalidInput(f"Bad date format {date_format!r}; use one of: {', '.join(DATE_FORMATS)}.")
    with transaction(engine) as session:
        organiser = session.exec(select(Organiser).where(Organiser.name == bare)).first() or Organiser(name=bare)
        if bare != name.strip() and not organiser.running and running is _UNSET:
            organiser.running = "the " + bare
        for field, value in (("about", about), ("url", url), ("running", running), ("short", short),
                             ("date_format", date_format)):
            if value is not _UNSET:
                setattr(organiser, field, value.strip())
        session.add(organiser)
        session.flush()
        return OrganiserPublic.model_validate(organiser)


def running_forms(session: Session, names: list[str]) -> list[str]:
    """Organiser names as a meeting lists them, without a leading article; a name typed with one ("the
    International Coalition …") keeps it as the way running text writes it, in a profile made for it."""
    out = []
    for name in names:
        name = name.strip()
        bare = _ARTICLE.sub("", name)
        if bare and bare != name:
            organiser = session.exec(select(Organiser).where(Organiser.name == bare)).first()
            if organiser is None:
                organiser = Organiser(name=bare, running="the " + bare)
                session.add(organiser)
            elif not organiser.running:
                organiser.running = "the " + bare
                session.add(organiser)
        if bare and bare not in out:
            out.append(bare)
    return out


def list_organisers(engine: Engine) -> list[OrganiserPublic]:
    with reading(engine) as session:
        return [OrganiserPublic.model_validate(o) for o in session.exec(select(Organiser).order_by(col(Organiser.name)))]
