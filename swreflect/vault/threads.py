"""The threading rule for an unlocked vault's database, and the code that enforces it.

The rule:

1. **One writer.** The connection opened at unlock belongs to one thread, its *owner*: the
   thread that opened the vault, or the one that called ``Vault.adopt()`` afterwards (the GUI
   unlocks in a worker and hands the vault to the UI thread, which adopts it). Every write,
   and every transaction, happens on the owner's connection, one at a time.
2. **Workers read through a connection of their own.** Any other thread that asks for
   ``vault.conn`` gets its own connection, opened on first use with the same key and the same
   pinned settings plus ``query_only``, and kept for that thread until the vault locks. A
   worker can never see half of the owner's transaction (WAL readers see the last commit) and
   never shares a cursor or a transaction with it.
3. **A worker that needs to write goes through the owner.** It sends its result back (a Qt
   signal, a return value) and the owner writes it. ``Vault.transaction()`` refuses to start
   off the owner's thread with ``ThreadRuleError``; a stray write on a worker's connection is
   refused by SQLite itself (``query_only``).
4. **Locking closes everything.** The caller first waits for its workers (the GUI does); then
   the owner's connection and every worker connection are closed and the key is wiped.
5. **One sanctioned second writer: search index upkeep.** Removing edited-away versions from
   the search index takes too long for the UI thread, so ``core.index_upkeep`` runs each idle
   slice on a worker through a short-lived writable connection of its own (same key and
   pinned settings, one small transaction, closed before the key is handed back). SQLite
   serialises it with the owner's writes: a save that arrives mid-slice waits for that slice.

Backups and restores open their own connections by file path (``vault.backups``), which this
rule also covers: they are workers with a connection of their own.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from swreflect.vault.connection import Connection


class ThreadRuleError(RuntimeError):
    """A programming error: a write or transaction attempted off the owner's thread."""


class ConnectionsByThread:
    """The owner's connection, and one read-only connection per other thread."""

    def __init__(self, writer: Connection, open_reader: Callable[[], Connection]) -> None:
        self._writer = writer
        self._owner = threading.get_ident()
        self._open_reader = open_reader
        self._readers: dict[int, Connection] = {}
        self._guard = threading.Lock()

    def adopt(self) -> None:
        """Make the calling thread the owner (the writer)."""
        me = threading.get_ident()
        with self._guard:
            reader = self._readers.pop(me, None)
            self._owner = me
        if reader is not None:
            reader.close()

    def is_owner(self) -> bool:
        return threading.get_ident() == self._owner

    def writer(self) -> Connection:
        """The owner's connection; ``ThreadRuleError`` on any other thread."""
        if not self.is_owner():
            raise ThreadRuleError(
                "The vault is written only from the thread that owns it; a worker must hand "
                "its result back instead of writing (see swreflect.vault.threads)."
            )
        return self._writer

    def for_this_thread(self) -> Connection:
        """The owner's connection on the owner's thread, otherwise this thread's reader."""
        me = threading.get_ident()
        if me == self._owner:
            return self._writer
        with self._guard:
            reader = self._readers.get(me)
        if reader is None:
            reader = self._open_reader()
            with self._guard:
                self._readers[me] = reader
        return reader

    def reader_count(self) -> int:
        with self._guard:
            return len(self._readers)

    def close_readers(self) -> None:
        with self._guard:
            readers, self._readers = list(self._readers.values()), {}
        for reader in readers:
            reader.close()
