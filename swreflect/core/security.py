"""Passphrase and recovery-key changes for an unlocked vault, as one use case each.

The GUI (Settings page, recovery flow) and the CLI (``passphrase change``, ``recover``,
``recovery-key rotate``) call these instead of reaching into the vault, so the rules (the current
passphrase is proven first; the two new entries must match; the passphrase rules) live in one
Qt-free place.
"""

from __future__ import annotations

from swreflect.errors import PassphraseMismatchError
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.vault import Vault, check_passphrase_rules


class SecurityService:
    def __init__(self, vault: Vault, kdf: KdfPolicy | None = None) -> None:
        self._vault = vault
        self._kdf = kdf

    def verify_passphrase(self, passphrase: str) -> None:
        """Raise ``WrongPassphraseError`` unless ``passphrase`` opens this vault's slot.

        Slow on purpose (it runs the key derivation): call it from a worker.
        """
        self._vault.verify_passphrase(passphrase)

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

    def propose_recovery_key(self) -> str:
        """A new recovery key to show once. Nothing changes until it is confirmed."""
        return Vault.new_recovery_key_text()

    def confirm_recovery_key(self, recovery_text: str) -> None:
        """The user has stored the proposed key: it replaces the old one now."""
        self._vault.install_recovery_key(recovery_text)
