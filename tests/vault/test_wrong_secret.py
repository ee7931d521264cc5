"""SECURITY.md row 4: wrong passphrases and recovery keys are refused and change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from swreflect.errors import (
    EXIT_WRONG_SECRET,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from swreflect.vault.recovery import format_recovery_key, parse_recovery_key
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE, folder_hashes
from tests.vault.support import make_vault, run_cli

WRONG_MESSAGE = "That passphrase didn't open the vault."


@pytest.fixture
def locked_vault(vault_dir: Path) -> tuple[Path, str]:
    recovery = make_vault(vault_dir, rows=20)
    return vault_dir, recovery


def test_cli_wrong_passphrase_exits_3_and_changes_nothing(locked_vault: tuple[Path, str]) -> None:
    folder, _ = locked_vault
    before = folder_hashes(folder)
    result = run_cli("check", "--vault", str(folder), SWREFLECT_PASSPHRASE="not the passphrase!")
    assert result.returncode == EXIT_WRONG_SECRET
    assert WRONG_MESSAGE in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert folder_hashes(folder) == before


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(guess=st.text(min_size=0, max_size=80))
def test_random_wrong_passphrases_are_all_refused(
    locked_vault: tuple[Path, str], guess: str
) -> None:
    folder, _ = locked_vault
    if guess == TEST_PASSPHRASE:
        return
    before = folder_hashes(folder)
    with pytest.raises(WrongPassphraseError):
        Vault.unlock(folder, guess)
    assert folder_hashes(folder) == before


def test_near_miss_passphrases_are_refused(locked_vault: tuple[Path, str]) -> None:
    folder, _ = locked_vault
    before = folder_hashes(folder)
    near = [
        TEST_PASSPHRASE[:-1],
        TEST_PASSPHRASE + " ",
        " " + TEST_PASSPHRASE,
        TEST_PASSPHRASE.upper(),
        TEST_PASSPHRASE.replace(" ", ""),
        TEST_PASSPHRASE + "\n",
    ]
    for guess in near:
        with pytest.raises(WrongPassphraseError):
            Vault.unlock(folder, guess)
    assert folder_hashes(folder) == before


def _flip_bit(key: bytes, bit: int) -> bytes:
    data = bytearray(key)
    data[bit // 8] ^= 1 << (bit % 8)
    return bytes(data)


def test_every_single_bit_flip_of_the_recovery_key_is_refused(
    locked_vault: tuple[Path, str],
) -> None:
    folder, recovery = locked_vault
    before = folder_hashes(folder)
    key = parse_recovery_key(recovery)
    for bit in range(len(key) * 8):
        with pytest.raises(WrongRecoveryKeyError):
            Vault.unlock_with_recovery_key(folder, format_recovery_key(_flip_bit(key, bit)))
    assert folder_hashes(folder) == before
    Vault.unlock_with_recovery_key(folder, recovery).lock()


def test_every_changed_letter_of_the_recovery_key_is_refused(
    locked_vault: tuple[Path, str],
) -> None:
    """Each of the 52 letters replaced by another base32 letter, including the last one,
    whose spare bits must not make two spellings open the same vault."""
    folder, recovery = locked_vault
    before = folder_hashes(folder)
    letters = recovery.replace("-", "")
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    for pos in range(len(letters)):
        other = alphabet[(alphabet.index(letters[pos]) + 1) % 32]
        altered = letters[:pos] + other + letters[pos + 1 :]
        with pytest.raises(WrongRecoveryKeyError):
            Vault.unlock_with_recovery_key(folder, altered)
    assert folder_hashes(folder) == before


def test_cli_flipped_recovery_key_exits_3(locked_vault: tuple[Path, str]) -> None:
    folder, recovery = locked_vault
    before = folder_hashes(folder)
    wrong = format_recovery_key(_flip_bit(parse_recovery_key(recovery), 77))
    result = run_cli(
        "recover",
        "--vault",
        str(folder),
        SWREFLECT_RECOVERY_KEY=wrong,
        SWREFLECT_NEW_PASSPHRASE="a brand new long passphrase",
    )
    assert result.returncode == EXIT_WRONG_SECRET, result.stderr
    assert "recovery key didn't open the vault" in result.stderr
    assert folder_hashes(folder) == before


@pytest.mark.parametrize("text", ["", "ABCD", "not a key at all", "!" * 64])
def test_cli_malformed_recovery_key_exits_3(locked_vault: tuple[Path, str], text: str) -> None:
    folder, _ = locked_vault
    before = folder_hashes(folder)
    key_file = folder.parent / "key.txt"
    key_file.write_text(text, encoding="utf-8")
    result = run_cli(
        "recover",
        "--vault",
        str(folder),
        "--recovery-key-file",
        str(key_file),
        SWREFLECT_NEW_PASSPHRASE="a brand new long passphrase",
    )
    assert result.returncode == EXIT_WRONG_SECRET, result.stderr
    assert folder_hashes(folder) == before


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(key=st.binary(min_size=32, max_size=32))
def test_random_recovery_keys_are_refused(locked_vault: tuple[Path, str], key: bytes) -> None:
    folder, recovery = locked_vault
    if key == parse_recovery_key(recovery):
        return
    with pytest.raises(WrongRecoveryKeyError):
        Vault.unlock_with_recovery_key(folder, format_recovery_key(key))
