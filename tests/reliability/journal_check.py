"""What a crash test reads back: the acknowledged journal entries, through the service."""

from __future__ import annotations

from pathlib import Path

from swreflect.core.clock import FakeClock
from swreflect.core.services import build_services
from swreflect.vault.connection import pinned_settings
from swreflect.vault.vault import Vault
from tests.reliability.child_writer import TITLE


def crash_numbers(folder: Path, passphrase: str) -> tuple[set[int], list[str]]:
    """The crash entry numbers present (found by search too) and any integrity problems."""
    services = build_services(Vault.unlock(folder, passphrase), FakeClock())
    try:
        settings = pinned_settings(services.vault.conn)
        assert settings["journal_mode"] == "wal" and settings["synchronous"] == 2
        problems = services.vault.integrity_problems()
        total = services.journal.count_entries()
        found = {
            int(s.title.split("-")[1])
            for s in services.journal.list_entries(0, total + 1)
            if s.title.startswith("crash-")
        }
        if found:  # the search index was written in the same transaction
            assert services.journal.search(TITLE.format(max(found)))
    finally:
        services.close()
    return found, problems
