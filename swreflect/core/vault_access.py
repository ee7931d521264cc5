"""Opening and managing a vault folder: the one path the GUI and the CLI both take.

Everything a front end does with a vault before (and around) its services lives here: is there
a vault in this folder (``vault_exists`` for creating, ``vault_files_present`` for the GUI's
first screen), create one, unlock it with the passphrase or the recovery key, tidy up
after a restore that stopped part-way, the key-derivation policy for new passphrases, the
integrity check, and turning a database driver's error into a typed one. Passphrase and
recovery-key changes on an unlocked vault are ``core.security.SecurityService``.

This module imports no vault code at load time: the GUI asks ``vault_exists`` before its first
window paints and the CLI's ``--help`` must stay quick, so the database and crypto libraries load
inside the functions that need them. ``Vault`` and ``KdfPolicy`` are named here for the front
ends' type annotations only (import them under ``TYPE_CHECKING``; docs/architecture.md,
"Layers"): a front end holds a vault between unlocking and building its services (adopting it
on the UI thread, or locking it) and never constructs one itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from swreflect.platform.lazylog import get_logger
from swreflect.records import FrozenRecord

if TYPE_CHECKING:
    from swreflect.errors import SwreflectError
    from swreflect.models.unlock_progress import UnlockListener
    from swreflect.vault.kdf import KdfPolicy as KdfPolicy
    from swreflect.vault.vault import Vault as Vault

log = get_logger(__name__)

# vault.connection.DB_NAME and vault.keyslots.KEYSLOTS_NAME, spelt again so that asking "is there
# a vault here?" loads no database or crypto library (tests/vault/test_vault_access.py checks).
DB_FILE = "vault.db"
KEYSLOTS_FILE = "keyslots.json"


def vault_exists(folder: Path) -> bool:
    """A vault's database is here, so ``create_vault`` refuses (as ``Vault.create`` does). Key
    slots alone are what an interrupted create leaves, and creating again clears them away."""
    return (Path(folder) / DB_FILE).exists()


def vault_files_present(folder: Path) -> bool:
    """Anything of a vault here: the GUI then offers unlock, never "create a new vault", so a
    folder whose database has gone is not presented as a fresh start (unlocking names the
    damage, and the restore link is on that screen)."""
    return any((Path(folder) / name).exists() for name in (DB_FILE, KEYSLOTS_FILE))


def kdf_from_environment() -> KdfPolicy:
    """Production parameters, or the explicit insecure test setting (see ``vault.kdf``)."""
    from swreflect.vault.kdf import KdfPolicy

    return KdfPolicy.from_environment()


def create_vault(folder: Path, passphrase: str, kdf: KdfPolicy | None = None) -> tuple[Vault, str]:
    """A new vault, returned unlocked, and its recovery key text (to be shown once).

    Slow (key derivation): the GUI runs it in a worker. ``kdf`` defaults to
    ``kdf_from_environment()``."""
    from swreflect.vault.vault import Vault

    return Vault.create(Path(folder), passphrase, kdf or kdf_from_environment())


def unlock_vault(
    folder: Path,
    secret: str,
    *,
    recovery_key: bool = False,
    progress: UnlockListener | None = None,
) -> Vault:
    """Open the vault with its passphrase, or with its recovery key when ``recovery_key``.

    Slow (key derivation, then the database is opened and, for a vault made by an earlier
    version, upgraded: many seconds on a large journal): the GUI runs it in a worker and calls
    ``vault.adopt()`` on the UI thread afterwards. ``progress`` hears each stage
    (``models.unlock_progress``) one at a time and in order, on the calling thread or a
    helper thread of the copy's checks; the upgrade's stages come only when an upgrade runs."""
    from swreflect.vault.vault import Vault

    if recovery_key:
        return Vault.unlock_with_recovery_key(Path(folder), secret, progress)
    return Vault.unlock(Path(folder), secret, progress)


def finish_interrupted_restore(folder: Path) -> None:
    """Where folders can't be swapped atomically (not Linux), a restore stopped between its two
    renames leaves the old vault set aside; put it back so a vault is found, not an empty
    folder. A no-op when nothing was left, and then no crypto library is loaded. A failure to
    tidy is logged (by type only) and left for the next start."""
    from swreflect.vault.restore_names import leftovers

    if not leftovers(Path(folder)):
        return
    from swreflect.vault.restore import finish_interrupted_restore as finish

    try:
        finish(Path(folder))
    except OSError as exc:
        log.warning(
            "leftovers of an interrupted restore could not be tidied: %s", type(exc).__name__
        )


class VaultCheck(FrozenRecord):
    """What ``check`` found: both SQLite integrity checks, and the settings the vault pins.
    (A record, not a dataclass: this module is read before the first window paints and by
    every command, see ``swreflect/records.py``.)"""

    vault_id: str
    schema_version: int
    problems: list[str]
    settings: dict[str, Any]

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict[str, Any]:
        return {
            "vault_id": self.vault_id,
            "schema_version": self.schema_version,
            "ok": self.ok,
            "problems": self.problems,
            "settings": self.settings,
        }


def check_vault(vault: Vault) -> VaultCheck:
    """Run the integrity checks on an unlocked vault (read-only; may take a while)."""
    from swreflect.vault.connection import pinned_settings

    return VaultCheck(
        vault.vault_id,
        vault.schema_version(),
        vault.integrity_problems(),
        pinned_settings(vault.conn),
    )


def typed_error_for(exc: BaseException) -> SwreflectError | None:
    """The typed error for a database driver error (damaged, read-only, full, in use), or None
    when ``exc`` is not one and should surface as the bug it is."""
    from swreflect.vault.connection import user_error_for

    return user_error_for(exc)
