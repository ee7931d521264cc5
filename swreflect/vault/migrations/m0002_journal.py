"""Schema version 2: the private reflective journal.

Tables (all inside the encrypted database):

``journal_entries``     one row per entry. ``answers`` is a JSON object (prompt id -> text);
                        ``search_answers`` / ``search_tags`` are the plain text the search index
                        reads (answer texts and tags joined by newlines). ``deleted_at`` set means
                        the entry is in the Trash. Wellbeing scales are 1-5 or NULL.
``journal_tags``        (entry, tag) pairs for the tag filter.
``journal_revisions``   earlier versions of an entry: a copy of the content columns taken each
                        time a save changed the content.
``journal_drafts``      autosaved, not yet committed editor content (JSON), one per entry or
                        ``new`` for an unsaved entry.
``journal_marks``       "bring to supervision" excerpts chosen by the user.
``journal_never_record`` names the user never wants recorded, each with its pseudonym.
``journal_fts``         FTS5 external-content index over title, body, answers and tags of
                        entries that are not in the Trash, kept in sync by triggers in the same
                        transaction. FTS5 ``secure-delete`` is on so a deleted entry's terms are
                        removed from the index pages, not just masked.
"""

from __future__ import annotations

from typing import Any

_CONTENT = "title, body, search_answers, search_tags"


def upgrade(conn: Any) -> None:
    conn.execute(
        """CREATE TABLE journal_entries (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            template_id TEXT NOT NULL DEFAULT 'free',
            answers TEXT NOT NULL DEFAULT '{}',
            search_answers TEXT NOT NULL DEFAULT '',
            search_tags TEXT NOT NULL DEFAULT '',
            energy INTEGER CHECK (energy BETWEEN 1 AND 5),
            stress INTEGER CHECK (stress BETWEEN 1 AND 5),
            workload INTEGER CHECK (workload BETWEEN 1 AND 5),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        )"""
    )
    conn.execute(
        "CREATE INDEX journal_entries_recent ON journal_entries (deleted_at, created_at, id)"
    )
    conn.execute("CREATE INDEX journal_entries_template ON journal_entries (template_id)")
    conn.execute(
        """CREATE TABLE journal_tags (
            entry_id INTEGER NOT NULL REFERENCES journal_entries(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (entry_id, tag)
        ) WITHOUT ROWID"""
    )
    conn.execute("CREATE INDEX journal_tags_by_tag ON journal_tags (tag, entry_id)")
    conn.execute(
        """CREATE TABLE journal_revisions (
            id INTEGER PRIMARY KEY,
            entry_id INTEGER NOT NULL REFERENCES journal_entries(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            template_id TEXT NOT NULL,
            answers TEXT NOT NULL,
            tags TEXT NOT NULL,
            energy INTEGER, stress INTEGER, workload INTEGER,
            saved_at TEXT NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX journal_revisions_entry ON journal_revisions (entry_id, id)")
    conn.execute(
        """CREATE TABLE journal_drafts (
            slot TEXT PRIMARY KEY,
            entry_id INTEGER REFERENCES journal_entries(id) ON DELETE CASCADE,
            content TEXT NOT NULL,
            saved_at TEXT NOT NULL
        ) WITHOUT ROWID"""
    )
    conn.execute(
        """CREATE TABLE journal_marks (
            id INTEGER PRIMARY KEY,
            entry_id INTEGER NOT NULL REFERENCES journal_entries(id) ON DELETE CASCADE,
            excerpt TEXT NOT NULL,
            created_at TEXT NOT NULL,
            discussed_at TEXT
        )"""
    )
    conn.execute("CREATE INDEX journal_marks_entry ON journal_marks (entry_id)")
    conn.execute(
        """CREATE TABLE journal_never_record (
            name TEXT PRIMARY KEY COLLATE NOCASE,
            pseudonym TEXT NOT NULL
        ) WITHOUT ROWID"""
    )
    conn.execute(
        f"""CREATE VIRTUAL TABLE journal_fts USING fts5(
            {_CONTENT},
            content='journal_entries', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2', prefix='2 3'
        )"""
    )
    conn.execute("INSERT INTO journal_fts(journal_fts, rank) VALUES ('secure-delete', 1)")
    new_vals = ", ".join(f"new.{c.strip()}" for c in _CONTENT.split(","))
    old_vals = ", ".join(f"old.{c.strip()}" for c in _CONTENT.split(","))
    conn.execute(
        f"""CREATE TRIGGER journal_fts_ai AFTER INSERT ON journal_entries
            WHEN new.deleted_at IS NULL BEGIN
              INSERT INTO journal_fts(rowid, {_CONTENT}) VALUES (new.id, {new_vals});
            END"""  # noqa: S608
    )
    conn.execute(
        f"""CREATE TRIGGER journal_fts_ad AFTER DELETE ON journal_entries
            WHEN old.deleted_at IS NULL BEGIN
              INSERT INTO journal_fts(journal_fts, rowid, {_CONTENT})
                VALUES ('delete', old.id, {old_vals});
            END"""  # noqa: S608
    )
    conn.execute(
        f"""CREATE TRIGGER journal_fts_au
            AFTER UPDATE OF {_CONTENT}, deleted_at ON journal_entries BEGIN
              INSERT INTO journal_fts(journal_fts, rowid, {_CONTENT})
                SELECT 'delete', old.id, {old_vals} WHERE old.deleted_at IS NULL;
              INSERT INTO journal_fts(rowid, {_CONTENT})
                SELECT new.id, {new_vals} WHERE new.deleted_at IS NULL;
            END"""
    )
