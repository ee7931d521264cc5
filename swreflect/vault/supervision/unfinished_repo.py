"""Supervision sessions begun and not finished, newest change first, for Home.

One indexed query (the partial index of ``m0011_sessions_in_progress``): at 5,000 sessions it
reads the few unfinished ones, never the table. Reads only; works on a worker's connection.
"""

from __future__ import annotations

from datetime import date

from swreflect.models.supervision import SessionInProgress
from swreflect.vault.migrations.m0011_sessions_in_progress import CONDITION
from swreflect.vault.vault import Vault

# Fixed text only: the condition is the migration's own constant (no value is formatted in).
_SQL = (
    "SELECT s.id, p.display_name, s.held_on, s.kind FROM (SELECT id, agreement_id, held_on, "  # noqa: S608
    f"kind, updated_at FROM sessions WHERE {CONDITION} ORDER BY updated_at DESC LIMIT ?) AS s "
    "JOIN agreements AS a ON a.id = s.agreement_id JOIN people AS p ON p.id = a.person_id "
    "ORDER BY s.updated_at DESC"
)


class UnfinishedSessionRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def newest(self, limit: int) -> list[SessionInProgress]:
        rows = self._vault.conn.execute(_SQL, (int(limit),)).fetchall()
        return [
            SessionInProgress(
                str(r[0]), str(r[1]), date.fromisoformat(r[2]) if r[2] else None, str(r[3])
            )
            for r in rows
        ]

    def plan(self) -> str:
        """SQLite's query plan for ``newest`` (the guard test checks it uses the index)."""
        rows = self._vault.conn.execute(f"EXPLAIN QUERY PLAN {_SQL}", (1,)).fetchall()
        return "\n".join(str(r[-1]) for r in rows)
