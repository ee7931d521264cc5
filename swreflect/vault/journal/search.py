"""Full-text search over live journal entries (FTS5 in the encrypted database).

The ranking happens inside the FTS5 subquery with its own LIMIT: FTS5 sorts matches by bm25
internally and hands back only the winners, whose snippets are then built and whose rows are
the only ones read from ``journal_entries``. (Joining first and ordering the join by rank reads
every matching row and was measured several times slower.)
"""

from __future__ import annotations

from typing import Any

from swreflect.models.journal import HIT_END, HIT_START, JournalFilter, SearchHit
from swreflect.vault.journal.entries import filter_sql
from swreflect.vault.journal.fts_query import sanitise
from swreflect.vault.journal.rows import required_stamp

SNIPPET_TOKENS = 14
ELLIPSIS = "…"


def search_sql(
    match: str, flt: JournalFilter | None, limit: int, offset: int
) -> tuple[str, tuple[Any, ...]]:
    """The search statement and its parameters (the benchmark runs the same on plain SQLite)."""
    where, params = filter_sql(flt)
    narrowing = (
        f" AND rowid IN (SELECT id FROM journal_entries WHERE deleted_at IS NULL{where})"  # noqa: S608
        if where
        else ""
    )
    sql = (
        "SELECT e.id, e.title, h.snip, e.template_id, e.created_at, e.updated_at "  # noqa: S608
        "FROM (SELECT rowid AS id, rank AS r, "
        f"snippet(journal_fts, -1, ?, ?, '{ELLIPSIS}', {SNIPPET_TOKENS}) AS snip "
        f"FROM journal_fts WHERE journal_fts MATCH ?{narrowing} "
        "ORDER BY rank LIMIT ? OFFSET ?) AS h "
        "JOIN journal_entries AS e ON e.id = h.id ORDER BY h.r"
    )
    return sql, (HIT_START, HIT_END, match, *params, int(limit), int(offset))


class SearchRepository:
    def __init__(self, vault: Any) -> None:
        self._vault = vault

    def search(
        self, text: str, flt: JournalFilter | None = None, limit: int = 50, offset: int = 0
    ) -> list[SearchHit]:
        match = sanitise(text)
        if match is None:
            return []
        sql, params = search_sql(match, flt, limit, offset)
        rows = self._vault.conn.execute(sql, params).fetchall()
        return [_hit(r) for r in rows]

    def count(self, text: str) -> int:
        match = sanitise(text)
        if match is None:
            return 0
        row = self._vault.conn.execute(
            "SELECT count(*) FROM journal_fts WHERE journal_fts MATCH ?", (match,)
        ).fetchone()
        return int(row[0])


def _hit(row: Any) -> SearchHit:
    return SearchHit(
        id=int(row[0]),
        title=str(row[1]),
        snippet=str(row[2] or ""),
        template_id=str(row[3]),
        created_at=required_stamp(row[4]),
        updated_at=required_stamp(row[5]),
    )
