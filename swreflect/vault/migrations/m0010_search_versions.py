"""Schema version 10: saving an edit no longer waits for the search index to forget old words.

Why: with FTS5 ``secure-delete`` on (so a purged entry's words are really gone from the index
pages), removing an entry's previous words from the index costs one edit per word in every
index segment: 0.1–0.7 s for a long entry in a career's journal, on the UI thread, at every
save of an edit. Adding words is cheap (about a millisecond).

So each indexed version of an entry gets a search row id of its own. An edit indexes the new
version under a fresh id at once and only *notes* the previous one as stale; searches skip
stale ids, and the old words are removed (still securely) later, in idle time, one version at
a time (``vault.journal.search_upkeep``). Deleting an entry for good removes every version of
it from the index in the same transaction, as before, so nothing outlives a purge.

Tables (derived data for ``journal_fts``: never exported, refilled by the triggers on import):

``journal_fts_versions``  the index row id of an entry's latest indexed version, when it is not
                          the entry's own id (entries indexed before this step keep ``id``).
``journal_fts_stale``     versions still in the index but no longer current (edited, trashed):
                          the exact text that was indexed, which is what FTS5 needs to remove
                          it. The same text is in ``journal_revisions`` anyway; a purge
                          removes both.

New row ids count up from ``VERSION_BASE`` (2**40, far above any entry id), so "the most
recent matches" are the most recently written ones.

The index is also merged into one segment here (``optimize``) and its merging moves off the
save path: FTS5's ``automerge`` made one save in twenty or so merge hundreds of pages (0.2–0.4 s
at 100,000 entries), so it is off, and the idle-time upkeep (the app's, or a few slices after
each CLI write) merges instead, even two segments of a level (``usermerge`` 2). Every secure
removal and every search visits each segment, and an index built entry by entry over years had
about twenty. ``crisismerge`` (16 segments on a level) still merges on save if upkeep never
runs. The ``optimize`` is the slow part of this step: about 10 s for 100,000 long entries,
well under a second for a few thousand.
"""

from __future__ import annotations

from typing import Any

PROGRESS_TEXT = (
    "Tidying the search index. This step can't show its progress and may take a minute on a "
    "large journal."
)
VERSION_BASE = 1 << 40
_CONTENT = ("title", "body", "search_answers", "search_tags")
_COLS = ", ".join(_CONTENT)


def _vals(prefix: str) -> str:
    return ", ".join(f"{prefix}.{c}" for c in _CONTENT)


def current_version(entry: str) -> str:
    """SQL for the index row id of ``entry``'s latest indexed version."""
    return f"coalesce((SELECT version FROM journal_fts_versions WHERE entry_id = {entry}), {entry})"  # noqa: S608


# The next version: one above any in use, and at least VERSION_BASE (2**40 - 1 = 1099511627775).
NEXT_VERSION = (
    "(SELECT max(v) + 1 FROM (SELECT max(version) AS v FROM journal_fts_versions "
    "UNION ALL SELECT max(version) FROM journal_fts_stale "
    "UNION ALL SELECT 1099511627775))"
)

STATEMENTS = [
    """CREATE TABLE journal_fts_versions (
        entry_id INTEGER PRIMARY KEY,
        version INTEGER NOT NULL UNIQUE
    )""",
    """CREATE TABLE journal_fts_stale (
        version INTEGER PRIMARY KEY,
        entry_id INTEGER NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        search_answers TEXT NOT NULL,
        search_tags TEXT NOT NULL
    )""",
    "CREATE INDEX journal_fts_stale_entry ON journal_fts_stale (entry_id)",
    "DROP TRIGGER journal_fts_ai",
    "DROP TRIGGER journal_fts_ad",
    "DROP TRIGGER journal_fts_au",
    f"""CREATE TRIGGER journal_fts_ai AFTER INSERT ON journal_entries
        WHEN new.deleted_at IS NULL BEGIN
          INSERT OR REPLACE INTO journal_fts_versions (entry_id, version)
            VALUES (new.id, {NEXT_VERSION});
          INSERT INTO journal_fts(rowid, {_COLS})
            VALUES ({current_version("new.id")}, {_vals("new")});
        END""",  # noqa: S608
    f"""CREATE TRIGGER journal_fts_ad AFTER DELETE ON journal_entries BEGIN
          INSERT INTO journal_fts(journal_fts, rowid, {_COLS})
            SELECT 'delete', {current_version("old.id")}, {_vals("old")}
            WHERE old.deleted_at IS NULL;
          INSERT INTO journal_fts(journal_fts, rowid, {_COLS})
            SELECT 'delete', version, {_COLS} FROM journal_fts_stale WHERE entry_id = old.id;
          DELETE FROM journal_fts_stale WHERE entry_id = old.id;
          DELETE FROM journal_fts_versions WHERE entry_id = old.id;
        END""",  # noqa: S608
    f"""CREATE TRIGGER journal_fts_au
        AFTER UPDATE OF {_COLS}, deleted_at ON journal_entries BEGIN
          INSERT INTO journal_fts_stale (version, entry_id, {_COLS})
            SELECT {current_version("old.id")}, old.id, {_vals("old")}
            WHERE old.deleted_at IS NULL;
          INSERT OR REPLACE INTO journal_fts_versions (entry_id, version)
            SELECT new.id, {NEXT_VERSION} WHERE new.deleted_at IS NULL;
          INSERT INTO journal_fts(rowid, {_COLS})
            SELECT {current_version("new.id")}, {_vals("new")} WHERE new.deleted_at IS NULL;
        END""",
]


def upgrade(conn: Any) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
    conn.execute("INSERT INTO journal_fts(journal_fts, rank) VALUES ('usermerge', 2)")
    conn.execute("INSERT INTO journal_fts(journal_fts, rank) VALUES ('automerge', 0)")
    conn.execute("INSERT INTO journal_fts(journal_fts) VALUES ('optimize')")
