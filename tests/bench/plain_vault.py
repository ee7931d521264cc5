"""The floor: the same repositories and services over the unencrypted copy of the data set.

``plain.db`` was exported by SQLCipher itself, so it holds the same tables and index; it is
opened through the same driver (the same SQLite build) with the same pinned settings, minus
the key. Running the journal service on it measures what encryption costs and nothing else.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3

from swreflect.vault import connection as dbconn

SAME_SETTINGS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA secure_delete = ON",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
)


class PlainVault:
    """Just enough of ``Vault`` for the services: ``conn``, ``transaction()``, ``writer()``,
    ``folder``."""

    def __init__(self, db: Path) -> None:
        self.folder = db.parent
        self.conn: Any = sqlcipher3.connect(str(db), isolation_level=None, check_same_thread=False)
        for pragma in SAME_SETTINGS:
            self.conn.execute(pragma)
        self.is_unlocked = True

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        with dbconn.transaction(self.conn) as conn:
            yield conn

    def writer(self) -> Any:
        """The connection for a repository's write, inside a transaction only (as the vault's)."""
        return dbconn.require_transaction(self.conn)

    def lock(self) -> None:
        self.conn.close()
        self.is_unlocked = False
