"""Read-only rows for the Insights page: when each journal entry was written, with which
template, and its optional wellbeing check-in. Never any entry text.

Kept apart from the journal's own repository so the page reads only what it needs (five small
columns, no bodies) and so nothing here can change an entry.
"""

from __future__ import annotations

from typing import Any

CheckinRow = tuple[str, str, int | None, int | None, int | None]
# Answered from the covering index ``journal_entries_checkins`` (migration 7): no entry text
# is read, or decrypted, to draw the wellbeing figures.
CHECKIN_ROWS = (
    "SELECT created_at, template_id, energy, stress, workload FROM journal_entries "
    "WHERE deleted_at IS NULL AND created_at >= ? ORDER BY created_at, id"
)


class CheckinRepository:
    def __init__(self, vault: Any) -> None:
        self._vault = vault

    def rows(self, since: str = "") -> list[CheckinRow]:
        """(created_at, template_id, energy, stress, workload) for entries not in the trash
        written at or after ``since`` (an ISO date or time; everything when empty), oldest
        first. The page looks back a few weeks: at a career's scale, reading every entry's
        row took a quarter of a second of Python in the worker and stalled the window."""
        cursor = self._vault.conn.execute(CHECKIN_ROWS, (since,))
        return [(str(r[0]), str(r[1] or ""), r[2], r[3], r[4]) for r in cursor.fetchall()]
