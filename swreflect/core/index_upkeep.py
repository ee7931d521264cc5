"""Search index upkeep off the UI thread: one slice on a short-lived connection of its own.

Removing an edited-away version from the index (FTS5 ``secure-delete``) takes 0.1–0.4 s on a
career-sized journal, too long to hold the UI thread even in idle time. This is the one
sanctioned second writer (``vault.threads`` rule 5): each slice opens its own connection
(same key, same pinned settings), does one small transaction and closes it, on a worker the
lock waits for. SQLite serialises it with the owner's saves; a save that arrives mid-slice
waits for that slice only, and slices run only while the person is idle.
"""

from __future__ import annotations

from swreflect.vault.connection import DB_NAME, connect, transaction
from swreflect.vault.journal.search_upkeep import OnConnection, SearchUpkeepRepository
from swreflect.vault.vault import Vault


def tidy_apart(vault: Vault, versions: int = 1) -> int:
    """One slice (``SearchUpkeepRepository.slice``) in its own transaction on its own
    connection; safe on any thread. Returns the slices still waiting (0: the index is tidy)."""
    with vault.key.use() as dek:  # a lock waits for the key to come back
        conn = connect(vault.folder / DB_NAME, dek)
        try:
            with transaction(conn):
                return int(SearchUpkeepRepository(OnConnection(conn)).slice(versions))
        finally:
            conn.close()
