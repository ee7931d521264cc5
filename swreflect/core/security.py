"""Passphrase and recovery-key changes for an unlocked vault, as one use case each.

The GUI (Settings page, recovery flow) and the CLI (``passphrase change``, ``recover``,
``recovery-key rotate``) call these instead of reaching into the vault, so the rules (the current
passphrase is proven first; the two new entries must match; the passphrase rules) live in one
Qt-free place.
"""

from __future__ import annotations

import hmac

from swreflect.errors import PassphraseMismatchError, WrongPassphraseError
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.keyslots import PASSPHRASE_SLOT
from swreflect.vault.vault import Vault, check_passphrase_rules


def _zero(buf: bytearray) -> None:
    for i in range(len(buf)):
        buf[i] = 0


class SecurityService:
    def __init__(self, vault: Vault, kdf: KdfPolicy | None = None) -> None:
        self._vault = vault
        self._kdf = kdf

    def verify_passphrase(self, passphrase: str) -> None:
        """Raise ``WrongPassphraseError`` unless ``passphrase`` opens this vault's slot.

        Slow on purpose (it runs the key derivation): call it from a worker.
        """
        _slots, dek = Vault.derive_key(
            self._vault.folder, PASSPHRASE_SLOT, passphrase.encode("utf-8")
        )
        try:
            if not hmac.compare_digest(bytes(dek), bytes(self._vault.data_key())):
                raise WrongPassphraseError()
        finally:
            _zero(dek)

    def change_passphrase(self, current: str, new: str, confirm: str) -> None:
        """Prove the current passphrase, then rewrap the key. The database is untouched."""
        if new != confirm:
            raise PassphraseMismatchError()
        check_passphrase_rules(new)
        self.verify_passphrase(current)
        self._vault.change_passphrase(new, self._kdf)

    def set_new_passphrase(self, new: str) -> None:
        """A new passphrase when the secret was proven moments ago by opening the vault (the
        CLI's ``passphrase change`` and ``recover``, the GUI's recovery flow)."""
        self._vault.change_passphrase(new, self._kdf)

    def rotate_recovery_key(self) -> str:
        """A new recovery key (shown once); the old one stops working at once."""
        return self._vault.rotate_recovery_key()
