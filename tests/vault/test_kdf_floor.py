"""SECURITY.md row 9: production key derivation stays at or above the floor.

The cheap test KDF is reachable only through the explicit test setting; this test runs the
real calibration once (about a second) and checks what a production vault stores.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from swreflect.vault.kdf import (
    FLOOR_ITERATIONS,
    FLOOR_MEMORY_KIB,
    MIB,
    SALT_BYTES,
    TEST_KDF_ENV,
    KdfPolicy,
)
from swreflect.vault.keyslots import meets_production_floor
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE


def test_production_policy_meets_the_floor() -> None:
    policy = KdfPolicy.production()
    assert FLOOR_MEMORY_KIB == 64 * MIB
    assert policy.memory_kib >= FLOOR_MEMORY_KIB
    assert policy.memory_kib == 256 * MIB
    assert policy.lanes == 4
    assert policy.fixed_iterations is None and not policy.insecure
    assert 0.5 <= policy.target_seconds <= 1.0


def test_cheap_parameters_need_the_explicit_test_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TEST_KDF_ENV, raising=False)
    assert KdfPolicy.from_environment() == KdfPolicy.production()
    for value in ("0", "yes", "true", ""):
        monkeypatch.setenv(TEST_KDF_ENV, value)
        assert KdfPolicy.from_environment() == KdfPolicy.production()
    monkeypatch.setenv(TEST_KDF_ENV, "1")
    assert KdfPolicy.from_environment().insecure


def test_a_production_vault_stores_parameters_at_or_above_the_floor(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(TEST_KDF_ENV, raising=False)
    vault, _ = Vault.create(vault_dir, TEST_PASSPHRASE)  # real calibration on this machine
    try:
        slot = vault.keyslots.slot("passphrase")
        assert meets_production_floor(slot)
    finally:
        vault.lock()
    doc = json.loads((vault_dir / "keyslots.json").read_bytes())
    slots = {s["id"]: s for s in doc["slots"]}
    kdf = slots["passphrase"]["kdf"]
    print(f"calibrated: {kdf['memory_kib'] // MIB} MiB, t={kdf['iterations']}, p={kdf['lanes']}")
    assert kdf["name"] == "argon2id"
    assert kdf["memory_kib"] >= FLOOR_MEMORY_KIB
    assert kdf["iterations"] >= FLOOR_ITERATIONS
    assert kdf["lanes"] == 4
    salts = [base64.b64decode(s["kdf"]["salt"]) for s in doc["slots"]]
    assert all(len(salt) == SALT_BYTES for salt in salts)
    assert len(set(salts)) == len(salts), "each slot has its own salt"


def test_every_slot_gets_a_fresh_random_salt(tmp_path: Path) -> None:
    salts = []
    for i in range(3):
        folder = tmp_path / f"v{i}"
        vault, _ = Vault.create(folder, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())
        vault.change_passphrase(TEST_PASSPHRASE + " again", KdfPolicy.insecure_for_tests())
        vault.lock()
        doc = json.loads((folder / "keyslots.json").read_bytes())
        salts += [s["kdf"]["salt"] for s in doc["slots"]]
    assert len(set(salts)) == len(salts) == 6


def test_a_busy_machine_keeps_the_full_memory_cost(monkeypatch: pytest.MonkeyPatch) -> None:
    """D12: a slow pass (a loaded machine) lowers only the pass count, never the memory."""
    from swreflect.vault import kdf as kdf_module

    monkeypatch.setattr(kdf_module, "total_ram_kib", lambda: 16 * 1024 * MIB)
    for seconds_per_pass in (0.05, 0.4, 1.5, 6.0):
        monkeypatch.setattr(
            kdf_module, "_time_one_iteration", lambda m, lanes, s=seconds_per_pass: s
        )
        params = KdfPolicy.production().calibrate()
        assert params.memory_kib == 256 * MIB, seconds_per_pass
        assert FLOOR_ITERATIONS <= params.iterations <= kdf_module.MAX_ITERATIONS


def test_only_a_small_machine_gets_less_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    from swreflect.vault import kdf as kdf_module

    monkeypatch.setattr(kdf_module, "_time_one_iteration", lambda m, lanes: 0.1)
    for ram_mib, expected in ((8192, 256), (2048, 256), (1024, 128), (256, 64), (64, 64)):
        monkeypatch.setattr(kdf_module, "total_ram_kib", lambda r=ram_mib: r * MIB)
        assert KdfPolicy.production().calibrate().memory_kib == expected * MIB, ram_mib
