"""Crash safety: the real application in a real pseudo-terminal, killed with
SIGKILL at random moments while notes are typed. Every note whose Enter had
been pressed (and read by the application) is in the database afterwards,
and the database is never damaged. bench/kill_bench.py runs a thousand."""

import random

from .crash_harness import run_trial

TRIALS = 16


def test_no_entered_note_is_lost_when_killed(tmp_path):
    rng = random.Random(20171)
    lost, entered = [], 0
    for n in range(TRIALS):
        folder = tmp_path / f"trial{n}"
        folder.mkdir()
        trial = run_trial(folder, rng)
        entered += len(trial.must_have)
        lost.extend(trial.lost)
    assert entered > TRIALS  # the trials did type notes
    assert lost == []
