"""The archive on PostgreSQL: search over 100,000 notes, and push/pull of 50 meetings.

Search uses the same generated archive as bench/search_bench.py (same
generator, same seed, same queries) and prints p50/p95 per kind of query, as
the archive's owner and as a reader (row-level security on). Push sends 50
meetings / 10,000 notes from a laptop's SQLite file to an empty archive with
the bundle merge rules, one transaction per meeting; pull brings them into a
new laptop. Targets: search p95 <= 30 ms; push <= 10 s.

    python bench/pg_bench.py [--notes 100000] [--meetings 500] [--url postgresql://…]

Without --url, a server is started in a temporary folder (tests/pg_server.py)
and removed afterwards; with --url, that database must be empty.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy.engine import make_url  # noqa: E402

from bench.search_bench import VOCAB, build, report, timed  # noqa: E402
from facilitator.db import close_engine, open_engine  # noqa: E402
from facilitator.services.archive import grant, init_archive  # noqa: E402
from facilitator.services.search import search  # noqa: E402
from facilitator.services.sync import meetings_to_move, move  # noqa: E402


def search_figures(engine, rng: random.Random, label: str) -> None:
    words = rng.sample([w for w in VOCAB if len(w) > 3], 20)
    phrases = ['"early warning"', '"civil society"', '"universal periodic review"', '"member states"',
               '"formal agenda"', '"human rights council"', '"local actors"', '"risk factors"']
    prefixes = ["prev*", "accoun*", "medi*", "sanc*", "resil*", "Šimon*", "peace*", "develop*"]
    for q in words[:3]:
        search(engine, q)  # warm the caches
    print(f"-- search as {label}")
    samples = []
    for name, queries, runs, filters in (("word", words, 5, {}), ("phrase", phrases, 10, {}),
                                         ("prefix", prefixes, 10, {}),
                                         ("filtered", words, 5, {"kind": "recommendation", "addressee": "UN"})):
        times = [t for q in queries for t in timed(lambda q=q: search(engine, q, limit=20, **filters), runs)]
        report(name, times)
        samples += times
    report("all", samples)


def push_figures(url: str, meetings: int, notes: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="facilitator-push-"))
    laptop = open_engine(folder / "laptop.db")
    build(laptop, meetings, notes, random.Random(11))
    archive = open_engine(url)
    ids = meetings_to_move(laptop, None)
    start = time.perf_counter()
    rows = sum(m.report.added + m.report.updated + m.report.unchanged
               for m in move(laptop, archive, ids, source_name="bench"))
    elapsed = time.perf_counter() - start
    print(f"push   {len(ids)} meetings / {notes} notes: {elapsed:6.2f} s, {rows} rows, {rows / elapsed:8.0f} rows/s")
    start = time.perf_counter()
    again = sum(m.report.unchanged for m in move(laptop, archive, ids, source_name="bench"))
    elapsed = time.perf_counter() - start
    print(f"repush (nothing new): {elapsed:6.2f} s, {again} rows compared, {again / elapsed:8.0f} rows/s")
    other = open_engine(folder / "other.db")
    start = time.perf_counter()
    rows = sum(m.report.added for m in move(archive, other, meetings_to_move(archive, None), source_name="bench"))
    elapsed = time.perf_counter() - start
    print(f"pull   {len(ids)} meetings / {notes} notes: {elapsed:6.2f} s, {rows} rows, {rows / elapsed:8.0f} rows/s")
    for engine in (laptop, archive, other):
        close_engine(engine)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", type=int, default=500)
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--push-meetings", type=int, default=50)
    parser.add_argument("--push-notes", type=int, default=10_000)
    parser.add_argument("--url", help="an empty PostgreSQL database (default: start a server for the run)")
    args = parser.parse_args()
    server = None
    if args.url:
        url, push_url = args.url, None
    else:
        from tests.pg_server import admin_execute, remove_server, start_server

        server = start_server()
        for name in ("bench_search", "bench_push"):
            admin_execute(server, f"CREATE DATABASE {name}")
        url, push_url = server.url("bench_search"), server.url("bench_push")
    try:
        engine = open_engine(url)
        start = time.perf_counter()
        build(engine, args.meetings, args.notes, random.Random(42))
        with engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
        print(f"built {args.meetings} meetings / {args.notes} notes in {time.perf_counter() - start:.1f} s "
              f"(PostgreSQL, {make_url(url).render_as_string(hide_password=True)})")
        search_figures(engine, random.Random(42), "the archive's owner")
        if server is not None:
            init_archive(engine)
            grant(engine, "bench_reader", "reader", password=server.password)
            reader = open_engine(make_url(url).set(username="bench_reader").render_as_string(hide_password=False))
            search_figures(reader, random.Random(42), "a reader (row-level security)")
            close_engine(reader)
        close_engine(engine)
        if push_url:
            push_figures(push_url, args.push_meetings, args.push_notes)
    finally:
        if server is not None:
            remove_server(server)


if __name__ == "__main__":
    main()
