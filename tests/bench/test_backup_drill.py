"""SECURITY.md row 16 at full size: 500 backups while a writer commits (run by `make bench`)."""

from __future__ import annotations

import time
from pathlib import Path

from tests.backups.test_backup_under_writer import run_drill


def test_500_backups_under_a_writer(tmp_path: Path) -> None:
    started = time.perf_counter()
    backups, commits = run_drill(tmp_path, 500)
    elapsed = time.perf_counter() - started
    print(f"\n{backups}/500 backups sound; {commits} concurrent commits; {elapsed:.1f} s")
