""" "Back up to…" files: round trip, recovery key, and every kind of bad file refused cleanly."""

from __future__ import annotations

import hashlib
import random
import struct
from pathlib import Path
from typing import Any

import pytest

from swreflect.core.backup_service import check_backup_file, restore_from_file
from swreflect.core.services import Services
from swreflect.errors import (
    BackupFileDamagedError,
    BackupTooNewError,
    DifferentVaultError,
    VaultInUseError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from swreflect.vault.backup_file import HEADER_BYTES, MAGIC, read_backup_file
from swreflect.vault.vault import Vault
from tests.backups.conftest import PASSPHRASE, all_rows, put_setting, siblings
from tests.conftest import folder_hashes

WRONG = "a perfectly long but wrong passphrase"


def _backup(services: Services, tmp_path: Path) -> Path:
    return services.backups.back_up_to(tmp_path / "usb" / "reflections.swrbak")


@pytest.fixture(autouse=True)
def _usb(tmp_path: Path) -> None:
    (tmp_path / "usb").mkdir()


def test_round_trip_to_a_new_folder_compares_every_record(
    services: Services, tmp_path: Path
) -> None:
    put_setting(services.vault, "blob-ish", "ünïcödé and 'quotes'")
    path = _backup(services, tmp_path)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    expected = all_rows(services.vault)
    target = tmp_path / "new-computer" / "vault"
    restore_from_file(target, path, passphrase=PASSPHRASE)
    restored = Vault.unlock(target, PASSPHRASE)
    try:
        assert restored.vault_id == services.vault.vault_id
        assert restored.integrity_problems() == []
        assert all_rows(restored) == expected
    finally:
        restored.lock()
    assert siblings(target) == ["vault"]


def test_recovery_key_opens_the_backup(make_vault: Any, tmp_path: Path) -> None:
    from swreflect.core.clock import FakeClock
    from swreflect.core.services import build_services

    vault, recovery = make_vault()
    path = build_services(vault, FakeClock()).backups.back_up_to(tmp_path / "usb" / "b.swrbak")
    target = tmp_path / "elsewhere"
    restore_from_file(target, path, recovery_key=recovery)
    Vault.unlock_with_recovery_key(target, recovery).lock()


def test_restore_over_the_same_vault_replaces_its_content(
    services: Services, tmp_path: Path
) -> None:
    put_setting(services.vault, "state", "as backed up")
    path = _backup(services, tmp_path)
    put_setting(services.vault, "state", "changed later")
    services.backups.create_backup()
    folder = services.vault.folder
    services.vault.lock()
    restore_from_file(folder, path, passphrase=PASSPHRASE)
    again = Vault.unlock(folder, PASSPHRASE)
    try:
        value = again.conn.execute("SELECT value FROM settings WHERE key='state'").fetchone()[0]
        assert value == "as backed up"
        assert again.integrity_problems() == []
        # The automatic backups of the same vault survive the restore.
        assert len(list((folder / "backups").glob("manual-*.db"))) == 1
    finally:
        again.lock()
    assert not [n for n in siblings(folder) if ".restore-" in n]


def test_a_different_vault_is_not_replaced_without_consent(
    make_vault: Any, services: Services, tmp_path: Path
) -> None:
    path = _backup(services, tmp_path)
    other, _ = make_vault("other")
    other.lock()
    before = folder_hashes(tmp_path / "other")
    with pytest.raises(DifferentVaultError):
        restore_from_file(tmp_path / "other", path, passphrase=PASSPHRASE)
    assert folder_hashes(tmp_path / "other") == before
    restore_from_file(tmp_path / "other", path, passphrase=PASSPHRASE, replace_other=True)
    replaced = Vault.unlock(tmp_path / "other", PASSPHRASE)
    assert replaced.vault_id == services.vault.vault_id
    replaced.lock()


def test_an_open_vault_is_never_swapped_out(services: Services, tmp_path: Path) -> None:
    path = _backup(services, tmp_path)
    with pytest.raises(VaultInUseError):
        restore_from_file(services.vault.folder, path, passphrase=PASSPHRASE)
    assert services.vault.integrity_problems() == []


class _Guard:
    """The current vault (locked) and its hashes, to prove a failed restore changed nothing."""

    def __init__(self, services: Services, tmp_path: Path) -> None:
        self.folder = services.vault.folder
        self.backup = _backup(services, tmp_path)
        services.vault.lock()
        self.before = folder_hashes(self.folder)
        self.listing = siblings(self.folder)

    def restore(self, data: bytes, passphrase: str = PASSPHRASE) -> None:
        bad = self.folder.parent / "usb" / "bad.swrbak"
        bad.write_bytes(data)
        restore_from_file(self.folder, bad, passphrase=passphrase)

    def untouched(self) -> bool:
        return folder_hashes(self.folder) == self.before and siblings(self.folder) == self.listing


@pytest.fixture
def guard(services: Services, tmp_path: Path) -> _Guard:
    return _Guard(services, tmp_path)


def test_wrong_passphrase_is_exit_3_and_changes_nothing(guard: _Guard) -> None:
    with pytest.raises(WrongPassphraseError) as caught:
        guard.restore(guard.backup.read_bytes(), passphrase=WRONG)
    assert caught.value.exit_code == 3
    assert guard.untouched()


def test_wrong_recovery_key_is_typed(guard: _Guard) -> None:
    key = "-".join(["AAAA"] * 12 + ["AAAA"])
    with pytest.raises(WrongRecoveryKeyError):
        check_backup_file(guard.backup, recovery_key=key)
    assert guard.untouched()


def test_every_truncation_is_detected_as_damage(guard: _Guard) -> None:
    data = guard.backup.read_bytes()
    rng = random.Random(7)
    cuts = sorted({0, 1, 7, HEADER_BYTES - 1, HEADER_BYTES, len(data) - 1, len(data) - 33})
    cuts += rng.sample(range(1, len(data)), 40)
    for cut in cuts:
        with pytest.raises(BackupFileDamagedError) as caught:
            guard.restore(data[:cut])
        assert caught.value.exit_code == 4
    assert guard.untouched()


def test_every_flipped_bit_is_detected(guard: _Guard) -> None:
    data = guard.backup.read_bytes()
    rng = random.Random(11)
    offsets = rng.sample(range(len(data)), 150) + list(range(HEADER_BYTES))
    for offset in offsets:
        flipped = bytearray(data)
        flipped[offset] ^= 1 << rng.randrange(8)
        # A flip in the version field may read as "a newer format"; that too is refused.
        with pytest.raises((BackupFileDamagedError, BackupTooNewError)):
            guard.restore(bytes(flipped))
    assert guard.untouched()


def test_tampering_that_recomputes_the_checksum_fails_the_hmac(guard: _Guard) -> None:
    data = bytearray(guard.backup.read_bytes())
    _magic, _v, _f, ks_len, db_len = struct.unpack_from(">8sHHIQ", data)
    db_end = HEADER_BYTES + ks_len + db_len
    data[db_end - 100] ^= 0xFF  # inside the database pages
    data[db_end : db_end + 32] = hashlib.sha256(bytes(data[:db_end])).digest()
    with pytest.raises(BackupFileDamagedError):
        guard.restore(bytes(data))
    assert guard.untouched()


def test_other_files_are_not_backups(guard: _Guard) -> None:
    for junk in (b"", b"SQLite format 3\x00" + bytes(100), b"PK\x03\x04 a zip", MAGIC):
        with pytest.raises(BackupFileDamagedError):
            guard.restore(junk)
    with pytest.raises(BackupFileDamagedError):
        restore_from_file(guard.folder, guard.folder.parent / "missing", passphrase=PASSPHRASE)
    assert guard.untouched()


def test_newer_format_is_refused(guard: _Guard) -> None:
    data = bytearray(guard.backup.read_bytes())
    struct.pack_into(">H", data, 8, 2)
    with pytest.raises(BackupTooNewError):
        guard.restore(bytes(data))
    assert guard.untouched()


def test_file_structure_is_as_documented(services: Services, tmp_path: Path) -> None:
    path = _backup(services, tmp_path)
    data = path.read_bytes()
    magic, version, flags, ks_len, db_len = struct.unpack_from(">8sHHIQ", data)
    assert (magic, version, flags) == (MAGIC, 1, 0)
    assert len(data) == HEADER_BYTES + ks_len + db_len + 64
    keyslots = (services.vault.folder / "keyslots.json").read_bytes()
    assert data[HEADER_BYTES : HEADER_BYTES + ks_len] == keyslots
    db = data[HEADER_BYTES + ks_len : HEADER_BYTES + ks_len + db_len]
    assert not db.startswith(b"SQLite format 3")
    assert read_backup_file(path).keyslots.vault_id == services.vault.vault_id
