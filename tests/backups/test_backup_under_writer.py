"""Backups taken while another process keeps committing open with the key and are sound."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from swreflect.vault import backup_copy, page_check
from swreflect.vault.backups import inspect_backup, open_readonly, snapshot_database
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.keyslots import PASSPHRASE_SLOT
from swreflect.vault.vault import Vault
from tests.backups.conftest import PASSPHRASE

BACKUPS = 24
REPO = Path(__file__).resolve().parents[2]

WRITER = """
import sys
from pathlib import Path
from swreflect.vault.vault import Vault
vault = Vault.unlock(Path(sys.argv[1]), sys.argv[2])
i = 0
while True:
    i += 1
    with vault.transaction() as conn:
        row = (f"drill.{i:08d}", "w" * 300)
        conn.execute("INSERT INTO settings(key, value) VALUES (?, ?)", row)
        # Keep about 200 rows live, so the database stays a steady size however long it runs.
        conn.execute("DELETE FROM settings WHERE key = ?", (f"drill.{i - 200:08d}",))
    print(i, flush=True)
"""


class _Acks:
    """The last commit the writer reported, read from its stdout on a thread."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.last = 0
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._read, args=(proc,), daemon=True)
        self._thread.start()

    def _read(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            with self._changed:
                self.last = int(line)
                self._changed.notify_all()

    def wait_beyond(self, seen: int) -> int:
        """Block until the writer acknowledges a commit after ``seen`` (so every backup below
        races a writer that is really running); returns the newest acknowledgement."""
        with self._changed:
            assert self._changed.wait_for(lambda: self.last > seen, timeout=60)
            return self.last


def _highest_drill(path: Path, dek: bytearray) -> int:
    conn = open_readonly(path, dek)
    try:
        row = conn.execute("SELECT max(key) FROM settings WHERE key LIKE 'drill.%'").fetchone()
    finally:
        conn.close()
    return int(row[0].split(".")[1]) if row[0] else 0


def run_drill(tmp_path: Path, count: int) -> tuple[int, int]:
    """Take ``count`` backups while a child process commits; returns (backups, commits)."""
    folder = tmp_path / "vault"
    Vault.create(folder, PASSPHRASE, KdfPolicy.insecure_for_tests())[0].lock()
    _slots, dek = Vault.derive_key(folder, PASSPHRASE_SLOT, PASSPHRASE.encode())
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder), PASSPHRASE],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    try:
        acks = _Acks(proc)
        results: list[int] = []
        for n in range(count):
            acknowledged = acks.wait_beyond(results[-1] if results else 0)
            dest = snapshot_database(folder / "vault.db", dek, tmp_path / f"b{n:04d}.db")
            check = inspect_backup(dest, dek)
            assert check.sound, check.problems
            highest = _highest_drill(dest, dek)
            assert highest >= acknowledged  # every acknowledged commit is in the copy
            results.append(highest)
            dest.unlink()
        writes_during = acks.last
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert all(a < b for a, b in itertools.pairwise(results))  # commits in between
    return count, writes_during


@pytest.mark.slow
def test_backups_during_active_writes_are_all_sound(tmp_path: Path) -> None:
    backups, commits = run_drill(tmp_path, BACKUPS)
    print(f"\n{backups} backups sound while {commits} commits were made")


@pytest.mark.slow
def test_backups_checked_alongside_the_copy_under_writes_are_all_sound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same drill with the page check right behind the copy in steps of 4 pages (at full
    size it stays 16 MiB behind; a small vault would otherwise be checked only at the end),
    so it reads pages while the copy writes them and the writer commits."""
    monkeypatch.setattr(page_check, "BEHIND_PAGES", 0)
    monkeypatch.setattr(backup_copy, "PAGES_PER_STEP", 4)
    alongside: dict[int, int] = {}  # pages checked alongside, by check (closed twice each)
    close = page_check.PageCheck.close

    def close_and_count(self: page_check.PageCheck) -> None:
        close(self)
        alongside[id(self)] = self.alongside

    monkeypatch.setattr(page_check.PageCheck, "close", close_and_count)
    backups, commits = run_drill(tmp_path, BACKUPS)
    checked = sum(alongside.values())
    assert checked > 0  # the thread really checked pages while copies were written
    print(f"\n{backups} backups sound while {commits} commits; {checked} pages checked alongside")
