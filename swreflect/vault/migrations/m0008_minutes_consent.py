"""Schema version 8: who agreed to put the minutes-per-function table in the shared record.

``sessions.minutes_in_record``: 1 when the supervisor agreed, 2 when the supervisee did; the
table goes into the record only at 3, when both did. (Added after version 5 was already
merged, so that vaults at version 5 to 7 get the column too.)
"""

from __future__ import annotations

from typing import Any


def upgrade(conn: Any) -> None:
    conn.execute("ALTER TABLE sessions ADD COLUMN minutes_in_record INTEGER NOT NULL DEFAULT 0")
