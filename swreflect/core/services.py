"""The use-case services of an unlocked vault, built in one place.

``build_services`` is called by the composition roots (``app.py`` for the GUI, ``cli`` for
the command line, tests directly) once a vault is unlocked. Each feature adds its service as a
field here; widgets and commands receive this object and never construct backends themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from swreflect.core.clock import Clock, SystemClock
from swreflect.core.security import SecurityService
from swreflect.core.settings import SettingsService
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.settings_repo import SettingsRepository
from swreflect.vault.vault import Vault


@dataclass
class Services:
    vault: Vault
    clock: Clock
    settings: SettingsService
    security: SecurityService

    def close(self) -> None:
        """Lock the vault: close the database and wipe the key."""
        self.vault.lock()


def build_services(
    vault: Vault, clock: Clock | None = None, kdf: KdfPolicy | None = None
) -> Services:
    return Services(
        vault=vault,
        clock=clock or SystemClock(),
        settings=SettingsService(SettingsRepository(vault)),
        security=SecurityService(vault, kdf),
    )
