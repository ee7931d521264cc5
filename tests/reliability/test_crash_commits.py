"""SECURITY.md row 1: a kill -9 mid-write loses no acknowledged commit and corrupts nothing.

A child saves journal entries through ``JournalService`` (entry, revision, search index in one
transaction) and prints each number after ``create`` returned; it is SIGKILLed at a random
50-400 ms. Reopening must pass both integrity checks and hold every acknowledged entry.
20 runs in the suite; ``SWREFLECT_CRASH_RUNS=1000`` for the nightly figure.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import TEST_PASSPHRASE
from tests.reliability.conftest import rng, run_and_kill, runs
from tests.reliability.journal_check import crash_numbers
from tests.vault.support import make_vault


def test_kill_during_commits_loses_nothing(vault_dir: Path) -> None:
    make_vault(vault_dir, rows=50)
    random = rng()
    total_acked = 0
    next_row = 0
    for run in range(runs("SWREFLECT_CRASH_RUNS", 20)):
        delay = random.uniform(0.05, 0.4)
        child = run_and_kill(
            "tests.reliability.child_writer",
            [str(vault_dir), TEST_PASSPHRASE, str(next_row)],
            delay,
        )
        acked = {int(line) for line in child.lines}
        found, problems = crash_numbers(vault_dir, TEST_PASSPHRASE)
        assert problems == [], f"run {run}: corrupt after kill"
        lost = acked - found
        assert not lost, f"run {run}: lost acknowledged entries {sorted(lost)[:5]}"
        total_acked += len(acked)
        next_row = max(found | {next_row - 1}) + 1
    print(f"crash runs: {total_acked} acknowledged journal entries survived")
