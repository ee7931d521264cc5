"""Ratings given while reviewing a record received from the other person (table from m0005).

Kept in the reviewer's own vault only: never part of the record, never sent.
"""

from __future__ import annotations

from typing import Any


class RecordRatingRepository:
    def __init__(self, vault: Any) -> None:
        self._vault = vault

    def put(self, record_id: str, rater: str, support: int, challenge: int, at: str) -> None:
        with self._vault.transaction() as conn:
            conn.execute(
                "INSERT INTO record_ratings (record_id, rater, support, challenge, rated_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (record_id) DO UPDATE SET"
                " rater = excluded.rater, support = excluded.support,"
                " challenge = excluded.challenge, rated_at = excluded.rated_at",
                (record_id, rater, support, challenge, at),
            )

    def get(self, record_id: str) -> tuple[str, int, int] | None:
        row = self._vault.conn.execute(
            "SELECT rater, support, challenge FROM record_ratings WHERE record_id = ?",
            (record_id,),
        ).fetchone()
        return (str(row[0]), int(row[1]), int(row[2])) if row else None
