"""Entries, their revisions, the Trash and permanent purge.

Methods that write expect the caller (the journal service) to hold ``vault.transaction()`` so
that an entry, its tags, its revision and its search rows change together or not at all. The
search index follows ``journal_entries`` through triggers (see the migration).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from swreflect.models.journal import (
    Entry,
    EntryContent,
    EntrySummary,
    JournalFilter,
    Revision,
)
from swreflect.vault.connection import require_transaction
from swreflect.vault.journal.rows import (
    ENTRY_COLUMNS,
    content_from,
    content_values,
    parse_stamp,
    required_stamp,
    stamp,
)

PREVIEW_CHARS = 160


def filter_sql(flt: JournalFilter | None, id_column: str = "id") -> tuple[str, list[Any]]:
    """``AND ...`` clauses (and their parameters) for a filter, over ``journal_entries``."""
    if flt is None:
        return "", []
    clauses: list[str] = []
    params: list[Any] = []
    if flt.tag:
        clauses.append(f"{id_column} IN (SELECT entry_id FROM journal_tags WHERE tag = ?)")  # noqa: S608
        params.append(flt.tag)
    if flt.template_id:
        clauses.append("template_id = ?")
        params.append(flt.template_id)
    if flt.created_from:
        clauses.append("created_at >= ?")
        params.append(stamp(flt.created_from))
    if flt.created_before:
        clauses.append("created_at < ?")
        params.append(stamp(flt.created_before))
    return "".join(f" AND {c}" for c in clauses), params


class EntryRepository:
    def __init__(self, vault: Any) -> None:
        self._vault = vault

    @property
    def _conn(self) -> Any:
        return self._vault.conn

    @property
    def _w(self) -> Any:
        """The connection for a write, inside the calling service's transaction only."""
        return self._vault.writer()

    # ------------------------------------------------------------ writes
    def insert(self, content: EntryContent, now: datetime) -> int:
        cur = self._w.execute(
            "INSERT INTO journal_entries (title, body, template_id, answers, search_answers, "
            "search_tags, energy, stress, workload, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*content_values(content), stamp(now), stamp(now)),
        )
        entry_id = int(cur.lastrowid)
        self._write_tags(entry_id, content.tags)
        return entry_id

    def update(self, entry_id: int, content: EntryContent, now: datetime) -> None:
        """Replace the content, keeping the previous version as a revision."""
        self._w.execute(
            "INSERT INTO journal_revisions (entry_id, title, body, template_id, answers, tags, "
            "energy, stress, workload, saved_at) "
            "SELECT id, title, body, template_id, answers, search_tags, energy, stress, "
            "workload, updated_at FROM journal_entries WHERE id = ?",
            (entry_id,),
        )
        self._w.execute(
            "UPDATE journal_entries SET title = ?, body = ?, template_id = ?, answers = ?, "
            "search_answers = ?, search_tags = ?, energy = ?, stress = ?, workload = ?, "
            "updated_at = ? WHERE id = ?",
            (*content_values(content), stamp(now), entry_id),
        )
        self._w.execute("DELETE FROM journal_tags WHERE entry_id = ?", (entry_id,))
        self._write_tags(entry_id, content.tags)

    def _write_tags(self, entry_id: int, tags: tuple[str, ...]) -> None:
        self._w.executemany(
            "INSERT OR IGNORE INTO journal_tags (entry_id, tag) VALUES (?, ?)",
            [(entry_id, t) for t in tags],
        )

    def set_trashed(self, entry_id: int, when: datetime | None) -> bool:
        cur = self._w.execute(
            "UPDATE journal_entries SET deleted_at = ? WHERE id = ?",
            (stamp(when) if when else None, entry_id),
        )
        return bool(cur.rowcount)

    def purge(self, entry_id: int) -> bool:
        """Delete the entry and everything hanging off it (revisions, marks, drafts, tags)."""
        conn = self._w
        conn.execute("DELETE FROM journal_drafts WHERE entry_id = ?", (entry_id,))
        conn.execute("DELETE FROM journal_marks WHERE entry_id = ?", (entry_id,))
        conn.execute("DELETE FROM journal_revisions WHERE entry_id = ?", (entry_id,))
        conn.execute("DELETE FROM journal_tags WHERE entry_id = ?", (entry_id,))
        cur = conn.execute("DELETE FROM journal_entries WHERE id = ?", (entry_id,))
        return bool(cur.rowcount)

    def scrub(self) -> None:
        """After a purge (outside any transaction): flush the log so no old page survives.

        ``secure_delete`` already zeroes freed space in the database pages and FTS5
        ``secure-delete`` removes the terms from the index; the write-ahead log still holds the
        earlier page images until it is checkpointed and truncated."""
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # ------------------------------------------------------------ reads
    def get(self, entry_id: int) -> Entry | None:
        row = self._conn.execute(
            f"SELECT {ENTRY_COLUMNS} FROM journal_entries WHERE id = ?",  # noqa: S608
            (entry_id,),
        ).fetchone()
        return _entry(row) if row else None

    def summaries(
        self, offset: int, limit: int, flt: JournalFilter | None = None, *, trashed: bool = False
    ) -> list[EntrySummary]:
        where, params = filter_sql(flt)
        state = "deleted_at IS NOT NULL" if trashed else "deleted_at IS NULL"
        order = "deleted_at DESC, id DESC" if trashed else "created_at DESC, id DESC"
        rows = self._conn.execute(
            f"SELECT id, title, substr(body, 1, {PREVIEW_CHARS}), template_id, created_at, "  # noqa: S608
            f"updated_at, deleted_at FROM journal_entries WHERE {state}{where} "
            f"ORDER BY {order} LIMIT ? OFFSET ?",
            (*params, int(limit), int(offset)),
        ).fetchall()
        return [_summary(r) for r in rows]

    def count(self, flt: JournalFilter | None = None, *, trashed: bool = False) -> int:
        where, params = filter_sql(flt)
        state = "deleted_at IS NOT NULL" if trashed else "deleted_at IS NULL"
        row = self._conn.execute(
            f"SELECT count(*) FROM journal_entries WHERE {state}{where}",  # noqa: S608
            params,
        ).fetchone()
        return int(row[0])

    def trashed_ids(self) -> list[int]:
        rows = self._conn.execute(
            "SELECT id FROM journal_entries WHERE deleted_at IS NOT NULL ORDER BY id"
        ).fetchall()
        return [int(r[0]) for r in rows]

    def tags(self) -> list[str]:
        # Distinct tags by hopping through the tag index (one seek per tag, not a walk over
        # every tagged entry: 12-40 ms at 100,000 entries, on each save), then one cheap probe
        # per tag for a live entry.
        rows = self._conn.execute(
            "WITH RECURSIVE d(tag) AS (SELECT min(tag) FROM journal_tags UNION ALL "
            "SELECT (SELECT min(tag) FROM journal_tags WHERE tag > d.tag) FROM d "
            "WHERE d.tag IS NOT NULL) "
            "SELECT d.tag FROM d WHERE d.tag IS NOT NULL AND EXISTS ("
            "SELECT 1 FROM journal_tags AS t JOIN journal_entries AS e ON e.id = t.entry_id "
            "WHERE t.tag = d.tag AND e.deleted_at IS NULL) ORDER BY d.tag"
        ).fetchall()
        return [str(r[0]) for r in rows]

    # ------------------------------------------------------------ revisions
    def revisions(self, entry_id: int) -> list[Revision]:
        rows = self._conn.execute(
            "SELECT id, entry_id, title, body, template_id, answers, tags, energy, stress, "
            "workload, saved_at FROM journal_revisions WHERE entry_id = ? ORDER BY id DESC",
            (entry_id,),
        ).fetchall()
        return [_revision(r) for r in rows]

    def revision(self, revision_id: int) -> Revision | None:
        row = self._conn.execute(
            "SELECT id, entry_id, title, body, template_id, answers, tags, energy, stress, "
            "workload, saved_at FROM journal_revisions WHERE id = ?",
            (revision_id,),
        ).fetchone()
        return _revision(row) if row else None


