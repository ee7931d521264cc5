"""The slow vault steps the shell runs in workers, and tidying up dialogs on lock.

The worker bodies import the vault lazily, so the crypto and database libraries load on the
worker thread at the first unlock rather than before the first window paints.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from swreflect.vault.kdf import KdfPolicy
    from swreflect.vault.vault import Vault


def unlock_vault(folder: Path, slot_kind: str, secret: str) -> Vault:
    """Worker body: derive the key (slow), then open the database (fast)."""
    from swreflect.vault.keyslots import PASSPHRASE_SLOT, RECOVERY_SLOT
    from swreflect.vault.recovery import parse_recovery_key
    from swreflect.vault.vault import Vault

    if slot_kind == "recovery":
        slot_id, raw = RECOVERY_SLOT, parse_recovery_key(secret)
    else:
        slot_id, raw = PASSPHRASE_SLOT, secret.encode("utf-8")
    slots, dek = Vault.derive_key(folder, slot_id, raw)
    return Vault.open_with_key(folder, slots, dek)


def create_vault(folder: Path, passphrase: str, kdf: KdfPolicy) -> tuple[Vault, str]:
    from swreflect.vault.vault import Vault

    return Vault.create(folder, passphrase, kdf)


def close_open_dialogs() -> None:
    """Dismiss any modal dialog (as if cancelled) so none outlives the locked window."""
    for _attempt in range(10):
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        modal.close()
        if QApplication.activeModalWidget() is modal:
            modal.hide()
