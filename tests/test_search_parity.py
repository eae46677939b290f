"""The same data on a laptop (FTS5) and on the archive (PostgreSQL full-text
search) gives the same matches for the same queries, filters included."""

import datetime as dt
import random

import pytest

from facilitator import services
from facilitator.db import open_engine
from facilitator.services.search import search
from facilitator.services.sync import meetings_to_move, move

from .test_search import WORDS

QUERIES = ["prevention", "simonovic", "GENEVE", "stiftung", "Friedrich-Ebert-Stiftung", "ivoire", "d'Ivoire",
           '"early warning"', '"civil society" gender', '"Côte d\'Ivoire"', "resil*", "Šimon*", "gen* review",
           "atrocity dialogue", '"periodic universal"', "mediation*", "capacity_training", "xylophone"]
FILTERS = [{}, {"kind": "recommendation"}, {"addressee": "un"}, {"theme": "politics"}, {"rule": "on-the-record"},
           {"since": dt.date(2017, 1, 1), "until": dt.date(2019, 12, 31)}]


@pytest.fixture(scope="module")
def both(tmp_path_factory, pg_server, pg_template):
    from .pg_server import admin_execute

    laptop = open_engine(tmp_path_factory.mktemp("parity") / "laptop.db")
    rng = random.Random(11)
    for m in range(5):
        meeting = services.create_meeting(laptop, rng.choice(["roundtable", "breakfast", "dialogue"]),
                                          title=f"Meeting {m}", date=dt.date(2015 + m, 3, 1))
        items = services.list_items(laptop, meeting.id)
        for _ in range(30):
            services.add_note(laptop, meeting.id, " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12))),
                              item_id=rng.choice(items).id, kind=rng.choice(["reflection", "recommendation"]),
                              addressee=rng.choice(["", "UN", "EU"]), themes=rng.choice([[], ["Politics"]]))
    admin_execute(pg_server, f"CREATE DATABASE parity TEMPLATE {pg_template}")
    archive = open_engine(pg_server.url("parity"))
    assert all(m.error is None for m in move(laptop, archive, meetings_to_move(laptop, None), source_name="t"))
    yield laptop, archive
    laptop.dispose()
    archive.dispose()
    admin_execute(pg_server, "DROP DATABASE parity WITH (FORCE)")


@pytest.mark.parametrize("query", QUERIES)
def test_same_matches_on_sqlite_and_postgresql(both, query):
    laptop, archive = both
    for filters in FILTERS:
        on_laptop = {h.note_id for h in search(laptop, query, limit=10_000, **filters)}
        on_archive = {h.note_id for h in search(archive, query, limit=10_000, **filters)}
        assert on_laptop == on_archive, filters
    hits = search(archive, query, limit=5)
    assert all(h.snippet for h in hits)
