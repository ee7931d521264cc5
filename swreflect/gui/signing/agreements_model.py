"""The list of records sent or received for agreement, as a Qt item model.

One row per record (its newest version): what it is, who it's with, where it stands. The model
reads through ``SignOffService`` only and is rebuilt with ``refresh()`` after each step.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from swreflect.core.agreement_flow import SignOffService
from swreflect.core.identity_service import IdentityService
from swreflect.core.record_text import status_words
from swreflect.models.signing import VersionRow

COLUMNS = ("Record", "With", "Where it stands")
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class AgreementsModel(QAbstractTableModel):
    def __init__(self, signoff: SignOffService, identity: IdentityService) -> None:
        super().__init__()
        self._signoff = signoff
        self._identity = identity
        self._rows: list[tuple[VersionRow, str, str]] = []
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        names = {p.person_ref: p.display_name for p in self._identity.pairings()}
        rows = []
        for row in self._signoff.records():
            # The row holds the record itself; loading each one's signatures and notes too
            # (three queries per record) took seconds and a lot of memory at a career's scale.
            record = json.loads(row.canonical_json)
            rows.append(
                (row, self._describe(row, record), names.get(row.counterpart_ref or "", ""))
            )
        self._rows = rows
        self.endResetModel()

    @staticmethod
    def _describe(row: VersionRow, record: dict[str, Any]) -> str:
        if row.kind == "addendum":
            return f"Addendum to {str(record.get('addendum_to', ''))[:8]}"
        session = record.get("session") or {}
        when = session.get("date") or "undated"
        return f"Session on {when} (version {row.version})"

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, description, person = self._rows[index.row()]
        if role == RECORD_ID_ROLE:
            return row.record_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (description, person or "Not paired", status_words(row.status))[index.column()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def record_id(self, row: int) -> str | None:
        return self._rows[row][0].record_id if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: str) -> int:
        for number, (row, _d, _p) in enumerate(self._rows):
            if row.record_id == record_id:
                return number
        return -1
