"""Search benchmark: a generated archive of 500 meetings and 100,000 notes.

Prints p50/p95 latency for single words, phrases and prefixes, and the time
to build the follow-up tracker. Target: p95 <= 30 ms per query (2 cores).

    python bench/search_bench.py [--meetings 500] [--notes 100000] [--db PATH]

The archive is written straight into the tables in one transaction (the FTS
triggers still fire), because a hundred thousand separate captures would
measure fsync, not search.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert  # noqa: E402

from facilitator.db import open_engine  # noqa: E402
from facilitator.models import AgendaItem, Meeting, Note  # noqa: E402
from facilitator.services.followup import tracker  # noqa: E402
from facilitator.services.search import search  # noqa: E402

VOCAB = ("prevention accountability early warning civil society mediation sanctions universal periodic review "
         "resilience gender regional bodies atrocity dialogue capacity training protection civilians mandate "
         "peacekeeping development cooperation human rights council secretariat general assembly formal agenda "
         "Šimonović Genève Côte d'Ivoire Friedrich-Ebert-Stiftung member states sovereignty responsibility "
         "implementation mainstreaming local actors community funding donors assessment risk factors").split()


def vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    """Domain words plus 5,000 filler words, drawn with Zipf weights as real
    prose is: a handful of words are everywhere, most are rare."""
    filler = [f"{rng.choice('bcdfgklmnprstvz')}{rng.choice('aeiou')}{rng.choice('bcdfgklmnprstvz')}"
              f"{rng.choice('aeiou')}{i}" for i in range(5000)]
    words = [*VOCAB, *filler]
    rng.shuffle(words)
    return words, [1 / (rank + 1) for rank in range(len(words))]


def build(engine, meetings: int, notes: int, rng: random.Random) -> None:
    words, weights = vocabulary(rng)
    now = dt.datetime.now(dt.UTC)
    per_meeting = notes // meetings
    with engine.begin() as conn:
        for m in range(meetings):
            mid = str(uuid.uuid4())
            conn.execute(insert(Meeting.__table__).values(
                id=mid, title=f"Meeting {m}", date=dt.date(2000, 1, 1) + dt.timedelta(days=m * 13),
                rule=rng.choice(["chatham-house", "not-for-attribution", "on-the-record"]),
                organisers=[], guests=[], themes=[], about={}, cleared=[], created_at=now, updated_at=now))
            items = [str(uuid.uuid4()) for _ in range(6)]
            conn.execute(insert(AgendaItem.__table__), [
                dict(id=iid, meeting_id=mid, position=i + 1, title=" ".join(rng.choices(VOCAB, k=4)),
                     guiding_questions=[], groups=[]) for i, iid in enumerate(items)])
            rows = []
            for n in range(per_meeting):
                kind = rng.choice(["reflection", "recommendation", "challenge", "action", "quote"])
                rows.append(dict(
                    id=str(uuid.uuid4()), meeting_id=mid, item_id=rng.choice(items), kind=kind,
                    text=" ".join(rng.choices(words, weights, k=rng.randint(8, 30))), headline="", addressee=rng.choice(
                        ["", "UN", "EU", "civil society", "Member States"]), position=n, themes=[], cleared=[],
                    status="proposed" if kind in ("recommendation", "action") else "", created_at=now, updated_at=now))
            conn.execute(insert(Note.__table__), rows)


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def report(label: str, samples: list[float]) -> None:
    samples = sorted(samples)
    p95 = samples[max(0, int(len(samples) * 0.95) - 1)]
    print(f"{label:<10} n={len(samples):<4} p50={statistics.median(samples):7.2f} ms   p95={p95:7.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", type=int, default=500)
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--db")
    args = parser.parse_args()
    rng = random.Random(42)
    path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "bench.db"
    engine = open_engine(path)
    start = time.perf_counter()
    build(engine, args.meetings, args.notes, rng)
    print(f"built {args.meetings} meetings / {args.notes} notes in {time.perf_counter() - start:.1f} s ({path})")

    words = rng.sample([w for w in VOCAB if len(w) > 3], 20)
    phrases = ['"early warning"', '"civil society"', '"universal periodic review"', '"member states"',
               '"formal agenda"', '"human rights council"', '"local actors"', '"risk factors"']
    prefixes = ["prev*", "accoun*", "medi*", "sanc*", "resil*", "Šimon*", "peace*", "develop*"]
    for q in words[:3]:
        search(engine, q)  # warm the page cache
    report("word", [t for q in words for t in timed(lambda q=q: search(engine, q, limit=20), 5)])
    report("phrase", [t for q in phrases for t in timed(lambda q=q: search(engine, q, limit=20), 10)])
    report("prefix", [t for q in prefixes for t in timed(lambda q=q: search(engine, q, limit=20), 10)])
    report("filtered", [t for q in words for t in timed(
        lambda q=q: search(engine, q, kind="recommendation", addressee="UN", limit=20), 5)])
    report("tracker", timed(lambda: tracker(engine, limit=200), 5))
    report("tracker*", timed(lambda: tracker(engine), 1))
    print("tracker = first page of 200 rows, as the screen loads it; tracker* = every open row (CLI list)")


if __name__ == "__main__":
    main()
