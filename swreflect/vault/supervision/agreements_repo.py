"""Agreements and their versioned terms (frequency and length from an effective date)."""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, fields
from datetime import date
from typing import Any

from swreflect.models.supervision import Agreement, AgreementDetails, AgreementTerms
from swreflect.vault.connection import require_transaction
from swreflect.vault.vault import Vault

_COLUMNS = (
    "id, person_id, owner_name, start_date, review_date, record_writer, record_due_days, "
    "disagreement, confidentiality, asye_start, details"
)
_DETAIL_NAMES = {f.name for f in fields(AgreementDetails)}


def _details_json(details: AgreementDetails) -> str:
    return json.dumps(asdict(details), ensure_ascii=False, sort_keys=True)


def _details(text: str | None) -> AgreementDetails:
    """The stored contents; unknown keys are ignored and missing ones stay empty, so an
    agreement made before agreement v2 (stored as ``{}``) reads as empty contents."""
    try:
        raw = json.loads(text or "{}")
    except ValueError:
        raw = {}
    if not isinstance(raw, dict):
        raw = {}
    known = {k: v for k, v in raw.items() if k in _DETAIL_NAMES}
    if "uninterrupted" in known:
        known["uninterrupted"] = bool(known["uninterrupted"])
    for key, value in list(known.items()):
        if key != "uninterrupted" and not isinstance(value, str):
            known[key] = str(value)
    return AgreementDetails(**known)


def _detail_values(agreement: Agreement) -> tuple[object, ...]:
    """The stored form of the columns from start_date to details, in table order (both the
    insert and the update write them)."""
    return (
        agreement.start_date.isoformat(),
        agreement.review_date.isoformat() if agreement.review_date else None,
        agreement.record_writer,
        agreement.record_due_days,
        agreement.disagreement,
        agreement.confidentiality,
        agreement.asye_start.isoformat() if agreement.asye_start else None,
        _details_json(agreement.details),
    )


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


class AgreementRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def add(self, agreement: Agreement, stamp: str) -> None:
        conn = self._vault.writer()
        conn.execute(
            f"INSERT INTO agreements ({_COLUMNS}, created_at, updated_at) "  # noqa: S608
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                *(agreement.id, agreement.person_id, agreement.owner_name),
                *_detail_values(agreement),
                *(stamp, stamp),
            ),
        )
        for terms in agreement.terms:
            self._insert_terms(conn, agreement.id, terms, stamp)

    def update_details(self, agreement: Agreement, stamp: str) -> None:
        """Everything except the terms (which change through ``set_terms``)."""
        conn = self._vault.writer()
        conn.execute(
            "UPDATE agreements SET owner_name = ?, start_date = ?, review_date = ?, "
            "record_writer = ?, record_due_days = ?, disagreement = ?, confidentiality = ?, "
            "asye_start = ?, details = ?, updated_at = ? WHERE id = ?",
            (agreement.owner_name, *_detail_values(agreement), stamp, agreement.id),
        )

    def set_terms(self, agreement_id: str, terms: AgreementTerms, stamp: str) -> None:
        """Add terms from their effective date, replacing any that start on the same day."""
        conn = self._vault.writer()
        conn.execute(
            "DELETE FROM agreement_terms WHERE agreement_id = ? AND effective_from = ?",
            (agreement_id, terms.effective_from.isoformat()),
        )
        self._insert_terms(conn, agreement_id, terms, stamp)
        conn.execute("UPDATE agreements SET updated_at = ? WHERE id = ?", (stamp, agreement_id))

    @staticmethod
    def _insert_terms(conn: Any, agreement_id: str, terms: AgreementTerms, stamp: str) -> None:
        require_transaction(conn).execute(
            "INSERT INTO agreement_terms (id, agreement_id, effective_from, frequency, "
            "custom_days, usual_minutes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                str(uuid.uuid4()),
                agreement_id,
                terms.effective_from.isoformat(),
                terms.frequency,
                terms.custom_days,
                terms.usual_minutes,
                stamp,
            ),
        )

    def get(self, agreement_id: str) -> Agreement | None:
        row = self._vault.conn.execute(
            f"SELECT {_COLUMNS} FROM agreements WHERE id = ?",  # noqa: S608
            (agreement_id,),
        ).fetchone()
        return self._build(row) if row else None

    def has_any(self) -> bool:
        """Whether there is at least one agreement (one row read, none built)."""
        return self._vault.conn.execute("SELECT 1 FROM agreements LIMIT 1").fetchone() is not None

    def list(self, person_id: str | None = None) -> list[Agreement]:
        sql = f"SELECT {_COLUMNS} FROM agreements"  # noqa: S608
        params: tuple[str, ...] = ()
        if person_id:
            sql += " WHERE person_id = ?"
            params = (person_id,)
        rows = self._vault.conn.execute(sql + " ORDER BY start_date, id", params).fetchall()
        return [self._build(row) for row in rows]

    def _build(self, row: tuple[Any, ...]) -> Agreement:
        terms_rows = self._vault.conn.execute(
            "SELECT effective_from, frequency, custom_days, usual_minutes FROM agreement_terms "
            "WHERE agreement_id = ? ORDER BY effective_from",
            (row[0],),
        ).fetchall()
        terms = tuple(
            AgreementTerms(date.fromisoformat(t[0]), t[1], t[2], int(t[3])) for t in terms_rows
        )
        start = date.fromisoformat(row[3])
        return Agreement(
            id=row[0],
            person_id=row[1],
            owner_name=row[2],
            start_date=start,
            review_date=_day(row[4]),
            record_writer=row[5],
            record_due_days=int(row[6]),
            disagreement=row[7],
            confidentiality=row[8],
            terms=terms,
            asye_start=_day(row[9]),
            details=_details(row[10]),
        )
