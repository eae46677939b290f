"""Export benchmark: a meeting of 2,000 notes in every format.

Targets on the 2-core machine: Markdown < 0.2 s, HTML < 0.3 s, Word < 1.5 s,
PDF < 1.5 s. Times the render of an already-built document (what differs by
format) and the whole export_meeting call (database read, audit, build,
render, atomic write), best of three.

    python bench/export_bench.py [--notes 2000] [--style report]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert  # noqa: E402

from exports import build_document, render  # noqa: E402
from facilitator import services  # noqa: E402
from facilitator.db import open_engine  # noqa: E402
from facilitator.models import Note, utcnow  # noqa: E402
from facilitator.services.exporting import export_meeting  # noqa: E402

WORDS = ("prevention accountability early warning civil society mediation sanctions review resilience gender "
         "regional bodies atrocity dialogue capacity training Šimonović Côte d'Ivoire Friedrich-Ebert-Stiftung "
         "Member States should must support implement").split()


def build_meeting(engine, notes: int, rng: random.Random) -> str:
    meeting = services.create_meeting(engine, "roundtable", title="Benchmark roundtable", date=dt.date(2017, 2, 16),
                                      place="Brussels")
    services.update_meeting(engine, meeting.id, organisers=["Civil Society Dialogue Network"])
    items = services.list_items(engine, meeting.id)
    now = utcnow()
    rows = []
    for n in range(notes):
        item = rng.choice(items)
        kind = "recommendation" if item.kind == "guiding-question" else rng.choice(["reflection", "challenge"])
        rows.append(dict(id=f"bench-{n:05d}", meeting_id=meeting.id, item_id=item.id, kind=kind,
                         text=" ".join(rng.choices(WORDS, k=rng.randint(15, 45))).capitalize() + ".",
                         headline=rng.choice(["", "A one-sentence headline."]), addressee="", key=False,
                         position=n, themes=[], group="", cleared=[], status="", created_at=now, updated_at=now))
    with engine.begin() as conn:
        conn.execute(insert(Note.__table__), rows)
    return meeting.id


def best_of(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--style", default="report")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    engine = open_engine(folder / "bench.db")
    meeting_id = build_meeting(engine, args.notes, random.Random(1))
    detail = services.get_detail(engine, meeting_id)
    document = build_document(detail, args.style)
    print(f"{args.notes} notes, style {args.style}: build {best_of(lambda: build_document(detail, args.style)):.3f} s")
    targets = {"md": 0.2, "html": 0.3, "docx": 1.5, "pdf": 1.5}
    for fmt, target in targets.items():
        rendered = best_of(lambda: render(document, fmt))
        counter = iter(range(100))
        whole = best_of(lambda: export_meeting(engine, meeting_id, args.style, fmt,
                                               folder / f"out-{next(counter)}.{fmt}"))
        size = (folder / f"out-0.{fmt}").stat().st_size
        verdict = "ok" if rendered < target else "OVER"
        print(f"{fmt:<5} render {rendered:6.3f} s   export_meeting {whole:6.3f} s   target {target:.1f} s  {verdict}"
              f"   ({size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
