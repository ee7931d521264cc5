"""Two real vaults on one machine, standing in for a supervisor's and a supervisee's laptops."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services, build_services
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE


def open_services(folder: Path, clock: FakeClock, name: str, role: str) -> Services:
    vault, _ = Vault.create(folder, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())
    services = build_services(vault, clock)
    services.identity.ensure_identity(name, role)
    return services


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def supervisor(tmp_path: Path, clock: FakeClock) -> Iterator[Services]:
    services = open_services(tmp_path / "sam-vault", clock, "Sam Okafor", "supervisor")
    yield services
    services.close()


@pytest.fixture
def supervisee(tmp_path: Path, clock: FakeClock) -> Iterator[Services]:
    services = open_services(tmp_path / "priya-vault", clock, "Priya Shah", "supervisee")
    yield services
    services.close()


@pytest.fixture
def paired(supervisor: Services, supervisee: Services) -> tuple[Services, Services]:
    """Both vaults paired both ways: the supervisor knows person "priya", and back."""
    sam_card = supervisor.identity.read_card(supervisor.identity.export_card())
    priya_card = supervisee.identity.read_card(supervisee.identity.export_card())
    supervisor.identity.pair("priya", priya_card, fingerprints_match=True)
    supervisee.identity.pair("sam", sam_card, fingerprints_match=True)
    return supervisor, supervisee
