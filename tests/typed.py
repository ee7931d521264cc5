"""Small typed accessors for tests, so mypy checks what a test reaches into (instead of a
``type: ignore`` or an attribute lookup on a plain ``QWidget``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableWidget

    from swreflect.gui.main_window import MainWindow
    from swreflect.gui.supervision.session_runner import SessionRunner
    from swreflect.gui.supervision.stage_panel import StagePanel

T = TypeVar("T")


def present(value: T | None) -> T:
    """``value``, which the test expects to be there by now."""
    assert value is not None
    return value


def page_of(window: MainWindow | None, key: str, kind: type[T]) -> T:
    """The main window's ``key`` page, as the class the test expects."""
    page = present(window).pages[key]
    assert isinstance(page, kind), type(page)
    return page


def stage_panel(runner: SessionRunner, key: str) -> StagePanel:
    from swreflect.gui.supervision.stage_panel import StagePanel

    panel = runner.panels[key]
    assert isinstance(panel, StagePanel), type(panel)
    return panel


def cell(table: QTableWidget, row: int, column: int) -> str:
    return present(table.item(row, column)).text()
