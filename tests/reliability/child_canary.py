"""Child process for the canary test: write text through the vault like the app would.

Usage: python -m tests.reliability.child_canary VAULT_DIR PASSPHRASE CANARY
Writes the canary in many rows, rewrites some, deletes some (so freed pages are involved),
runs VACUUM, then locks.
"""

from __future__ import annotations

import sys
from pathlib import Path

from swreflect.vault.vault import Vault


def main() -> None:
    folder, passphrase, canary = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    vault = Vault.unlock(folder, passphrase)
    try:
        with vault.transaction() as conn:
            for i in range(400):
                conn.execute(
                    "INSERT INTO settings(key, value) VALUES (?, ?)",
                    (f"note-{i:04d}", f"{canary} entry {i} " + "z" * (i % 200)),
                )
        with vault.transaction() as conn:
            conn.execute(
                "UPDATE settings SET value = ? WHERE key < 'note-0100'", (f"edited {canary}",)
            )
            conn.execute("DELETE FROM settings WHERE key >= 'note-0300'")
        vault.conn.execute("VACUUM")
        rows = vault.conn.execute(
            "SELECT count(*) FROM settings WHERE value LIKE ?", (f"%{canary}%",)
        )
        print(rows.fetchone()[0], flush=True)
    finally:
        vault.lock()


if __name__ == "__main__":
    main()
