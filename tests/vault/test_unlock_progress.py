"""Unlocking a vault made by an earlier version says what it is doing, stage by stage.

The vault is a real one written at schema 4 by the code of its day (``tests/supervision/
old_vault/v4``, copied to ``tmp_path`` because opening upgrades it); the listener is the one
``core.vault_access.unlock_vault`` hands down to ``vault/open_steps.py``.
"""

from __future__ import annotations

import json
import shutil
import sys
import threading
from pathlib import Path

import pytest

from swreflect.core.vault_access import unlock_vault
from swreflect.models.unlock_progress import UnlockProgress, UnlockStage
from swreflect.vault import open_steps
from swreflect.vault.migrations import latest_version
from tests.conftest import TEST_PASSPHRASE
from tests.vault.support import make_vault

OLD_V4 = Path(__file__).resolve().parents[1] / "supervision" / "old_vault" / "v4"
GOLDEN_V4 = Path(__file__).resolve().parents[1] / "upgrade" / "golden_v4"


def old_vault(tmp_path: Path) -> Path:
    folder = tmp_path / "old"
    shutil.copytree(OLD_V4, folder)
    return folder


def check_upgrade_reports(seen: list[UnlockProgress], start: int) -> None:
    """KEY, then the copy from 0 to 1 (never going back), then every step in order, then DONE."""
    stages = [p.stage for p in seen]
    steps = latest_version() - start
    assert stages[0] is UnlockStage.KEY
    backup = [p for p in seen if p.stage is UnlockStage.BACKUP]
    migrate = [p for p in seen if p.stage is UnlockStage.MIGRATE]
    expected = [UnlockStage.KEY, *[UnlockStage.BACKUP] * len(backup)]
    expected += [UnlockStage.MIGRATE] * steps + [UnlockStage.DONE]
    assert stages == expected
    fractions = [p.fraction if p.fraction is not None else -1.0 for p in backup]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert fractions == sorted(fractions) and len(set(fractions)) == len(fractions)
    assert [(p.step, p.steps) for p in migrate] == [(k, steps) for k in range(1, steps + 1)]
    assert all(p.fraction is None for p in migrate)  # a step can't tell how far it is
    slow = [p for p in migrate if "search index" in p.text]  # m0010's optimize says so
    assert len(slow) == 1 and "may take a minute" in slow[0].text
    assert all(p.text and p.updating for p in seen[1:])


def test_an_old_vault_reports_the_copy_and_each_step(tmp_path: Path) -> None:
    folder = old_vault(tmp_path)
    seen: list[UnlockProgress] = []
    vault = unlock_vault(folder, TEST_PASSPHRASE, progress=seen.append)
    try:
        assert vault.schema_version() == latest_version()
        assert list(vault.backups_dir().glob("pre-migration-v4-*.db"))
    finally:
        vault.lock()
    check_upgrade_reports(seen, start=4)
    assert seen[0].text == "Checking your passphrase…"


def test_the_recovery_key_path_reports_the_same_stages(tmp_path: Path) -> None:
    root = tmp_path / "golden"
    shutil.copytree(GOLDEN_V4, root)
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    seen: list[UnlockProgress] = []
    key = str(manifest["recovery_keys"]["sam"])
    unlock_vault(root / "sam", key, recovery_key=True, progress=seen.append).lock()
    check_upgrade_reports(seen, start=4)
    assert seen[0].text == "Checking your recovery key…"


def test_a_current_vault_reports_only_the_key_stage(vault_dir: Path) -> None:
    make_vault(vault_dir, rows=5)
    seen: list[UnlockProgress] = []
    unlock_vault(vault_dir, TEST_PASSPHRASE, progress=seen.append).lock()
    assert [p.stage for p in seen] == [UnlockStage.KEY]
    assert not any(p.updating for p in seen)
    assert not (vault_dir / "backups").exists()


def test_a_failing_listener_never_stops_the_upgrade(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = old_vault(tmp_path)
    calls: list[UnlockStage] = []

    def broken(progress: UnlockProgress) -> None:
        calls.append(progress.stage)
        raise RuntimeError("the window that listened has gone")

    vault = unlock_vault(folder, TEST_PASSPHRASE, progress=broken)
    try:
        assert vault.schema_version() == latest_version()
        assert vault.integrity_problems() == []
    finally:
        vault.lock()
    assert calls[0] is UnlockStage.KEY and calls[-1] is UnlockStage.DONE
    assert "RuntimeError" in caplog.text and "the window that listened" not in caplog.text


def _reports_from_four_threads() -> list[float]:
    heard: list[float] = []
    busy = threading.Lock()

    def listener(progress: UnlockProgress) -> None:
        assert busy.acquire(blocking=False), "two reports at once"
        heard.append(progress.fraction or 0.0)
        busy.release()

    report = open_steps._BackupFractions(listener)

    def send(first: int) -> None:
        for f in range(first, 400, 4):
            report(f / 400)

    workers = [threading.Thread(target=send, args=(k,)) for k in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return heard


def test_the_copy_s_fractions_never_go_back_when_two_threads_report() -> None:
    """The copy's checks report from two threads (``backup_check.CHECKERS``); the listener
    must still hear one report at a time, each further on than the last."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        for _ in range(20):
            heard = _reports_from_four_threads()
            assert heard == sorted(heard) and heard[-1] == 0.99
    finally:
        sys.setswitchinterval(interval)
