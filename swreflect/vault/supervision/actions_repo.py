"""Agreed actions. An action is "current" while nothing has carried it on (``carried_to`` NULL);
the open-actions list and the carry-over only ever look at current actions."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from swreflect.models.supervision import Action
from swreflect.models.vocab import ActionStatus
from swreflect.vault.connection import require_transaction
from swreflect.vault.vault import Vault

_COLUMNS = (
    "id, session_id, agreement_id, description, owner, due, status, carried_over_from, "
    "carried_to, position, kind"
)


def _build(row: tuple[Any, ...]) -> Action:
    return Action(
        id=row[0],
        session_id=row[1],
        agreement_id=row[2],
        description=row[3],
        owner=row[4],
        due=date.fromisoformat(row[5]) if row[5] else None,
        status=row[6],
        carried_over_from=row[7],
        carried_to=row[8],
        position=int(row[9]),
        kind=row[10] or "action",
    )


class ActionRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def add(
        self,
        session_id: str,
        agreement_id: str,
        description: str,
        owner: str,
        due: date | None,
        stamp: str,
        kind: str = "action",
    ) -> str:
        action_id = str(uuid.uuid4())
        conn = self._vault.writer()
        conn.execute(
            f"INSERT INTO actions ({_COLUMNS}, created_at) VALUES "  # noqa: S608
            "(?, ?, ?, ?, ?, ?, 'open', NULL, NULL, "
            "(SELECT COALESCE(MAX(position), -1) + 1 FROM actions WHERE session_id = ?), ?, ?)",
            (
                action_id,
                session_id,
                agreement_id,
                description,
                owner,
                due.isoformat() if due else None,
                session_id,
                kind,
                stamp,
            ),
        )
        return action_id

    def update(self, action_id: str, description: str, owner: str, due: date | None) -> bool:
        conn = self._vault.writer()
        cur = conn.execute(
            "UPDATE actions SET description = ?, owner = ?, due = ? WHERE id = ?",
            (description, owner, due.isoformat() if due else None, action_id),
        )
        return bool(cur.rowcount)

    def set_status(self, action_id: str, status: str, stamp: str | None) -> bool:
        conn = self._vault.writer()
        cur = conn.execute(
            "UPDATE actions SET status = ?, done_at = ? WHERE id = ?",
            (status, stamp if status == ActionStatus.DONE else None, action_id),
        )
        return bool(cur.rowcount)

    def delete(self, action_id: str) -> None:
        """Remove an action added by mistake; an original it was carried from becomes current."""
        conn = self._vault.writer()
        conn.execute("UPDATE actions SET carried_to = NULL WHERE carried_to = ?", (action_id,))
        conn.execute("DELETE FROM actions WHERE id = ?", (action_id,))

    def get(self, action_id: str) -> Action | None:
        row = self._vault.conn.execute(
            f"SELECT {_COLUMNS} FROM actions WHERE id = ?",  # noqa: S608
            (action_id,),
        ).fetchone()
        return _build(row) if row else None

    def list_for_session(self, session_id: str) -> list[Action]:
        rows = self._vault.conn.execute(
            f"SELECT {_COLUMNS} FROM actions WHERE session_id = ? ORDER BY position, id",  # noqa: S608
            (session_id,),
        ).fetchall()
        return [_build(r) for r in rows]

    def list_current(
        self, agreement_id: str | None = None, status: str | None = None
    ) -> list[Action]:
        sql = f"SELECT {_COLUMNS} FROM actions WHERE carried_to IS NULL"  # noqa: S608
        params: list[str] = []
        if agreement_id:
            sql += " AND agreement_id = ?"
            params.append(agreement_id)
        if status:
            sql += " AND status = ?"
            params.append(status)
        sql += " ORDER BY due IS NULL, due, created_at, id"
        return [_build(r) for r in self._vault.conn.execute(sql, params).fetchall()]

    @staticmethod
    def copy_into(conn: Any, session_id: str, action_ids: Sequence[str], stamp: str) -> int:
        """Copy the named actions into ``session_id`` (inside the caller's transaction), oldest
        first, each pointing back at its original, which is marked as carried to the copy.
        Which actions to carry is ``SessionService``'s decision. Returns how many were copied."""
        require_transaction(conn)
        if not action_ids:
            return 0
        marks = ",".join("?" for _ in action_ids)
        rows = conn.execute(
            f"SELECT id, agreement_id, description, owner, due, kind FROM actions "  # noqa: S608
            f"WHERE id IN ({marks}) AND carried_to IS NULL ORDER BY created_at, position, id",
            tuple(action_ids),
        ).fetchall()
        for position, (old_id, agreement_id, description, owner, due, kind) in enumerate(rows):
            new_id = str(uuid.uuid4())
            conn.execute(
                f"INSERT INTO actions ({_COLUMNS}, created_at) VALUES "  # noqa: S608
                "(?, ?, ?, ?, ?, ?, 'open', ?, NULL, ?, ?, ?)",
                (
                    new_id,
                    session_id,
                    agreement_id,
                    description,
                    owner,
                    due,
                    old_id,
                    position,
                    kind,
                    stamp,
                ),
            )
            conn.execute("UPDATE actions SET carried_to = ? WHERE id = ?", (new_id, old_id))
        return len(rows)
