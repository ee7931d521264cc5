"""Schema version 6: a session counts as held only once it is finished.

Opening a session used to count as having met, which hid a late supervision (the review's
"opening it marked Priya as met once"). ``sessions.finished_at`` records when the session was
finished on the end screen; only finished sessions (never cancelled ones) count as held.

Existing sessions that reached the end screen (a summary drafted) or went on to sign-off were
plainly held under the old rules: they are marked finished at their last change, so nobody's
schedule moves on upgrade. Sessions only created or opened (draft, in session) are left
unfinished; the person finishes them from the end screen.
"""

from __future__ import annotations

from typing import Any

STILL_OPEN = ("draft", "in_session", "cancelled")


def upgrade(conn: Any) -> None:
    conn.execute("ALTER TABLE sessions ADD COLUMN finished_at TEXT")
    marks = ",".join("?" for _ in STILL_OPEN)
    conn.execute(
        f"UPDATE sessions SET finished_at = updated_at WHERE status NOT IN ({marks})",  # noqa: S608
        STILL_OPEN,
    )
