"""Clipboard hygiene, the page contract on lock, and accessible names."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QLineEdit,
    QListWidget,
    QWidget,
)

from swreflect.core.services import Services
from swreflect.gui.clipboard import HINT_FORMATS, SecureClipboard
from swreflect.gui.pages.protocol import Page, as_page
from swreflect.gui.pages.registry import PAGES, PageSpec, page_classes
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import WAIT_MS, unlock_through_ui


def test_copy_carries_privacy_hints_and_clears_when_due(qtbot, styled_app, clock) -> None:
    board = SecureClipboard(clock, clear_after_seconds=10)
    board.copy("ABCD-EFGH")
    mime = QGuiApplication.clipboard().mimeData()
    for fmt, value in HINT_FORMATS.items():
        assert mime.hasFormat(fmt)
        assert mime.data(fmt).data() == value
    assert QGuiApplication.clipboard().text() == "ABCD-EFGH"
    clock.advance(9)
    assert not board.check()
    assert QGuiApplication.clipboard().text() == "ABCD-EFGH"
    clock.advance(1)
    assert board.check()
    assert QGuiApplication.clipboard().text() == ""


def test_someone_elses_clipboard_text_is_left_alone(qtbot, styled_app, clock) -> None:
    board = SecureClipboard(clock, clear_after_seconds=10)
    board.copy("ABCD-EFGH")
    QGuiApplication.clipboard().setText("the person's own text")
    clock.advance(30)
    assert not board.check()
    assert not board.clear_if_ours()
    assert QGuiApplication.clipboard().text() == "the person's own text"


class DraftPage(QWidget):
    """A page with a pending draft, as the journal will have."""

    calls: list[str] = []

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.setAccessibleName("Draft page")
        self._services = services

    def save_pending(self) -> None:
        DraftPage.calls.append("save")
        self._services.settings._write("test.draft", "saved before lock")

    def clear_sensitive(self) -> None:
        DraftPage.calls.append("clear")

    def page_shown(self) -> None:
        DraftPage.calls.append("shown")


def test_lock_saves_pages_then_clears_them_and_the_clipboard(
    qtbot, make_shell, existing_vault, vault_dir
) -> None:
    DraftPage.calls = []
    pages = [*PAGES, PageSpec("draft", "Draft", "journal", DraftPage)]
    shell = make_shell(vault_dir, pages)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    assert not shell.main_window.pages.is_built("draft")  # pages are built when first shown
    shell.main_window.show_page("draft")
    shell.clipboard.copy("secret text")
    with qtbot.waitSignal(shell.locked, timeout=WAIT_MS):
        shell.main_window.lock_button.click()
    assert DraftPage.calls == ["shown", "save", "clear"]  # opened, then saved and cleared
    assert QGuiApplication.clipboard().text() == ""
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    repo_value = shell.services.settings._store.all().get("test.draft")
    assert repo_value == "saved before lock"


def test_every_page_keeps_the_page_contract(qtbot, make_shell, existing_vault, vault_dir) -> None:
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    pages = shell.main_window.pages
    assert list(pages) == [spec.key for spec in PAGES]
    for page in pages.values():
        assert isinstance(page, page_classes())
        assert isinstance(page, Page)
        page.clear_sensitive()


def test_a_widget_without_the_contract_is_refused(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    with pytest.raises(TypeError, match="page contract"):
        as_page(widget)


def _unnamed_controls(root: QWidget) -> list[str]:
    """Our own controls without an accessible name (Qt's internal sub-widgets excluded)."""
    kinds = (QAbstractButton, QLineEdit, QAbstractSpinBox, QListWidget)
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, kinds) or widget.accessibleName():
            continue
        internal = widget.objectName().startswith("qt_") or isinstance(widget.parent(), QLineEdit)
        if not internal:
            missing.append(type(widget).__name__)
    return missing


def test_every_control_has_an_accessible_name(qtbot, make_shell, existing_vault, vault_dir):
    shell = make_shell(vault_dir)
    assert _unnamed_controls(shell.gate) == []
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    assert _unnamed_controls(shell.main_window) == []
    rail = shell.main_window.rail
    assert [rail.item(i).text() for i in range(rail.count())] == [
        "Home",
        "Journal",
        "Supervision",
        "Agreements",
        "Actions",
        "Insights",
        "Settings",
    ]


def test_unlock_screen_tab_order(qtbot, make_shell, existing_vault, vault_dir) -> None:
    shell = make_shell(vault_dir)
    screen = shell.gate.unlock_screen
    qtbot.keyClicks(screen.passphrase_field, "something")

    def tabbable(widget: QWidget) -> bool:
        return (
            bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
            and widget.isVisibleTo(shell.gate)
            and widget.isEnabled()
        )

    chain = [screen.passphrase_field]
    widget = screen.passphrase_field.nextInFocusChain()
    while len(chain) < 4 and widget is not screen.passphrase_field:
        if tabbable(widget):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain == [
        screen.passphrase_field,
        screen.show_box,
        screen.unlock_button,
        screen.recovery_button,
    ]
