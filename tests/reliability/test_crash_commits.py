"""SECURITY.md row 1: a kill -9 mid-write loses no acknowledged commit and corrupts nothing.

A child commits rows in a loop and prints each one after COMMIT returned; it is SIGKILLed at
a random 50-400 ms. Reopening must pass both integrity checks and hold every acknowledged row.
20 runs in the suite; ``SWREFLECT_CRASH_RUNS=1000`` for the nightly figure.
"""

from __future__ import annotations

from pathlib import Path

from swreflect.vault.connection import pinned_settings
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.reliability.conftest import rng, run_and_kill, runs
from tests.vault.support import make_vault


def _highest(vault: Vault) -> int:
    row = vault.conn.execute("SELECT max(key) FROM settings WHERE key LIKE 'crash-%'").fetchone()
    return int(row[0].split("-")[1]) if row and row[0] else -1


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
        acked = [int(line) for line in child.lines]
        vault = Vault.unlock(vault_dir, TEST_PASSPHRASE)
        try:
            settings = pinned_settings(vault.conn)
            assert settings["journal_mode"] == "wal" and settings["synchronous"] == 2
            assert vault.integrity_problems() == [], f"run {run}: corrupt after kill"
            highest = _highest(vault)
            if acked:
                assert highest >= acked[-1], f"run {run}: lost acknowledged row {acked[-1]}"
                count = vault.conn.execute(
                    "SELECT count(*) FROM settings WHERE key BETWEEN ? AND ?",
                    (f"crash-{acked[0]:09d}", f"crash-{acked[-1]:09d}"),
                ).fetchone()[0]
                assert count == len(acked)
            total_acked += len(acked)
            next_row = highest + 1
        finally:
            vault.lock()
    print(f"crash runs: {total_acked} acknowledged commits survived")
