"""The journal list model on its own, without a view: lazy paging and display data."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from swreflect.gui.journal.list_model import HtmlRole, IdRole, JournalListModel
from swreflect.models.journal import HIT_END, HIT_START, EntrySummary, SearchHit

WHEN = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


class CountingSource:
    """A fetch callable over N made-up rows that records every page asked for."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.calls: list[tuple[int, int]] = []

    def __call__(self, offset: int, limit: int) -> list[EntrySummary]:
        self.calls.append((offset, limit))
        end = min(self.total, offset + limit)
        return [
            EntrySummary(i, f"Entry {i}", "<b>not bold</b> " + "word " * 40, "free", WHEN, WHEN)
            for i in range(offset, end)
        ]


def test_only_the_first_page_is_read_until_more_is_asked_for(qtbot: QtBot) -> None:
    source = CountingSource(100_000)
    model = JournalListModel(page_size=50)
    model.reset(source)
    assert model.rowCount() == 50
    assert source.calls == [(0, 50)]
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 100
    assert source.calls == [(0, 50), (50, 50)]


def test_short_last_page_ends_fetching(qtbot: QtBot) -> None:
    source = CountingSource(120)
    model = JournalListModel(page_size=50)
    model.reset(source)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 120
    assert source.calls[-1] == (100, 50)
    model.clear()
    assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())


def test_display_roles_escape_text_and_highlight_hits(qtbot: QtBot) -> None:
    model = JournalListModel(page_size=10)
    model.reset(CountingSource(3))
    index = model.index(1, 0)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Entry 1"
    assert index.data(IdRole) == 1
    assert (
        index.data(Qt.ItemDataRole.AccessibleTextRole) == "Entry 1, 1 Mar 2026"
    )  # one date format: no leading zero
    html = index.data(HtmlRole)
    assert "&lt;b&gt;not bold&lt;/b&gt;" in html and html.endswith("…</span>")
    assert model.row_of(2) == 2 and model.row_of(99) is None

    hit = SearchHit(7, "", f"a {HIT_START}kitchen{HIT_END} <x>", "free", WHEN, WHEN)
    model.reset(lambda offset, limit: [hit] if offset == 0 else [])
    html = model.index(0, 0).data(HtmlRole)
    assert "<b><u>kitchen</u></b> &lt;x&gt;" in html
    assert "Untitled entry" in html
