"""Idle-time upkeep of the search index, a little at a time (see migration m0010).

An edit leaves the entry's previous version in the index, listed in ``journal_fts_stale``, so
the save itself never pays for FTS5's secure removal of old words (one index edit per word and
segment, up to ~0.7 s on a career-sized journal). Searches already skip stale versions; this
removes them for real, with ``secure-delete`` as always, oldest first, in idle time (the GUI's
``SearchTidy``, on a worker with a connection of its own: ``vault.threads`` rule 5). A purge
removes an entry's versions itself, so a deleted entry never waits for this.

Once nothing is stale, the same slices merge index segments (FTS5 ``merge``, a few dozen pages
at a time): each save adds a small segment, and every search and every secure removal visits
each segment, so fewer segments keep both fast.
"""

from __future__ import annotations

from typing import Any

from swreflect.vault.connection import require_transaction

_COLS = "title, body, search_answers, search_tags"
MERGE_PAGES = 32  # pages of merge work per slice (about 5-15 ms)


class SearchUpkeepRepository:
    def __init__(self, vault: Any) -> None:
        self._vault = vault

    @property
    def _w(self) -> Any:
        """The connection for a write, inside the calling service's transaction only."""
        return self._vault.writer()

    def stale_count(self) -> int:
        row = self._vault.conn.execute("SELECT count(*) FROM journal_fts_stale").fetchone()
        return int(row[0])

    def remove_oldest(self, count: int) -> int:
        """Remove up to ``count`` stale versions (the caller holds the transaction)."""
        conn = self._w
        rows = conn.execute(
            "SELECT version FROM journal_fts_stale ORDER BY version LIMIT ?", (int(count),)
        ).fetchall()
        for (version,) in rows:
            conn.execute(
                f"INSERT INTO journal_fts(journal_fts, rowid, {_COLS}) "  # noqa: S608
                f"SELECT 'delete', version, {_COLS} FROM journal_fts_stale WHERE version = ?",
                (version,),
            )
            conn.execute("DELETE FROM journal_fts_stale WHERE version = ?", (version,))
        return len(rows)

    def slice(self, versions: int = 1) -> int:
        """Remove up to ``versions`` stale versions, or when none is left merge a few pages
        (the caller holds the transaction). Returns the slices still waiting; with
        ``versions`` 0 only counts the stale versions."""
        if versions <= 0:
            return self.stale_count()
        if self.remove_oldest(versions):
            return self.stale_count() + 1  # and then merging, perhaps
        return 1 if self.merge_some() else 0

    def merge_some(self, pages: int = MERGE_PAGES) -> bool:
        """One slice of segment merging (the caller holds the transaction); False when there
        was nothing left to merge (FTS5 then changes fewer than two rows)."""
        conn = self._w
        before = conn.total_changes
        conn.execute(
            "INSERT INTO journal_fts(journal_fts, rank) VALUES ('merge', ?)", (int(pages),)
        )
        return conn.total_changes - before >= 2


class OnConnection:
    """Just enough of a vault for this repository on a connection of its own (the upkeep's,
    ``vault.threads`` rule 5); its owner holds the transaction."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def writer(self) -> Any:
        return require_transaction(self.conn)
