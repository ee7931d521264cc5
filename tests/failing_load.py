"""Make loading a vault's services fail once, as a damaged page under the settings table
would, for the tests that check the vault is closed again at once (review D6)."""

from __future__ import annotations

from typing import Any

import pytest

from swreflect.core import services as services_module
from swreflect.errors import VaultDamagedError
from swreflect.vault.vault import Vault


def fail_first_load(monkeypatch: pytest.MonkeyPatch) -> list[Vault]:
    """From now on the first ``build_services`` raises ``VaultDamagedError``; later ones work.
    Returns the list that will hold the vault of the failed load."""
    real = services_module.build_services
    seen: list[Vault] = []

    def failing_once(vault: Vault, *args: Any, **kwargs: Any) -> Any:
        if not seen:
            seen.append(vault)
            raise VaultDamagedError()
        return real(vault, *args, **kwargs)

    monkeypatch.setattr(services_module, "build_services", failing_once)
    return seen
