"""Journal entries and sessions marked as pieces of CPD, with the professional standards they
relate to and whether they include peer reflection. Only ids, dates and tags are stored here:
titles are read from the entry or session when shown, so deleting an entry leaves no words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from swreflect.vault.vault import Vault


@dataclass(frozen=True)
class CpdPiece:
    item_type: str  # "journal" or "session"
    item_id: str
    on_date: date
    standards: tuple[str, ...]
    peer: bool


class CpdRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def save(self, piece: CpdPiece, stamp: str) -> None:
        conn = self._vault.writer()
        conn.execute(
            "INSERT INTO cpd_pieces (item_type, item_id, on_date, standards, peer, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (item_type, item_id) DO UPDATE SET "
            "on_date = excluded.on_date, standards = excluded.standards, peer = excluded.peer",
            (
                piece.item_type,
                piece.item_id,
                piece.on_date.isoformat(),
                ",".join(piece.standards),
                int(piece.peer),
                stamp,
            ),
        )

    def remove(self, item_type: str, item_ids: list[str]) -> None:
        conn = self._vault.writer()
        conn.executemany(
            "DELETE FROM cpd_pieces WHERE item_type = ? AND item_id = ?",
            [(item_type, item_id) for item_id in item_ids],
        )

    def get(self, item_type: str, item_id: str) -> CpdPiece | None:
        row = self._vault.conn.execute(
            "SELECT item_type, item_id, on_date, standards, peer FROM cpd_pieces "
            "WHERE item_type = ? AND item_id = ?",
            (item_type, item_id),
        ).fetchone()
        return _build(row) if row else None

    def between(self, start: date, end: date) -> list[CpdPiece]:
        rows = self._vault.conn.execute(
            "SELECT item_type, item_id, on_date, standards, peer FROM cpd_pieces "
            "WHERE on_date BETWEEN ? AND ? ORDER BY on_date, item_type, item_id",
            (start.isoformat(), end.isoformat()),
        ).fetchall()
        return [_build(r) for r in rows]


def _build(row: tuple[object, ...]) -> CpdPiece:
    standards = tuple(s for s in str(row[3]).split(",") if s)
    return CpdPiece(
        str(row[0]), str(row[1]), date.fromisoformat(str(row[2])), standards, bool(row[4])
    )
