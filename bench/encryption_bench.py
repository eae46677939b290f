"""Opening an encrypted versus a plain database of 100,000 notes.

Times open_engine (file checks, key check, schema check) plus the first
screenful of work: listing meetings and reading one meeting's notes.

    python bench/encryption_bench.py [--notes 100000]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.search_bench import build  # noqa: E402
from facilitator import services  # noqa: E402
from facilitator.db import open_engine  # noqa: E402
from facilitator.encryption import encrypt_file  # noqa: E402

PASSPHRASE = "benchmark passphrase"


def timed_open(path: Path, passphrase: str | None) -> tuple[float, float]:
    start = time.perf_counter()
    engine = open_engine(path, passphrase=passphrase)
    opened = time.perf_counter() - start
    meetings = services.list_meetings(engine)
    services.get_detail(engine, meetings[0].id)
    total = time.perf_counter() - start
    engine.dispose()
    return opened, total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=100_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    plain = folder / "plain.db"
    engine = open_engine(plain)
    build(engine, args.notes // 200, args.notes, random.Random(3))
    engine.dispose()
    encrypted = folder / "encrypted.db"
    shutil.copy(plain, encrypted)
    start = time.perf_counter()
    encrypt_file(encrypted, PASSPHRASE)
    print(f"{args.notes} notes; encrypting took {time.perf_counter() - start:.1f} s "
          f"({plain.stat().st_size / 2**20:.0f} MiB)")
    for label, path, key in (("plain", plain, None), ("encrypted", encrypted, PASSPHRASE)):
        runs = [timed_open(path, key) for _ in range(3)]
        best = min(runs, key=lambda r: r[1])
        print(f"{label:<10} open {best[0] * 1000:7.1f} ms   open + list + one meeting {best[1] * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
