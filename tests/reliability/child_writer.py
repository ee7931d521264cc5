"""Child process for the crash test: commit rows in a loop and acknowledge each one.

Usage: python -m tests.reliability.child_writer VAULT_DIR PASSPHRASE START
Prints ``ready`` once unlocked, then the number of every committed row (flushed) after its
COMMIT returned. The parent kills it with SIGKILL at a random moment.
"""

from __future__ import annotations

import sys
from pathlib import Path

from swreflect.vault.vault import Vault


def main() -> None:
    folder, passphrase, start = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    vault = Vault.unlock(folder, passphrase)
    print("ready", flush=True)
    n = start
    while True:
        with vault.transaction() as conn:
            conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?)",
                (f"crash-{n:09d}", f"row {n} " + "y" * (n % 300)),
            )
        print(n, flush=True)
        n += 1


if __name__ == "__main__":
    main()
