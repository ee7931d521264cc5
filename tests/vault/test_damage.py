"""SECURITY.md rows 5 and 6: damage is detected and named, never confused with a wrong
passphrase, and an attempt to open a damaged vault rewrites nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from swreflect.errors import EXIT_DAMAGED, KeyslotFileError, VaultDamagedError
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE, folder_hashes
from tests.vault.support import make_vault, resealed, run_cli

PAGE = 4096
DAMAGED_WORDS = "damaged"
WRONG_WORDS = "didn't open the vault"


@pytest.fixture
def big_vault(vault_dir: Path) -> Path:
    make_vault(vault_dir, rows=300)
    size = (vault_dir / "vault.db").stat().st_size
    assert size // PAGE >= 8, "the test needs a database of several pages"
    return vault_dir


def _flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def test_flipped_byte_on_page_one_is_damage_not_a_wrong_passphrase(big_vault: Path) -> None:
    _flip_byte(big_vault / "vault.db", 1000)
    before = folder_hashes(big_vault)
    with pytest.raises(VaultDamagedError) as caught:
        Vault.unlock(big_vault, TEST_PASSPHRASE)
    assert not isinstance(caught.value, KeyslotFileError)
    assert folder_hashes(big_vault) == before

    for command in ("check",):
        result = run_cli(command, "--vault", str(big_vault), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
        assert result.returncode == EXIT_DAMAGED, result.stderr
        assert DAMAGED_WORDS in result.stderr
        assert WRONG_WORDS not in result.stderr
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr  # no library log
    assert folder_hashes(big_vault) == before


@pytest.mark.parametrize("page", [2, 4, 7])
def test_flipped_byte_on_a_later_page_fails_check(big_vault: Path, page: int) -> None:
    _flip_byte(big_vault / "vault.db", (page - 1) * PAGE + 1500)
    before = folder_hashes(big_vault)
    result = run_cli("check", "--vault", str(big_vault), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
    assert result.returncode == EXIT_DAMAGED, (result.stdout, result.stderr)
    assert DAMAGED_WORDS in result.stderr
    assert WRONG_WORDS not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    json_result = run_cli(
        "check", "--json", "--vault", str(big_vault), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE
    )
    assert json_result.returncode == EXIT_DAMAGED
    if json_result.stdout.strip():  # opened, then the integrity checks named the page
        report = json.loads(json_result.stdout)
        assert report["ok"] is False and report["problems"]
    assert folder_hashes(big_vault) == before


def test_core_check_lists_a_damaged_late_page(big_vault: Path) -> None:
    size = (big_vault / "vault.db").stat().st_size
    last_page = size // PAGE
    _flip_byte(big_vault / "vault.db", (last_page - 1) * PAGE + 200)
    try:
        vault = Vault.unlock(big_vault, TEST_PASSPHRASE)
    except VaultDamagedError:
        return  # the open itself read the page and refused: also detected
    try:
        assert vault.integrity_problems()
    finally:
        vault.lock()


def test_wrong_passphrase_and_damage_have_different_messages(big_vault: Path) -> None:
    wrong = run_cli(
        "check", "--vault", str(big_vault), SWREFLECT_PASSPHRASE="wrong but long enough"
    )
    _flip_byte(big_vault / "vault.db", 100)
    damaged = run_cli("check", "--vault", str(big_vault), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
    assert (wrong.returncode, damaged.returncode) == (3, EXIT_DAMAGED)
    assert wrong.stderr != damaged.stderr


def _truncate(raw: bytes) -> bytes:
    return raw[: len(raw) // 2]


def _wrong_type(raw: bytes) -> bytes:
    doc = json.loads(raw)
    doc["generation"] = str(doc["generation"])
    return json.dumps(doc).encode()


def _wrong_slot_type(raw: bytes) -> bytes:
    doc = json.loads(raw)
    doc["slots"][0]["kdf"]["iterations"] = 2.5
    return json.dumps(doc).encode()


KEYSLOT_DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": _truncate,
    "empty": lambda raw: b"",
    "garbage": lambda raw: bytes(range(256)) * 3,
    "wrong-type-field": _wrong_type,
    "wrong-type-kdf": _wrong_slot_type,
    "not-an-object": lambda raw: b"[1, 2, 3]",
    "nested": lambda raw: b"[" * 50000 + b"]" * 50000,
}


@pytest.mark.parametrize("kind", sorted(KEYSLOT_DAMAGE))
def test_damaged_keyslot_file_is_a_clear_error_and_nothing_is_overwritten(
    big_vault: Path, kind: str
) -> None:
    path = big_vault / "keyslots.json"
    path.write_bytes(KEYSLOT_DAMAGE[kind](path.read_bytes()))
    before = folder_hashes(big_vault)
    with pytest.raises(KeyslotFileError):
        Vault.unlock(big_vault, TEST_PASSPHRASE)
    result = run_cli("check", "--vault", str(big_vault), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
    assert result.returncode == EXIT_DAMAGED
    assert "keyslots.json" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert folder_hashes(big_vault) == before


def test_missing_keyslot_file_is_a_clear_error(big_vault: Path) -> None:
    (big_vault / "keyslots.json").unlink()
    before = folder_hashes(big_vault)
    with pytest.raises(KeyslotFileError):
        Vault.unlock(big_vault, TEST_PASSPHRASE)
    result = run_cli("check", "--vault", str(big_vault), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
    assert result.returncode == EXIT_DAMAGED
    assert "keyslots.json" in result.stderr
    # init must not "repair" it by creating a new vault over the old database.
    init = run_cli("init", "--vault", str(big_vault), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
    assert init.returncode != 0
    assert folder_hashes(big_vault) == before


def test_missing_database_is_damage_and_no_new_database_is_created(big_vault: Path) -> None:
    (big_vault / "vault.db").unlink()
    before = folder_hashes(big_vault)
    with pytest.raises(VaultDamagedError):
        Vault.unlock(big_vault, TEST_PASSPHRASE)
    result = run_cli("check", "--vault", str(big_vault), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
    assert result.returncode == EXIT_DAMAGED
    assert folder_hashes(big_vault) == before


def test_keyslots_from_another_vault_are_refused(tmp_path: Path, big_vault: Path) -> None:
    other = tmp_path / "other"
    make_vault(other)
    (big_vault / "keyslots.json").write_bytes((other / "keyslots.json").read_bytes())
    before = folder_hashes(big_vault)
    with pytest.raises(VaultDamagedError):
        Vault.unlock(big_vault, TEST_PASSPHRASE)
    assert folder_hashes(big_vault) == before


def test_weakened_kdf_parameters_fail_the_tag(vault_dir: Path) -> None:
    """The AAD binds the KDF parameters: lowering them in the file makes the slot unusable."""
    v, _ = Vault.create(vault_dir, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())
    v.lock()
    path = vault_dir / "keyslots.json"
    doc = json.loads(path.read_bytes())
    slot = next(s for s in doc["slots"] if s["id"] == "passphrase")
    slot["kdf"]["memory_kib"] = slot["kdf"]["memory_kib"] // 2
    path.write_text(json.dumps(resealed(doc)))  # a deliberate edit, checksum recomputed
    from swreflect.errors import WrongPassphraseError

    with pytest.raises(WrongPassphraseError):
        Vault.unlock(vault_dir, TEST_PASSPHRASE)


def test_bit_rot_inside_a_wrapped_key_is_damage_not_a_wrong_passphrase(big_vault: Path) -> None:
    """Without the file checksum this would fail the GCM tag and blame the passphrase."""
    path = big_vault / "keyslots.json"
    doc = json.loads(path.read_bytes())
    wrapped = doc["slots"][0]["wrapped"]
    doc["slots"][0]["wrapped"] = ("B" if wrapped[5] != "B" else "C").join(
        [wrapped[:5], wrapped[6:]]
    )
    path.write_text(json.dumps(doc, indent=2, sort_keys=True))
    before = folder_hashes(big_vault)
    result = run_cli("check", "--vault", str(big_vault), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
    assert result.returncode == EXIT_DAMAGED
    assert "keyslots.json" in result.stderr and WRONG_WORDS not in result.stderr
    assert folder_hashes(big_vault) == before


@pytest.mark.parametrize("size", [0, 1, 100, PAGE, PAGE + 1000, 3 * PAGE])
def test_truncated_database_is_damage_and_is_not_rewritten(big_vault: Path, size: int) -> None:
    """An emptied file is the dangerous case: SQLite would take it for a new database."""
    with open(big_vault / "vault.db", "r+b") as fh:
        fh.truncate(size)
    before = folder_hashes(big_vault)
    with pytest.raises(VaultDamagedError):
        Vault.unlock(big_vault, TEST_PASSPHRASE)
    result = run_cli("check", "--vault", str(big_vault), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
    assert result.returncode == EXIT_DAMAGED
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert folder_hashes(big_vault) == before


def test_two_swapped_pages_are_detected(big_vault: Path) -> None:
    path = big_vault / "vault.db"
    data = bytearray(path.read_bytes())
    a, b = 2 * PAGE, 5 * PAGE
    data[a : a + PAGE], data[b : b + PAGE] = data[b : b + PAGE], data[a : a + PAGE]
    path.write_bytes(bytes(data))
    result = run_cli("check", "--vault", str(big_vault), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
    assert result.returncode == EXIT_DAMAGED
