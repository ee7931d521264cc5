"""Ratings given while reviewing a record received from the other person (table from m0009).

Kept in the reviewer's own vault only: never part of the record, never sent.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from swreflect.models.supervision import ReceivedRating

# The owner's rating joined to the newest version of the record it rates: the session's date
# and the other party's name come from the record itself (the session is in their vault).
_RECEIVED_SQL = (
    "SELECT r.record_id, v.counterpart_ref, json_extract(v.canonical_json, '$.parties.' || "
    "CASE r.rater WHEN 'supervisor' THEN 'supervisee' ELSE 'supervisor' END || '.name'), "
    "json_extract(v.canonical_json, '$.session.date'), r.rater, r.support, r.challenge "
    "FROM record_ratings AS r JOIN agreement_versions AS v ON v.record_id = r.record_id "
    "AND v.version = (SELECT MAX(version) FROM agreement_versions WHERE record_id = r.record_id) "
    "WHERE v.direction = 'incoming' ORDER BY 4, r.record_id"
)


class RecordRatingRepository:
    def __init__(self, vault: Any) -> None:
        self._vault = vault

    def put(self, record_id: str, rater: str, support: int, challenge: int, at: str) -> None:
        conn = self._vault.writer()
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

    def received(self) -> list[ReceivedRating]:
        """Every rating the owner gave on a received record, oldest session first; a record
        without a readable session date is left out (nothing to place it on)."""
        out = []
        for row in self._vault.conn.execute(_RECEIVED_SQL).fetchall():
            try:
                held_on = date.fromisoformat(str(row[3]))
            except ValueError:
                continue
            name = str(row[2] or "").strip() or "the other person"
            out.append(
                ReceivedRating(
                    str(row[0]), row[1], name, held_on, str(row[4]), int(row[5]), int(row[6])
                )
            )
        return out
