"""Fixtures for the Journal page tests in tests/gui (imported there by name)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services, build_services
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE


@pytest.fixture
def journal_services(tmp_path: Path) -> Iterator[Services]:
    vault, _ = Vault.create(tmp_path / "vault", TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())
    services = build_services(vault, FakeClock())
    yield services
    services.close()


def make_page(qtbot: object, services: Services) -> object:
    from swreflect.gui.pages.journal_page import journal_page

    page = journal_page(services)
    qtbot.addWidget(page)  # type: ignore[attr-defined]
    page.resize(1280, 720)
    return page
