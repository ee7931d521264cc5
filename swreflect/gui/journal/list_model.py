"""A lazy list model for journal entries and search results.

It never loads every row: it asks a ``fetch(offset, limit)`` callable for one page at a time,
and Qt's views call ``fetchMore`` as the user scrolls. The same model shows the browse list,
search hits (with highlighted snippets) and the Trash, depending on the fetch it is given.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from swreflect.models.journal import HIT_END, HIT_START, EntrySummary, SearchHit
from swreflect.timefmt import format_short_date

PAGE_SIZE = 100
PREVIEW_CHARS = 110
IdRole = Qt.ItemDataRole.UserRole + 1
HtmlRole = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ListRow:
    id: int
    title: str
    detail_html: str
    when: str


def row_from(item: EntrySummary | SearchHit) -> ListRow:
    title = item.title or "Untitled entry"
    created = item.created_at
    when = format_short_date(created.astimezone() if created.tzinfo is not None else created)
    if isinstance(item, SearchHit):
        detail = (
            html.escape(" ".join(item.snippet.split()))
            .replace(HIT_START, "<b><u>")
            .replace(HIT_END, "</u></b>")
        )
    else:
        preview = item.preview
        if len(preview) > PREVIEW_CHARS:
            preview = preview[:PREVIEW_CHARS].rsplit(" ", 1)[0] + "…"
        detail = html.escape(preview)
    return ListRow(item.id, title, detail, when)


Fetch = Callable[[int, int], Sequence[EntrySummary | SearchHit]]


def _nothing(_offset: int, _limit: int) -> Sequence[EntrySummary | SearchHit]:
    return []


class JournalListModel(QAbstractListModel):
    def __init__(self, page_size: int = PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch: Fetch = _nothing
        self._rows: list[ListRow] = []
        self._exhausted = True
        self._page_size = page_size

    # ------------------------------------------------------------ loading
    def reset(self, fetch: Fetch) -> None:
        """Show a new source; only its first page is read now."""
        self.beginResetModel()
        self._fetch = fetch
        self._rows = []
        self._exhausted = False
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def show_rows(
        self, first: Sequence[EntrySummary | SearchHit], fetch: Fetch, asked: int | None = None
    ) -> None:
        """Show a first page fetched elsewhere (by a worker) of ``asked`` rows at most (a page
        by default); later pages come from ``fetch``."""
        self.beginResetModel()
        self._fetch = fetch
        self._rows = [row_from(item) for item in first]
        self._exhausted = len(self._rows) < (asked or self._page_size)
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._fetch = _nothing
        self._rows = []
        self._exhausted = True
        self.endResetModel()

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        page = [row_from(item) for item in self._fetch(len(self._rows), self._page_size)]
        if len(page) < self._page_size:
            self._exhausted = True
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # ------------------------------------------------------------ reading
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.title}, {row.when}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.when
        if role == IdRole:
            return row.id
        if role == HtmlRole:
            return (
                f"<b>{html.escape(row.title)}</b> &nbsp;<small>{row.when}</small><br>"
                f"<span>{row.detail_html}</span>"
            )
        return None

    def row_at(self, row: int) -> ListRow:
        return self._rows[row]

    def row_of(self, entry_id: int) -> int | None:
        for i, row in enumerate(self._rows):
            if row.id == entry_id:
                return i
        return None
