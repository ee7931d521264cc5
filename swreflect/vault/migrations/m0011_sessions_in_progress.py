"""Schema version 11: Home finds a supervision session that was begun and not finished.

Why: a session left open (the laptop closed mid-session, or the end screen never reached) is
easy to forget, and it does not count as held until it is finished. Home names it with a
button to carry on. Home is painted at unlock, so the question must stay cheap at a career's
5,000 sessions: this partial index holds only the unfinished sessions that were begun (a
handful at most), newest change last, and nothing the table does not hold.

The query must repeat the index's condition word for word, with the statuses as literals, or
SQLite will not use it (``vault/supervision/unfinished_repo.py``).
"""

from __future__ import annotations

from typing import Any

INDEX = "sessions_unfinished"
CONDITION = "finished_at IS NULL AND status IN ('in_session', 'summary_drafted')"


def upgrade(conn: Any) -> None:
    conn.execute(f"CREATE INDEX {INDEX} ON sessions (updated_at) WHERE {CONDITION}")
