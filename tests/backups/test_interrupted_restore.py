"""A restore stopped at any point (SIGKILL) leaves a vault that opens: old or restored."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from swreflect.core.backup_service import restore_from_file
from swreflect.core.clock import FakeClock
from swreflect.core.services import build_services
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.restore import finish_interrupted_restore
from swreflect.vault.vault import Vault
from tests.backups.conftest import PASSPHRASE, get_setting, put_setting

RUNS = int(os.environ.get("SWREFLECT_RESTORE_KILL_RUNS", "24"))  # more in nightly runs
REPO = Path(__file__).resolve().parents[2]

CHILD = """
import sys, time
from pathlib import Path
from swreflect.core.backup_service import restore_from_file
print("ready", flush=True)
sys.stdin.readline()
started = time.perf_counter()
restore_from_file(Path(sys.argv[1]), Path(sys.argv[2]), passphrase=sys.argv[3])
print(f"done {time.perf_counter() - started:.6f}", flush=True)
"""


def _prepare(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A template of the current vault ("old") and a backup file of it with other content."""
    folder = tmp_path / "template"
    vault, _ = Vault.create(folder, PASSPHRASE, KdfPolicy.insecure_for_tests())
    try:
        with vault.transaction() as conn:  # some bulk so the restore takes a little while
            conn.executemany(
                "INSERT INTO settings(key, value) VALUES (?, ?)",
                [(f"bulk.{i}", "r" * 2000) for i in range(400)],
            )
        put_setting(vault, "which", "restored")
        backup = build_services(vault, FakeClock()).backups.back_up_to(tmp_path / "b.swrbak")
        put_setting(vault, "which", "old")
        build_services(vault, FakeClock()).backups.create_backup()
    finally:
        vault.lock()
    return folder, backup, tmp_path / "vault"


def _child(target: Path, backup: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(target), str(backup), PASSPHRASE],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def _opens_with(target: Path) -> str:
    vault = Vault.unlock(target, PASSPHRASE)
    try:
        assert vault.integrity_problems() == []
        which = get_setting(vault, "which")
        assert which in ("old", "restored")
        return which
    finally:
        vault.lock()


@pytest.mark.slow
def test_kill_during_restore_never_leaves_an_unusable_vault(tmp_path: Path) -> None:
    template, backup, target = _prepare(tmp_path)
    # One undisturbed run to learn how long the restore itself takes.
    shutil.copytree(template, target)
    proc = _child(target, backup)
    out, _ = proc.communicate("go\n", timeout=60)
    duration = float(out.split()[-1])
    assert _opens_with(target) == "restored"

    rng = random.Random(20261128)
    outcomes = {"old": 0, "restored": 0}
    for _run in range(RUNS):
        shutil.rmtree(target)
        shutil.copytree(template, target)
        proc = _child(target, backup)
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
        time.sleep(rng.uniform(0, duration * 1.1))  # the kill point, not an assertion
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        # The vault opens as it is, with no repair step first.
        outcomes[_opens_with(target)] += 1
        # Tidying afterwards removes leftovers and keeps the vault (and its backups).
        finish_interrupted_restore(target)
        assert not [p for p in tmp_path.iterdir() if ".restore-" in p.name]
        assert _opens_with(target) in ("old", "restored")
        assert list((target / "backups").glob("manual-*.db"))
    print(f"\nrestore {duration * 1000:.1f} ms; after {RUNS} kills: {outcomes}")


def test_fallback_swap_interrupted_between_renames_is_rolled_back(tmp_path: Path) -> None:
    """Where folders can't be exchanged atomically, the old vault is renamed aside first; a
    crash before the new one is moved in leaves no vault at the path until this repair."""
    template, _backup, target = _prepare(tmp_path)
    shutil.copytree(template, target)
    staging = tmp_path / ".vault.restore-0123456789ab"
    shutil.copytree(template, staging)  # a finished staging copy (no marker)
    os.replace(target, tmp_path / ".vault.restore-old-ba9876543210")
    assert not target.exists()
    finish_interrupted_restore(target)
    assert _opens_with(target) == "old"
    assert not [p for p in tmp_path.iterdir() if ".restore-" in p.name]


def test_unfinished_staging_is_deleted_and_the_vault_kept(tmp_path: Path) -> None:
    template, backup, target = _prepare(tmp_path)
    shutil.copytree(template, target)
    staging = tmp_path / ".vault.restore-aaaaaaaaaaaa"
    staging.mkdir()
    (staging / "restore-staging").write_text("unfinished")
    (staging / "vault.db").write_bytes(b"half")
    finish_interrupted_restore(target)
    assert not staging.exists()
    assert _opens_with(target) == "old"
    restore_from_file(target, backup, passphrase=PASSPHRASE)
    assert _opens_with(target) == "restored"
