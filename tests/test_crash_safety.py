"""Crash safety: the real application in a real pseudo-terminal, killed with
SIGKILL at random moments while notes are typed — with a CPU-burning process
beside it, because a promise that holds only on an idle machine is no promise.

The oracle is what the screen showed when the kill came: every note shown as
saved is in the database afterwards; so is every line sent before a note
shown as saved (the writer commits in the order typed); no note is stored
twice; and the database is never damaged. bench/kill_bench.py runs a
thousand trials and also counts the lines in flight that were recovered."""

import random
import subprocess
import sys

import pytest

from .crash_harness import run_trial

TRIALS = 12


@pytest.fixture
def busy_machine():
    """A process that burns one core for as long as the test runs."""
    burner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    yield
    burner.kill()
    burner.wait()


def test_no_acknowledged_note_is_lost_when_killed(tmp_path, busy_machine):
    rng = random.Random(20171)
    acknowledged = 0
    for n in range(TRIALS):
        folder = tmp_path / f"trial{n}"
        folder.mkdir()
        trial = run_trial(folder, rng)
        acknowledged += len(trial.acknowledged)
        assert trial.lost == set(), f"trial {n}: shown as saved, then lost"
        assert trial.out_of_order == set(), f"trial {n}: sent before a saved note, yet missing"
        assert trial.duplicated == [], f"trial {n}: stored twice"
        assert set(trial.saved) <= set(trial.sent)
    assert acknowledged >= TRIALS // 2  # the trials did see notes saved before the kill
