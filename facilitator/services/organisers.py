"""Reusable organiser profiles: a name, a short 'about' text and a web address.

Meetings list their organisers by name; the memo's 'About ...' paragraphs
come from these profiles, so a convener writes its own once.
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import col, select

from ..errors import InvalidInput
from ..models import Organiser, OrganiserPublic
from ._db import reading, transaction


def save_organiser(engine: Engine, name: str, *, about: str = "", url: str = "") -> OrganiserPublic:
    """Create or update the profile called `name`."""
    name = name.strip()
    if not name:
        raise InvalidInput("An organiser needs a name.")
    with transaction(engine) as session:
        organiser = session.exec(select(Organiser).where(Organiser.name == name)).first() or Organiser(name=name)
        organiser.about, organiser.url = about.strip(), url.strip()
        session.add(organiser)
        session.flush()
        return OrganiserPublic.model_validate(organiser)


def list_organisers(engine: Engine) -> list[OrganiserPublic]:
    with reading(engine) as session:
        return [OrganiserPublic.model_validate(o) for o in session.exec(select(Organiser).order_by(col(Organiser.name)))]
