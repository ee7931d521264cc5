"""Full-text search over live journal entries (FTS5 in the encrypted database).

Order of results: the best matches among the ``WINDOW`` most recently written matching entries
come first, then every older match, newest first. Why not rank every match: a common word in a
career's journal (100,000 entries, nearly all containing "the") matches everything, and
scoring every match took half a second. Walking the index newest first and stopping after
``WINDOW`` rows bounds the work whatever the query, and for a journal the recent matches are
the ones people look for; older ones are still all there as the list scrolls. The window is
scored in Python from its rows' own text (``ranking.py`` says why not FTS5's ``bm25``).

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
from swreflect.vault.journal.rows import required_stamp

# The query, ranking and snippet helpers (with their patterns and ``unicodedata``) are imported
# by the functions that use them: every vault-opening command builds this repository, and
# ``journal list`` never searches.

SNIPPET_TOKENS = 14
WINDOW = 30  # recent matches ranked by relevance (a screenful); beyond them, newest first
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
    """The statement for the index row ids (versions) of ``limit`` live matches from
    ``offset`` on, newest first: the ranked window is the first ``WINDOW`` of them."""
    narrowing, params = _narrowing(flt)
    sql = (
        f"SELECT rowid FROM journal_fts WHERE journal_fts MATCH ?{LIVE}{narrowing} "  # noqa: S608
        "ORDER BY rowid DESC LIMIT ? OFFSET ?"
    )
    return sql, (match, *params, int(limit), int(offset))


class SearchRepository:
    def __init__(self, vault: Any) -> None:
        self._vault = vault

    def search(
        self, text: str, flt: JournalFilter | None = None, limit: int = 50, offset: int = 0
    ) -> list[SearchHit]:
        from swreflect.vault.journal.fts_query import sanitise
        from swreflect.vault.journal.snippets import query_words

        match = sanitise(text)
        if match is None or limit <= 0:
            return []
        words = query_words(text)
        hits: list[SearchHit] = []
        if offset < WINDOW:
            ranked = self._ranked_window(match, flt, words)
            hits = [_hit(row, words) for row in ranked[offset : offset + limit]]
            if len(ranked) < WINDOW or offset + limit <= WINDOW:
                return hits  # the window held every match, or the page ends inside it
            limit, offset = offset + limit - WINDOW, WINDOW
        return hits + [
            _hit(row, words) for row in self._rows(self._newest(match, flt, limit, offset))
        ]

    def _newest(self, match: str, flt: JournalFilter | None, limit: int, offset: int) -> list[int]:
        sql, params = search_sql(match, flt, limit, offset)
        return self.entry_ids([int(r[0]) for r in self._vault.conn.execute(sql, params)])

    def _ranked_window(
        self, match: str, flt: JournalFilter | None, words: tuple[str, ...]
    ) -> list[Any]:
        """The rows of the ``WINDOW`` most recent matches, best first (ties: newest first)."""
        rows = self._rows(self._newest(match, flt, WINDOW, 0))
        from swreflect.vault.journal import ranking

        score = ranking.scores([_indexed(row) for row in rows], words)
        order = sorted(range(len(rows)), key=lambda i: -score[i])  # stable: newest first
        return [rows[i] for i in order]

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

    def _rows(self, ids: list[int]) -> list[Any]:
        """The rows of ``ids``, in that order."""
        if not ids:
            return []
        marks = ",".join("?" for _ in ids)
        rows = self._vault.conn.execute(
            "SELECT id, title, body, search_answers, search_tags, template_id, created_at, "  # noqa: S608
            f"updated_at FROM journal_entries WHERE id IN ({marks})",
            ids,
        ).fetchall()
        by_id = {int(r[0]): r for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    def count(self, text: str) -> int:
        from swreflect.vault.journal.fts_query import sanitise

        match = sanitise(text)
        if match is None:
            return 0
        row = self._vault.conn.execute(
            f"SELECT count(*) FROM journal_fts WHERE journal_fts MATCH ?{LIVE}",  # noqa: S608
            (match,),
        ).fetchone()
        return int(row[0])


def _indexed(row: Any) -> list[str]:
    """The indexed fields of a row: body, answers, title, tags."""
    return [str(row[2] or ""), str(row[3] or ""), str(row[1] or ""), str(row[4] or "")]


def _hit(row: Any, words: tuple[str, ...]) -> SearchHit:
    from swreflect.vault.journal.snippets import snippet

    fields = _indexed(row)
    return SearchHit(
        id=int(row[0]),
        title=str(row[1]),
        snippet=snippet(fields, words, SNIPPET_TOKENS),
        template_id=str(row[5]),
        created_at=required_stamp(row[6]),
        updated_at=required_stamp(row[7]),
    )
