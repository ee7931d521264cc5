"""Shared fixtures: offscreen Qt, a private SWREFLECT_HOME per test, cheap test KDF."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TEST_PASSPHRASE = "calm river under a quiet bridge"


@pytest.fixture(autouse=True)
def swreflect_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("SWREFLECT_HOME", str(home))
    # The explicit test setting for cheap key derivation (see swreflect.vault.kdf).
    monkeypatch.setenv("SWREFLECT_INSECURE_TEST_KDF", "1")
    monkeypatch.delenv("SWREFLECT_PASSPHRASE", raising=False)
    return home


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[object]:
    from swreflect.vault.kdf import KdfPolicy
    from swreflect.vault.vault import Vault

    v, _recovery = Vault.create(vault_dir, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())
    yield v
    v.lock()
