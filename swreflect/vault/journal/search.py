"""Full-text search over live journal entries (FTS5 in the encrypted database).

Order of results: the best matches (bm25) among the ``WINDOW`` most recent matching entries
come first, then every older match, newest first. Why not rank every match: bm25 has to score
each matching row before the first one can be shown, so a common word in a career's journal
(100,000 entries, nearly all containing "the") took half a second. Walking the index newest
first and stopping after ``WINDOW`` rows bounds that work whatever the query, and for a
journal the recent matches are the ones people look for; older ones are still all there as
the list scrolls.

Snippets are built only for the rows of the page being shown, in Python from the rows
themselves (``snippets.py`` says why).

Index row ids are *versions* (migration m0010): an edit indexes the new text under a fresh id
and leaves the old version in the index, noted as stale, until idle-time upkeep removes it
(``search_upkeep.py``). Every statement here skips stale ids and maps the rest back to entry
ids, so what a search returns never depends on whether that upkeep has run yet. "Most recent"
is therefore "most recently written": an entry that was just edited counts as recent.
"""

from __future__ import annotations

from typing import Any

from swreflect.models.journal import JournalFilter, SearchHit
from swreflect.vault.journal.entries import filter_sql
from swreflect.vault.journal.fts_query import sanitise
from swreflect.vault.journal.rows import required_stamp
from swreflect.vault.journal.snippets import query_words, snippet

SNIPPET_TOKENS = 14
WINDOW = 200  # recent matches ranked by relevance; beyond them, newest first
VERSION_BASE = 1 << 40  # index ids from here on are versions listed in journal_fts_versions
LIVE = " AND rowid NOT IN (SELECT version FROM journal_fts_stale)"


def _narrowing(flt: JournalFilter | None) -> tuple[str, list[Any]]:
    where, params = filter_sql(flt)
    if not where:
        return "", []
    return (
        " AND rowid IN (SELECT coalesce(v.version, id) FROM journal_entries LEFT JOIN "  # noqa: S608
        "journal_fts_versions AS v ON v.entry_id = id "
        f"WHERE deleted_at IS NULL{where})",
        params,
    )


def search_sql(
    match: str, flt: JournalFilter | None, limit: int, offset: int
) -> tuple[str, tuple[Any, ...]]:
    """The statement for the ids of one page of hits (``offset`` and ``offset + limit`` both
    inside the ranked window, or both beyond it; ``page_ids`` splits a page that straddles).
    The benchmark runs the same statement on the plain floor."""
    narrowing, params = _narrowing(flt)
    narrowing = LIVE + narrowing
    if offset >= WINDOW:
        sql = (
            f"SELECT rowid FROM journal_fts WHERE journal_fts MATCH ?{narrowing} "  # noqa: S608
            "ORDER BY rowid DESC LIMIT ? OFFSET ?"
        )
        return sql, (match, *params, int(limit), int(offset))
    sql = (
        "SELECT id FROM (SELECT rowid AS id, rank AS r FROM journal_fts "  # noqa: S608
        f"WHERE journal_fts MATCH ?{narrowing} ORDER BY rowid DESC LIMIT {WINDOW}) "
        "ORDER BY r, id DESC LIMIT ? OFFSET ?"
    )
    return sql, (match, *params, int(limit), int(offset))


class SearchRepository:
    def __init__(self, vault: Any) -> None:
        self._vault = vault

    def search(
        self, text: str, flt: JournalFilter | None = None, limit: int = 50, offset: int = 0
    ) -> list[SearchHit]:
        match = sanitise(text)
        if match is None or limit <= 0:
            return []
        ids = self.entry_ids(self.page_ids(match, flt, limit, offset))
        return self._hits(query_words(text), ids)

    def page_ids(self, match: str, flt: JournalFilter | None, limit: int, offset: int) -> list[int]:
        """The index row ids (versions) of one page of hits, best first."""
        conn = self._vault.conn
        ids: list[int] = []
        if offset < WINDOW:
            ranked = min(limit, WINDOW - offset)
            sql, params = search_sql(match, flt, ranked, offset)
            ids += [int(r[0]) for r in conn.execute(sql, params).fetchall()]
            if len(ids) < ranked:
                return ids  # fewer matches than the window: nothing older exists
            limit, offset = limit - ranked, WINDOW
        if limit > 0:
            sql, params = search_sql(match, flt, limit, offset)
            ids += [int(r[0]) for r in conn.execute(sql, params).fetchall()]
        return ids

    def entry_ids(self, versions: list[int]) -> list[int]:
        """Entry ids for live index row ids, in the same order."""
        later = [v for v in versions if v >= VERSION_BASE]
        owner: dict[int, int] = {}
        if later:
            marks = ",".join("?" for _ in later)
            rows = self._vault.conn.execute(
                f"SELECT version, entry_id FROM journal_fts_versions WHERE version IN ({marks})",  # noqa: S608
                later,
            ).fetchall()
            owner = {int(r[0]): int(r[1]) for r in rows}
        out: list[int] = []
        for version in versions:
            if version < VERSION_BASE:
                out.append(version)  # indexed before m0010 under the entry's own id
            elif version in owner:
                out.append(owner[version])
        return out

    def _hits(self, words: tuple[str, ...], ids: list[int]) -> list[SearchHit]:
        if not ids:
            return []
        marks = ",".join("?" for _ in ids)
        rows = self._vault.conn.execute(
            "SELECT id, title, body, search_answers, search_tags, template_id, created_at, "  # noqa: S608
            f"updated_at FROM journal_entries WHERE id IN ({marks})",
            ids,
        ).fetchall()
        by_id = {int(r[0]): r for r in rows}
        return [_hit(by_id[i], words) for i in ids if i in by_id]

    def count(self, text: str) -> int:
        match = sanitise(text)
        if match is None:
            return 0
        row = self._vault.conn.execute(
            f"SELECT count(*) FROM journal_fts WHERE journal_fts MATCH ?{LIVE}",  # noqa: S608
            (match,),
        ).fetchone()
        return int(row[0])


def _hit(row: Any, words: tuple[str, ...]) -> SearchHit:
    fields = [str(row[2] or ""), str(row[3] or ""), str(row[1] or ""), str(row[4] or "")]
    return SearchHit(
        id=int(row[0]),
        title=str(row[1]),
        snippet=snippet(fields, words, SNIPPET_TOKENS),
        template_id=str(row[5]),
        created_at=required_stamp(row[6]),
        updated_at=required_stamp(row[7]),
    )
