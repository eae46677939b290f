"""Name matcher benchmark: 10,000 notes of about 300 characters against 50
protected people and organisations (run by hand; prints figures).

Notes are built from the false-positive corpus (English with some sentences
in other scripts); a share of them get a protected name written in, and the
"hostile" run adds an invisible character and an accent to every note, which
sends every note down the slow cleaning path. Target: well under a second
for the ordinary run on two cores.

    python bench/names_bench.py [--notes 10000] [--length 300] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from facilitator.names import Matcher, Protected  # noqa: E402
from tests.test_names_false_positives import REGISTER, sentences  # noqa: E402

EXTRA = [Protected("p37", "Lech Wałęsa"), Protected("p38", "Wei Li"),
         Protected("o12", "Conflict Prevention Network Europe (CPNE)", kind="organisation")]
MENTIONS = ["Wiśniewska", "Ms Ng", "García Márquez", "the FES", "Петрова", "李伟", "Walesa", "Dupont-Aignan",
            "Παπαδόπουλος", "Ms Li", "Balkan Peace Forum", "O'Brien"]


def notes(count: int, length: int, seed: int, named_share: float) -> list[str]:
    rng = random.Random(seed)
    corpus = sentences()
    out = []
    for _ in range(count):
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < length:
            words.append(rng.choice(corpus))
        note = " ".join(words)[:length]
        if rng.random() < named_share:
            at = rng.randrange(len(note))
            note = note[:at] + " " + rng.choice(MENTIONS) + " " + note[at:]
        out.append(note)
    return out


def hostile(texts: list[str], seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for note in texts:
        at = rng.randrange(1, len(note))
        note = note[:at] + "\u200b" + note[at:]
        at = rng.randrange(1, len(note))
        out.append(note[:at] + "e\u0301" + note[at:])
    return out


def run(label: str, matcher: Matcher, texts: list[str]) -> None:
    times = []
    flagged = 0
    start = time.perf_counter()
    for text in texts:
        t0 = time.perf_counter()
        flagged += bool(matcher.find(text))
        times.append(time.perf_counter() - t0)
    total = time.perf_counter() - start
    times.sort()
    print(f"{label:<34} total {total:6.3f} s   mean {statistics.mean(times) * 1e6:6.1f} µs   "
          f"p95 {times[int(len(times) * 0.95)] * 1e6:6.1f} µs   max {times[-1] * 1e3:5.2f} ms   "
          f"notes flagged {flagged}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--length", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    register = REGISTER + EXTRA
    t0 = time.perf_counter()
    matcher = Matcher(register)
    print(f"{len(register)} protected identities; matcher built in {(time.perf_counter() - t0) * 1e3:.1f} ms")
    ordinary = notes(args.notes, args.length, args.seed, named_share=0.1)
    non_ascii = sum(not n.isascii() for n in ordinary)
    print(f"{len(ordinary)} notes of ~{args.length} characters ({non_ascii} not pure ASCII, ~10% name someone)")
    run("first pass (cold caches)", matcher, ordinary)
    run("second pass (warm caches)", matcher, ordinary)
    run("every note names someone", matcher, notes(args.notes, args.length, args.seed + 1, named_share=1.0))
    run("hostile: invisible + accent in all", matcher, hostile(ordinary, args.seed))


if __name__ == "__main__":
    main()
