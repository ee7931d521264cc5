"""Schema version 1: vault metadata and settings."""

from __future__ import annotations

from typing import Any


def upgrade(conn: Any) -> None:
    conn.execute("CREATE TABLE meta ( key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
    conn.execute("CREATE TABLE settings ( key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
