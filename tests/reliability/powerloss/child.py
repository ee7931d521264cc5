"""Power-loss child: unlock, save entries through the journal service, acknowledge, lock.

Usage: python -m tests.reliability.powerloss.child VAULT_DIR PASSPHRASE COUNT
Runs under the recorder (``shim.c``); every printed number is an acknowledged commit.
"""

from __future__ import annotations

import sys
from pathlib import Path

from swreflect.core.clock import FakeClock
from swreflect.core.services import build_services
from swreflect.models.journal import EntryContent
from swreflect.vault.vault import Vault
from tests.reliability.child_writer import TITLE


def main() -> None:
    folder, passphrase, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    services = build_services(Vault.unlock(folder, passphrase), FakeClock())
    for n in range(count):
        services.journal.create(EntryContent(title=TITLE.format(n), body="z" * (n % 700)))
        print(n, flush=True)
    services.close()  # the lock's checkpoint and generation step are crash points too


if __name__ == "__main__":
    main()
