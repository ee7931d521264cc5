"""Drafts (autosave), supervision marks and the never-record list.

Like the entry repository, writes run inside the caller's ``vault.transaction()``.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from swreflect.models.journal import Draft, EntryContent, SupervisionMark
from swreflect.vault.journal.rows import parse_stamp, required_stamp, stamp


class DraftRepository:
    def __init__(self, vault: Any) -> None:
        self._vault = vault

    def put(self, slot: str, entry_id: int | None, content: EntryContent, now: datetime) -> None:
        self._vault.writer().execute(
            "INSERT INTO journal_drafts (slot, entry_id, content, saved_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(slot) DO UPDATE SET entry_id = excluded.entry_id, "
            "content = excluded.content, saved_at = excluded.saved_at",
            (slot, entry_id, json.dumps(content.as_dict(), ensure_ascii=False), stamp(now)),
        )

    def get(self, slot: str) -> Draft | None:
        row = self._vault.conn.execute(
            "SELECT slot, entry_id, content, saved_at FROM journal_drafts WHERE slot = ?", (slot,)
        ).fetchone()
        return _draft(row) if row else None

    def all(self) -> list[Draft]:
        rows = self._vault.conn.execute(
            "SELECT slot, entry_id, content, saved_at FROM journal_drafts ORDER BY saved_at DESC"
        ).fetchall()
        return [_draft(r) for r in rows]

    def delete(self, slot: str) -> None:
        self._vault.writer().execute("DELETE FROM journal_drafts WHERE slot = ?", (slot,))


def _draft(row: Any) -> Draft:
    return Draft(
        slot=str(row[0]),
        entry_id=int(row[1]) if row[1] is not None else None,
        content=EntryContent.from_dict(json.loads(row[2])),
        saved_at=required_stamp(row[3]),
    )


class MarkRepository:
    def __init__(self, vault: Any) -> None:
        self._vault = vault

    def add(self, entry_id: int, excerpt: str, now: datetime) -> int:
        cur = self._vault.writer().execute(
            "INSERT INTO journal_marks (entry_id, excerpt, created_at) VALUES (?, ?, ?)",
            (entry_id, excerpt, stamp(now)),
        )
        return int(cur.lastrowid)

    def open_marks(self) -> list[SupervisionMark]:
        """Marks not yet discussed, of entries not in the Trash, oldest first."""
        rows = self._vault.conn.execute(
            "SELECT m.id, m.entry_id, e.title, m.excerpt, m.created_at FROM journal_marks m "
            "JOIN journal_entries e ON e.id = m.entry_id "
            "WHERE m.discussed_at IS NULL AND e.deleted_at IS NULL ORDER BY m.id"
        ).fetchall()
        return [
            SupervisionMark(
                id=int(r[0]),
                entry_id=int(r[1]),
                entry_title=str(r[2]),
                excerpt=str(r[3]),
                created_at=parse_stamp(r[4]) or datetime.min,
            )
            for r in rows
        ]

    def set_discussed(self, mark_id: int, now: datetime) -> bool:
        cur = self._vault.writer().execute(
            "UPDATE journal_marks SET discussed_at = ? WHERE id = ?", (stamp(now), mark_id)
        )
        return bool(cur.rowcount)

    def delete(self, mark_id: int) -> bool:
        cur = self._vault.writer().execute("DELETE FROM journal_marks WHERE id = ?", (mark_id,))
        return bool(cur.rowcount)


class NeverRecordRepository:
    def __init__(self, vault: Any) -> None:
        self._vault = vault

    def all(self) -> dict[str, str]:
        rows = self._vault.conn.execute(
            "SELECT name, pseudonym FROM journal_never_record ORDER BY name"
        ).fetchall()
        return {str(r[0]): str(r[1]) for r in rows}

    def add(self, name: str, pseudonym: str) -> None:
        self._vault.writer().execute(
            "INSERT OR IGNORE INTO journal_never_record (name, pseudonym) VALUES (?, ?)",
            (name, pseudonym),
        )

    def remove(self, name: str) -> bool:
        cur = self._vault.writer().execute(
            "DELETE FROM journal_never_record WHERE name = ?", (name,)
        )
        return bool(cur.rowcount)
