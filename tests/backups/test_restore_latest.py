"""The damaged-vault remedy: restore the newest automatic backup that is sound."""

from __future__ import annotations

from pathlib import Path

import pytest

from swreflect.core.backup_service import restore_latest_backup
from swreflect.core.clock import FakeClock
from swreflect.core.services import Services
from swreflect.errors import NoGoodBackupError, VaultDamagedError, WrongPassphraseError
from swreflect.vault.vault import Vault
from tests.backups.conftest import PASSPHRASE, get_setting, put_setting
from tests.conftest import folder_hashes


def _damage(db: Path) -> None:
    data = bytearray(db.read_bytes())
    for offset in range(4096 + 100, len(data), 4096):  # a byte in every page after the first
        data[offset] ^= 0x5A
    db.write_bytes(bytes(data))


def _two_days_of_backups(services: Services, clock: FakeClock) -> Path:
    put_setting(services.vault, "state", "day one")
    services.backups.run_daily_backup()
    clock.advance(86400)
    put_setting(services.vault, "state", "day two")
    services.backups.run_daily_backup()
    put_setting(services.vault, "state", "unsaved by any backup")
    folder = services.vault.folder
    services.vault.lock()
    return folder


def test_damaged_vault_comes_back_from_the_latest_backup(
    services: Services, clock: FakeClock
) -> None:
    folder = _two_days_of_backups(services, clock)
    _damage(folder / "vault.db")
    with pytest.raises(VaultDamagedError):
        Vault.unlock(folder, PASSPHRASE)
    info = restore_latest_backup(folder, passphrase=PASSPHRASE)
    assert info.kind == "auto"
    vault = Vault.unlock(folder, PASSPHRASE)
    try:
        assert get_setting(vault, "state") == "day two"
        assert vault.integrity_problems() == []
        assert len(list((folder / "backups").glob("auto-*.db"))) == 2
    finally:
        vault.lock()


def test_a_damaged_newest_backup_is_skipped(services: Services, clock: FakeClock) -> None:
    folder = _two_days_of_backups(services, clock)
    newest = sorted((folder / "backups").glob("auto-*.db"))[-1]
    _damage(newest)
    (folder / "vault.db").unlink()  # the database lost altogether
    restore_latest_backup(folder, passphrase=PASSPHRASE)
    vault = Vault.unlock(folder, PASSPHRASE)
    try:
        assert get_setting(vault, "state") == "day one"
    finally:
        vault.lock()


def test_no_sound_backup_is_a_clear_error_and_changes_nothing(
    services: Services, clock: FakeClock
) -> None:
    folder = _two_days_of_backups(services, clock)
    for backup in (folder / "backups").glob("*.db"):
        _damage(backup)
    before = folder_hashes(folder)
    with pytest.raises(NoGoodBackupError) as caught:
        restore_latest_backup(folder, passphrase=PASSPHRASE)
    assert caught.value.exit_code == 4
    assert folder_hashes(folder) == before


def test_wrong_passphrase_changes_nothing(services: Services, clock: FakeClock) -> None:
    folder = _two_days_of_backups(services, clock)
    before = folder_hashes(folder)
    with pytest.raises(WrongPassphraseError):
        restore_latest_backup(folder, passphrase="not the passphrase of this vault")
    assert folder_hashes(folder) == before


def _break_a_tree(vault: Vault) -> None:
    """Damage the vault the way no page MAC can see: an index's schema row pointed at the
    settings table's root (written through SQLCipher, so every page still authenticates)."""
    conn = vault.conn
    settings_root, index = conn.execute(
        "SELECT (SELECT rootpage FROM sqlite_schema WHERE name = 'settings'), name "
        "FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name LIMIT 1"
    ).fetchone()
    cookie = int(conn.execute("PRAGMA schema_version").fetchone()[0])
    conn.execute("PRAGMA writable_schema = ON")
    with vault.transaction():
        conn.execute("UPDATE sqlite_schema SET rootpage = ? WHERE name = ?", (settings_root, index))
        conn.execute(f"PRAGMA schema_version = {cookie + 1}")  # every connection rereads it
    conn.execute("PRAGMA writable_schema = OFF")


def test_a_backup_of_a_vault_with_a_broken_tree_is_kept_but_never_restored(
    services: Services, clock: FakeClock
) -> None:
    """What the backup's check leaves to the restore (vault/backup_check.py): a copy of a vault
    whose trees are broken is authentic page by page, so it is kept; the restore's full
    checks refuse it and use the newest sound backup instead."""
    put_setting(services.vault, "state", "day one")
    services.backups.run_daily_backup()
    clock.advance(86400)
    put_setting(services.vault, "state", "day two")
    _break_a_tree(services.vault)
    assert services.vault.integrity_problems() != []  # `check` finds it in the vault
    assert services.backups.run_daily_backup() is not None  # and the day's backup is kept
    folder = services.vault.folder
    services.vault.lock()
    (folder / "vault.db").unlink()
    restore_latest_backup(folder, passphrase=PASSPHRASE)
    vault = Vault.unlock(folder, PASSPHRASE)
    try:
        assert get_setting(vault, "state") == "day one"
        assert vault.integrity_problems() == []
    finally:
        vault.lock()
