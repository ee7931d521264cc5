"""The few facts the backup service remembers, kept in the vault's own ``settings`` table.

Only timestamps live here (no content), under keys starting ``backups.``; they are encrypted
with everything else.
"""

from __future__ import annotations

from swreflect.vault import connection as dbconn
from swreflect.vault.connection import Connection

LAST_AUTO_KEY = "backups.last_auto_at"


def read_setting(conn: Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def write_setting(conn: Connection, key: str, value: str) -> None:
    with dbconn.transaction(conn):
        conn.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
