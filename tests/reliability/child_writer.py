"""Child process for the crash tests: save journal entries through the service, acknowledge each.

Usage: python -m tests.reliability.child_writer VAULT_DIR PASSPHRASE START
Prints ``ready`` once unlocked, then the number of every entry (flushed) after
``JournalService.create`` returned, i.e. after its transaction (entry, revision, search index)
committed. The parent kills it with SIGKILL at a random moment or at a chosen system call.
"""

from __future__ import annotations

import sys
from pathlib import Path

from swreflect.core.clock import FakeClock
from swreflect.core.services import build_services
from swreflect.models.journal import EntryContent
from swreflect.vault.vault import Vault

TITLE = "crash-{:09d}"


def main() -> None:
    folder, passphrase, start = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    services = build_services(Vault.unlock(folder, passphrase), FakeClock())
    print("ready", flush=True)
    n = start
    while True:
        body = f"entry {n} " + "y" * (n % 300)
        services.journal.create(EntryContent(title=TITLE.format(n), body=body, tags=("crash",)))
        print(n, flush=True)
        n += 1


if __name__ == "__main__":
    main()
