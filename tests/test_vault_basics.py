from __future__ import annotations

from pathlib import Path

import pytest

from swreflect.errors import WrongPassphraseError, WrongRecoveryKeyError
from swreflect.vault.connection import pinned_settings
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE, folder_hashes


def test_create_pins_settings_and_encrypts_header(vault_dir: Path) -> None:
    v, recovery = Vault.create(vault_dir, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())
    try:
        settings = pinned_settings(v.conn)
        assert settings["journal_mode"] == "wal"
        assert settings["synchronous"] == 2
        assert settings["secure_delete"] == 1
        assert settings["temp_store"] == 2
        assert settings["cipher_plaintext_header_size"] == 0
        assert settings["cipher_version"]
        assert v.integrity_problems() == []
    finally:
        v.lock()
    assert not (vault_dir / "vault.db").read_bytes().startswith(b"SQLite format 3")
    assert len(recovery.split("-")) == 13


def test_wrong_passphrase_is_typed_and_changes_nothing(vault_dir: Path) -> None:
    v, _ = Vault.create(vault_dir, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())
    v.lock()
    before = folder_hashes(vault_dir)
    with pytest.raises(WrongPassphraseError):
        Vault.unlock(vault_dir, "not the right passphrase at all")
    assert folder_hashes(vault_dir) == before


def test_recovery_key_unlocks_and_a_flipped_bit_does_not(vault_dir: Path) -> None:
    v, recovery = Vault.create(vault_dir, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())
    v.lock()
    Vault.unlock_with_recovery_key(vault_dir, recovery.lower().replace("-", " ")).lock()
    first = recovery[0]
    altered = ("B" if first != "B" else "C") + recovery[1:]
    with pytest.raises(WrongRecoveryKeyError):
        Vault.unlock_with_recovery_key(vault_dir, altered)


def test_passphrase_change_leaves_database_byte_identical(vault_dir: Path) -> None:
    v, _ = Vault.create(vault_dir, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())
    v.lock()
    v = Vault.unlock(vault_dir, TEST_PASSPHRASE)
    db_before = (vault_dir / "vault.db").read_bytes()
    v.change_passphrase("a different long passphrase", KdfPolicy.insecure_for_tests())
    assert (vault_dir / "vault.db").read_bytes() == db_before
    v.lock()
    with pytest.raises(WrongPassphraseError):
        Vault.unlock(vault_dir, TEST_PASSPHRASE)
    Vault.unlock(vault_dir, "a different long passphrase").lock()
