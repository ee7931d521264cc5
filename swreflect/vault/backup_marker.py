"""Has anything changed since the last automatic backup? Answered without reading the data.

Within a session the writer connection's ``total_changes`` counter says whether anything was
written since the vault opened (or since the last backup was claimed). Across sessions, a
flag in the vault's own ``meta`` table carries it: ``Vault.lock()`` sets the flag when the
session wrote anything, and claiming a backup clears it. A vault whose last session crashed
before locking may miss that flag; its next session's own changes set it again, and the
earlier backups are still there.
"""

from __future__ import annotations

from swreflect.vault.connection import Connection

CHANGED_KEY = "backup.changed_since_last"


def note_changes(conn: Connection, baseline: int) -> None:
    """Remember across sessions that this session wrote something."""
    if int(conn.total_changes) > baseline:
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, '1')", (CHANGED_KEY,))


def changed_since_backup(conn: Connection, baseline: int) -> bool:
    if int(conn.total_changes) > baseline:
        return True
    row = conn.execute("SELECT 1 FROM meta WHERE key = ?", (CHANGED_KEY,)).fetchone()
    return row is not None


def clear(conn: Connection) -> int:
    """Forget earlier changes (a backup is being taken now); returns the new baseline."""
    conn.execute("DELETE FROM meta WHERE key = ?", (CHANGED_KEY,))
    return int(conn.total_changes)
