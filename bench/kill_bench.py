"""Crash-safety soak: the application in a pseudo-terminal, killed with
SIGKILL at a random moment while notes are typed, a thousand times, with a
CPU-burning process beside it (--no-load to run without).

Prints the lines entered, those acknowledged on screen when the kill came,
acknowledged lines lost (must be 0), lines sent before an acknowledged one
yet missing (must be 0), and the lines in flight (Enter read, "saving…"
still shown) with how many were found after the restart, saved or in the
draft.

    python bench/kill_bench.py [--trials 1000] [--seed 1] [--no-load]
"""

from __future__ import annotations

import argparse
import random
import subprocess
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
    parser.add_argument("--no-load", action="store_true", help="Do not run a CPU-burning process beside it.")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    burner = None if args.no_load else subprocess.Popen([sys.executable, "-c", "while True: pass"])
    totals = dict(entered=0, acknowledged=0, lost=0, out_of_order=0, duplicated=0, in_flight=0, recovered=0,
                  partial=0, partial_in_draft=0)
    start = time.monotonic()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for n in range(args.trials):
                folder = Path(tmp) / f"t{n}"
                folder.mkdir()
                trial = run_trial(folder, rng)
                totals["entered"] += len(trial.sent)
                totals["acknowledged"] += len(trial.acknowledged)
                totals["lost"] += len(trial.lost)
                totals["out_of_order"] += len(trial.out_of_order)
                totals["duplicated"] += len(trial.duplicated)
                totals["in_flight"] += len(trial.in_flight)
                totals["recovered"] += len(trial.recovered)
                totals["partial"] += bool(trial.partial)
                totals["partial_in_draft"] += bool(trial.partial) and trial.partial in trial.draft
                if trial.lost or trial.out_of_order or trial.duplicated:
                    print(f"trial {n}: lost {sorted(trial.lost)} out of order {sorted(trial.out_of_order)} "
                          f"duplicated {trial.duplicated}", flush=True)
                if (n + 1) % 50 == 0:
                    print(f"{n + 1} trials: " + "  ".join(f"{k} {v}" for k, v in totals.items()), flush=True)
    finally:
        if burner is not None:
            burner.kill()
    print(f"trials {args.trials} ({'idle' if args.no_load else 'one CPU-burning process beside'}), "
          f"{time.monotonic() - start:.0f} s")
    print(f"  lines entered                          {totals['entered']}")
    print(f"  acknowledged on screen at the kill     {totals['acknowledged']}")
    print(f"  acknowledged, then lost (must be 0)    {totals['lost']}")
    print(f"  sent before a saved line, missing (0)  {totals['out_of_order']}")
    print(f"  stored twice (must be 0)               {totals['duplicated']}")
    print(f"  in flight at the kill                  {totals['in_flight']}")
    print(f"    of which found after the restart     {totals['recovered']}")
    print(f"  trials killed mid-line                 {totals['partial']}")
    print(f"    of which the half line was in draft  {totals['partial_in_draft']}")


if __name__ == "__main__":
    main()
