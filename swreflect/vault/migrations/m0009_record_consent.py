"""Consent for what reaches the shared record (issue 11).

- ``session_ratings.include_in_record``: each person's support and challenge rating is theirs;
  it reaches the shared record only when they tick "include in the record" (default: no).
  Ratings given before this step count as not consented, so no later version includes them.
- ``record_ratings``: a rating the reviewer gives while reviewing a record received from the
  other person, kept in their own vault only (insights read it; it is never sent).
"""

from __future__ import annotations

from typing import Any

STATEMENTS = [
    "ALTER TABLE session_ratings ADD COLUMN include_in_record INTEGER NOT NULL DEFAULT 0"
    " CHECK (include_in_record IN (0, 1))",
    """CREATE TABLE record_ratings (
        record_id TEXT PRIMARY KEY,
        rater TEXT NOT NULL CHECK (rater IN ('supervisor', 'supervisee')),
        support INTEGER NOT NULL CHECK (support BETWEEN 1 AND 5),
        challenge INTEGER NOT NULL CHECK (challenge BETWEEN 1 AND 5),
        rated_at TEXT NOT NULL
    )""",
]


def upgrade(conn: Any) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
