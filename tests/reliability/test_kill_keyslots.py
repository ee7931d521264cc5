"""SECURITY.md row 10: a kill at any point of a passphrase change or recovery-key rotation
leaves a vault that opens with the old or the new secret (never neither), and the database
file is byte-identical throughout.

The test-only pause (``SWREFLECT_TEST_ONLY_KEYSLOT_PAUSE``) stretches the gaps between the
steps of the key-slot swap so that random kills land before, inside and after it. 20 runs in
the suite; ``SWREFLECT_REKEY_RUNS=1000`` for the nightly figure.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from swreflect.errors import WrongPassphraseError, WrongRecoveryKeyError
from swreflect.vault.recovery import format_recovery_key, new_recovery_key
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.reliability.conftest import rng, run_and_kill, runs
from tests.vault.support import make_vault

PAUSE = 0.04


def _db_hash(folder: Path) -> str:
    return hashlib.sha256((folder / "vault.db").read_bytes()).hexdigest()


def _opens_with_passphrase(folder: Path, passphrase: str) -> bool:
    try:
        vault = Vault.unlock(folder, passphrase)
    except WrongPassphraseError:
        return False
    try:
        assert vault.integrity_problems() == []
    finally:
        vault.lock()
    return True


def _opens_with_recovery(folder: Path, key: str) -> bool:
    try:
        vault = Vault.unlock_with_recovery_key(folder, key)
    except WrongRecoveryKeyError:
        return False
    vault.lock()
    return True


def test_kill_during_rekey_never_locks_the_owner_out(vault_dir: Path) -> None:
    recovery = make_vault(vault_dir, rows=30)
    db_before = _db_hash(vault_dir)
    random = rng()
    passphrase = TEST_PASSPHRASE
    outcomes: Counter[str] = Counter()
    for run in range(runs("SWREFLECT_REKEY_RUNS", 20)):
        new_pass = f"fresh passphrase number {run} {random.random()}"
        new_key = format_recovery_key(new_recovery_key())
        child = run_and_kill(
            "tests.reliability.child_rekey",
            [str(vault_dir), passphrase, new_pass, new_key],
            random.uniform(0.0, 0.22),
            SWREFLECT_TEST_ONLY_KEYSLOT_PAUSE=str(PAUSE),
        )
        if (vault_dir / "keyslots.json.prev").exists():
            outcomes["killed mid-swap (.prev present)"] += 1
        old_ok = _opens_with_passphrase(vault_dir, passphrase)
        new_ok = _opens_with_passphrase(vault_dir, new_pass)
        assert old_ok != new_ok, f"run {run}: old={old_ok} new={new_ok} after {child.lines}"
        if "changed" in child.lines:
            assert new_ok, f"run {run}: an acknowledged change was lost"
        passphrase = new_pass if new_ok else passphrase

        old_key_ok = _opens_with_recovery(vault_dir, recovery)
        new_key_ok = _opens_with_recovery(vault_dir, new_key)
        assert old_key_ok != new_key_ok, f"run {run}: recovery old={old_key_ok} new={new_key_ok}"
        if "rotated" in child.lines:
            assert new_key_ok
        recovery = new_key if new_key_ok else recovery

        assert _db_hash(vault_dir) == db_before, f"run {run}: the database bytes changed"
        leftovers = sorted(p.name for p in vault_dir.iterdir() if p.name.startswith("."))
        assert leftovers == [], f"run {run}: {leftovers} left after a proven unlock"
        outcomes[child.lines[-1] if child.lines else "ready"] += 1
    print(f"rekey kill outcomes (last acknowledged step): {dict(outcomes)}")


def test_unlock_cleans_up_after_an_interrupted_swap(vault_dir: Path) -> None:
    """A ``.prev`` copy and a temp file left by a kill are removed by the next proven unlock,
    and the live file still opens."""
    make_vault(vault_dir)
    live = (vault_dir / "keyslots.json").read_bytes()
    (vault_dir / "keyslots.json.prev").write_bytes(live)
    (vault_dir / ".keyslots.json.abcdef.tmp").write_bytes(live[:40])
    Vault.unlock(vault_dir, TEST_PASSPHRASE).lock()
    assert sorted(p.name for p in vault_dir.iterdir()) == [
        "keyslots.json",
        "vault.db",
        "vault.lock",
    ]


@pytest.mark.parametrize("rounds", [3])
def test_repeated_changes_keep_the_database_identical(vault_dir: Path, rounds: int) -> None:
    make_vault(vault_dir, rows=30)
    db_before = _db_hash(vault_dir)
    passphrase = TEST_PASSPHRASE
    for i in range(rounds):
        vault = Vault.unlock(vault_dir, passphrase)
        passphrase = f"another good passphrase {i}"
        vault.change_passphrase(passphrase)
        vault.install_recovery_key(Vault.new_recovery_key_text())
        vault.lock()
    assert _db_hash(vault_dir) == db_before
    assert _opens_with_passphrase(vault_dir, passphrase)