def _entry(row: Any) -> Entry:
    return Entry(
        id=int(row[0]),
        content=content_from(row[1:9]),
        created_at=required_stamp(row[9]),
        updated_at=required_stamp(row[10]),
        deleted_at=parse_stamp(row[11]),
    )


def _summary(row: Any) -> EntrySummary:
    preview = " ".join(str(row[2]).split())
    return EntrySummary(
        id=int(row[0]),
        title=str(row[1]),
        preview=preview,
        template_id=str(row[3]),
        created_at=required_stamp(row[4]),
        updated_at=required_stamp(row[5]),
        deleted_at=parse_stamp(row[6]),
    )


def _revision(row: Any) -> Revision:
    return Revision(
        id=int(row[0]),
        entry_id=int(row[1]),
        content=content_from(row[2:10]),
        saved_at=required_stamp(row[10]),
    )


def purge_entries_on(conn: Any, entry_ids: list[int]) -> None:
    """Purge ``entry_ids`` through another connection (an automatic backup), same rules;
    the caller holds that connection's transaction."""

    class _Holder:
        def __init__(self, conn: Any) -> None:
            self.conn = conn

        def writer(self) -> Any:
            return require_transaction(self.conn)

    repo = EntryRepository(_Holder(conn))
    for entry_id in entry_ids:
        repo.purge(entry_id)
