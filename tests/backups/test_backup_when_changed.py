"""The daily backup runs only when something changed since the last one, and can be put off
part-way without leaving anything behind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services, build_services
from swreflect.errors import BackupCancelledError
from swreflect.vault.backups import PARTIAL_SUFFIX, inspect_backup
from swreflect.vault.vault import Vault
from tests.backups.conftest import PASSPHRASE, put_setting

DAY = 86400


def test_an_unchanged_vault_is_not_backed_up_again(services: Services, clock: FakeClock) -> None:
    assert services.backups.run_daily_backup() is not None
    clock.advance(DAY)
    assert services.backups.run_daily_backup() is None  # nothing written since
    assert len(services.backups.list_backups()) == 1
    put_setting(services.vault, "note.new", "a change")
    clock.advance(DAY)
    assert services.backups.run_daily_backup() is not None
    assert len(services.backups.list_backups()) == 2


def test_changes_in_an_earlier_session_are_remembered(
    make_vault: Any, clock: FakeClock, tmp_path: Path
) -> None:
    vault, _ = make_vault()
    assert build_services(vault, clock).backups.run_daily_backup() is not None
    put_setting(vault, "note.later", "written after the backup, same session")
    vault.lock()
    clock.advance(DAY)
    again = Vault.unlock(tmp_path / "vault", PASSPHRASE)
    try:
        assert build_services(again, clock).backups.run_daily_backup() is not None
    finally:
        again.lock()
    clock.advance(DAY)
    third = Vault.unlock(tmp_path / "vault", PASSPHRASE)
    try:  # the session above only made the backup: nothing to back up now
        assert build_services(third, clock).backups.run_daily_backup() is None
    finally:
        third.lock()


def test_putting_a_backup_off_leaves_nothing_and_tries_again(
    make_vault: Any, clock: FakeClock
) -> None:
    vault, _ = make_vault(rows=3000)  # big enough for the copy to be asked part-way
    services = build_services(vault, clock)
    backups = services.backups
    previous = backups.claim_daily_backup()
    assert previous is not False
    asked: list[int] = []

    def stop_part_way() -> bool:
        asked.append(1)
        return len(asked) > 1  # let the copy start, then stop it

    with pytest.raises(BackupCancelledError):
        backups.write_daily_backup(stop_part_way)
    assert len(asked) >= 2  # stopped inside the copy, at its second look
    backups.release_daily_backup(previous)
    folder = backups.folder
    assert not [p for p in folder.iterdir() if p.name.endswith(PARTIAL_SUFFIX)]
    assert backups.list_backups() == []
    assert services.vault.integrity_problems() == []
    assert backups.daily_backup_due() and services.vault.changed_since_backup()
    info = backups.run_daily_backup()
    assert info is not None and inspect_backup(info.path, services.vault.data_key()).sound
