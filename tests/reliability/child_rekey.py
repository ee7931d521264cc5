"""Child process for the key-change kill test.

Usage: python -m tests.reliability.child_rekey VAULT_DIR OLD_PASSPHRASE NEW_PASSPHRASE NEW_KEY
Unlocks with the old passphrase, prints ``ready``, changes the passphrase, then rotates the
recovery key to NEW_KEY (shown and confirmed by then, as the CLI and GUI do), printing a
line after each step. ``SWREFLECT_TEST_ONLY_KEYSLOT_PAUSE`` widens the windows between the
steps of the key-slot swap so that the parent's kill lands inside them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from swreflect.vault.vault import Vault


def main() -> None:
    folder, old, new, new_key = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    vault = Vault.unlock(folder, old)
    print("ready", flush=True)
    vault.change_passphrase(new)
    print("changed", flush=True)
    vault.install_recovery_key(new_key)
    print("rotated", flush=True)
    vault.lock()
    print("locked", flush=True)


if __name__ == "__main__":
    main()
