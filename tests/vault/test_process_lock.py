"""The process lock: a second opener gets "vault in use" (exit 5), never a second writer."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from swreflect.errors import EXIT_IN_USE, VaultInUseError
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.vault.support import make_vault


def test_second_unlock_in_the_same_process_is_refused(vault_dir: Path) -> None:
    make_vault(vault_dir)
    lock_bytes = hashlib.sha256((vault_dir / "vault.lock").read_bytes()).hexdigest()
    first = Vault.unlock(vault_dir, TEST_PASSPHRASE)
    try:
        with pytest.raises(VaultInUseError) as caught:
            Vault.unlock(vault_dir, TEST_PASSPHRASE)
        assert caught.value.exit_code == EXIT_IN_USE
        assert first.integrity_problems() == []  # the holder is unaffected
    finally:
        first.lock()
    Vault.unlock(vault_dir, TEST_PASSPHRASE).lock()
    assert hashlib.sha256((vault_dir / "vault.lock").read_bytes()).hexdigest() == lock_bytes


def test_lock_is_idempotent_and_wipes_the_key(vault_dir: Path) -> None:
    make_vault(vault_dir)
    vault = Vault.unlock(vault_dir, TEST_PASSPHRASE)
    key = vault.data_key()
    assert any(key)
    vault.lock()
    vault.lock()
    assert not vault.is_unlocked
    assert key == bytearray(len(key))  # the same buffer, now zeros


def test_a_wrong_passphrase_while_in_use_is_still_a_wrong_passphrase(vault_dir: Path) -> None:
    from swreflect.errors import WrongPassphraseError

    make_vault(vault_dir)
    holder = Vault.unlock(vault_dir, TEST_PASSPHRASE)
    try:
        with pytest.raises(WrongPassphraseError):
            Vault.unlock(vault_dir, "not the right one at all")
    finally:
        holder.lock()
