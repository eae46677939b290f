"""Crash-safety soak: the application in a pseudo-terminal, killed with
SIGKILL at a random moment while notes are typed, a thousand times.
Prints how many notes had been entered and how many were lost (must be 0),
and how many were still in flight (Enter sent under 150 ms before the kill).

    python bench/kill_bench.py [--trials 1000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.crash_harness import run_trial  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    entered = lost = in_flight = in_flight_saved = 0
    start = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.trials):
            folder = Path(tmp) / f"t{n}"
            folder.mkdir()
            trial = run_trial(folder, rng)
            entered += len(trial.must_have)
            lost += len(trial.lost)
            in_flight += len(trial.in_flight)
            in_flight_saved += len(trial.in_flight & trial.saved)
            if trial.lost:
                print(f"trial {n}: lost {sorted(trial.lost)}", flush=True)
            if (n + 1) % 50 == 0:
                print(f"{n + 1} trials, {entered} notes entered, {lost} lost", flush=True)
    print(f"trials {args.trials}  notes entered {entered}  lost {lost}  in flight at the kill {in_flight} "
          f"(of which saved {in_flight_saved})  {time.monotonic() - start:.0f} s")


if __name__ == "__main__":
    main()
